import EPlanKit
import EPlanYAML
import Foundation
import Testing

/// Decodes one document from text, as if the file had been named on the command line.
func decode(_ text: String, file: String = "p.yaml", extraHazards: [String] = []) -> SourceDocument {
    DocumentDecoder.decode(YAMLParser.parse(Array(text.utf8)), path: file, display: file, named: true,
                           hazards: Set(HazardCatalog.builtIn + extraHazards))
}

/// Findings as "rule line:column", in report order.
func findings(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.sorted(by: Diagnostic.reportOrder).map { "\($0.rule) \($0.location.line):\($0.location.column)" }
}

func findings(_ text: String) -> [String] {
    findings(decode(text).diagnostics)
}

/// A complete, valid county master plan; tests change one thing at a time.
let validMaster = """
    eplan: plan/v1
    id: qs.lin.master
    title: 临县突发事件总体应急预案 (Lin County Master Plan)
    kind: master
    level: county
    region: qs/lin
    owner: emergency-management
    version: "2.0"
    issued: 2025-03-01
    filed: 2025-03-14
    parent: {id: qs.master, version: "2025"}
    scope:
      hazards: [flood, mountain-torrent]
    organization:
      command: {name: 临县应急委员会, lead: County magistrate, office: emergency-management}
      members:
        - agency: emergency-management
          role: lead
          duties: [Coordinate the response]
    reporting:
      initial: {I: 15m, II: 30m, III: 1h, IV: 2h}
      written: 2h
      follow-up: 24h
      to: qs:emergency-management
    response-levels:
      - {level: I, trigger: Ten or more deaths, lead: emergency-management}
    actions:
      - id: monitor
        phase: warning
        who: emergency-management
        how: Watch the forecasts
        when: Every day in the flood season
        resources: []
    """

@Suite("Plan decoding")
struct PlanDecodingTests {
    @Test("a complete plan decodes with no finding and keeps every value and its place")
    func validPlan() throws {
        let doc = decode(validMaster)
        #expect(findings(doc.diagnostics) == [])
        let plan = try #require(doc.plan)
        #expect(plan.id?.value == "qs.lin.master")
        #expect(plan.id?.span.start == SourceMark(line: 2, column: 1))
        #expect(plan.kind?.value == .master)
        #expect(plan.level?.value == .county)
        #expect(plan.version?.value?.text == "2.0")
        #expect(plan.issued?.value == Day(year: 2025, month: 3, day: 1))
        #expect(plan.parent?.id.value == "qs.master")
        #expect(plan.parent?.version?.value?.text == "2025")
        #expect(plan.parent?.version?.span.start == SourceMark(line: 11, column: 25))
        #expect(plan.scope?.hazards?.value?.map(\.value) == ["flood", "mountain-torrent"])
        #expect(plan.scope?.hazards?.value?[1].span.start == SourceMark(line: 13, column: 20))
        #expect(plan.organization?.members.first?.effectiveRole == .lead)
        #expect(plan.reporting?.initial?.value?.limit(for: .III)?.minutes == 60)
        #expect(plan.reporting?.written?.value?.limit(for: .I)?.minutes == 120)
        #expect(plan.reporting?.to?.value == AgencyRef(region: "qs", agency: "emergency-management"))
        #expect(plan.responseLevels?.value?.first?.lead?.value?.first?.value == AgencyRef(region: nil, agency: "emergency-management"))
        let action = try #require(plan.actions?.value?.first)
        #expect(action.span.start == SourceMark(line: 28, column: 5))
        #expect(action.who?.value?.count == 1)
        #expect(action.resources?.value?.isEmpty == true)
        #expect(doc.diagnostics.isEmpty)
    }

    @Test("required keys on every plan are reported at the plan's first key")
    func missingTopLevelKeys() {
        let text = validMaster.replacingOccurrences(of: "title: 临县突发事件总体应急预案 (Lin County Master Plan)\n", with: "")
            .replacingOccurrences(of: "owner: emergency-management\n", with: "")
        #expect(findings(text) == ["schema-missing-key 1:1", "schema-missing-key 1:1"])
        let messages = decode(text).diagnostics.map(\.message.english).sorted()
        #expect(messages == ["plan 'qs.lin.master' has no 'owner'", "plan 'qs.lin.master' has no 'title'"])
    }

    @Test("'issued' is required of in-force plans only")
    func issuedOnlyInForce() {
        let withoutIssued = validMaster.replacingOccurrences(of: "issued: 2025-03-01\n", with: "")
        #expect(findings(withoutIssued) == ["schema-missing-key 1:1"])
        #expect(findings(withoutIssued + "\nstatus: draft\n") == [])
        #expect(findings(withoutIssued + "\nstatus: retired\n") == [])
    }

