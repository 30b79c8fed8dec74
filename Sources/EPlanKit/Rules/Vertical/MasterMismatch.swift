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
        for plan in context.subjects {
            guard let master = plan.master, let targetID = master.value, let target = index.target(targetID),
                  let region = plan.region?.value else { continue }
            let problem: String
            if target.kind != .master {
                problem = "is a \(target.kind?.rawValue ?? "?") plan, not a master plan"
            } else if let targetRegion = target.region {
                guard targetRegion != region else { continue }
                problem = "is the master plan of region '\(targetRegion)', not of '\(region)'"
            } else {
                problem = "is an external master without a region, so it cannot be the master of '\(region)'"
            }
            var help = "name the master plan of region '\(region)'"
            if let actual = context.lookups.masters[region]?.first?.id?.value { help = "did you mean '\(actual)'?" }
            findings.append(plan.finding(id, "master '\(targetID)' \(problem)", at: master.span, help: help,
                                         related: [RelatedLocation(target.location, "the named plan")]))
        }
    }
}
