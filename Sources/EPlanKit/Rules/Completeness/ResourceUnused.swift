import EPlanText
private typealias E = ExampleFiles

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
        for plan in context.subjectPlans {
            plan.forEachResourceDefinition { id, _ in unused.insert(id) }
        }
        // The subjects' own actions first: they use most of their resources, often leaving nothing to
        // look for in the other plans.
        for plan in context.subjectPlans where !unused.isEmpty {
            plan.forEachResourceUse { _, resource in
                if let id = resource.value { unused.remove(id) }
            }
        }
        for plan in context.others where !unused.isEmpty {
            for id in plan.actions?.usedResources ?? [] { unused.remove(id) }
        }
        for plan in context.subjectPlans where !unused.isEmpty {
            plan.forEachResourceDefinition { id, span in
                guard unused.contains(id) else { return }
                findings.append(plan.finding(self.id, Message("resource-unused.unused", ["resource": .verbatim(id)]),
                                             at: span, help: Message("resource-unused.help")))
            }
        }
    }
}