    @Test("the first key is where missing keys land, after a modeline comment too")
    func firstKeyAfterComment() {
        let text = "# yaml-language-server: $schema=../schemas/plan.json\n"
            + validMaster.replacingOccurrences(of: "version: \"2.0\"\n", with: "")
        #expect(findings(text) == ["schema-missing-key 2:1"])
    }

    @Test("per-kind required keys", arguments: [
        ("kind: special", "organization:", "schema-missing-key 1:1"),
        ("kind: master", "response-levels:", "schema-missing-key 1:1"),
        ("kind: master", "  hazards: [flood, mountain-torrent]", "schema-missing-key 13:3"),
    ])
    func perKindRequired(kind: String, removedLinePrefix: String, expected: String) {
        var lines = validMaster.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = lines.map { $0 == "kind: master" ? kind : $0 }
        // Remove the key and, for a mapping or list, the indented lines under it.
        var result: [String] = []
        var skipping = false
        for line in lines {
            if line.hasPrefix(removedLinePrefix) {
                skipping = !removedLinePrefix.hasPrefix(" ")
                if removedLinePrefix.hasPrefix(" ") { result.append("  severities: [I, II, III, IV]") }
                continue
            }
            if skipping, line.hasPrefix(" ") { continue }
            skipping = false
            result.append(line)
        }
        #expect(findings(result.joined(separator: "\n")) == [expected])
    }

    @Test("a plan without scope at all names 'scope' as missing")
    func missingScope() {
        let text = validMaster.replacingOccurrences(of: "scope:\n  hazards: [flood, mountain-torrent]\n", with: "")
        let doc = decode(text)
        #expect(findings(doc.diagnostics) == ["schema-missing-key 1:1"])
        #expect(doc.diagnostics.first?.message.english == "plan 'qs.lin.master' has no 'scope' (required of master plans, with 'hazards')")
    }

    @Test("departmental, unit, event and joint plans need their own keys")
    func otherKinds() {
        let departmental = """
            eplan: plan/v1
            id: qs.lin.dept.transport
            title: Transport
            kind: departmental
            level: county
            region: qs/lin
            owner: transport
            version: "1"
            issued: 2025-01-01
            master: qs.lin.master
            """
        #expect(findings(departmental) == ["schema-missing-key 1:1"])
        #expect(decode(departmental).diagnostics.first?.message.english == "plan 'qs.lin.dept.transport' has no 'actions' (required of departmental plans)")
        let event = departmental.replacingOccurrences(of: "kind: departmental", with: "kind: event")
            + "\nscope: {hazards: [mass-incident]}\nactions: []\n"
        #expect(decode(event).diagnostics.map(\.message.english) == ["plan 'qs.lin.dept.transport' has no 'event-dates' (required of event plans)"])
        let joint = departmental.replacingOccurrences(of: "kind: departmental", with: "kind: joint")
            + "\nscope: {hazards: [flood]}\nactions: []\nregions: [qs/lin]\n"
        #expect(decode(joint).diagnostics.map(\.message.english) == ["a joint plan covers two regions or more; 'regions' lists 1"])
        let unit = departmental.replacingOccurrences(of: "kind: departmental", with: "kind: unit")
            + "\nscope: {hazards: [coal-mine-accident]}\nactions: []\nreporting: {initial: 30m}\n"
        #expect(findings(unit) == [])
    }

    @Test("'parent' and 'master' are not schema keys: the vertical rules report them")
    func parentNotRequiredBySchema() {
        let text = validMaster.replacingOccurrences(of: "parent: {id: qs.master, version: \"2025\"}\n", with: "")
        #expect(findings(text) == [])
    }

    @Test("unknown keys suggest the nearest known key, at every level")
    func unknownKeys() {
        let text = validMaster
            .replacingOccurrences(of: "title:", with: "titel:")
            .replacingOccurrences(of: "    phase: warning", with: "    phase: warning\n    resource: []")
        let doc = decode(text)
        #expect(findings(doc.diagnostics).filter { $0.hasPrefix("schema-unknown-key") } == ["schema-unknown-key 3:1", "schema-unknown-key 30:5"])
        let unknown = doc.diagnostics.filter { $0.rule == .schemaUnknownKey }.sorted(by: Diagnostic.reportOrder)
        #expect(unknown.map { $0.help?.english } == ["did you mean 'title'?", "did you mean 'resources'?"])
        #expect(unknown.map(\.message.english) == ["unknown key 'titel' in a plan", "unknown key 'resource' in an action"])
    }

