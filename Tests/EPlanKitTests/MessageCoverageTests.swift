import EPlanKit
import EPlanText
import Foundation
import Testing

/// Every finding eplan produces reads right in every language: its message, help and related notes
/// are catalogue keys (no raw text) that both catalogues have. Checked over every rule example, the
/// rule fixtures, the CLI fixtures and the sample plans, with the time-based rules speaking too.
@Suite("Messages in both languages")
struct MessageCoverageTests {
    static func problems(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.flatMap { d -> [String] in
            let messages = [d.message] + (d.help.map { [$0] } ?? []) + d.related.map(\.message)
            return messages.flatMap(\.missingKeys).map { "\(d.rule) \(d.location.file):\(d.location.line): \($0)" }
        }
    }

    @Test("every finding of every rule example is in both catalogues", arguments: RuleCatalog.all.map(\.id.rawValue))
    func examples(rule: String) throws {
        let description = try #require(RuleID(rule).info)
        for example in description.passing + description.failing where example.links.isEmpty {
            let (files, _) = example.resolved()
            let workspace = try Workspace.inMemory(files.map { ($0.path, Array($0.text.utf8)) })
            for today in [try #require(Day(example.today)), try #require(Day("2035-01-01"))] {
                let result = Linter.analyze(workspace, LintOptions(cwd: "", jobs: 1, today: today)).result
                #expect(Self.problems(result.diagnostics) == [], "\(rule)")
            }
        }
    }

    static let repositories: [String] = {
        var tests = URL(fileURLWithPath: #filePath)
        tests.deleteLastPathComponent()
        tests.deleteLastPathComponent()
        let root = tests.deletingLastPathComponent()
        var found = [root.appendingPathComponent("plans").path]
        // Every folder under the test fixtures that holds an eplan.yaml is a repository.
        for base in ["EPlanKitTests/Fixtures", "EPlanCLITests/Fixtures"] {
            let folder = tests.appendingPathComponent(base).path
            let names = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
            found += names.filter { $0.hasSuffix("eplan.yaml") }
                .map { "\(folder)/\(($0 as NSString).deletingLastPathComponent)" }
        }
        return found.sorted()
    }()

    @Test("every finding over the fixture repositories and plans/ is in both catalogues")
    func repositoriesInBothLanguages() throws {
        #expect(Self.repositories.count >= 5)
        for repository in Self.repositories {
            for day in ["2026-12-06", "2035-01-01"] {
                let result = try Linter.run(LintOptions(cwd: repository, jobs: 2, today: try #require(Day(day))))
                #expect(Self.problems(result.diagnostics) == [], "\(repository)")
            }
        }
    }
}
