import EPlanText

private typealias E = ExampleFiles

struct ParentRegion: Rule {
    static let description = RuleDescription(
        id: "parent-region", severity: .error, group: .vertical,
        summary: "The parent's region is an ancestor of the plan's region (unit, departmental: or its own)",
        rationale: "A plan docks with the plans of the regions above it, not with a neighbour's.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(
            E.cityMaster, E.countyMaster,
            E.file("qs.yang.master", level: "county", region: "qs/yang", ["parent": "↓parent: qs.lin.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for (plan, parent) in context.subjectsWithParents {
            guard let target = parent,
                  !target.isExternal, let region = plan.region?.value, let parentRegion = target.region,
                  let kind = plan.kind?.value else { continue }
            if RepositoryIndex.isAncestor(parentRegion, of: region) { continue }
            if kind.docksAtOwnLevel, parentRegion == region { continue }
            findings.append(plan.finding(
                id, Message("parent-region.region", ["parent": target.named, "parent-region": "\(parentRegion)", "region": "\(region)"]),
                at: plan.parentKey, help: Message("parent-region.help", ["region": "\(region)"]),
                related: [RelatedLocation(target.location, Message("parent-region.parent"))]))
        }
    }
}
