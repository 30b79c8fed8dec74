import EPlanText

private typealias E = ExampleFiles

struct MasterMismatch: Rule {
    static let description = RuleDescription(
        id: "master-mismatch", severity: .error, group: .vertical,
        summary: "The master is a master plan of the same region",
        rationale: "The horizontal link joins plans of one region under that region's master plan.",
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, E.countyMaster,
                                     E.file("qs.flood", kind: "special", ["master": "↓master: qs.lin.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        for plan in context.subjectPlans {
            guard let master = plan.master, let targetID = master.value, let target = index.target(targetID),
                  let region = plan.region?.value else { continue }
            let message: Message
            if target.kind != .master {
                let kind: MessageArgument = target.kind.map { .term(Term(.kind, $0.rawValue)) } ?? "?"
                message = Message("master-mismatch.not-master", ["master": "\(targetID)", "kind": kind])
            } else if let targetRegion = target.region {
                guard targetRegion != region else { continue }
                message = Message("master-mismatch.other-region", ["master": "\(targetID)", "master-region": "\(targetRegion)",
                                                                   "region": "\(region)"])
            } else {
                message = Message("master-mismatch.no-region", ["master": "\(targetID)", "region": "\(region)"])
            }
            var help = Message("master-mismatch.help", ["region": "\(region)"])
            if let actual = context.lookups.masters[region]?.first?.id?.value {
                help = Message("master-mismatch.did-you-mean", ["id": "\(actual)"])
            }
            findings.append(plan.finding(id, message, at: master.span, help: help,
                                         related: [RelatedLocation(target.location, Message("master-mismatch.named-plan"))]))
        }
    }
}
