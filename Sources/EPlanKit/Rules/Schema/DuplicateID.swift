private typealias E = ExampleFiles

struct DuplicateID: DecoderRule {
    static let description = RuleDescription(
        id: "duplicate-id", severity: .error, group: .schema,
        summary: "Plan, resource, action and region ids are unique",
        rationale: """
            Links name plans and resources by id; two with one id make every link to it ambiguous. Two \
            entries of the regions document with one path: the later one is the finding and the first counts.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [
            RuleExample(E.repo(E.cityMaster, ("plans/qs/master2.yaml", E.plan("qs.master", ["id": "↓id: qs.master"])))),
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
