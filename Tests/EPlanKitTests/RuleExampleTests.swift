import EPlanKit
import EPlanText
import EPlanYAML
import Foundation
import Testing

/// One generic test runs every rule's examples: a failing example must produce exactly the
/// marked findings of its rule, a passing one none. A rule without both kinds fails the suite.
@Suite("Rule examples")
struct RuleExampleTests {
    static let rules = RuleCatalog.all.map(\.id.rawValue)

    @Test("the syntax, schema, duplicate and suppression rules, and only they, have no pass of their own")
    func decoderRules() {
        let decoding = RuleCatalog.rules.filter(\.findsWhileDecoding).map(\.id.rawValue)
        #expect(decoding == ["yaml-syntax", "yaml-duplicate-key", "yaml-limit", "schema-missing-key", "schema-unknown-key",
                             "schema-type", "schema-value", "duplicate-id", "link-outside", "unused-suppression"])
    }

    @Test("every rule in the catalogue has passing and failing examples", arguments: rules)
    func hasExamples(rule: String) throws {
        let description = try #require(RuleID(rule).info)
        #expect(!description.passing.isEmpty, "\(rule) has no passing example")
        #expect(!description.failing.isEmpty, "\(rule) has no failing example")
        for example in description.failing {
            #expect(!example.resolved().marks.isEmpty, "a failing example of \(rule) marks no finding")
        }
        #expect(!description.rationale.isEmpty)
    }

    @Test("examples produce exactly the marked findings", arguments: rules)
    func examples(rule: String) throws {
        let description = try #require(RuleID(rule).info)
        for (kind, examples) in [("passing", description.passing), ("failing", description.failing)] {
            for (n, example) in examples.enumerated() {
                let (files, marks) = example.resolved()
                let today = try #require(Day(example.today))
                let result: LintResult
                if example.links.isEmpty {
                    // In memory, through the pipeline every command uses.
                    let workspace = try Workspace.inMemory(files.map { ($0.path, Array($0.text.utf8)) })
                    result = Linter.analyze(workspace, LintOptions(cwd: "", jobs: 1, today: today)).result
                } else {
                    // Symbolic links need a folder on disk.
                    let repo = try TempRepo(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) }))
                    defer { try? FileManager.default.removeItem(atPath: repo.root) }
                    for link in example.links {
                        try FileManager.default.createSymbolicLink(atPath: "\(repo.root)/\(link.path)", withDestinationPath: link.target)
                    }
                    result = try Linter.run(LintOptions(cwd: repo.root, jobs: 1, today: today))
                }
                let got = result.active.filter { $0.rule.rawValue == rule }
                    .map { "\($0.location.file):\($0.location.line):\($0.location.column)" }.sorted()
                let expected = marks.map { "\($0.path):\($0.mark.line):\($0.mark.column)" }.sorted()
                #expect(got == expected, "\(rule) \(kind) example \(n + 1): \(result.active.filter { $0.rule.rawValue == rule }.map(\.message))")
            }
        }
    }
}

@Suite("Generated docs")
struct GeneratedDocsTests {
    @Test("docs/rules.md is what the rule declarations generate (run `make docs` after changing a rule)")
    func ruleReferenceUpToDate() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let committed = try String(contentsOf: url.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(committed == RuleReference.markdown())
        #expect(committed.hasPrefix(RuleReference.header))
        for rule in RuleCatalog.all {
            #expect(committed.contains("\n### \(rule.id)\n"), "docs/rules.md lacks \(rule.id)")
        }
    }

    @Test("docs/zh/rules.md is what the rule declarations and the Chinese catalogue generate (run `make docs`)")
    func chineseRuleReferenceUpToDate() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let committed = try String(contentsOf: url.appendingPathComponent("docs/zh/rules.md"), encoding: .utf8)
        #expect(committed == RuleReference.markdown(.zhCN))
        #expect(committed.hasPrefix(RuleReference.header(.zhCN)))
        #expect(committed != RuleReference.markdown(.en))
        for rule in RuleCatalog.all {
            #expect(committed.contains("\n### \(rule.id)\n"), "docs/zh/rules.md lacks \(rule.id)")
            #expect(committed.contains(rule.summary(.zhCN)), "docs/zh/rules.md lacks the Chinese summary of \(rule.id)")
        }
    }
}
