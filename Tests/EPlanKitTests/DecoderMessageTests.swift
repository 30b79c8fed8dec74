@testable import EPlanKit
import EPlanText
import EPlanYAML
import Testing

/// The findings of the decoders, the index, the workspace and the suppressions are keyed messages
/// (`schema.` and `repo.` in the catalogues): each renders in Chinese, in Chinese punctuation, and
/// every key of those two sections is met by the documents below.
@Suite("Decoder messages in both languages")
struct DecoderMessageTests {
    /// A special plan with one of nearly every decoding problem.
    static let plan = """
        eplan: plan/v1
        id: qs.bad
        titel: Bad plan
        kind: special
        level: county
        region: qs//lin
        owner: "qs:Fire"
        version: "1"
        master: QS.Master
        parent: {idd: qs.master}
        status: in-force
        category: school
        regions: [qs]
        event-dates: {from: 2025-05-02, to: 2025-05-01}
        organization:
          command: [a]
          members:
            - {agency: fire-rescue, role: leader, duties: []}
        reporting: {initial: [1h], written: 2 hours}
        response-levels:
          - {level: V}
        scope: {severities: [I], excluded: [{hazard: drougth}, {hazard: x-unknown-thing, reason: none}]}
        actions:
          - {id: a1, phase: respons, who: fire-rescue, within: 0m, zzz: 3, resources: [Bad.Res]}
          - {id: a1, phase: response, how: "  "}
          - {id: A_1, phase: response, how: [a]}
          - {phase: recovery}
        resources:
          - {id: qs.boats, type: boat, quantity: -1}
        drills:
          - {date: 2025-02-30, type: tabletop, findings: [~]}
        revisions:
          - {version: "1"}
        <<: {a: 1}
        [a, b]: 1
        x-ok: 1
        """

    static let documents: [(String, String)] = [
        ("bad.yaml", plan),
        ("unit.yaml", """
            eplan: plan/v1
            id: Bad
            title: "  "
            kind: unit
            category: school-x
            form: sheet
            status: valid
            parent: Qs.Master
            scope: {hazards: [flood], severities: [V], excluded: [{hazard: flood, reason: r, why: 1}]}
            organization:
              members:
                - {agency: fire-rescue, job: 1}
                - ~
            response-levels:
              - {trigger: x, when: 1}
            resources:
              - {id: qs.boats, size: 1}
            drills:
              - {type: tabletp, who: 1}
            revisions:
              - {version: "1", date: 2025-01-01, by: 1}
            reporting: {initial: {a: 1}}
            """),
        ("kind.yaml", "eplan: plan/v1\nid: qs.kind\nkind: plan\nowner: {a: 1}\n"),
        ("document.yaml", """
            eplan: plan/v1
            id: qs.document
            warning:
              levels:
                - {level: bleu, criteria: x, colour: red}
                - {issued-by: x}
            support: {comunications: [x]}
            contacts:
              - {role: Duty, phone: "0351-ABC", mobile: "1"}
              - {name: Wang}
            annexes:
              - {title: Map, page: 1}
            """),
        ("noscope.yaml", "eplan: plan/v1\nid: qs.noscope\nkind: special\n"),
        ("joint.yaml", "eplan: plan/v1\nid: qs.joint\nkind: joint\nregions: [qs]\nactions: 5\n"),
        ("dupkey.yaml", "eplan: plan/v1\nid: qs.dup\nid: qs.dup2\n"),
        ("more1.yaml", "eplan: plan/v1\n" + (0...100).map { "k\($0): 1\n" }.joined()),
        ("more2.yaml", "eplan: plan/v1\n" + (0...101).map { "k\($0): 1\n" }.joined()),
        ("nokey.yaml", "title: x\n"),
        ("list.yaml", "- a\n"),
        ("empty.yaml", ""),
        ("v2.yaml", "eplan: plan/v2\n"),
        ("regions.yaml", """
            eplan: regions/v1
            regions:
              - id: qs
                level: county
                colour: red
                children:
                  - {id: lin, level: municipal}
                  - {id: lin, level: township}
                  - {name: nameless}
                  - {id: Bad, level: township}
            """),
        ("regions2.yaml", "eplan: regions/v1\nextra: 1\n"),
        ("inventory.yaml", "eplan: inventory/v1\nregion: qs\nitems: []\n"),
        ("eplan.yaml", """
            eplan: config/v1
            lang: fr
            links: folow
            depth: county
            hazards: {natual: [x-a], natural: [Bad_Id]}
            calendar: {holidays: [2026-01-01], workdays: [2026-01-01], holiday: []}
            rules:
              drill-overdu: off
              no-such-thing: off
              parent-stale: {severity: warnig, monhts: 3}
              drill-overdue: {severity: loud, zzz: 1, months: 0}
              region-no-master: {depth: county}
            external:
              - {id: sx.master, kind: master, level: provincal, versoin: "1"}
              - {id: sx.other, level: provincial, version: "1"}
            wat: 1
            """),
    ]

