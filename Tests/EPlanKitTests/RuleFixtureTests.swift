import EPlanKit
import Foundation
import Testing

/// Small broken repositories, one per rule family, each with the exact findings expected:
/// `expected.txt` lists `RULE FILE:LINE:COLUMN` lines (`#` starts a comment). Every finding of
/// a lint with all rules must be listed, and every listed one must be found.
@Suite("Rule fixtures")
struct RuleFixtureTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Fixtures/rules").path
    }()

    static let families: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(root)/\($0)/expected.txt") }.sorted()
    }()

    @Test("the fixture families exist")
    func familiesExist() {
        #expect(Self.families.count >= 5, "found \(Self.families)")
    }

    @Test("each fixture repository yields exactly its expected findings", arguments: families)
    func fixture(family: String) throws {
        let folder = "\(Self.root)/\(family)"
        let expectedText = try String(contentsOfFile: "\(folder)/expected.txt", encoding: .utf8)
        var today = "2026-11-30"
        var expected: [String] = []
        for line in expectedText.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("# today:") { today = text.dropFirst("# today:".count).trimmingCharacters(in: .whitespaces) }
            if text.isEmpty || text.hasPrefix("#") { continue }
            expected.append(text.split(separator: " ").prefix(2).joined(separator: " "))
        }
        let result = try Linter.run(LintOptions(cwd: folder, jobs: 2, today: try #require(Day(today))))
        let got = result.active.map { "\($0.rule) \($0.location.file):\($0.location.line):\($0.location.column)" }
        let missing = expected.sorted().difference(got.sorted())
        let unexpected = got.sorted().difference(expected.sorted())
        #expect(missing.isEmpty, "expected but not found in \(family):\n\(missing.joined(separator: "\n"))")
        #expect(unexpected.isEmpty, "found but not expected in \(family):\n\(unexpected.map { f in "\(f)  \(result.active.first { "\($0.rule) \($0.location.file):\($0.location.line):\($0.location.column)" == f }?.message.english ?? "")" }.joined(separator: "\n"))")
    }
}

/// Linting one file must report exactly what a full run reports in that file: rules that skip work
/// for files that are not reported (regions, cycles, unused resources) must not change a finding.
@Suite("One file at a time")
struct OneFileTests {
    static let repositories: [String] = RuleFixtureTests.families.map { "\(RuleFixtureTests.root)/\($0)" } + {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return [url.appendingPathComponent("plans").path]
    }()

    static func describe(_ d: Diagnostic) -> String {
        "\(d.rule) \(d.location.file):\(d.location.line):\(d.location.column) \(d.severity) \(d.message)"
    }

    @Test("each file alone gets the findings the full run has in it", arguments: repositories)
    func eachFileAlone(repository: String) throws {
        let today = try #require(Day("2030-01-01"))  // late enough for the time-based rules to speak too
        let full = try Linter.run(LintOptions(cwd: repository, jobs: 2, today: today))
        var byFile: [String: [String]] = [:]
        for d in full.diagnostics { byFile[d.location.file, default: []].append(Self.describe(d)) }
        let files = full.reportedFiles.map(\.file)
        #expect(files.count >= 5, "\(repository)")
        for file in files {
            let alone = try Linter.run(LintOptions(paths: [file], cwd: repository, jobs: 2, today: today))
            #expect(alone.diagnostics.map(Self.describe) == byFile[file] ?? [], "\(repository): \(file)")
        }
        Linter.releaseKept()
    }

    @Test("each file alone, with every other file read from the summary cache, gets the same findings",
          arguments: repositories)
    func eachFileAloneFromSummaries(repository: String) throws {
        let today = try #require(Day("2030-01-01"))
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-onefile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        var options = LintOptions(cwd: repository, jobs: 2, today: today)
        options.useCache = true
        options.cacheFolder = cache
        let full = try Linter.run(options)  // writes a summary of every file
        var byFile: [String: [String]] = [:]
        for d in full.diagnostics { byFile[d.location.file, default: []].append(Self.describe(d)) }
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: cache)).isEmpty, "the full run wrote the cache")
        for file in full.reportedFiles.map(\.file) {
            var alone = options
            alone.paths = [file]
            let result = try Linter.run(alone)
            #expect(result.diagnostics.map(Self.describe) == byFile[file] ?? [], "\(repository): \(file)")
        }
        Linter.releaseKept()
    }
}

extension Array where Element == String {
    /// Multiset difference: the elements of self not matched one-for-one in other.
    func difference(_ other: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for x in other { counts[x, default: 0] += 1 }
        var result: [String] = []
        for x in self {
            if let n = counts[x], n > 0 { counts[x] = n - 1 } else { result.append(x) }
        }
        return result
    }
}
