import EPlanText

private typealias E = ExampleFiles

struct LevelMismatch: Rule {
    static let description = RuleDescription(
        id: "level-mismatch", severity: .error, group: .vertical,
        summary: "A plan's level is its region's level",
        rationale: "The level decides what a plan may dock with; it must agree with the region tree.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.lin.master", level: "township", region: "qs/lin",
                                                          ["level": "↓level: township"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjectPlans {
            guard let field = plan.level, let level = field.value, let path = plan.region?.value,
                  let region = context.index.regionByPath[path], let regionLevel = region.region.level?.value,
                  regionLevel != level else { continue }
            findings.append(plan.finding(
                id, Message("level-mismatch.mismatch", ["level": .term(Term(.level, level.rawValue)), "region": "\(path)",
                                                        "region-level": .term(Term(.level, regionLevel.rawValue))]),
                at: field.span, help: Message("level-mismatch.help", ["region-level": "\(regionLevel.rawValue)"]),
                related: [RelatedLocation(Location(file: region.file, span: region.region.level?.span ?? region.region.span),
                                          Message("level-mismatch.region-level"))]))
        }
    }
}