    @Test("an unknown key far from every known one lists the allowed keys")
    func unknownKeyWithoutSuggestion() {
        let doc = decode(validMaster + "\nzzzzzz: 1\n")
        #expect(doc.diagnostics.first?.help?.english.hasPrefix("keys allowed in a plan: eplan, id, title") == true)
    }

    @Test("x- keys are accepted anywhere")
    func extensionKeys() {
        let text = validMaster
            .replacingOccurrences(of: "title:", with: "x-internal-ref: 42\ntitle:")
            .replacingOccurrences(of: "    phase: warning", with: "    phase: warning\n    x-note: {any: [thing]}")
            .replacingOccurrences(of: "  hazards: [flood", with: "  x-risk-survey: 2024\n  hazards: [flood")
        #expect(findings(text) == [])
    }

    @Test("wrong shapes are schema-type findings at the key", arguments: [
        ("  hazards: [flood, mountain-torrent]", "  hazards: flood", "schema-type 13:3"),
        ("      duties: [Coordinate the response]", "      duties: {a: b}", "schema-type 19:7"),
        ("title: 临县突发事件总体应急预案 (Lin County Master Plan)", "title: [a, b]", "schema-type 3:1"),
        ("  written: 2h", "  written: [2h]", "schema-type 22:3"),
    ])
    func wrongShapes(line: String, replacement: String, expected: String) {
        #expect(findings(validMaster.replacingOccurrences(of: line, with: replacement)) == [expected])
    }

