private typealias E = ExampleFiles

struct DuplicateID: DecoderRule {
    /// Not local: the index finds them, comparing files.
    var isLocal: Bool { false }

    static let description = RuleDescription(
        id: "duplicate-id", severity: .error, group: .schema,
        summary: "Plan, external plan, resource, action and region ids are unique",
        rationale: """
            Links name plans and resources by id; two with one id make every link to it ambiguous. An \
            external entry of eplan.yaml with the id of a plan of the repository (the plan counts), or of an \
            earlier external entry (the first counts), is a duplicate too; so are two entries of the regions \
            document with one path (the later one is the finding and the first counts).
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [
            RuleExample(E.repo(E.cityMaster, ("plans/qs/master2.yaml", E.plan("qs.master", ["id": "↓id: qs.master"])))),
            RuleExample([("eplan.yaml", """
                eplan: config/v1
                external:
                  - {id: sx.master, kind: master, level: provincial, version: "2024"}
                  - {↓id: sx.master, kind: master, level: provincial, version: "2025"}
                  - {↓id: qs.master, kind: master, level: municipal, region: qs, version: "1"}
                """), E.regions, E.cityMaster],
                        note: "the second sx.master entry, and an entry with the id of a plan of the repository"),
            RuleExample([E.config, ("regions.yaml", """
                eplan: regions/v1
                regions:
                  - id: qs
                    level: municipal
                    children:
                      - {id: lin, level: county}
                      - {↓id: lin, level: township}
                """), E.cityMaster, E.countyMaster], note: "the first 'qs/lin' (a county) counts"),
        ])
}
