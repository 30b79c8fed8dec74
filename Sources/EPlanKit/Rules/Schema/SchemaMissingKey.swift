private typealias E = ExampleFiles

struct SchemaMissingKey: DecoderRule {
    static let description = RuleDescription(
        id: "schema-missing-key", severity: .error, group: .schema,
        summary: "Every required key is present",
        rationale: """
            Required keys are what every reader of the plan, and every other rule, relies on. A key whose \
            value is null (`~`, `null`, nothing after the colon) is absent. A misspelt key (`titel`, \
            `inital`) is one mistake and one finding, `schema-unknown-key` with its suggestion: the key it \
            stands for is not reported missing again.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster)),
            RuleExample(E.repo(E.file("qs.master", ["title": "titel: Plan qs.master", "organization": """
                organization:
                  members:
                    - {agncy: emergency-management, duties: [Coordinate the response]}
                """])), note: "'titel' and 'agncy' are unknown keys (schema-unknown-key), not missing 'title' and 'agency'"),
        ],
        failing: [
            RuleExample(E.repo(("plans/qs/master.yaml", "↓" + E.plan("qs.master", ["owner": nil])))),
            RuleExample(E.repo(("plans/qs/master.yaml", "↓" + E.plan("qs.master", ["title": "title: ~"]))),
                        note: "a key whose value is null is absent"),
        ])
}