    @Test("invalid values are schema-value findings with the nearest suggestion", arguments: [
        ("kind: master", "kind: mastr", "schema-value 4:1", "did you mean 'master'?"),
        ("level: county", "level: countee", "schema-value 5:1", "did you mean 'county'?"),
        ("    phase: warning", "    phase: warnings", "schema-value 29:5", "did you mean 'warning'?"),
        ("[flood, mountain-torrent]", "[flood, mountain-torent]", "schema-value 13:20", "did you mean 'mountain-torrent'?"),
        ("{I: 15m, II: 30m", "{I: 15m, V: 30m", "schema-value 21:21", "did you mean 'IV'?"),
        ("- {level: I,", "- {level: 1,", "schema-value 26:6", nil),
    ] as [(String, String, String, String?)])
    func enumValues(from: String, to: String, expected: String, help: String?) {
        let doc = decode(validMaster.replacingOccurrences(of: from, with: to))
        #expect(findings(doc.diagnostics) == [expected])
        if let help { #expect(doc.diagnostics.first?.help?.english == help) }
    }

    @Test("patterns: ids, regions, agencies, dates, durations, versions", arguments: [
        ("id: qs.lin.master", "id: Qs.Lin", "schema-value 2:1"),
        ("id: qs.lin.master", "id: qs..lin", "schema-value 2:1"),
        ("id: qs.lin.master", "id: ../etc/passwd", "schema-value 2:1"),
        ("region: qs/lin", "region: qs//lin", "schema-value 6:1"),
        ("region: qs/lin", "region: /qs", "schema-value 6:1"),
        ("owner: emergency-management", "owner: Emergency_Management", "schema-value 7:1"),
        ("to: qs:emergency-management", "to: qs:lin:x", "schema-value 24:3"),
        ("issued: 2025-03-01", "issued: 2025-3-1", "schema-value 9:1"),
        ("issued: 2025-03-01", "issued: 2023-02-29", "schema-value 9:1"),
        ("filed: 2025-03-14", "filed: 14.03.2025", "schema-value 10:1"),
        ("follow-up: 24h", "follow-up: 24 h", "schema-value 23:3"),
        ("follow-up: 24h", "follow-up: 0h", "schema-value 23:3"),
        ("follow-up: 24h", "follow-up: 1w", "schema-value 23:3"),
        ("follow-up: 24h", "follow-up: -3h", "schema-value 23:3"),
        ("version: \"2.0\"", "version: \"  \"", "schema-value 8:1"),
        ("  - id: monitor", "  - id: Monitor.1", "schema-value 28:5"),
    ])
    func patterns(from: String, to: String, expected: String) {
        #expect(findings(validMaster.replacingOccurrences(of: from, with: to)) == [expected])
    }

    @Test("valid patterns pass", arguments: [
        ("to: qs:emergency-management", "to: qs/lin/shi:township-government"),
        ("issued: 2025-03-01", "issued: 2024-02-29"),
        ("follow-up: 24h", "follow-up: 3d"),
        ("id: qs.lin.master", "id: qs_lin-2.master"),
        ("version: \"2.0\"", "version: 2024a"),
    ])
    func validPatterns(from: String, to: String) {
        #expect(findings(validMaster.replacingOccurrences(of: from, with: to)) == [])
    }

    @Test("action ids are unique within a plan: duplicate-id at the later one")
    func duplicateActionID() throws {
        let text = validMaster + """

              - id: monitor
                phase: recovery
                who: emergency-management
                how: Review
                when: After
                resources: []
            """
        let doc = decode(text)
        #expect(findings(doc.diagnostics) == ["duplicate-id 34:5"])
        let d = try #require(doc.diagnostics.first)
        #expect(d.message.english == "action id 'monitor' is used twice in this plan (first at p.yaml:28)")
        #expect(d.related.first?.location.line == 28)
        #expect(d.plan == "qs.lin.master")
    }

    /// Up to 16 actions are compared with each other, more are looked up in a table: both ways find
    /// the same repeats, each at the later action, pointing at the first.
    @Test("repeated action ids among few and among many actions", arguments: [3, 16, 17, 40])
    func duplicateActionIDsAtAnyCount(count: Int) {
        let actions = (1 ... count).map { i in
            // Every third action repeats the first id; the rest are unique.
            let id = i > 1 && i % 3 == 0 ? "a1" : "a\(i)"
            return "  - {id: \(id), phase: response, who: emergency-management, how: H, when: W, resources: []}"
        }.joined(separator: "\n")
        let text = """
            eplan: plan/v1
            id: qs.many
            title: T
            kind: unit
            level: township
            region: qs
            owner: emergency-management
            version: "1"
            issued: 2024-01-01
            scope: {hazards: [flood]}
            reporting: {initial: 1h, written: 2h}
            actions:
            \(actions)
            """
        let repeats = decode(text).diagnostics.filter { $0.rule == .duplicateID }
        #expect(repeats.map(\.location.line) == (1 ... count).filter { $0 > 1 && $0 % 3 == 0 }.map { 12 + $0 })
        for repeated in repeats {
            #expect(repeated.message.english == "action id 'a1' is used twice in this plan (first at p.yaml:13)")
            #expect(repeated.related.first?.location.line == 13)
        }
    }

    @Test("empty who, how and when are kept as empty answers, not schema findings")
    func emptyAnswers() throws {
        let text = validMaster
            .replacingOccurrences(of: "    how: Watch the forecasts", with: "    how: \"\"")
            .replacingOccurrences(of: "    who: emergency-management", with: "    who: []")
            .replacingOccurrences(of: "    when: Every day in the flood season", with: "    when: '  '")
        let doc = decode(text)
        #expect(findings(doc.diagnostics) == [])
        let action = try #require(doc.plan?.actions?.value?.first)
        #expect(action.how?.value == "")
        #expect(action.who?.value?.isEmpty == true)
        #expect(action.when?.value == "  ")
    }

    @Test("who: \"\" is an empty answer at its key, not a schema-value finding")
    func emptyWhoText() throws {
        for empty in ["\"\"", "'  '"] {
            let doc = decode(validMaster.replacingOccurrences(of: "    who: emergency-management", with: "    who: \(empty)"))
            #expect(findings(doc.diagnostics) == [])
            let who = try #require(doc.plan?.actions?.value?.first?.who)
            #expect(who.value?.isEmpty == true)
            #expect(who.span.start == SourceMark(line: 30, column: 5))
        }
        // An empty entry in a list is an invalid agency reference, as before.
        #expect(findings(validMaster.replacingOccurrences(of: "    who: emergency-management", with: "    who: [fire-rescue, \"\"]"))
                == ["schema-value 30:24"])
    }

    @Test("one run reports all of a file's problems")
    func allProblems() {
        let text = validMaster
            .replacingOccurrences(of: "kind: master", with: "kind: mastr")
            .replacingOccurrences(of: "level: county", with: "level: 3")
            .replacingOccurrences(of: "title:", with: "tittle:")
            .replacingOccurrences(of: "issued: 2025-03-01", with: "issued: yesterday")
        // 'tittle' stands for the absent 'title': one finding, not a missing key too.
        #expect(findings(text) == ["schema-unknown-key 3:1", "schema-value 4:1", "schema-value 5:1", "schema-value 9:1"])
    }

