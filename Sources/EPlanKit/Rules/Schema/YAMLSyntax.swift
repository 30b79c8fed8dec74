private typealias E = ExampleFiles

struct YAMLSyntax: DecoderRule {
    static let description = RuleDescription(
        id: "yaml-syntax", severity: .error, group: .schema,
        summary: "The file is well-formed UTF-8 YAML and can be read",
        rationale: """
            A file that does not parse says nothing reliable. Its top-level keys read before the problem \
            (`id`, `kind`, `level`, `region`, `status`, `version`) tell the other rules what not to conclude: \
            a plan naming its id as parent or master is not "unresolved", the coverage of its region is not \
            judged, and no resource is called undefined while it is broken. Its own finding says enough.
            """,
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [
            RuleExample(E.repo(("plans/qs/master.yaml", "eplan: plan/v1\nid: qs.master\ntitle: [unclosed\n↓"))),
            RuleExample(E.repo(("plans/qs/master.yaml", "eplan: plan/v1\nid: qs.master\n↓\ttitle: tab-indented\n"))),
        ])
}
