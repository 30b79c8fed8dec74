import EPlanText
private typealias E = ExampleFiles

struct PhaseUncovered: Rule {
    static let description = RuleDescription(
        id: "phase-uncovered", severity: .error, group: .completeness,
        summary: "A plan has actions before, during and after the incident",
        rationale: """
            A plan covers the whole incident: prevention, preparedness and warning before it, response during \
            it, recovery after it. A stage without actions is a stage nobody prepared.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster)),
            RuleExample(E.repo(E.file("qs.master", ["actions": "actoins:\n  - {id: watch, phase: warning}"])),
                        note: "a misspelt 'actions' is one finding, schema-unknown-key"),
        ],
        failing: [RuleExample(E.repo(E.file("qs.master", ["actions": """
            ↓actions:
              - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: []}
              - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: []}
            """])))])

    static let kinds: Set<PlanKind> = [.master, .special, .departmental, .unit, .event]

    var isLocal: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            // `actions` written but not valid (or misspelt: `actoins:`): its own finding says enough.
            guard let kind = plan.kind?.value, Self.kinds.contains(kind), plan.actions == nil || plan.actions?.value != nil else { continue }
            let stages = plan.coveredStages
            for stage in Stage.allCases where !stages.contains(stage) {
                let phases = Phase.allCases.filter { $0.stage == stage }.map(\.rawValue)
                // `stage` is before, during or after: the last part of the message key.
                findings.append(plan.finding(
                    id, Message("phase-uncovered.no-action-\(stage.rawValue)", ["plan": plan.named, "phases": .terms(.phase, phases)]),
                    at: plan.actions?.span ?? plan.firstKey,
                    help: Message("phase-uncovered.help", ["phases": .message(Message.alternatives(phases.map { .term(Term(.phase, $0)) }))])))
            }
        }
    }
}
