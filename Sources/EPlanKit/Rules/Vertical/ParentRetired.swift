private typealias E = ExampleFiles

struct ParentRetired: Rule {
    static let description = RuleDescription(
        id: "parent-retired", severity: .warning, group: .vertical,
        summary: "An in-force plan's parent is in force",
        rationale: "Docking with a retired or draft plan means docking with rules that do not apply.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["status": "status: draft"]),
                                     E.file("qs.lin.master", level: "county", region: "qs/lin", ["parent": "↓parent: qs.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects where plan.isInForce {
            guard let link = plan.parent, let targetID = link.id.value, let target = context.index.plan(targetID),
                  !target.isInForce else { continue }
            let status = target.effectiveStatus.rawValue
            findings.append(plan.finding(id, "parent \(target.name) is \(status), not in force", at: link.span,
                                         help: "dock with the plan in force that replaced it",
                                         related: [RelatedLocation(Location(file: target.file, span: target.status?.span ?? target.firstKey), "status")]))
        }
    }
}
