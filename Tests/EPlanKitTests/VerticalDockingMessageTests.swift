import EPlanKit
import EPlanText
import Foundation
import Testing

/// The vertical and docking rules speak from the catalogues: every finding they make in their failing
/// examples and in their fixture repositories has a keyed message and a keyed help (no raw text), and
/// reads as Chinese in Chinese while the English keeps the rule's words.
@Suite("Vertical and docking messages")
struct VerticalDockingMessageTests {
    static let rules = RuleCatalog.all.filter { $0.group == .vertical || $0.group == .docking }.map(\.id.rawValue)

    static func check(_ findings: [Diagnostic], _ origin: String) {
        for finding in findings {
            let messages = [finding.message] + (finding.help.map { [$0] } ?? []) + finding.related.map(\.message)
            #expect(finding.help != nil, "\(origin): \(finding.rule) has no help")
            for message in messages {
                #expect(!message.isRaw, "\(origin): \(finding.rule) '\(message.english)' is not in the catalogues")
                for key in message.keys {
                    #expect(Catalogue.en[key] != nil && Catalogue.zhCN[key] != nil, "\(origin): \(key) is missing from a catalogue")
                }
                let chinese = message.text(.zhCN)
                #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(origin): '\(chinese)' is not Chinese")
                #expect(!message.english.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(origin): '\(message.english)'")
            }
        }
    }

    @Test("failing examples: keyed messages, Chinese in Chinese", arguments: rules)
    func examples(rule: String) throws {
        let description = try #require(RuleID(rule).info)
        for (n, example) in description.failing.enumerated() {
            let files = example.resolved().files
            let workspace = try Workspace.inMemory(files.map { ($0.path, Array($0.text.utf8)) })
            let result = Linter.analyze(workspace, LintOptions(cwd: "", jobs: 1, today: try #require(Day(example.today)))).result
            let findings = result.active.filter { $0.rule.rawValue == rule }
            #expect(!findings.isEmpty)
            Self.check(findings, "\(rule) failing example \(n + 1)")
        }
    }

    @Test("fixture repositories: keyed messages, Chinese in Chinese", arguments: ["vertical", "docking"])
    func fixtures(family: String) throws {
        let result = try Linter.run(LintOptions(cwd: "\(RuleFixtureTests.root)/\(family)", jobs: 1,
                                                today: try #require(Day("2026-11-30"))))
        let findings = result.active.filter { Self.rules.contains($0.rule.rawValue) }
        #expect(findings.count >= 5)
        Self.check(findings, family)
    }

    @Test("a parent cycle is told in each language's own words")
    func cycle() throws {
        let example = try #require(RuleID("parent-cycle").info?.failing.first)
        let workspace = try Workspace.inMemory(example.resolved().files.map { ($0.path, Array($0.text.utf8)) })
        let result = Linter.analyze(workspace, LintOptions(cwd: "", jobs: 1, today: try #require(Day(example.today)))).result
        let finding = try #require(result.active.first { $0.rule.rawValue == "parent-cycle" })
        #expect(finding.message.text(.en) == "parent links form a cycle: 'qs.a' -> 'qs.b' -> 'qs.a'")
        #expect(finding.message.text(.zhCN) == "上级预案（parent）的衔接关系形成循环：qs.a → qs.b → qs.a")
    }
}
