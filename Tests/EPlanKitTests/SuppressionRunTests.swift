import EPlanKit
import Testing

/// How a run applies suppressions: to the findings of reported files, eplan.yaml included, and which
/// unused ones it reports.
@Suite("Suppressions applied")
struct SuppressionRunTests {
    static let config = ("eplan.yaml", """
        eplan: config/v1
        external:
          - {id: sx.master, kind: master, level: provincial, version: "2024"}
        """)
    static let regions = ("regions.yaml", """
        eplan: regions/v1
        regions:
          - {id: qs, level: municipal, hazards: [flood]}
        """)

    /// A clean city master with `extra` appended (comments, keys).
    static func master(_ extra: String) -> (String, String) {
        plan("master", extra)
    }

    /// The city's flood plan, clean.
    static let flood = plan("flood", "")

    static func plan(_ name: String, _ extra: String) -> (String, String) {
        ("plans/qs/\(name).yaml", """
            eplan: plan/v1
            id: qs.\(name)
            title: Plan qs.\(name)
            kind: \(name == "master" ? "master" : "special")
            level: municipal
            region: qs
            owner: emergency-management
            version: "1"
            issued: 2026-01-05
            filed: 2026-01-09
            parent: sx.master\(name == "master" ? "" : "\nmaster: qs.master")
            scope: {hazards: [flood]}
            organization:
              members:
                - {agency: emergency-management, duties: [Coordinate the response]}
            reporting: {initial: 30m}
            response-levels:
              - {level: I, lead: emergency-management}
            actions:
              - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: []}
              - {id: respond, phase: response, who: emergency-management, how: Lead the response, when: On alarm, resources: []}
              - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After the response, resources: []}
            drills:
              - {date: 2026-06-01, type: tabletop}
            \(extra)
            """)
    }

    /// "rule file:line:column message" of the active findings of an in-memory repository.
    static func lint(_ files: [(String, String)], only: Set<RuleID> = [], disabled: Set<RuleID> = []) throws -> [String] {
        let workspace = try Workspace.inMemory(files.map { ($0.0, Array($0.1.utf8)) })
        let options = LintOptions(cwd: "", jobs: 1, today: try #require(Day("2026-11-30")), onlyRules: only, disabledRules: disabled)
        return Linter.analyze(workspace, options).result.active
            .map { "\($0.rule) \($0.location.file):\($0.location.line):\($0.location.column) \($0.message)" }
    }

    @Test("the whole repository is clean without suppressions (the tests below add only them)")
    func cleanBase() throws {
        #expect(try Self.lint([Self.config, Self.regions, Self.flood, Self.master("")]) == [])
    }

    @Test("a suppression of a rule that '--disable' or '--rule' keeps from running is not reported as unused")
    func rulesThatDidNotRun() throws {
        let files = [Self.config, Self.regions, Self.flood, Self.master("# eplan-disable-file drill-overdue, schema-unknown-key")]
        #expect(try Self.lint(files) == [
            "unused-suppression plans/qs/master.yaml:25:1 suppression of 'drill-overdue' in this file suppresses nothing",
            "unused-suppression plans/qs/master.yaml:25:1 suppression of 'schema-unknown-key' in this file suppresses nothing",
        ])
        #expect(try Self.lint(files, disabled: [RuleID("drill-overdue")]) == [
            "unused-suppression plans/qs/master.yaml:25:1 suppression of 'schema-unknown-key' in this file suppresses nothing",
        ])
        #expect(try Self.lint(files, only: [RuleID("unused-suppression"), RuleID("schema-unknown-key")]) == [
            "unused-suppression plans/qs/master.yaml:25:1 suppression of 'schema-unknown-key' in this file suppresses nothing",
        ])
    }

    @Test("a suppression of a rule the configuration turns off is not reported as unused")
    func ruleTurnedOff() throws {
        let config = (Self.config.0, Self.config.1 + "\nrules:\n  drill-overdue: off\n  schema-unknown-key: warning\n")
        #expect(try Self.lint([config, Self.regions, Self.flood, Self.master("# eplan-disable-file drill-overdue,schema-unknown-key")]) == [
            "unused-suppression plans/qs/master.yaml:25:1 suppression of 'schema-unknown-key' in this file suppresses nothing",
        ])
    }

    @Test("unknown rules, rule lists without commas and empty lists are reported, with a help that says how")
    func malformed() throws {
        let workspace = try Workspace.inMemory([Self.config, Self.regions, Self.flood, Self.master("""
            # eplan-disable-file drill-overdu
            # eplan-disable-file drill-overdue evaluation-overdue
            # eplan-disable-file -- a reason alone
            """)].map { ($0.0, Array($0.1.utf8)) })
        let found = Linter.analyze(workspace, LintOptions(cwd: "", jobs: 1, today: try #require(Day("2026-11-30")))).result.active
        #expect(found.map(\.message.english) == [
            "'eplan-disable-file' names unknown rule 'drill-overdu'",
            "'eplan-disable-file' names unknown rule 'drill-overdue evaluation-overdue'",
            "'eplan-disable-file' names no rule",
        ])
        #expect(found.map { $0.help?.english } == [
            "did you mean 'drill-overdue'?",
            "separate rule ids with commas, and put a reason after ' -- ': '# eplan-disable-file RULE[,RULE...] -- reason'",
            "name the rules it suppresses: '# eplan-disable-file RULE[,RULE...] -- reason'",
        ])
    }

    @Test("in a file that is not valid YAML, only suppressions that could never work are reported")
    func unreadableFile() throws {
        let broken = ("plans/qs/broken.yaml", """
            eplan: plan/v1
            id: qs.broken  # eplan-disable-line agency-unknown
            title: "unclosed  # eplan-disable-line agency-unknwn
            """)
        let found = try Self.lint([Self.config, Self.regions, Self.flood, Self.master(""), broken])
        #expect(found.count == 2)
        // The unclosed quote is reported at the opening quote (a typing mistake), before the suppression.
        #expect(found.first?.hasPrefix("yaml-syntax plans/qs/broken.yaml:3:8 ") == true)
        #expect(found.last == "unused-suppression plans/qs/broken.yaml:3:19 'eplan-disable-line' names unknown rule 'agency-unknwn'")
    }

    @Test("eplan.yaml's suppressions apply in every run that reports it, and only then")
    func configurationOnDisk() throws {
        let folder = RuleFixtureTests.root + "/suppressions"
        let today = try #require(Day("2026-11-30"))
        func run(_ paths: [String]) throws -> [String] {
            try Linter.run(LintOptions(paths: paths, cwd: folder, jobs: 1, today: today)).diagnostics
                .filter { $0.location.file == "eplan.yaml" }
                .map { "\($0.rule) \($0.location.line):\($0.location.column)\($0.suppressed == nil ? "" : " suppressed")" }
        }
        let expected = ["unused-suppression 4:84", "unused-suppression 7:3", "hazard-uncovered 8:92 suppressed"]
        #expect(try run([]).sorted() == expected.sorted())
        #expect(try run(["eplan.yaml"]).sorted() == expected.sorted())
        #expect(try run(["."]).sorted() == expected.sorted())
        #expect(try run(["plans/qs/lin/flood.yaml"]) == [])
        Linter.releaseKept()
    }
}
