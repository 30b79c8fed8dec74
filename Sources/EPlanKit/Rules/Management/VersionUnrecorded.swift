import EPlanText
private typealias E = ExampleFiles

struct VersionUnrecorded: Rule {
    static let description = RuleDescription(
        id: "version-unrecorded", severity: .warning, group: .management,
        summary: "The latest revision records the plan's version",
        rationale: """
            `revisions` is the plan's history: the newest entry is the version in force. When the plan's \
            `version` is not what that entry records, either a revision went unrecorded or the version was not \
            updated, and the plans docking with it (`parent: {id, version}`) cannot tell which is right. The \
            latest entry is the one with the latest `date`, wherever it stands in the list (some lists put the \
            newest first). When several entries share the latest date, the plan's version is recorded when one \
            of them records it (a history written on one day has no order but the list's, and lists run both \
            ways); otherwise the message names the highest of their versions. Versions compare as versions \
            (`"2.10"` is after `"2.9"`, `"2.0"` is `"2.00"`), as `parent-stale` does. A plan whose `version` \
            is not valid, or whose revisions include one without a valid `date` (it might be the latest) or \
            whose latest entries lack a valid `version`, is skipped: the schema finding says enough.
            """,
        passing: [
            RuleExample(E.repo(E.file("qs.master", ["version": "version: \"2.1\"", "revisions": """
                revisions:
                  - {version: "2.1", date: 2026-01-05, reason: New duty desk}
                  - {version: "2.0", date: 2024-03-11, reason: New hazards}
                """])), note: "The newest entry, listed first, records the plan's version."),
            RuleExample(E.repo(E.file("qs.master", ["version": "version: \"3.0\"", "revisions": """
                revisions:
                  - {version: "2.9", date: 2026-01-05, reason: New duty desk}
                  - {version: "3.00", date: 2026-01-05, reason: Corrected contact list}
                """])), note: "Two entries on the latest date: one of them records the plan's version (\"3.00\" is \"3.0\")."),
            RuleExample(E.repo(E.file("qs.master", ["revisions": nil])), note: "A plan without revisions."),
        ],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["version": "↓version: \"2.0\"", "revisions": """
                revisions:
                  - {version: "2.0", date: 2024-03-11, reason: New hazards}
                  - {version: "2.1", date: 2026-01-05, reason: New duty desk}
                """])), note: "Revised to 2.1, but 'version' still says 2.0."),
            RuleExample(E.repo(E.file("qs.master", ["version": "↓version: \"2.10\"", "revisions": """
                revisions:
                  - {version: "2.9", date: 2026-01-05, reason: New duty desk}
                """])), note: "Version 2.10 has no revision entry."),
        ])

    var isLocal: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let versionField = plan.version, let version = versionField.value,
                  let revisions = plan.revisions?.value, !revisions.isEmpty else { continue }
            // Every revision dated; the latest date's revisions all with a version, none of them the plan's.
            // Read by position: a revision copied out of its list retains its texts.
            var latest: Day?
            for i in revisions.indices {
                guard let day = revisions[i].date?.value else { latest = nil; break }
                if latest.map({ $0 < day }) ?? true { latest = day }
            }
            guard let latest else { continue }
            var highest: Version?
            var complete = true, listed = false
            for i in revisions.indices where revisions[i].date?.value == latest {
                guard let recorded = revisions[i].version?.value else { complete = false; break }
                if recorded == version { listed = true }
                if highest.map({ $0 < recorded }) ?? true { highest = recorded }  // the first of equals, as max()
            }
            guard complete, !listed, let highest else { continue }
            findings.append(plan.finding(
                id, Message("version-unrecorded.unrecorded", ["plan": plan.named, "version": "\(version)", "date": "\(latest)", "recorded": "\(highest)"]),
                at: versionField.span,
                help: version > highest
                    ? Message("version-unrecorded.record-help", ["version": "\(version)"])
                    : Message("version-unrecorded.set-help", ["recorded": "\(highest)"])))
        }
    }
}
