private typealias E = ExampleFiles

struct ReportingLooser: Rule {
    static let description = RuleDescription(
        id: "reporting-looser", severity: .error, group: .docking,
        summary: "Reporting limits are no looser than the parent's, for every class the plan handles",
        rationale: """
            The higher level sets how fast an incident must be reported to it; a lower level that reports \
            more slowly breaks the chain of information. Compared class by class for `initial` and `written`.
            """,
        passing: [RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: {I: 30m, II: 1h}}"]),
                                     E.file("qs.lin.master", level: "county", region: "qs/lin",
                                            ["reporting": "reporting: {initial: 30m}"])))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: {I: 30m, II: 30m}}"]),
                               E.file("qs.lin.master", level: "county", region: "qs/lin",
                                      ["reporting": "reporting: {↓initial: {I: 30m, II: 1h}}"]))),
            RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: 30m, written: 2h}"]),
                               E.file("qs.lin.master", level: "county", region: "qs/lin",
                                      ["reporting": "reporting:\n  ↓initial: 30m\n  follow-up: 12h"])),
                        note: "the parent sets a written limit and this plan none: located at the first key of 'reporting'"),
        ])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let link = plan.parent, let parentID = link.id.value, let parent = context.index.target(parentID),
                  let theirs = parent.reporting else { continue }
            let handled = PlanTarget.local(plan).severities.sorted()
            let ours = plan.reporting
            compare("initial", ours?.initial, theirs.initial, ours, plan, parent, handled, &findings)
            compare("written", ours?.written, theirs.written, ours, plan, parent, handled, &findings)
        }
    }

    /// A missing limit is located where a missing key is: the first key of `reporting`, else of the plan.
    private func compare(_ key: String, _ ours: Field<ReportingLimit>?, _ theirs: Field<ReportingLimit>?,
                         _ reporting: Reporting?, _ plan: Plan, _ parent: PlanTarget, _ classes: [SeverityClass],
                         _ findings: inout [Diagnostic]) {
        guard let theirs, let parentLimit = theirs.value else { return }
        if let ours, ours.value == nil { return }  // invalid: schema-value said so
        let related = [RelatedLocation(Location(file: parent.location.file, span: theirs.span), "the parent's limit")]
        // One finding per key, naming every class that is looser.
        var looser: [String] = []
        for severity in classes {
            guard let limit = parentLimit.limit(for: severity) else { continue }
            if let mine = ours?.value?.limit(for: severity) {
                if mine > limit { looser.append("\(severity.rawValue): \(mine) > \(limit)") }
            } else {
                looser.append("\(severity.rawValue): none, parent \(limit)")
            }
        }
        guard !looser.isEmpty else { return }
        let message = ours == nil
            ? "reporting sets no '\(key)' limit, but parent \(parent.name) sets one (\(looser.joined(separator: "; ")))"
            : "reporting.\(key) is looser than parent \(parent.name)'s limit (\(looser.joined(separator: "; ")))"
        findings.append(plan.finding(id, message, at: ours?.span ?? reporting?.firstKey ?? plan.firstKey,
                                     help: "report at least as fast as the parent requires for every class this plan handles",
                                     related: related))
    }
}
