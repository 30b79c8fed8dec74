private typealias E = ExampleFiles

struct YAMLLimit: DecoderRule {
    static let nesting = Setting<YAMLLimit>("nesting", default: 64, summary: "deepest nesting of collections")
    static let aliasNodes = Setting<YAMLLimit>("alias-nodes", default: 100_000, summary: "most nodes that aliases may stand for in a document")
    static let fileSize = Setting<YAMLLimit>("file-size", default: 8 * 1024 * 1024, summary: "largest file read, in bytes")

    static let description = RuleDescription(
        id: "yaml-limit", severity: .error, group: .schema,
        summary: "Nesting, alias expansion and file size stay within limits",
        rationale: "A CI gate reads whatever a pull request contains; limits keep a hostile file cheap to reject.",
        settings: [nesting, aliasNodes, fileSize],
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(("plans/deep.yaml", "eplan: plan/v1\nx-deep: " + String(repeating: "[", count: 63) + "↓["
                                       + String(repeating: "]", count: 64) + "\n")))])
}
