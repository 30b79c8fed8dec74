import EPlanText
import EPlanYAML

private typealias E = ExampleFiles

struct ActionIncomplete: Rule {
    static let description = RuleDescription(
        id: "action-incomplete", severity: .error, group: .completeness,
        summary: "Every action says who, how, when and with what resources",
        rationale: """
            An action that does not say who does it, how, when, and with what resources cannot be carried out \
            under pressure. `resources: []` states that none are needed; leaving the key out is a gap, and so is \
            a key left empty (`how:`, `resources: ~`), which counts as absent. An empty text (`who: ""`) is \
            reported at its key.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster)),
            RuleExample(E.repo(E.file("qs.master", ["actions": """
                actions:
                  - {id: watch, phase: warning, who: emergency-management, hw: Watch forecasts, when: Daily, resources: []}
                  - {id: respond, phase: response, who: emergency-management, how: Lead, when: On alarm, resources: []}
                  - {id: recover, phase: recovery, who: emergency-management, how: Restore, when: After, resources: []}
                """])), note: "'hw' is one finding, schema-unknown-key ('did you mean how?'), not an action that does not say how"),
        ],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["actions": """
                actions:
                  - ↓id: watch
                    phase: warning
                    who: emergency-management
                    how: Watch forecasts
                    resources: []
                  - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: []}
                  - {id: recover, phase: recovery, who: emergency-management, ↓how: "", when: After, resources: []}
                """]))),
            RuleExample(E.repo(E.file("qs.master", ["actions": """
                actions:
                  - {id: watch, phase: warning, ↓who: "", how: Watch forecasts, when: Daily, resources: []}
                  - {↓id: respond, phase: response, who: emergency-management, how: ~, when: On alarm, resources: []}
                  - {↓id: recover, phase: recovery, who: emergency-management, how: Restore, when: After, resources: null}
                """])), note: "an empty who is located at its key; a key left empty (null) is a missing answer"),
        ])

    var isLocal: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            let actions = plan.actions?.value ?? []
            // Read by position: copying an action out of its list retains each of its texts.
            for i in actions.indices {
                // Messages are put together only for a finding.
                var name: MessageArgument {
                    .message(actions[i].id?.value.map { Message("action-incomplete.action", ["id": .verbatim($0)]) } ?? Message("action-incomplete.an-action"))
                }
                // `question` is who, how or when: the key, and the last part of the message keys.
                func missing(_ question: String, _ key: String) {
                    findings.append(plan.finding(id, Message("action-incomplete.missing-\(question)", ["action": name]), at: actions[i].span,
                                                 help: Message("action-incomplete.add", ["key": .verbatim(key)])))
                }
                func empty(_ question: String, _ key: String, at span: SourceSpan) {
                    findings.append(plan.finding(id, Message("action-incomplete.empty-\(question)", ["action": name]), at: span,
                                                 help: Message("action-incomplete.say-\(question)")))
                }
                if let who = actions[i].who {
                    if who.value?.isEmpty == true { empty("who", "who", at: who.span) }
                } else {
                    missing("who", "who")
                }
                if let how = actions[i].how {
                    if how.value?.isBlank == true { empty("how", "how", at: how.span) }
                } else {
                    missing("how", "how")
                }
                if let when = actions[i].when {
                    if when.value?.isBlank == true { empty("when", "when", at: when.span) }
                } else {
                    missing("when", "when")
                }
                if actions[i].resources == nil {
                    findings.append(plan.finding(id, Message("action-incomplete.missing-resources", ["action": name]), at: actions[i].span,
                                                 help: Message("action-incomplete.resources-help")))
                }
            }
        }
    }
}
