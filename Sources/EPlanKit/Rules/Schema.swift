// Syntax and schema rules. Their findings come from the YAML layer, the decoders and the
// repository index as files are read; these declarations document and test them.

private typealias E = ExampleFiles

/// A rule whose findings are emitted while files are read, not by a pass over the index.
protocol DecoderRule: Rule {}

extension DecoderRule {
    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {}
    var findsWhileDecoding: Bool { true }
}

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

struct YAMLDuplicateKey: DecoderRule {
    static let description = RuleDescription(
        id: "yaml-duplicate-key", severity: .error, group: .schema,
        summary: "No mapping repeats a key",
        rationale: "YAML parsers disagree on which of two equal keys wins; eplan will not guess.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(("plans/qs/master.yaml", E.plan("qs.master") + "↓version: \"2\"\n")))])
}

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

struct SchemaMissingKey: DecoderRule {
    static let description = RuleDescription(
        id: "schema-missing-key", severity: .error, group: .schema,
        summary: "Every required key is present",
        rationale: "Required keys are what every reader of the plan, and every other rule, relies on.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(("plans/qs/master.yaml", "↓" + E.plan("qs.master", ["owner": nil]))))])
}

struct SchemaUnknownKey: DecoderRule {
    static let description = RuleDescription(
        id: "schema-unknown-key", severity: .error, group: .schema,
        summary: "Every key is defined by the format or starts with 'x-'",
        rationale: "A misspelt key is a silently missing one. Extension keys start with 'x-'.",
        passing: [RuleExample(E.repo(E.file("qs.master", ["x-archive-no": "x-archive-no: QS-2026-001"])))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["title": "↓titel: Plan qs.master"])))])
}

struct SchemaType: DecoderRule {
    static let description = RuleDescription(
        id: "schema-type", severity: .error, group: .schema,
        summary: "Every value has the right YAML shape",
        rationale: "A list written as a single value, or a mapping where text belongs, changes what the plan says.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["scope": "scope:\n  ↓hazards: flood"])))])
}

struct SchemaValue: DecoderRule {
    static let description = RuleDescription(
        id: "schema-value", severity: .error, group: .schema,
        summary: "Every value is valid: enums, ids, dates, durations, versions, one document per file",
        rationale: "Unknown kinds, hazards or phases, impossible dates and malformed ids make a plan unreadable to the rules.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["kind": "↓kind: mastr", "issued": "↓issued: 2026-02-30"])))])
}

struct DuplicateID: DecoderRule {
    static let description = RuleDescription(
        id: "duplicate-id", severity: .error, group: .schema,
        summary: "Plan, resource and action ids are unique",
        rationale: "Links name plans and resources by id; two with one id make every link to it ambiguous.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.cityMaster, ("plans/qs/master2.yaml", E.plan("qs.master", ["id": "↓id: qs.master"]))))])
}

struct UnusedSuppression: DecoderRule {
    static let description = RuleDescription(
        id: "unused-suppression", severity: .note, group: .suppression,
        summary: "Every inline suppression suppresses something",
        rationale: "A suppression that no longer suppresses anything hides the next real finding on that line.",
        passing: [RuleExample(E.repo(E.file("qs.master", [
            "x-colour": "colour: red  # eplan-disable-line schema-unknown-key -- read by the archive index",
        ])))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["title": "title: Plan qs.master  ↓# eplan-disable-line schema-unknown-key"])))])
}
