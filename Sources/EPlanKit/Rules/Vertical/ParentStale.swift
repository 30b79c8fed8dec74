private typealias E = ExampleFiles

struct ParentStale: Rule {
    static let description = RuleDescription(
        id: "parent-stale", severity: .warning, group: .vertical,
        summary: "The recorded parent version is the parent's current version",
        rationale: """
            `parent: {id, version}` records the parent version this plan was last reviewed against. When the \
            parent is revised, the link becomes suspect until the plan is docked again.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.lin.master", level: "county", region: "qs/lin",
                                                          ["parent": "parent: {id: qs.master, version: \"1\"}"])))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["version": "version: \"2.10\""]),
                                     E.file("qs.lin.master", level: "county", region: "qs/lin",
                                            ["parent": "parent: {id: qs.master, ↓version: \"2.9\"}"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let link = plan.parent, let recorded = link.version, let old = recorded.value,
                  let targetID = link.id.value, let target = context.index.target(targetID),
                  let current = target.version, let new = current.value, old < new else { continue }
            findings.append(plan.finding(
                id, "parent \(target.name) is at version '\(new)' but this plan last docked with '\(old)'",
                at: recorded.span, help: "review this plan against version '\(new)' of the parent, then record it",
                related: [RelatedLocation(Location(file: target.location.file, span: current.span), "current version")]))
        }
    }
}