    /// Every finding of the documents above, decoded one by one.
    static func decoded() -> [Diagnostic] {
        documents.flatMap { name, text in decode(text, file: name).diagnostics }
    }

    /// The findings of the index, the workspace and the suppressions of a small repository.
    static func repository() throws -> [Diagnostic] {
        let config = ("eplan.yaml", """
            eplan: config/v1
            external:
              - {id: sx.master, kind: master, level: provincial, version: "1"}
              - {id: sx.master, kind: master, level: provincial, version: "1"}
              - {id: qs.master, kind: master, level: municipal, version: "1"}
            """)
        let plan = { (file: String, extra: String) in
            (file, """
                eplan: plan/v1
                id: qs.master
                title: Plan
                kind: master
                level: municipal
                region: qs
                owner: emergency-management
                version: "1"
                resources:
                  - {id: qs.boats, type: material}
                \(extra)
                """)
        }
        let files = [config, ("regions.yaml", "eplan: regions/v1\nregions: [{id: qs, level: municipal}]\n"),
                     ("regions2.yaml", "eplan: regions/v1\nregions: [{id: sx, level: provincial}]\n"),
                     plan("a.yaml", "# eplan-disable-file hazard-overlap -- none here\n# eplan-disable-line\n# eplan-disable-line parent-stale\n"),
                     plan("b.yaml", "# eplan-disable-line no-such-rule, drill-overdu, parent stale\n")]
        let workspace = try Workspace.inMemory(files.map { ($0.0, Array($0.1.utf8)) })
        let analysis = Linter.analyze(workspace, LintOptions(cwd: "", jobs: 1, today: try #require(Day("2026-11-30"))))
        var found = analysis.result.diagnostics
        found += Workspace.outsideLink(path: "qs/link.yaml", display: "qs/link.yaml", target: "/etc/hostname").diagnostics
        do {
            _ = try Workspace.decodeConfiguration(decode("eplan: regions/v1\nregions: []\n", file: "eplan.yaml"))
        } catch {
            if case .invalidConfig(_, let diagnostics) = error { found += diagnostics }
        }
        return found
    }

    static let errors: [WorkspaceError] = [.pathNotFound("nowhere"), .noFiles([]), .noFiles(["a", "b"]),
                                           .invalidConfig(file: "eplan.yaml", [problem]), .invalidConfig(file: "eplan.yaml", [problem, problem])]
    static let problem = Diagnostic(.schemaValue, Message("schema.empty", ["path": "title"]), at: Location(file: "eplan.yaml", span: SourceSpan(at: .start)))

    /// The rules whose findings these files make (the rules' own passes and the YAML parser have theirs).
    static let rules: Set<RuleID> = [.schemaMissingKey, .schemaUnknownKey, .schemaType, .schemaValue, .duplicateID,
                                     .unusedSuppression, .linkOutside]

    /// Every message of a finding of those rules: the message, the help, the related notes; and the
    /// related notes of a duplicate YAML key (`schema.duplicate-key-first`).
    static func messages(_ diagnostics: [Diagnostic]) -> [Message] {
        diagnostics.flatMap { finding -> [Message] in
            if finding.rule == .yamlDuplicateKey { return finding.related.map(\.message) }
            guard rules.contains(finding.rule) else { return [] }
            return [finding.message] + (finding.help.map { [$0] } ?? []) + finding.related.map(\.message)
        }
    }

    @Test("every message is keyed and reads as Chinese in zh-CN: Chinese words, Chinese quotes, no placeholder left")
    func chinese() throws {
        let messages = Self.messages(Self.decoded() + (try Self.repository())) + Self.errors.map(\.text)
        #expect(messages.count > 100)
        for message in messages {
            #expect(!message.isRaw, "raw message: \(message.english)")
            let text = message.text(.zhCN)
            #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "not Chinese: \(text)")
            #expect(!text.contains("'"), "English quotes in Chinese: \(text)")
            #expect(!text.contains("{") || text.contains("[{"), "placeholder left: \(text)")
        }
    }

    @Test("every key of the schema and repo sections is met (but the unreadable folder, met only on disk)")
    func coverage() throws {
        let messages = Self.messages(Self.decoded() + (try Self.repository())) + Self.errors.map(\.text)
        let used = Set(messages.flatMap(\.keys))
        let keys = Catalogue.en.keys.filter { $0.hasPrefix("schema.") || $0.hasPrefix("repo.") }
        let unmet = Set(keys).subtracting(used).subtracting(["repo.folder-unreadable", "repo.folder-unreadable-help"])
        #expect(unmet.sorted() == [])
    }

    @Test("English is as it was: names of values, contexts, counted words, terms as ids")
    func english() throws {
        let all = Self.decoded()
        let texts = all.map(\.message.english)
        for expected in [
            "unknown key 'titel' in a plan", "unknown phase 'respons' at 'actions[a1].phase'",
            "'category' belongs to unit plans only; this plan is special",
            "plan 'qs.noscope' has no 'scope' (required of special plans, with 'hazards')",
            "the scope of plan 'qs.bad' has no 'hazards' (required of special plans)",
            "1 more unknown key in this file, not listed one by one", "2 more unknown keys in this file, not listed one by one",
            "region 'qs/lin' is municipal but sits under a county region; a child's level must be lower",
            "not an eplan document: its top level is a list, not a mapping", "unknown key 'wat' in eplan.yaml",
            "a key in a plan is a list; keys are plain words",
        ] {
            #expect(texts.contains(expected), "\(expected)")
        }
        let helps = Set(all.compactMap(\.help?.english))
        #expect(helps.contains("use one of: lead, support"))
        #expect(helps.contains("did you mean 'response'?"))
        #expect(helps.contains("remove 'category', or make the plan 'kind: unit'"))
        #expect(Self.errors.map(\.message) == ["no such file or folder: nowhere",
                                               "no eplan file found in . (YAML files with an 'eplan:' key); nothing was linted",
                                               "no eplan file found in a, b (YAML files with an 'eplan:' key); nothing was linted",
                                               "invalid configuration eplan.yaml (1 problem)", "invalid configuration eplan.yaml (2 problems)"])
    }

