import EPlanText

private typealias E = ExampleFiles

struct ParentUnresolved: Rule {
    static let description = RuleDescription(
        id: "parent-unresolved", severity: .error, group: .vertical,
        summary: "The parent is a plan of the repository or an external plan",
        rationale: "A parent that names no plan breaks the vertical chain as surely as no parent at all.",
        passing: [
            RuleExample(E.repo(E.cityMaster, E.countyMaster)),
            RuleExample(E.repo(("plans/qs/master.yaml", "eplan: plan/v1\nid: qs.master\nkind: master\nx-note: [unclosed\n"),
                               E.countyMaster),
                        note: "the parent's file cannot be read whole, but its id was read: its yaml-syntax finding says enough"),
        ],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.lin.master", level: "county", region: "qs/lin",
                                                          ["parent": "↓parent: qs.mastr"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        var nearest = Suggest.Memo(candidates: index.allPlanIDs)
        for (plan, parent) in context.subjectsWithParents {
            // A file that could not be read whole with this id: its own yaml-syntax finding says enough.
            guard parent == nil, let target = plan.parentID,
                  !index.brokenPlanIDs.contains(target) else { continue }
            var help = Message("parent-unresolved.help")
            var related: [RelatedLocation] = []
            // Never the plan itself: a typo of the parent's id is often close to the plan's own.
            var near = nearest[target]
            if let own = plan.id?.value, near == own { near = Suggest.nearest(target, in: index.allPlanIDs.filter { $0 != own }) }
            if let near, let other = index.target(near) {
                help = Message("parent-unresolved.did-you-mean", ["id": "\(near)"])
                related = [RelatedLocation(other.location, Message("parent-unresolved.similar"))]
            }
            findings.append(plan.finding(id, Message("parent-unresolved.unresolved", ["parent": "\(target)"]),
                                         at: plan.parentKey, help: help, related: related))
        }
    }
}
