import EPlanText

private typealias E = ExampleFiles

struct ParentMissing: Rule {
    static let description = RuleDescription(
        id: "parent-missing", severity: .error, group: .vertical,
        summary: "A plan whose kind requires a parent names one",
        rationale: """
            Master, special and unit plans dock with a higher-level plan: that link is how the plan system \
            is "linked vertically to the end". A plan without it hangs in the air. National plans are the \
            top of the chain and need none.
            """,
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(("plans/qs/master.yaml", "↓" + E.plan("qs.master", ["parent": nil]))))])

    var isLocal: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let kind = plan.kind?.value, kind.requiresParent, plan.parent == nil,
                  let level = plan.level?.value, level != .national else { continue }
            findings.append(plan.finding(id, Message("parent-missing.missing", ["kind": .term(Term(.kind, kind.rawValue)), "plan": plan.named]),
                                         at: plan.firstKey, help: Message("parent-missing.help")))
        }
    }
}
