private typealias E = ExampleFiles

struct SchemaValue: DecoderRule {
    static let description = RuleDescription(
        id: "schema-value", severity: .error, group: .schema,
        summary: "Every value is valid: enums, ids, dates, durations, versions, one document per file",
        rationale: "Unknown kinds, hazards or phases, impossible dates and malformed ids make a plan unreadable to the rules.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["kind": "↓kind: mastr", "issued": "↓issued: 2026-02-30"]))),
            RuleExample(E.repo(E.file("qs.master", [
                "kind": "↓kind: 总体",
                "scope": "scope: {hazards: [flood, ↓洪涝], severities: [I, ↓Ⅱ, ↓3, ↓四级]}",
                "actions": """
                    actions:
                      - {id: watch, phase: warning, who: [emergency-management↓，fire-rescue], how: 监测预报，发布预警, when: 每日, resources: []}
                      - {id: respond, phase: response, who: emergency-management, how: 组织救援（全市）, when: 接报后, resources: []}
                      - {id: recover, ↓phase: 恢复, who: emergency-management, how: 恢复供水、供电, when: 响应结束后, resources: []}
                    """,
            ])), note: "Chinese typing: Chinese names for ids (总体, 洪涝, 恢复), severity classes as in documents (Ⅱ, 3, 四级), a full-width comma in a list of ids; full-width punctuation in free text (how) is fine"),
        ])
}
