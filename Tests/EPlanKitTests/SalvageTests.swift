import EPlanKit
import EPlanYAML
import Foundation
import Testing

/// A file that cannot be read whole gives its own yaml-syntax or yaml-limit finding and nothing
/// else anywhere (rules.md 1.1): the clean fixture with one file broken at one point, and fixed again.
@Suite("Salvage: one broken file, no knock-on finding")
struct SalvageTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Fixtures/rules/clean")
    }()

    /// Every file of the clean fixture, by path relative to it.
    static func files() throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".yaml") else { continue }
            result[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return result
    }

    static func lint(_ files: [String: String]) throws -> [String] {
        let workspace = try Workspace.inMemory(files.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) })
        let result = Linter.analyze(workspace, LintOptions(cwd: "", jobs: 1, today: try #require(Day("2026-11-30")))).result
        return result.active.map { "\($0.rule) \($0.location.file):\($0.location.line)" }.sorted()
    }

    /// A break: the file, the line after which a broken line goes (0: before the first), and the line.
    struct Break: Sendable, CustomStringConvertible {
        var file: String
        var after: Int
        var line: String
        var rule: String
        var description: String { "\(file) after line \(after) (\(rule))" }
    }

    static let deep = "x-deep: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)

    static let breaks: [Break] = [
        // The county master: its id, kind, level and region are read, nothing after them.
        Break(file: "plans/qs/lin/master.yaml", after: 6, line: "x-note: [unclosed", rule: "yaml-syntax"),
        // The city flood plan, which the county flood plan docks with, broken in its actions.
        Break(file: "plans/qs/flood.yaml", after: 61, line: "  - {id: broken, phase: [response", rule: "yaml-syntax"),
        // The unit plan, before its id: nothing of it is known, and nothing depends on it.
        Break(file: "plans/qs/lin/shi/unit/central-school.yaml", after: 1, line: "\tx-note: tab-indented", rule: "yaml-syntax"),
        // The Yanghe County flood plan past the nesting limit, after its region.
        Break(file: "plans/qs/yanghe/flood.yaml", after: 6, line: deep, rule: "yaml-limit"),
        // The township master of Hekou after its region: the township's coverage is withheld.
        Break(file: "plans/qs/yanghe/hekou/master.yaml", after: 6, line: "x-note: [", rule: "yaml-syntax"),
    ]

    @Test("the fixed repository is clean")
    func fixed() throws {
        #expect(try Self.lint(Self.files()) == [])
    }

    @Test("a broken file gives its own finding and nothing else", arguments: breaks)
    func broken(_ b: Break) throws {
        var files = try Self.files()
        let text = try #require(files[b.file])
        var lines = text.components(separatedBy: "\n")
        lines.insert(b.line, at: b.after)
        files[b.file] = lines.joined(separator: "\n")
        let found = try Self.lint(files)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("\(b.rule) \(b.file):") == true, "\(found)")
    }
}
