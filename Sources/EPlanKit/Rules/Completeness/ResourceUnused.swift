import EPlanText
import EPlanYAML
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
        // The subjects' resources (each plan's read once), less those their own actions use: they use
        // most of them, often leaving nothing to look for in the other plans. A plan's few ids are
        // compared with its few uses directly; the uses are hashed only when some id is left.
        var definitions: [(plan: Int, id: String, span: SourceSpan)] = []
        var allUses: [String] = []
        for (position, plan) in context.subjectPlans.enumerated() {
            let first = definitions.count, firstUse = allUses.count
            plan.forEachResource(defined: { id, span in definitions.append((position, id, span)) },
                                 used: { _, resource in if let id = resource.value { allUses.append(id) } })
            let uses = allUses[firstUse...]
            if !uses.isEmpty, definitions.count > first {
                // Compared pairwise while that is cheap; a plan with hundreds of each hashes them.
                let used: (String) -> Bool
                if uses.count * (definitions.count - first) <= 1_024 {
                    used = { id in uses.contains(id) }
                } else {
                    let set = Set(uses)
                    used = { id in set.contains(id) }
                }
                let own = definitions[first...].filter { definition in !used(definition.id) }
                definitions.replaceSubrange(first..., with: own)
            }
        }
        var unused = Set(definitions.lazy.map(\.id))
        for use in allUses where !unused.isEmpty { unused.remove(use) }
        for plan in context.others where !unused.isEmpty {
            for id in plan.actions?.usedResources ?? [] { unused.remove(id) }
        }
        for definition in definitions where unused.contains(definition.id) {
            findings.append(context.subjectPlans[definition.plan].finding(
                id, Message("resource-unused.unused", ["resource": .verbatim(definition.id)]),
                at: definition.span, help: Message("resource-unused.help")))
        }
    }
}
