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
        // Plans in file order come region by region: the last region's level is kept (a lookup copied
        // the region's entry, for every plan), and the entry is looked up again only for a finding.
        var lastPath: String?
        var lastLevel: Level?
        for plan in context.subjectPlans {
            guard let field = plan.level, let level = field.value, let path = plan.region?.value else { continue }
            if path != lastPath {
                lastLevel = context.index.regionByPath[path]?.region.level?.value
                lastPath = path
            }
            guard let regionLevel = lastLevel, regionLevel != level, let region = context.index.regionByPath[path] else { continue }
            findings.append(plan.finding(
                id, Message("level-mismatch.mismatch", ["level": .term(Term(.level, level.rawValue)), "region": "\(path)",
                                                        "region-level": .term(Term(.level, regionLevel.rawValue))]),
                at: field.span, help: Message("level-mismatch.help", ["region-level": "\(regionLevel.rawValue)"]),
                related: [RelatedLocation(Location(file: region.file, span: region.region.level?.span ?? region.region.span),
                                          Message("level-mismatch.region-level"))]))
        }
    }
}
