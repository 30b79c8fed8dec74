private typealias E = ExampleFiles

struct RegionUnknown: Rule {
    static let description = RuleDescription(
        id: "region-unknown", severity: .error, group: .vertical,
        summary: "Every region reference is in the regions document",
        rationale: "Plans are placed in the region tree; a region the tree does not hold cannot be checked for coverage.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.lyn.master", level: "county", region: "qs/lyn",
                                                          ["region": "↓region: qs/lyn"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        guard index.regionsDocument != nil else { return }
        let known = Array(index.regionByPath.keys)
        func help(_ path: String) -> String {
            Suggest.help(path, in: known) ?? "add region '\(path)' to the regions document"
        }
        for plan in context.subjects {
            if let region = plan.region, let path = region.value, index.regionByPath[path] == nil {
                findings.append(plan.finding(id, "region '\(path)' is not in the regions document", at: region.span, help: help(path)))
            }
            for entry in plan.regions?.value ?? [] {
                guard let path = entry.value, index.regionByPath[path] == nil else { continue }
                findings.append(plan.finding(id, "region '\(path)' is not in the regions document", at: entry.span, help: help(path)))
            }
        }
        for inventory in context.subjectInventories {
            guard let region = inventory.region, let path = region.value, index.regionByPath[path] == nil else { continue }
            findings.append(Diagnostic(id, "region '\(path)' is not in the regions document",
                                       at: Location(file: inventory.file, span: region.span), help: help(path)))
        }
    }
}
