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
            RuleExample(E.repo(("plans/qs/master.yaml", "eplan: plan/v1\nid: qs.master\ntitle↓：青山市突发事件总体应急预案\nkind: master\n")),
                        note: "a full-width colon after a key: reported at the colon, not on the next line where libyaml gives up"),
            RuleExample(E.repo(E.file("qs.master", ["actions": """
                actions:
                  - ↓｛id: watch, phase: warning, who: emergency-management, how: 监测预报, when: 每日, resources: []｝
                  - {id: respond, phase: response, who: emergency-management, how: 组织救援, when: 接报后, resources: []}
                  - {id: recover, phase: recovery, who: emergency-management, how: 恢复供水供电, when: 响应结束后, resources: []}
                """])),
                        note: "a mapping written with full-width braces: reported at the first brace"),
            RuleExample(E.repo(E.file("qs.master", ["actions": """
                actions:
                  - {id: watch, phase: warning, who: emergency-management, how: 监测预报, when: 每日, resources: []}
                  - {id: respond, phase: response, who: emergency-management, how: 组织救援, when: 接报后, resources: []}
                  - {id: recover, phase: recovery, who: emergency-management, how↓：恢复供水供电, when: 响应结束后, resources: []}
                """])),
                        note: "in a flow mapping a full-width colon makes 'how：恢复供水供电' one key: reported at the colon, and 'how' counts as written"),
            RuleExample(E.repo(("plans/qs/master.yaml", "eplan: plan/v1\nid: qs.master\ntitle: ↓\"青山市总体应急预案\nkind: master\nversion: \"4\"\n")),
                        note: "a quote that is not closed: reported at the opening quote, not lines later where libyaml gives up"),
            RuleExample(E.repo(E.file("qs.master", ["actions": """
                actions:
                  - {id: watch, phase: warning, who: emergency-management, how: 监测预报, when: 每日, resources: []}
                  - id: respond
                    phase: response
                    who: emergency-management
                    how: ↓"组织开辟"应急通道""
                    when: 接报后
                    resources: []
                  - {id: recover, phase: recovery, who: emergency-management, how: 恢复供水供电, when: 响应结束后, resources: []}
                """])),
                        note: "ASCII quotes inside a quoted value end it early: reported at the opening quote (write “…” or 「…」 inside)"),
        ])
}
