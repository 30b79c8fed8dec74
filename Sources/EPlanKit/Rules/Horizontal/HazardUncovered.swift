import EPlanText
private typealias E = ExampleFiles

struct HazardUncovered: Rule {
    static let description = RuleDescription(
        id: "hazard-uncovered", severity: .error, group: .horizontal,
        summary: "Every hazard a region faces is covered by an in-force plan of that region",
        rationale: """
            Every hazard of a region's risk profile, and every hazard its master plan names, needs a plan. \
            Down to county level that is a special plan of the region; in townships and communities the \
            master plan may cover it itself. An external master with the region counts as the master: its \
            `hazards` are its scope.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster, E.countyMaster, E.file("qs.flood", kind: "special"),
                               E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                      ["parent": "parent: qs.flood"]))),
            RuleExample([("eplan.yaml", """
                eplan: config/v1
                external:
                  - {id: sx.master, kind: master, level: provincial, version: "2024"}
                  - {id: qs.shi.master, kind: master, level: township, region: qs/shi, version: "3", hazards: [mountain-torrent]}
                """), ("regions.yaml", """
                eplan: regions/v1
                regions:
                  - id: qs
                    level: municipal
                    hazards: [flood]
                    children:
                      - {id: shi, level: township, hazards: [mountain-torrent]}
                """), E.cityMaster, E.file("qs.flood", kind: "special")],
                note: "the township's master is kept elsewhere; its external entry's hazards are its scope"),
            RuleExample([E.config, ("regions.yaml", """
                eplan: regions/v1
                regions:
                  - id: qs
                    level: municipal
                    hazards: [flood, coal-mine-accident]
                """), E.cityMaster, E.file("qs.flood", kind: "special"),
                ("plans/qs/coal.yaml", "eplan: plan/v1\nid: qs.coal\nkind: special\nlevel: municipal\nregion: qs\nscope: {hazards: [coal-mine-accident]\n")],
                note: "the city's coal-mine plan cannot be read whole: the coverage of its region is not judged until it can"),
        ],
        failing: [RuleExample([E.config, ("regions.yaml", """
            eplan: regions/v1
            regions:
              - id: qs
                level: municipal
                hazards: [flood, ↓coal-mine-accident]
            """), E.cityMaster, E.file("qs.flood", kind: "special")])])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        let lookups = context.lookups
        for region in context.regions {
            let coverage = RegionCoverage(region: region, index: index, lookups: lookups)
            let level = coverage.level
            for (hazard, location) in coverage.required where !coverage.covers(hazard) {
                let help = level.map { $0 >= .township } == true
                    ? Message("hazard-uncovered.help-master", ["hazard": .term(Term(.hazard, hazard)), "region": "\(region)"])
                    : Message("hazard-uncovered.help-special", ["hazard": .term(Term(.hazard, hazard)), "region": "\(region)"])
                findings.append(Diagnostic(id, Message("hazard-uncovered.uncovered", ["hazard": .term(Term(.hazard, hazard)), "region": "\(region)"]),
                                           at: location, help: help))
            }
        }
    }
}
