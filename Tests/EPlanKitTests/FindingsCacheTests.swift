import EPlanKit
import EPlanText
import Foundation
import Testing

/// The findings cache must never change a finding: a run whose unchanged files come from the cache
/// reports exactly what a run that parses everything reports, over every fixture repository and the
/// sample plans, after edits, touches, moves and on another day.
@Suite("Findings cache")
struct FindingsCacheTests {
    static let repositories = OneFileTests.repositories

    /// Everything a finding says, in both languages, with its help and related places.
    static func describe(_ d: Diagnostic) -> String {
        var parts = ["\(d.rule) \(d.severity) \(d.location.file):\(d.location.span) plan=\(d.plan ?? "-")",
                     d.message.text(.en), d.message.text(.zhCN), d.help?.text(.en) ?? "-", d.help?.text(.zhCN) ?? "-",
                     d.suppressed.map { "suppressed \($0)" } ?? "active"]
        for r in d.related { parts.append("related \(r.location.file):\(r.location.span) \(r.message.text(.en)) \(r.message.text(.zhCN))") }
        return parts.joined(separator: " | ")
    }

    static func describe(_ result: LintResult) -> [String] {
        result.diagnostics.map(describe)
            + result.reportedFiles.map { "file \($0.file) \($0.plan ?? "-")" }
            + ["files \(result.files) plans \(result.plans)"]
    }

    /// A scratch copy of a repository and a scratch cache folder.
    static func scratch(_ repository: String) throws -> (repo: String, cache: String, cleanup: () -> Void) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-findings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repository, toPath: "\(base)/repo")
        return ("\(base)/repo", "\(base)/cache", { try? FileManager.default.removeItem(atPath: base) })
    }

    static func options(_ repo: String, cache: String?, today: String = "2030-01-01") throws -> LintOptions {
        var options = LintOptions(cwd: repo, jobs: 2, today: try #require(Day(today)))
        options.useCache = cache != nil
        options.cacheFolder = cache
        return options
    }

    /// Reported files the findings cache served in this run.
    static func served(_ analysis: Analysis) -> Int {
        analysis.workspace.findingsCacheHits
    }

    @Test("a run from the findings cache reports what a run that parses everything reports", arguments: repositories)
    func sameAsCold(repository: String) throws {
        let (repo, cache, cleanup) = try Self.scratch(repository)
        defer { cleanup() }
        let cold = Self.describe(try Linter.run(try Self.options(repo, cache: nil)))
        let first = try Linter.analyze(try Self.options(repo, cache: cache))
        #expect(Self.served(first) == 0, "the first run has no cache to serve from")
        #expect(Self.describe(first.result) == cold, "\(repository): the run that fills the cache")
        let second = try Linter.analyze(try Self.options(repo, cache: cache))
        #expect(Self.served(second) > 0, "\(repository): the second run takes its plans from the cache")
        #expect(Self.served(second) == second.result.files - 1, "\(repository): every file but eplan.yaml comes from the cache")
        #expect(Self.describe(second.result) == cold, "\(repository): the run from the cache")
        // Chosen rules and severities apply to cached findings as to fresh ones.
        var some = try Self.options(repo, cache: cache)
        some.disabledRules = [RuleID("action-incomplete"), RuleID("phase-uncovered"), RuleID("schema-type")]
        var someCold = some
        someCold.useCache = false
        #expect(Self.describe(try Linter.run(some)) == Self.describe(try Linter.run(someCold)), "\(repository): --disable")
        Linter.releaseKept()
    }

    @Test("a lint run that keeps plans as summaries reports what a run keeping them whole reports", arguments: repositories)
    func findingsOnly(repository: String) throws {
        var whole = try Self.options(repository, cache: nil)
        var kept = whole
        kept.findingsOnly = true
        let expected = try Linter.analyze(whole)
        let slim = try Linter.analyze(kept)
        #expect(Self.describe(slim.result) == Self.describe(expected.result), "\(repository)")
        #expect(!expected.plans.isEmpty && slim.plans.isEmpty, "\(repository): the plans were kept as summaries")
        // Rules left out, and one named file (read whole, its neighbours from their files).
        whole.disabledRules = [RuleID("action-incomplete"), RuleID("drill-overdue"), RuleID("parent-missing")]
        kept.disabledRules = whole.disabledRules
        #expect(Self.describe(try Linter.run(kept)) == Self.describe(try Linter.run(whole)), "\(repository): --disable")
        let named = try #require(Self.firstPlanFile(repository))
        whole.paths = [named]
        kept.paths = [named]
        #expect(Self.describe(try Linter.run(kept)) == Self.describe(try Linter.run(whole)), "\(repository): \(named)")
        Linter.releaseKept()
    }

    /// The first plan file of a repository, in path order.
    static func firstPlanFile(_ repository: String) -> String? {
        let files = (FileManager.default.enumerator(atPath: repository)?.allObjects as? [String] ?? []).sorted()
        return files.first { $0.hasSuffix(".yaml") && $0 != "eplan.yaml" && !$0.hasSuffix("regions.yaml") }
            .map { "\(repository)/\($0)" }
    }

    @Test("edited, touched and renamed files, and another day, give the cold run's findings", arguments: repositories)
    func changes(repository: String) throws {
        let (repo, cache, cleanup) = try Self.scratch(repository)
        defer { cleanup() }
        _ = try Linter.run(try Self.options(repo, cache: cache))
        let files = try #require(FileManager.default.enumerator(atPath: repo)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") && $0 != "eplan.yaml" }.sorted())
        #expect(files.count >= 3)
        // Edit one plan (a finding moves a line down), touch another without changing it, rename a third.
        let edited = "\(repo)/\(files[0])"
        let text = try String(contentsOfFile: edited, encoding: .utf8)
        try ("# edited\n" + text).write(toFile: edited, atomically: true, encoding: .utf8)
        let touched = "\(repo)/\(files[1])"
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: touched)
        let renamed = "\(repo)/\(files[2])"
        try FileManager.default.moveItem(atPath: renamed, toPath: renamed.replacingOccurrences(of: ".yaml", with: "-moved.yaml"))
        for today in ["2030-01-01", "2026-11-30"] {
            let cold = Self.describe(try Linter.run(try Self.options(repo, cache: nil, today: today)))
            let warm = try Linter.analyze(try Self.options(repo, cache: cache, today: today))
            #expect(Self.describe(warm.result) == cold, "\(repository) on \(today)")
            if today != "2030-01-01" {
                #expect(Self.served(warm) == warm.result.files - 1, "\(repository): the records serve on another day (\(today))")
                #expect(warm.workspace.findingsCacheRedated == Self.served(warm), "\(repository): each made anew for \(today)")
            }
            let again = try Linter.analyze(try Self.options(repo, cache: cache, today: today))
            #expect(Self.describe(again.result) == cold, "\(repository) on \(today), again")
            #expect(again.workspace.findingsCacheRedated == 0, "\(repository): the records of \(today) serve as they are")
            #expect(Self.served(again) == again.result.files - 1, "\(repository): every file but eplan.yaml from the cache on \(today)")
        }
        Linter.releaseKept()
    }

    @Test("a changed configuration is a cold run")
    func configurationChange() throws {
        let repository = try #require(Self.repositories.last)
        let (repo, cache, cleanup) = try Self.scratch(repository)
        defer { cleanup() }
        _ = try Linter.run(try Self.options(repo, cache: cache))
        let config = "\(repo)/eplan.yaml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try (text + "\n# a comment changes nothing, but the cache cannot know\n").write(toFile: config, atomically: true, encoding: .utf8)
        let after = try Linter.analyze(try Self.options(repo, cache: cache))
        #expect(Self.served(after) == 0)
        #expect(Self.describe(after.result) == Self.describe(try Linter.run(try Self.options(repo, cache: nil))))
        Linter.releaseKept()
    }
}

