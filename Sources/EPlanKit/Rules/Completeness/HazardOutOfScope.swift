import EPlanText
private typealias E = ExampleFiles

struct HazardOutOfScope: Rule {
    static let description = RuleDescription(
        id: "hazard-out-of-scope", severity: .warning, group: .completeness,
        summary: "An action's hazards are in its plan's scope",
        rationale: "An action for a hazard the plan does not handle belongs in another plan.",
        passing: [RuleExample(E.repo(E.file("qs.master", ["actions": """
            actions:
              - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: [], hazards: [flood]}
              - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: []}
              - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After, resources: []}
            """])))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["actions": """
            actions:
              - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: [], hazards: [↓earthquake]}
              - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: []}
              - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After, resources: []}
            """])))])

    var isLocal: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            // A scope whose hazards are not valid (or misspelt) is not compared: its own finding says enough.
            if let hazards = plan.scope?.hazards, hazards.value == nil || hazards.value?.contains(where: { $0.value == nil }) == true { continue }
            let scope = plan.scope?.hazards?.value ?? []  // a few hazards: searched, not hashed
            let actions = plan.actions?.value ?? []
            for i in actions.indices {  // by position: an action copied out of its list retains its texts
                for entry in actions[i].hazards?.value ?? [] {
                    guard let hazard = entry.value, !scope.contains(where: { $0.value == hazard }) else { continue }
                    findings.append(plan.finding(
                        id, Message("hazard-out-of-scope.outside", ["action": .verbatim(actions[i].id?.value ?? "?"), "hazard": .term(Term(.hazard, hazard)),
                                                                      "plan": plan.named]),
                        at: entry.span, help: Message("hazard-out-of-scope.help", ["hazard": .term(Term(.hazard, hazard))])))
                }
            }
        }
    }
}
