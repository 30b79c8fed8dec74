private typealias E = ExampleFiles

struct UnusedSuppression: DecoderRule {
    /// Not local: found once every other finding of the file is known.
    var isLocal: Bool { false }

    static let description = RuleDescription(
        id: "unused-suppression", severity: .note, group: .suppression,
        summary: "Every inline suppression suppresses something",
        rationale: """
            A suppression that no longer suppresses anything hides the next real finding on that line. \
            A suppression is a YAML comment: `#` at the start of a line or after a space or tab, outside \
            every scalar, so `how: "Call # eplan-disable-line agency-unknown"` is text and the comment \
            after a quoted value that contains ` #` is a comment. `eplan.yaml` takes suppressions like \
            any other file, for the findings located in it. Rules are separated by commas, with or \
            without spaces; a reason follows ` -- `. A suppression of a rule that did not run (turned \
            `off` in the configuration, or left out by `--disable` or `--rule`) is not reported, and in \
            a file the rules could not read (not valid YAML) only suppressions that name an unknown rule \
            or none are.
            """,
        passing: [
            RuleExample(E.repo(E.file("qs.master", [
                "x-colour": "colour: red  # eplan-disable-line schema-unknown-key -- read by the archive index",
            ]))),
            RuleExample(E.repo(E.file("qs.master", [
                "actions": """
                    actions:
                      - {id: watch, phase: warning, who: emergency-management, how: "Watch # eplan-disable-line agency-unknown", when: Daily, resources: []}
                      - {id: respond, phase: response, who: emergency-management, how: Lead the response, when: On alarm, resources: []}
                      - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After the response, resources: []}
                    """,
            ])), note: "text inside a quoted value is not a comment"),
            RuleExample(E.repo(E.file("qs.master", [
                "x-colour": "colour: \"red # bright\"  # eplan-disable-line schema-unknown-key",
            ])), note: "the comment after a quoted value that contains ' #' is one"),
            RuleExample(E.repo(E.file("qs.master", [
                "scope": "scope: {hazards: [flood, tsunamis], colour: red}  # eplan-disable-line schema-value , schema-unknown-key -- trial",
            ])), note: "a rule list, commas with or without spaces, and a reason"),
            RuleExample([("eplan.yaml", """
                eplan: config/v1
                external:
                  - {id: sx.master, kind: master, level: provincial, version: "2024"}
                  # eplan-disable-next-line hazard-uncovered -- the county's flood plan is written in 2027
                  - {id: qs.lin.master, kind: master, level: county, region: qs/lin, version: "3", hazards: [flood]}
                """), ("regions.yaml", """
                eplan: regions/v1
                regions:
                  - id: qs
                    level: municipal
                    hazards: [flood]
                    children:
                      - {id: lin, level: county, hazards: []}
                """), E.cityMaster, E.file("qs.flood", kind: "special")],
                note: "eplan.yaml's suppressions apply to the findings located in it"),
            RuleExample([("eplan.yaml", """
                eplan: config/v1
                external:
                  - {id: sx.master, kind: master, level: provincial, version: "2024"}
                rules:
                  drill-overdue: off
                """), E.regions, E.file("qs.master", [
                "drills": "# eplan-disable-file drill-overdue -- the plan retires in January\ndrills:\n  - {date: 2026-06-01, type: tabletop}",
            ])], note: "a suppression of a rule the configuration turns off is not reported"),
        ],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["title": "title: Plan qs.master  ↓# eplan-disable-line schema-unknown-key"]))),
            RuleExample(E.repo(E.file("qs.master", [
                "title": "title: \"Plan qs.master # eplan-disable-line drill-overdue\"  ↓# eplan-disable-line schema-unknown-key",
            ])), note: "the quoted text is no suppression; the comment after it is one, and suppresses nothing"),
            RuleExample(E.repo(E.file("qs.master", [
                "x-colour": "colour: red  ↓# eplan-disable-line schema-unknown-key,drill-overdue",
            ])), note: "two rules; the line has no drill-overdue finding"),
            RuleExample([("eplan.yaml", """
                eplan: config/v1
                external:
                  - {id: sx.master, kind: master, level: provincial, version: "2024"}  ↓# eplan-disable-line hazard-uncovered
                """), E.regions, E.cityMaster, E.file("qs.flood", kind: "special")],
                note: "in eplan.yaml too"),
            RuleExample(E.repo(E.file("qs.master", ["title": "title: Plan qs.master  ↓# eplan-disable-line -- reviewed"])),
                        note: "a suppression that names no rule"),
        ])
}
