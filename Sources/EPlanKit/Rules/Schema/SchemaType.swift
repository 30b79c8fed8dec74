private typealias E = ExampleFiles

struct SchemaType: DecoderRule {
    static let description = RuleDescription(
        id: "schema-type", severity: .error, group: .schema,
        summary: "Every value has the right YAML shape",
        rationale: "A list written as a single value, or a mapping where text belongs, changes what the plan says.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["scope": "scope:\n  ↓hazards: flood"])))])
}
