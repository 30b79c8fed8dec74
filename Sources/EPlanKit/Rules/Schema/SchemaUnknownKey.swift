private typealias E = ExampleFiles

struct SchemaUnknownKey: DecoderRule {
    static let description = RuleDescription(
        id: "schema-unknown-key", severity: .error, group: .schema,
        summary: "Every key is defined by the format or starts with 'x-'",
        rationale: "A misspelt key is a silently missing one. Extension keys start with 'x-'.",
        passing: [RuleExample(E.repo(E.file("qs.master", ["x-archive-no": "x-archive-no: QS-2026-001"])))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["title": "↓titel: Plan qs.master"])))])
}
