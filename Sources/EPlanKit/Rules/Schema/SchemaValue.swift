private typealias E = ExampleFiles

struct SchemaValue: DecoderRule {
    static let description = RuleDescription(
        id: "schema-value", severity: .error, group: .schema,
        summary: "Every value is valid: enums, ids, dates, durations, versions, one document per file",
        rationale: "Unknown kinds, hazards or phases, impossible dates and malformed ids make a plan unreadable to the rules.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["kind": "↓kind: mastr", "issued": "↓issued: 2026-02-30"])))])
}
