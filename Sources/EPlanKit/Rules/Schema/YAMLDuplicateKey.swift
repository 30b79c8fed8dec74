private typealias E = ExampleFiles

struct YAMLDuplicateKey: DecoderRule {
    static let description = RuleDescription(
        id: "yaml-duplicate-key", severity: .error, group: .schema,
        summary: "No mapping repeats a key",
        rationale: "YAML parsers disagree on which of two equal keys wins; eplan will not guess.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(("plans/qs/master.yaml", E.plan("qs.master") + "↓version: \"2\"\n")))])
}
