private typealias E = ExampleFiles

struct YAMLLimit: DecoderRule {
    static let description = RuleDescription(
        id: "yaml-limit", severity: .error, group: .schema,
        summary: "Nesting, alias expansion and file size stay within limits",
        rationale: "A CI gate reads whatever a pull request contains; limits keep a hostile file cheap to reject.",
        settings: [
            RuleSetting(name: "nesting", defaultValue: 64, summary: "deepest nesting of collections"),
            RuleSetting(name: "alias-nodes", defaultValue: 100_000, summary: "most nodes that aliases may stand for in a document"),
            RuleSetting(name: "file-size", defaultValue: 8 * 1024 * 1024, summary: "largest file read, in bytes"),
        ],
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(("plans/deep.yaml", "eplan: plan/v1\nx-deep: " + String(repeating: "[", count: 63) + "↓["
                                       + String(repeating: "]", count: 64) + "\n")))])
}
