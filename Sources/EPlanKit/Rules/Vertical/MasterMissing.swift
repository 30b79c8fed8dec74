import EPlanText

private typealias E = ExampleFiles

struct MasterMissing: Rule {
    static let description = RuleDescription(
        id: "master-missing", severity: .error, group: .vertical,
        summary: "A plan whose kind requires a master names one",
        rationale: """
            Special, departmental and event plans sit under their region's master plan: that horizontal link \
            ties them to the region's overall command and response levels.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, ("plans/qs/flood.yaml", "↓" + E.plan("qs.flood", kind: "special", ["master": nil]))))])

    var isLocal: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let kind = plan.kind?.value, kind.requiresMaster, plan.master == nil else { continue }
            let help = plan.region?.value.map { Message("master-missing.help-region", ["region": "\($0)"]) }
                ?? Message("master-missing.help")
            findings.append(plan.finding(id, Message("master-missing.missing", ["kind": .term(Term(.kind, kind.rawValue)), "plan": plan.named]),
                                         at: plan.firstKey, help: help))
        }
    }
}
