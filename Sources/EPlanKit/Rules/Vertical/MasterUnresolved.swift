import EPlanText

private typealias E = ExampleFiles

struct MasterUnresolved: Rule {
    static let description = RuleDescription(
        id: "master-unresolved", severity: .error, group: .vertical,
        summary: "The master is a plan of the repository or an external master",
        rationale: "A master link that names no plan leaves the plan outside its region's system.",
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special", ["master": "↓master: qs.mastr"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        var nearest = Suggest.Memo(candidates: index.allPlanIDs)
        for plan in context.subjectPlans {
            guard let master = plan.master, let targetID = master.value, index.target(targetID) == nil,
                  !index.brokenPlanIDs.contains(targetID) else { continue }
            var help = Message("master-unresolved.help", ["region": "\(plan.region?.value ?? "?")"])
            if let region = plan.region?.value, let actual = context.lookups.masters[region]?.first?.id?.value {
                help = Message("master-unresolved.did-you-mean-master", ["id": "\(actual)", "region": "\(region)"])
            } else if let near = nearest[targetID], near != plan.id?.value {
                help = Message("master-unresolved.did-you-mean", ["id": "\(near)"])
            }
            findings.append(plan.finding(id, Message("master-unresolved.unresolved", ["master": "\(targetID)"]),
                                         at: master.span, help: help))
        }
    }
}
