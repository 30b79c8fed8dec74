import EPlanYAML

// Completeness: every action answers who, how, when and with what resources, before, during and after.

private typealias E = ExampleFiles

struct ActionIncomplete: Rule {
    static let description = RuleDescription(
        id: "action-incomplete", severity: .error, group: .completeness,
        summary: "Every action says who, how, when and with what resources",
        rationale: """
            An action that does not say who does it, how, when, and with what resources cannot be carried out \
            under pressure. `resources: []` states that none are needed; leaving the key out is a gap.
            """,
        passing: [RuleExample(E.repo(E.cityMaster))],
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
        ])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            for action in plan.actions?.value ?? [] {
                // Messages are put together only for a finding.
                var name: String { action.id?.value.map { "action \($0)" } ?? "an action" }
                func missing(_ question: String, _ key: String) {
                    findings.append(plan.finding(id, "\(name) does not say \(question)", at: action.span,
                                                 help: "add '\(key):' to the action"))
                }
                func empty(_ question: String, _ key: String, at span: SourceSpan) {
                    findings.append(plan.finding(id, "\(name) does not say \(question): '\(key)' is empty", at: span,
                                                 help: "say \(question) the action is done"))
                }
                if let who = action.who {
                    if who.value?.isEmpty == true { empty("who", "who", at: who.span) }
                } else {
                    missing("who", "who")
                }
                if let how = action.how {
                    if how.value?.isBlank == true { empty("how", "how", at: how.span) }
                } else {
                    missing("how", "how")
                }
                if let when = action.when {
                    if when.value?.isBlank == true { empty("when", "when", at: when.span) }
                } else {
                    missing("when", "when")
                }
                if action.resources == nil {
                    findings.append(plan.finding(id, "\(name) does not say with what resources", at: action.span,
                                                 help: "list the resources it uses, or write 'resources: []' when none are needed"))
                }
            }
        }
    }
}

struct PhaseUncovered: Rule {
    static let description = RuleDescription(
        id: "phase-uncovered", severity: .error, group: .completeness,
        summary: "A plan has actions before, during and after the incident",
        rationale: """
            A plan covers the whole incident: prevention, preparedness and warning before it, response during \
            it, recovery after it. A stage without actions is a stage nobody prepared.
            """,
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["actions": """
            ↓actions:
              - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: []}
              - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: []}
            """])))])

    static let kinds: Set<PlanKind> = [.master, .special, .departmental, .unit, .event]

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let kind = plan.kind?.value, Self.kinds.contains(kind) else { continue }
            let stages = Set((plan.actions?.value ?? []).compactMap { $0.phase?.value?.stage })
            for stage in Stage.allCases where !stages.contains(stage) {
                let phases = Phase.allCases.filter { $0.stage == stage }.map(\.rawValue).joined(separator: ", ")
                findings.append(plan.finding(
                    id, "\(plan.name) has no action \(stage.rawValue) the incident (\(phases))",
                    at: plan.actions?.span ?? plan.firstKey,
                    help: "add an action with phase \(Phase.allCases.filter { $0.stage == stage }.map(\.rawValue).joined(separator: " or "))"))
            }
        }
    }
}

struct ResourceUnresolved: Rule {
    static let description = RuleDescription(
        id: "resource-unresolved", severity: .error, group: .completeness,
        summary: "Every resource an action lists is defined",
        rationale: "\"With what resources\" must name resources that exist in a plan or an inventory.",
        passing: [RuleExample(E.repo(E.cityMaster, ("inventory/qs.yaml", """
            eplan: inventory/v1
            region: qs
            resources:
              - {id: qs.team.rescue, type: team, name: City rescue team, holder: emergency-management}
            """)))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["actions": """
            actions:
              - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: []}
              - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: [↓qs.team.rescue]}
              - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After, resources: []}
            """])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        var nearest = Suggest.Memo(candidates: Array(index.resourceByID.keys))
        for plan in context.subjects {
            for action in plan.actions?.value ?? [] {
                for entry in action.resources?.value ?? [] {
                    guard let resource = entry.value, index.resourceByID[resource] == nil else { continue }
                    let help = nearest[resource].map { "did you mean '\($0)'?" }
                        ?? "define it in the plan's 'resources' or in an inventory"
                    findings.append(plan.finding(
                        id, "action \(action.id?.value ?? "?") uses resource '\(resource)', which no plan or inventory defines",
                        at: entry.span, help: help))
                }
            }
        }
    }
}

struct ResourceUnused: Rule {
    static let description = RuleDescription(
        id: "resource-unused", severity: .note, group: .completeness,
        summary: "Every resource a plan defines is used by some action",
        rationale: "A resource no action uses is either dead weight or a sign that an action forgot to name it.",
        passing: [RuleExample(E.repo(E.file("qs.master", [
            "actions": """
                actions:
                  - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: []}
                  - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: [qs.team.rescue]}
                  - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After, resources: []}
                """,
            "resources": "resources:\n  - {id: qs.team.rescue, type: team, name: Rescue team}",
        ])))],
        failing: [RuleExample(E.repo(E.file("qs.master", [
            "resources": "resources:\n  - ↓{id: qs.team.rescue, type: team, name: Rescue team}",
        ])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        // The subjects' resources that no action of any plan has named yet.
        var unused: Set<String> = []
        unused.reserveCapacity(context.subjects.reduce(0) { $0 + ($1.resources?.value?.count ?? 0) })
        for plan in context.subjects {
            for resource in plan.resources?.value ?? [] {
                if let id = resource.id?.value { unused.insert(id) }
            }
        }
        func markUsed(by plans: [Plan]) {
            for plan in plans where !unused.isEmpty {
                for action in plan.actions?.value ?? [] {
                    for resource in action.resources?.value ?? [] {
                        if let id = resource.value { unused.remove(id) }
                    }
                }
            }
        }
        // In a one-file run, the subjects' own actions first: they use most of their resources, often
        // leaving nothing to look for in the other plans.
        if context.reported != nil { markUsed(by: context.subjects) }
        markUsed(by: context.index.activePlans)
        for plan in context.subjects {
            for resource in plan.resources?.value ?? [] {
                guard let id = resource.id?.value, unused.contains(id) else { continue }
                findings.append(plan.finding(self.id, "resource '\(id)' is defined here but used by no action of any plan",
                                             at: resource.span, help: "name it in the actions that need it, or remove it"))
            }
        }
    }
}

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

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            let scope = plan.scope?.hazards?.value ?? []  // a few hazards: searched, not hashed
            for action in plan.actions?.value ?? [] {
                for entry in action.hazards?.value ?? [] {
                    guard let hazard = entry.value, !scope.contains(where: { $0.value == hazard }) else { continue }
                    findings.append(plan.finding(
                        id, "action \(action.id?.value ?? "?") is for hazard '\(hazard)', which is not in the scope of \(plan.name)",
                        at: entry.span, help: "add '\(hazard)' to scope.hazards, or move the action to the plan for '\(hazard)'"))
                }
            }
        }
    }
}