    @Test("document types: unknown eplan value, no eplan key, several documents")
    func documentTypes() {
        let unsupported = decode("eplan: plan/v2\nid: x\n")
        #expect(findings(unsupported.diagnostics) == ["schema-value 1:1"])
        #expect(unsupported.diagnostics.first?.help?.english == "did you mean 'plan/v1'?")
        #expect(findings("a: 1\n") == ["schema-missing-key 1:1"])
        #expect(findings("- a\n- b\n") == ["schema-missing-key 1:1"])
        #expect(findings("") == ["schema-missing-key 1:1"])
        let notNamed = DocumentDecoder.decode(YAMLParser.parse(Array("a: 1\n".utf8)), path: "x", display: "x",
                                              named: false, hazards: [])
        #expect(notNamed.diagnostics.isEmpty)
        #expect(notNamed.isReported == false)
        #expect(findings(validMaster + "\n---\nfoo: bar\n") == ["schema-value 34:1"])
    }

    @Test("a file that does not parse contributes no plan")
    func syntaxErrorNoPlan() {
        let doc = decode(validMaster + "\n  bad: [\n")
        #expect(doc.plan == nil)
        #expect(findings(doc.diagnostics).allSatisfy { $0.hasPrefix("yaml-syntax") })
        #expect(doc.isReported)
    }

    /// `validMaster` made a unit plan, with the given lines after `version`.
    static func unitPlan(_ lines: String) -> String {
        validMaster.replacingOccurrences(of: "kind: master", with: "kind: unit")
            .replacingOccurrences(of: "version: \"2.0\"\n", with: "version: \"2.0\"\n" + lines)
    }

    @Test("a unit plan's category and form (1.1) decode, with their places")
    func unitCategoryAndForm() throws {
        let doc = decode(Self.unitPlan("category: mine\nform: on-site\n"))
        #expect(findings(doc.diagnostics) == [])
        let plan = try #require(doc.plan)
        #expect(plan.category?.value == .mine)
        #expect(plan.category?.span.start.line == 9)
        #expect(plan.form?.value == .onSite)
        #expect(plan.form?.span.start.line == 10)
        let plain = try #require(decode(Self.unitPlan("")).plan)
        #expect(plain.category == nil && plain.form == nil)
        let empty = decode(Self.unitPlan("category:\nform: ~\n"))
        #expect(findings(empty.diagnostics) == [], "a null value is an absent key")
        #expect(empty.plan?.category == nil)
    }

    @Test("unknown categories and forms are schema-value findings with the nearest suggestion", arguments: [
        ("category: mines\n", "schema-value 9:1", "did you mean 'mine'?"),
        ("category: hazardous-material\n", "schema-value 9:1", "did you mean 'hazardous-materials'?"),
        ("form: onsite\n", "schema-value 9:1", "did you mean 'on-site'?"),
        ("form: [comprehensive]\n", "schema-type 9:1", nil),
    ] as [(String, String, String?)])
    func unknownCategory(lines: String, expected: String, help: String?) throws {
        let doc = decode(Self.unitPlan(lines))
        #expect(findings(doc.diagnostics) == [expected])
        if let help { #expect(doc.diagnostics.first?.help?.english == help) }
        let plan = try #require(doc.plan)
        #expect(plan.category?.value == nil && plan.form?.value == nil)
    }

    @Test("category and form on a plan that is not a unit plan are schema-value findings at the key")
    func categoryOnWrongKind() {
        let text = validMaster.replacingOccurrences(of: "version: \"2.0\"\n", with: "version: \"2.0\"\ncategory: school\nform: comprehensive\n")
        let doc = decode(text)
        #expect(findings(doc.diagnostics) == ["schema-value 9:1", "schema-value 10:1"])
        #expect(doc.diagnostics.map(\.message.english).sorted() == ["'category' belongs to unit plans only; this plan is master",
                                                             "'form' belongs to unit plans only; this plan is master"])
        #expect(doc.diagnostics.first?.help?.english == "remove 'category', or make the plan 'kind: unit'")
    }

    @Test("extra hazard ids from the configuration are accepted")
    func extraHazards() {
        let text = validMaster.replacingOccurrences(of: "[flood, mountain-torrent]", with: "[flood, sandstorm]")
        #expect(findings(text) == ["schema-value 13:20"])
        #expect(findings(decode(text, extraHazards: ["sandstorm"]).diagnostics) == [])
    }
}

