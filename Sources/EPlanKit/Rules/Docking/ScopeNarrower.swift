import EPlanText

private typealias E = ExampleFiles

struct ScopeNarrower: Rule {
    static let description = RuleDescription(
        id: "scope-narrower", severity: .warning, group: .docking,
        summary: "A special plan handles its parent's hazards that its region faces, or excludes them",
        rationale: """
            A county plan that silently drops a hazard its city plan handles leaves a gap. An exclusion with a \
            reason (`scope.excluded`) is a reviewed decision; silence is not.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster, E.countyMaster,
                               E.file("qs.flood", kind: "special", ["scope": "scope: {hazards: [flood, drought]}"]),
                               E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                      ["parent": "parent: qs.flood"]))),
            RuleExample(E.repo(E.cityMaster, E.countyMaster,
                               E.file("qs.flood", kind: "special", ["scope": "scope: {hazards: [flood, drought]}"]),
                               E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                      ["parent": "parent: qs.flood", "scope": "scope: {hazards: [flod]}"])),
                        note: "'flod' is no hazard (schema-value); it may stand for 'flood', so nothing is compared"),
        ],
        failing: [RuleExample(E.repo(E.cityMaster, E.countyMaster,
                                     E.file("qs.flood", kind: "special", ["scope": "scope: {hazards: [flood, drought]}"]),
                                     E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                            ["parent": "parent: qs.flood", "scope": "scope: {↓hazards: [drought]}"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for (plan, parent) in context.subjectsWithParents where plan.kind?.value == .special {
            // A retired parent binds no one: parent-retired says enough (rules.md 1.1).
            guard let docking = context.docking(plan, parent: parent), docking.parent.kind == .special, docking.parent.status != .retired,
                  let region = plan.region?.value,
                  let hazards = plan.scope?.hazards, let own = hazards.value,
                  // An invalid entry may stand for the parent's hazard: not compared (schema-value says enough).
                  !own.contains(where: { $0.value == nil }) else { continue }
            for hazard in docking.hazards where hazard.status == .missing {
                findings.append(plan.finding(
                    id, Message("scope-narrower.omits", ["plan": plan.named, "hazard": .term(Term(.hazard, hazard.hazard)),
                                                         "parent": docking.parent.named, "region": "\(region)"]),
                    at: hazards.span,
                    help: Message("scope-narrower.help", ["hazard": .term(Term(.hazard, hazard.hazard))])))
            }
        }
    }
}
