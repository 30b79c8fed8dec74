import EPlanText

private typealias E = ExampleFiles

struct ParentLevel: Rule {
    static let description = RuleDescription(
        id: "parent-level", severity: .error, group: .vertical,
        summary: "The parent is at a higher level (unit and departmental plans: the same or higher)",
        rationale: "Docking runs upward: a county plan docks with a city plan, never with another county's.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.countyMaster, E.file("qs.master", ["parent": "↓parent: qs.lin.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for (plan, parent) in context.subjectsWithParents {
            guard let target = parent,
                  let kind = plan.kind?.value, let level = plan.level?.value, let parentLevel = target.level else { continue }
            let ok = kind.docksAtOwnLevel ? parentLevel <= level : parentLevel < level
            guard !ok else { continue }
            let arguments: [String: MessageArgument] = ["parent": target.named, "parent-level": .term(Term(.level, parentLevel.rawValue)),
                                                        "level": .term(Term(.level, level.rawValue))]
            findings.append(plan.finding(
                id, kind.docksAtOwnLevel ? Message("parent-level.same-or-higher", arguments) : Message("parent-level.higher", arguments),
                at: plan.parentKey,
                help: kind.docksAtOwnLevel ? Message("parent-level.help-same-or-higher") : Message("parent-level.help-higher"),
                related: [RelatedLocation(target.location, Message("parent-level.parent"))]))
        }
    }
}