/// One mistake, one finding (rules.md 1.1): a misspelt key is reported once, as `schema-unknown-key`
/// with its suggestion; the key it stands for is neither missing nor compared.
@Suite("Misspelt keys")
struct MisspeltKeyTests {
    @Test("a misspelt required key is one finding, in every mapping with required keys", arguments: [
        ("title: 临县", "titel: 临县", "schema-unknown-key 3:1"),
        ("owner: emergency-management", "ownr: emergency-management", "schema-unknown-key 7:1"),
        ("issued: 2025-03-01", "isued: 2025-03-01", "schema-unknown-key 9:1"),
        ("response-levels:", "response-level:", "schema-unknown-key 25:1"),
        ("actions:", "action:", "schema-unknown-key 27:1"),
        ("  hazards: [flood", "  hazard: [flood", "schema-unknown-key 13:3"),
        ("reporting:", "reportng:", "schema-unknown-key 20:1"),
        ("scope:", "scop:", "schema-unknown-key 12:1"),
        ("parent: {id: qs.master", "parent: {idd: qs.master", "schema-unknown-key 11:10"),
        ("    - agency: emergency-management", "    - agncy: emergency-management", "schema-unknown-key 17:7"),
        ("      duties: [Coordinate", "      dutis: [Coordinate", "schema-unknown-key 19:7"),
        ("  - {level: I,", "  - {levl: I,", "schema-unknown-key 26:6"),
        ("  - id: monitor", "  - idd: monitor", "schema-unknown-key 28:5"),
        ("    phase: warning", "    phse: warning", "schema-unknown-key 29:5"),
    ])
    func misspeltRequiredKey(from: String, to: String, expected: String) {
        let text = validMaster.replacingOccurrences(of: from, with: to)
        #expect(text != validMaster)
        #expect(findings(text) == [expected])
    }

    @Test("drills, revisions, resources, event dates, exclusions: one finding each")
    func misspeltInRecords() {
        let text = validMaster + """

            resources:
              - {idd: qs.lin.boats, type: equipment}
            drills:
              - {dat: 2025-06-01}
            revisions:
              - {version: "2.0", dte: 2025-03-01}
            """
        #expect(findings(text) == ["schema-unknown-key 35:6", "schema-unknown-key 37:6", "schema-unknown-key 39:22"])
        let excluded = validMaster.replacingOccurrences(of: "  hazards: [flood, mountain-torrent]",
                                                        with: "  hazards: [flood]\n  excluded: [{hazard: drought, reasn: Another plan}]")
        #expect(findings(excluded) == ["schema-unknown-key 14:32"])
        let event = """
            eplan: plan/v1
            id: qs.games
            title: Games
            kind: event
            level: municipal
            region: qs
            owner: sports
            version: "1"
            issued: 2026-01-01
            master: qs.master
            scope: {hazards: [mass-incident]}
            actions: []
            event-dates: {from: 2026-08-01, too: 2026-08-10}
            """
        #expect(findings(event) == ["schema-unknown-key 13:33"])
        #expect(findings(event.replacingOccurrences(of: "event-dates:", with: "event-date:")) == ["schema-unknown-key 13:1"])
    }

    @Test("regions, inventories and external entries: one finding each")
    func misspeltInOtherDocuments() {
        #expect(findings("eplan: regions/v1\nregions:\n  - {id: qs, levl: municipal}\n") == ["schema-unknown-key 3:14"])
        #expect(findings("eplan: regions/v1\nregion: []\n") == ["schema-unknown-key 2:1"])
        #expect(findings("eplan: inventory/v1\nresource: []\n") == ["schema-unknown-key 2:1"])
        #expect(findings("eplan: config/v1\nexternal:\n  - {id: sx.master, kind: master, level: provincial, verison: '1'}\n")
                == ["schema-unknown-key 3:54"])
        // An external plan may carry its title (1.1): a text, nothing else.
        #expect(findings("eplan: config/v1\nexternal:\n  - {id: sx.master, title: 省总体应急预案, kind: master, level: provincial, version: '1'}\n")
                == [])
        #expect(findings("eplan: config/v1\nexternal:\n  - {id: sx.master, title: [x], kind: master, level: provincial, version: '1'}\n")
                == ["schema-type 3:21"])
    }

    @Test("a key that only looks like a missing one still leaves it missing")
    func unrelatedUnknownKey() {
        let text = validMaster.replacingOccurrences(of: "title: 临县突发事件总体应急预案 (Lin County Master Plan)", with: "zzzzzz: 1")
        #expect(findings(text) == ["schema-missing-key 1:1", "schema-unknown-key 3:1"])
        // The suggestion is a key the plan writes: the misspelling stands for nothing.
        let both = validMaster + "\ntitel: again\n"
        #expect(findings(both) == ["schema-unknown-key 34:1"])
    }

    @Test("the key a misspelling stands for is written with no valid value, so no rule compares it")
    func modelRecordsMisspelling() throws {
        let text = validMaster
            .replacingOccurrences(of: "  initial: {", with: "  inital: {")
            .replacingOccurrences(of: "  follow-up:", with: "  folow-up:")
            .replacingOccurrences(of: "    how: Watch", with: "    hw: Watch")
            .replacingOccurrences(of: "parent: {id", with: "parnet: {id")
        let doc = decode(text)
        #expect(findings(doc.diagnostics) == ["schema-unknown-key 11:1", "schema-unknown-key 21:3",
                                              "schema-unknown-key 23:3", "schema-unknown-key 31:5"])
        let plan = try #require(doc.plan)
        let initial = try #require(plan.reporting?.initial)
        #expect(initial.value == nil)
        #expect(initial.span.start == SourceMark(line: 21, column: 3))
        #expect(plan.reporting?.followUp != nil && plan.reporting?.followUp?.value == nil)
        #expect(plan.reporting?.written?.value != nil)
        let action = try #require(plan.actions?.value?.first)
        #expect(action.how != nil && action.how?.value == nil)
        #expect(plan.parent != nil && plan.parent?.id.value == nil)
    }
}

