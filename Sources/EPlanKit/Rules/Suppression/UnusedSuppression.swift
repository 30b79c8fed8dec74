private typealias E = ExampleFiles

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
