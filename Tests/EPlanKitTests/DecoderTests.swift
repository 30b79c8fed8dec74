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
        let messages = decode(text).diagnostics.map(\.message).sorted()
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
        #expect(doc.diagnostics.first?.message == "plan 'qs.lin.master' has no 'scope' (required of master plans, with 'hazards')")
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
        #expect(decode(departmental).diagnostics.first?.message == "plan 'qs.lin.dept.transport' has no 'actions' (required of departmental plans)")
        let event = departmental.replacingOccurrences(of: "kind: departmental", with: "kind: event")
            + "\nscope: {hazards: [mass-incident]}\nactions: []\n"
        #expect(decode(event).diagnostics.map(\.message) == ["plan 'qs.lin.dept.transport' has no 'event-dates' (required of event plans)"])
        let joint = departmental.replacingOccurrences(of: "kind: departmental", with: "kind: joint")
            + "\nscope: {hazards: [flood]}\nactions: []\nregions: [qs/lin]\n"
        #expect(decode(joint).diagnostics.map(\.message) == ["a joint plan covers two regions or more; 'regions' lists 1"])
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
        #expect(unknown.map(\.help) == ["did you mean 'title'?", "did you mean 'resources'?"])
        #expect(unknown.map(\.message) == ["unknown key 'titel' in a plan", "unknown key 'resource' in an action"])
    }

    @Test("an unknown key far from every known one lists the allowed keys")
    func unknownKeyWithoutSuggestion() {
        let doc = decode(validMaster + "\nzzzzzz: 1\n")
        #expect(doc.diagnostics.first?.help?.hasPrefix("keys allowed in a plan: eplan, id, title") == true)
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
        ("{I: 15m, II: 30m", "{I: 15m, V: 30m", "schema-value 21:21", "did you mean 'I'?"),
        ("- {level: I,", "- {level: 1,", "schema-value 26:6", nil),
    ] as [(String, String, String, String?)])
    func enumValues(from: String, to: String, expected: String, help: String?) {
        let doc = decode(validMaster.replacingOccurrences(of: from, with: to))
        #expect(findings(doc.diagnostics) == [expected])
        if let help { #expect(doc.diagnostics.first?.help == help) }
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
        #expect(d.message == "action id 'monitor' is used twice in this plan (first at p.yaml:28)")
        #expect(d.related.first?.location.line == 28)
        #expect(d.plan == "qs.lin.master")
    }

    @Test("empty who, how and when are kept as empty answers, not schema findings")
    func emptyAnswers() throws {
        let text = validMaster
            .replacingOccurrences(of: "    how: Watch the forecasts", with: "    how:")
            .replacingOccurrences(of: "    who: emergency-management", with: "    who: []")
        let doc = decode(text)
        #expect(findings(doc.diagnostics) == [])
        let action = try #require(doc.plan?.actions?.value?.first)
        #expect(action.how?.value == "")
        #expect(action.who?.value?.isEmpty == true)
        #expect(action.when?.value == "Every day in the flood season")
    }

    @Test("one run reports all of a file's problems")
    func allProblems() {
        let text = validMaster
            .replacingOccurrences(of: "kind: master", with: "kind: mastr")
            .replacingOccurrences(of: "level: county", with: "level: 3")
            .replacingOccurrences(of: "title:", with: "tittle:")
            .replacingOccurrences(of: "issued: 2025-03-01", with: "issued: yesterday")
        #expect(findings(text) == ["schema-missing-key 1:1", "schema-unknown-key 3:1", "schema-value 4:1",
                                   "schema-value 5:1", "schema-value 9:1"])
    }

    @Test("document types: unknown eplan value, no eplan key, several documents")
    func documentTypes() {
        let unsupported = decode("eplan: plan/v2\nid: x\n")
        #expect(findings(unsupported.diagnostics) == ["schema-value 1:1"])
        #expect(unsupported.diagnostics.first?.help == "did you mean 'plan/v1'?")
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
        if let help { #expect(doc.diagnostics.first?.help == help) }
        let plan = try #require(doc.plan)
        #expect(plan.category?.value == nil && plan.form?.value == nil)
    }

    @Test("category and form on a plan that is not a unit plan are schema-value findings at the key")
    func categoryOnWrongKind() {
        let text = validMaster.replacingOccurrences(of: "version: \"2.0\"\n", with: "version: \"2.0\"\ncategory: school\nform: comprehensive\n")
        let doc = decode(text)
        #expect(findings(doc.diagnostics) == ["schema-value 9:1", "schema-value 10:1"])
        #expect(doc.diagnostics.map(\.message).sorted() == ["'category' belongs to unit plans only; this plan is master",
                                                             "'form' belongs to unit plans only; this plan is master"])
        #expect(doc.diagnostics.first?.help == "remove 'category', or make the plan 'kind: unit'")
    }

    @Test("extra hazard ids from the configuration are accepted")
    func extraHazards() {
        let text = validMaster.replacingOccurrences(of: "[flood, mountain-torrent]", with: "[flood, sandstorm]")
        #expect(findings(text) == ["schema-value 13:20"])
        #expect(findings(decode(text, extraHazards: ["sandstorm"]).diagnostics) == [])
    }
}