/// A key whose value is null (`~`, `null`, nothing after the colon) is treated as absent (1.1).
@Suite("Null is absent")
struct NullIsAbsentTests {
    /// (a line after which the key is added, or nil when the plan has it; the key's line)
    @Test("a null optional key is not written", arguments: [
        (nil, "filed: 2025-03-14"), ("version: \"2.0\"", "evaluated: 2025-03-01"), ("version: \"2.0\"", "status: draft"),
        ("version: \"2.0\"", "master: qs.lin.x"), ("  hazards: [flood, mountain-torrent]", "  severities: [I]"),
        ("  hazards: [flood, mountain-torrent]", "  excluded: []"), (nil, "      role: lead"), (nil, "  written: 2h"),
        (nil, "  follow-up: 24h"), (nil, "  to: qs:emergency-management"), ("    phase: warning", "    within: 1h"),
        ("    phase: warning", "    hazards: [flood]"),
    ] as [(String?, String)])
    func nullOptional(after anchor: String?, line: String) throws {
        let base = anchor.map { validMaster.replacingOccurrences(of: $0, with: "\($0)\n\(line)") } ?? validMaster
        #expect(base.contains(line + "\n"))
        #expect(findings(base) == [])
        let key = line.prefix { $0 != ":" }
        for null in ["", " ~", " null", " Null"] {
            let text = base.replacingOccurrences(of: line + "\n", with: "\(key):\(null)\n")
            #expect(findings(text) == [], "\(key):\(null)")
        }
    }

    @Test("null leaves the default: not filed, in force, all four classes")
    func nullDefaults() throws {
        let text = validMaster
            .replacingOccurrences(of: "filed: 2025-03-14", with: "filed:")
            .replacingOccurrences(of: "  hazards: [flood, mountain-torrent]", with: "  hazards: [flood, mountain-torrent]\n  severities: ~")
            .replacingOccurrences(of: "issued: 2025-03-01", with: "issued: 2025-03-01\nstatus: null")
        let doc = decode(text)
        #expect(findings(doc.diagnostics) == [])
        let plan = try #require(doc.plan)
        #expect(plan.filed == nil)
        #expect(plan.status == nil && plan.effectiveStatus == .inForce)
        #expect(plan.scope?.severities == nil)
    }

    @Test("a null required key is missing", arguments: [
        ("title: 临县突发事件总体应急预案 (Lin County Master Plan)", "title:", "schema-missing-key 1:1"),
        ("issued: 2025-03-01", "issued: ~", "schema-missing-key 1:1"),
        ("  hazards: [flood, mountain-torrent]", "  hazards: null", "schema-missing-key 13:3"),
        ("      duties: [Coordinate the response]", "      duties:", "schema-missing-key 17:7"),
        ("    phase: warning", "    phase: ~", "schema-missing-key 28:5"),
        ("parent: {id: qs.master, version: \"2025\"}", "parent: {id: ~, version: \"2025\"}", "schema-missing-key 11:10"),
    ])
    func nullRequired(from: String, to: String, expected: String) {
        #expect(findings(validMaster.replacingOccurrences(of: from, with: to)) == [expected])
    }

    @Test("a null answer of an action is a missing answer, not an empty one")
    func nullAnswer() throws {
        let doc = decode(validMaster.replacingOccurrences(of: "    how: Watch the forecasts", with: "    how:")
            .replacingOccurrences(of: "    resources: []", with: "    resources: ~"))
        #expect(findings(doc.diagnostics) == [])
        let action = try #require(doc.plan?.actions?.value?.first)
        #expect(action.how == nil)
        #expect(action.resources == nil)
    }

