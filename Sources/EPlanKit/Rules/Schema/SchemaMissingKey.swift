private typealias E = ExampleFiles

struct SchemaMissingKey: DecoderRule {
    static let description = RuleDescription(
        id: "schema-missing-key", severity: .error, group: .schema,
        summary: "Every required key is present",
        rationale: "Required keys are what every reader of the plan, and every other rule, relies on.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(("plans/qs/master.yaml", "↓" + E.plan("qs.master", ["owner": nil]))))])
}
