private typealias E = ExampleFiles

struct ParentLevel: Rule {
    static let description = RuleDescription(
        id: "parent-level", severity: .error, group: .vertical,
        summary: "The parent is at a higher level (unit and departmental plans: the same or higher)",
        rationale: "Docking runs upward: a county plan docks with a city plan, never with another county's.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.countyMaster, E.file("qs.master", ["parent": "↓parent: qs.lin.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let link = plan.parent, let targetID = link.id.value, let target = context.index.target(targetID),
                  let kind = plan.kind?.value, let level = plan.level?.value, let parentLevel = target.level else { continue }
            let ok = kind.docksAtOwnLevel ? parentLevel <= level : parentLevel < level
            guard !ok else { continue }
            let need = kind.docksAtOwnLevel ? "the same level or higher" : "a higher level"
            findings.append(plan.finding(
                id, "parent \(target.name) is \(parentLevel.rawValue), not \(need) than this \(level.rawValue) plan",
                at: link.span, help: "dock with a plan of \(need)",
                related: [RelatedLocation(target.location, "the parent")]))
        }
    }
}
