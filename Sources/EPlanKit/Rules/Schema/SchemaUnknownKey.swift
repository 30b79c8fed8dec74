private typealias E = ExampleFiles

struct SchemaUnknownKey: DecoderRule {
    static let description = RuleDescription(
        id: "schema-unknown-key", severity: .error, group: .schema,
        summary: "Every key is defined by the format or starts with 'x-'",
        rationale: """
            A misspelt key is a silently missing one. Extension keys start with 'x-', anywhere: among the \
            classes of a reporting limit and the rules and hazard categories of eplan.yaml too. A misspelt key \
            is reported once, here: the key it stands for is neither `schema-missing-key` nor compared by \
            another rule (an `inital:` limit is not "no limit" to `reporting-looser`).
            """,
        passing: [RuleExample(E.repo(E.file("qs.master", [
            "x-archive-no": "x-archive-no: QS-2026-001",
            "reporting": "reporting: {initial: {I: 30m, II: 30m, III: 1h, IV: 2h, x-source: city notice 2024-3}}",
        ])))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["title": "↓titel: Plan qs.master"]))),
            RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: 30m, written: 2h}"]),
                               E.file("qs.lin.master", level: "county", region: "qs/lin",
                                      ["reporting": "reporting: {↓inital: 30m, written: 2h}"])),
                        note: "one finding: the parent's initial limit is not compared with a misspelt key (no reporting-looser)"),
        ])
}
