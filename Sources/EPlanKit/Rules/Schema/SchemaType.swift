private typealias E = ExampleFiles

struct SchemaType: DecoderRule {
    static let description = RuleDescription(
        id: "schema-type", severity: .error, group: .schema,
        summary: "Every value has the right YAML shape",
        rationale: "A list written as a single value, or a mapping where text belongs, changes what the plan says.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["scope": "scope:\n  ↓hazards: flood"]))),
            RuleExample(E.repo(E.file("qs.master", [
                "scope": "scope:\n  hazards: ↓［flood］",
                "organization": """
                    organization:
                      members:
                        - {agency: emergency-management, duties: [协调救援，组织转移]}
                        - agency↓：fire-rescue
                    """,
            ])), note: "full-width brackets make a list a single value, and a full-width colon makes a mapping one: each reported at the sign"),
        ])
}
