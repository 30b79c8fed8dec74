private typealias E = ExampleFiles

struct ScopeNarrower: Rule {
    static let description = RuleDescription(
        id: "scope-narrower", severity: .warning, group: .docking,
        summary: "A special plan handles its parent's hazards that its region faces, or excludes them",
        rationale: """
            A county plan that silently drops a hazard its city plan handles leaves a gap. An exclusion with a \
            reason (`scope.excluded`) is a reviewed decision; silence is not.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster,
                                     E.file("qs.flood", kind: "special", ["scope": "scope: {hazards: [flood, drought]}"]),
                                     E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                            ["parent": "parent: qs.flood"])))],
        failing: [RuleExample(E.repo(E.cityMaster, E.countyMaster,
                                     E.file("qs.flood", kind: "special", ["scope": "scope: {hazards: [flood, drought]}"]),
                                     E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                            ["parent": "parent: qs.flood", "scope": "scope: {↓hazards: [drought]}"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        for plan in context.subjects where plan.kind?.value == .special {
            guard let link = plan.parent, let parentID = link.id.value, let parent = index.target(parentID),
                  parent.kind == .special, let region = plan.region?.value, let entry = index.regionByPath[region],
                  let scope = plan.scope, let hazards = scope.hazards, let own = hazards.value else { continue }
            let profile = Set(entry.region.hazards?.value?.compactMap(\.value) ?? [])
            let handled = Set(own.compactMap(\.value))
            let excluded = Set(scope.excluded.compactMap { $0.hazard?.value })
            for hazard in parent.hazards where profile.contains(hazard) && !handled.contains(hazard) && !excluded.contains(hazard) {
                findings.append(plan.finding(
                    id, "\(plan.name) omits hazard '\(hazard)', which parent \(parent.name) handles and region '\(region)' faces",
                    at: hazards.span,
                    help: "add '\(hazard)' to scope.hazards, or list it under scope.excluded with a reason"))
            }
        }
    }
}
