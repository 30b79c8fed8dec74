private typealias E = ExampleFiles

struct DuplicateID: DecoderRule {
    static let description = RuleDescription(
        id: "duplicate-id", severity: .error, group: .schema,
        summary: "Plan, resource and action ids are unique",
        rationale: "Links name plans and resources by id; two with one id make every link to it ambiguous.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.cityMaster, ("plans/qs/master2.yaml", E.plan("qs.master", ["id": "↓id: qs.master"]))))])
}
