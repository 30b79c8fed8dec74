import EPlanText
private typealias E = ExampleFiles

struct ResourceUnresolved: Rule {
    static let description = RuleDescription(
        id: "resource-unresolved", severity: .error, group: .completeness,
        summary: "Every resource an action lists is defined",
        rationale: """
            "With what resources" must name resources that exist in a plan or an inventory. A resource defined \
            only in a retired plan does not exist any more: retired plans take part in no cross-plan rule. While \
            a file of the repository cannot be read whole, no resource is called undefined: it may be there.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster, ("inventory/qs.yaml", """
            eplan: inventory/v1
            region: qs
            resources:
              - {id: qs.team.rescue, type: team, name: City rescue team, holder: emergency-management}
            """))),
            RuleExample(E.repo(E.file("qs.master", ["actions": """
                actions:
                  - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: []}
                  - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: [qs.team.rescue]}
                  - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After, resources: []}
                """]), ("inventory/qs.yaml", "eplan: inventory/v1\nregion: qs\nresources:\n  - {id: qs.team.rescue, type: [team\n")),
                        note: "the inventory that defines it cannot be read whole"),
        ],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["actions": """
                actions:
                  - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: []}
                  - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: [↓qs.team.rescue]}
                  - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After, resources: []}
                """]))),
            RuleExample(E.repo(
                E.file("qs.master", ["actions": """
                    actions:
                      - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: []}
                      - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: [↓qs.team.old]}
                      - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After, resources: []}
                    """]),
                E.file("qs.flood", kind: "special", ["status": "status: retired",
                                                     "resources": "resources:\n  - {id: qs.team.old, type: team, name: Old flood team}"])),
                        note: "the only definition is in a retired plan"),
        ])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        // Withheld while a file could not be read whole: it may define what seems missing (rules.md 1.1).
        guard index.brokenFiles.isEmpty else { return }
        var nearest = Suggest.Memo(candidates: Array(index.resourceByID.keys))
        // A resource the plan defines itself is defined by a plan that is not retired (no subject is):
        // resolved without a lookup, and whichever plan defines the id first. Most uses are of the plan's own.
        var own: [String] = []
        for plan in context.subjectPlans {
            own.removeAll(keepingCapacity: true)
            plan.forEachResource(defined: { id, _ in own.append(id) }) { action, entry in
                guard let resource = entry.value else { return }
                if own.contains(resource) { return }
                if let definition = index.resourceByID[resource],
                   index.definingPlan(of: definition)?.isRetired != true || index.resourcesRedefined.contains(resource) { return }
                let help = nearest[resource].map { Message("resource-unresolved.did-you-mean", ["resource": .verbatim($0)]) }
                    ?? Message("resource-unresolved.help")
                findings.append(plan.finding(
                    id, Message("resource-unresolved.undefined", ["action": .verbatim(action ?? "?"), "resource": .verbatim(resource)]),
                    at: entry.span, help: help))
            }
        }
    }
}
