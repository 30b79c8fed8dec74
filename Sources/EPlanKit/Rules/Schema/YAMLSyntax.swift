private typealias E = ExampleFiles

struct YAMLSyntax: DecoderRule {
    static let description = RuleDescription(
        id: "yaml-syntax", severity: .error, group: .schema,
        summary: "The file is well-formed UTF-8 YAML and can be read",
        rationale: "A file that does not parse says nothing; everything that depends on it is reported as missing.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [
            RuleExample(E.repo(("plans/qs/master.yaml", "eplan: plan/v1\nid: qs.master\ntitle: [unclosed\n↓"))),
            RuleExample(E.repo(("plans/qs/master.yaml", "eplan: plan/v1\nid: qs.master\n↓\ttitle: tab-indented\n"))),
        ])
}