    /// Paths nested in records, keyed by an id or a document's own key, and a mapping entry's key: the
    /// texts as the field paths wrote them before they were kept as literal and node parts.
    @Test("field paths name the nested place: records, ids, keys read from the document, an entry's key")
    func fieldPaths() {
        let plan = """
            eplan: plan/v1
            id: qs.p
            title: T
            kind: special
            level: county
            region: qs
            owner: fire-rescue
            version: "1"
            organization:
              members:
                - {agency: fire-rescue, role: leader, duties: [~, 3]}
                - {agency: police, duties: ok}
            reporting:
              initial: {XX: 1h, I: 2 hours}
            response-levels:
              - {level: V}
            actions:
              - {id: a1, phase: respons, who: fire-rescue, within: 0m, how: [x]}
              - {phase: response, hazards: [nohazard]}
            resources:
              - {id: r1, quantity: abc}
            drills:
              - {date: 2025-02-30, type: tabletop}
            contacts:
              - {agency: fire-rescue, name: N, phone: abc}
            support:
              funding: [~]
            """
        let config = """
            eplan: config/v1
            rules:
              drill-overdue: {severity: loud}
              region-no-master: {depth: nowhere}
            """
        let texts = Set((decode(plan).diagnostics + decode(config, file: "eplan.yaml").diagnostics).map(\.message.english))
        for expected in [
            "unknown member role 'leader' at 'organization.members[1].role'",
            "'organization.members[1].duties' must be a text, found nothing",
            "'organization.members[2].duties' must be a list, found a single value",
            "unknown severity class 'XX' at 'reporting.initial key'",
            "'2 hours' at 'reporting.initial.I' is not a valid duration",
            "unknown response level 'V' at 'response-levels[1].level'",
            "unknown phase 'respons' at 'actions[a1].phase'",
            "'0m' at 'actions[a1].within' is not a valid duration",
            "'actions[a1].how' must be a text, found a list",
            "unknown hazard 'nohazard' at 'actions[2].hazards'",
            "'abc' at 'resources[1].quantity' is not a non-negative number",
            "'2025-02-30' at 'drills[1].date' is not a valid date",
            "'abc' at 'contacts[1].phone' is not a phone number",
            "unknown support area 'funding' at 'support key'",
            "'support.funding' must be a text, found nothing",
            "unknown severity 'loud' at 'rules.drill-overdue.severity'",
            "unknown level 'nowhere' at 'rules.region-no-master.depth'",
        ] {
            #expect(texts.contains(expected), "\(expected)")
        }
    }

    @Test("Chinese names the terms of the format: kinds, levels, phases, roles in messages and help")
    func terms() {
        let all = Self.decoded()
        let texts = all.map { $0.message.text(.zhCN) }
        #expect(texts.contains("“category”只用于单位应急预案（unit），本预案是专项应急预案（special）"))
        #expect(texts.contains("“actions[a1].phase”的值“respons”不是有效的应对阶段"))
        #expect(texts.contains("行政区划“qs/lin”为市级（municipal），却隶属于县级（county）区划；下级区划的层级必须低于上级"))
        let helps = Set(all.compactMap { $0.help?.text(.zhCN) })
        #expect(helps.contains("可选值：牵头（lead）、配合（support）"))
        #expect(helps.contains("是否应为“应急处置与救援（response）”？"))
    }
}
