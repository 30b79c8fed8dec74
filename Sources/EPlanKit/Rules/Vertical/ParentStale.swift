import EPlanText

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
        for (plan, parent) in context.subjectsWithParents where plan.parent?.version != nil {
            guard let docking = context.docking(plan, parent: parent), let version = docking.version, version.status == .weaker,
                  let recorded = version.recorded, let at = version.recordedAt else { continue }
            findings.append(plan.finding(
                id, Message("parent-stale.stale", ["parent": docking.parent.named, "current": "\(version.current)", "recorded": "\(recorded)"]),
                at: at, help: Message("parent-stale.help", ["current": "\(version.current)"]),
                related: [RelatedLocation(version.currentAt, Message("parent-stale.current"))]))
        }
    }
}