/// The findings cache keeps a file's local findings with its content alone: a rule marked local
/// (`Rule.isLocal`) must find in a file exactly what it finds there when the file is the only one of
/// its repository. A cross-plan rule marked local by mistake fails here.
@Suite("Local rules")
struct LocalRuleTests {
    @Test("local rules find the same in a file alone as in its repository", arguments: OneFileTests.repositories)
    func alone(repository: String) throws {
        let local = Set(RuleCatalog.rules.filter(\.isLocal).map(\.id))
        #expect(local.count > 10 && local.count < RuleCatalog.rules.count)
        let options = LintOptions(cwd: repository, jobs: 2, today: try #require(Day("2030-01-01")))
        let full = try Linter.run(options)
        var byFile: [String: [String]] = [:]
        for d in full.diagnostics where local.contains(d.rule) { byFile[d.location.file, default: []].append(OneFileTests.describe(d)) }
        #expect(!byFile.isEmpty, "\(repository): some local finding to compare")
        let config = FileManager.default.contents(atPath: "\(repository)/eplan.yaml").map { [UInt8]($0) }
        for file in full.reportedFiles.map(\.file) where file != "eplan.yaml" {
            let bytes = [UInt8](try #require(FileManager.default.contents(atPath: "\(repository)/\(file)")))
            let workspace = try Workspace.inMemory([(file, bytes)] + (config.map { [("eplan.yaml", $0)] } ?? []))
            let alone = Linter.analyze(workspace, options).result.diagnostics.filter { local.contains($0.rule) && $0.location.file == file }
            #expect(alone.map(OneFileTests.describe).sorted() == (byFile[file] ?? []).sorted(), "\(repository): \(file)")
        }
        Linter.releaseKept()
    }
}
