import EPlanText

private typealias E = ExampleFiles

struct RegionNoMaster: Rule {
    static let description = RuleDescription(
        id: "region-no-master", severity: .error, group: .vertical,
        summary: "Every region down to the configured depth has an in-force master plan",
        rationale: """
            "Vertically to the end": every government level down to the depth set in eplan.yaml (default \
            township) has its own master plan. An external master with the region counts. The depth is \
            `depth:` in eplan.yaml, or the rule's own setting: `rules: {region-no-master: {depth: county}}`.
            """,
        depth: DepthSetting(defaultLevel: nil, summary: "the lowest level whose regions need a master plan"),
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample([E.config, ("regions.yaml", """
            eplan: regions/v1
            regions:
              - id: qs
                level: municipal
                hazards: [flood]
                children:
                  - ↓{id: lin, level: county, hazards: [flood]}
            """), E.cityMaster])])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        let depth = index.configuration.effectiveDepth
        for path in context.regions {
            guard let entry = index.regionByPath[path], let level = entry.region.level?.value, level <= depth, !context.lookups.hasMaster(path) else { continue }
            findings.append(Diagnostic(
                id, Message("region-no-master.missing", ["region": "\(path)", "level": .term(Term(.level, level.rawValue))]),
                at: Location(file: entry.file, span: entry.region.span),
                help: Message("region-no-master.help", ["region": "\(path)"])))
        }
    }
}