    @Test("an unknown key is reported even when its value is null")
    func nullUnknownKey() {
        #expect(findings(validMaster + "\ncolour:\n") == ["schema-unknown-key 34:1"])
    }

    @Test("in the configuration and the regions document too")
    func nullElsewhere() throws {
        let config = decode("""
            eplan: config/v1
            include: ~
            exclude:
            depth: null
            external:
              - {id: sx.master, kind: master, level: provincial, version: "1", region: ~, severities: ~, reporting: ~}
            hazards:
              natural: ~
            rules:
              drill-overdue: ~
              filing-late: {severity: ~, working-days: ~}
            """)
        #expect(findings(config.diagnostics) == [])
        guard case .config(let c) = config.content else {
            Issue.record("not a configuration")
            return
        }
        #expect(c.include == nil && c.exclude == [] && c.depth == .township)
        #expect(c.external.first?.severities == nil && c.external.first?.reporting == nil)
        #expect(c.rules.isEmpty == false && c.rules[RuleID("drill-overdue")] == nil)
        #expect(c.rules[RuleID("filing-late")]?.enabled == true && c.rules[RuleID("filing-late")]?.settings == [:])
        #expect(findings("eplan: config/v1\nrules: {drill-overdu: ~}\n") == ["schema-unknown-key 2:9"])
        #expect(findings("eplan: config/v1\nrules: {drill-overdue: {monthz: ~}}\n") == ["schema-unknown-key 2:25"])
        #expect(findings("eplan: regions/v1\nregions:\n  - {id: qs, level: municipal, hazards: ~, children: ~, name: ~}\n") == [])
        #expect(findings("eplan: regions/v1\nregions:\n  - {id: qs, level: ~}\n") == ["schema-missing-key 3:6"])
        #expect(findings("eplan: inventory/v1\nregion: ~\nresources: []\n") == [])
    }
}

/// Keys that are data (severity classes, rule ids, hazard categories) skip `x-` keys, like every other mapping.
@Suite("Extension keys among data")
struct ExtensionKeyDataTests {
    @Test("x- keys in per-class limits, rules and hazards are ignored")
    func ignored() throws {
        let plan = decode(validMaster.replacingOccurrences(of: "{I: 15m, II: 30m, III: 1h, IV: 2h}",
                                                           with: "{I: 15m, II: 30m, III: 1h, IV: 2h, x-source: notice 2024-3}"))
        #expect(findings(plan.diagnostics) == [])
        #expect(plan.plan?.reporting?.initial?.value?.limit(for: .IV)?.minutes == 120)
        let config = decode("""
            eplan: config/v1
            hazards:
              natural: [sandstorm]
              x-source: risk survey 2024
            rules:
              x-reviewed-by: safety office
              drill-overdue: {months: 24, x-why: provincial rule}
            """)
        #expect(findings(config.diagnostics) == [])
        guard case .config(let c) = config.content else {
            Issue.record("not a configuration")
            return
        }
        #expect(c.extraHazards == ["natural": ["sandstorm"]])
        #expect(c.rules.count == 1 && c.rules[RuleID("drill-overdue")]?.settings == ["months": 24])
    }

    @Test("a per-class limit with an invalid entry is not a valid limit (not compared)", arguments: [
        "{I: 15m, II: 30m, III: 1h, V: 2h}", "{I: 15m, II: 30m, III: 1h, IV: 2x}", "{I: 15m, II: 30m, III: 1h, [IV]: 2h}",
    ])
    func invalidEntry(limit: String) throws {
        let doc = decode(validMaster.replacingOccurrences(of: "{I: 15m, II: 30m, III: 1h, IV: 2h}", with: limit))
        #expect(findings(doc.diagnostics).count == 1)
        let initial = try #require(doc.plan?.reporting?.initial)
        #expect(initial.value == nil)
    }

    @Test("a class whose value is null sets no limit for that class")
    func nullClass() throws {
        let doc = decode(validMaster.replacingOccurrences(of: "{I: 15m, II: 30m, III: 1h, IV: 2h}", with: "{I: 15m, II: 30m, III: 1h, IV: ~}"))
        #expect(findings(doc.diagnostics) == [])
        let initial = try #require(doc.plan?.reporting?.initial?.value)
        #expect(initial.limit(for: .III)?.minutes == 60)
        #expect(initial.limit(for: .IV) == nil)
    }
}
