@testable import EPlanKit
import EPlanYAML
import Foundation
import Testing

/// A throwaway folder of files, removed when the test ends.
final class TempRepo {
    let root: String

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let full = "\(root)/\(path)"
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    /// Lints with the schema rules only unless told otherwise: these tests are about reading files.
    func lint(_ paths: [String] = [], config: String? = nil, rules: Set<RuleID>? = nil) throws -> LintResult {
        let schema = Set(RuleCatalog.all.filter { $0.group == .schema }.map(\.id))
        return try Linter.run(LintOptions(paths: paths, configPath: config, cwd: root, jobs: 2, today: Day("2026-11-30")!,
                                          onlyRules: rules ?? schema))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
        Linter.releaseKept()
    }
}

func minimalPlan(_ id: String, kind: String = "unit", extra: String = "") -> String {
    """
    eplan: plan/v1
    id: \(id)
    title: Plan \(id)
    kind: \(kind)
    level: county
    region: qs/lin
    owner: safety
    version: "1"
    issued: 2025-01-01
    scope: {hazards: [coal-mine-accident]}
    reporting: {initial: 30m}
    actions: []
    \(extra)
    """
}

@Suite("Repository index")
struct RepositoryTests {
    @Test("two plans with one id: duplicate-id at the later file, naming the first")
    func duplicatePlanIDs() throws {
        let repo = try TempRepo([
            "eplan.yaml": "eplan: config/v1\n",
            "a/one.yaml": minimalPlan("qs.mine"),
            "b/two.yaml": minimalPlan("qs.mine"),
        ])
        let result = try repo.lint()
        #expect(findings(result.diagnostics) == ["duplicate-id 2:1"])
        let d = try #require(result.diagnostics.first)
        #expect(d.location.file == "b/two.yaml")
        #expect(d.message.english == "plan id 'qs.mine' is already used by a/one.yaml:2")
        #expect(d.related.first?.location.file == "a/one.yaml")
        #expect(result.files == 3, "eplan.yaml counts among the files")
        #expect(result.plans == 2)
    }

    @Test("findings about external plans land in eplan.yaml, with or without '.' on the command line")
    func configurationFindingsReported() throws {
        let repo = try TempRepo([
            "eplan.yaml": """
                eplan: config/v1
                external:
                  - {id: sx.master, kind: master, level: provincial, version: "2024", region: sx, hazards: [flood]}
                """,
            "a/one.yaml": minimalPlan("qs.mine"),
        ])
        for paths in [[], ["."]] {
            let result = try repo.lint(paths, rules: [RuleID("hazard-uncovered")])
            #expect(result.diagnostics.map { "\($0.rule) \($0.location.file)" } == ["hazard-uncovered eplan.yaml"], "\(paths)")
        }
        // Naming only the plan reports only the plan.
        #expect(try repo.lint(["a/one.yaml"], rules: [RuleID("hazard-uncovered")]).diagnostics.isEmpty)
    }

    @Test("resources share one id space across plans and inventories")
    func duplicateResourceIDs() throws {
        let resource = "resources:\n  - {id: qs.team.rescue, type: team, name: Rescue team}\n"
        let repo = try TempRepo([
            "inventory.yaml": "eplan: inventory/v1\nregion: qs/lin\n" + resource,
            "plan.yaml": minimalPlan("qs.mine", extra: resource),
        ])
        let result = try repo.lint()
        #expect(findings(result.diagnostics) == ["duplicate-id 14:6"])
        #expect(result.diagnostics.first?.location.file == "plan.yaml")
        #expect(result.diagnostics.first?.message.english == "resource id 'qs.team.rescue' is already defined at inventory.yaml:4")
    }

    @Test("a plan id that is also external is a duplicate")
    func externalDuplicate() throws {
        let repo = try TempRepo([
            "eplan.yaml": "eplan: config/v1\nexternal:\n  - {id: qs.mine, kind: unit, level: county, version: '1'}\n",
            "plan.yaml": minimalPlan("qs.mine"),
        ])
        // The plan counts; the finding is at the external entry in eplan.yaml (rules.md 1.1).
        let found = try repo.lint().diagnostics.filter { $0.rule == .duplicateID }
        #expect(found.map { "\($0.location.file):\($0.location.line)" } == ["eplan.yaml:3"])
        let twice = try TempRepo([
            "eplan.yaml": "eplan: config/v1\nexternal:\n  - {id: sx.master, kind: master, level: provincial, version: '1'}\n"
                + "  - {id: sx.master, kind: master, level: provincial, version: '2'}\n",
            "plan.yaml": minimalPlan("qs.mine"),
        ])
        let second = try twice.lint().diagnostics.filter { $0.rule == .duplicateID }
        #expect(second.map { "\($0.location.file):\($0.location.line)" } == ["eplan.yaml:4"])
    }

    @Test("distinct ids pass; retired plans still take part in id uniqueness")
    func distinctIDs() throws {
        let repo = try TempRepo(["a.yaml": minimalPlan("qs.a"), "b.yaml": minimalPlan("qs.b", extra: "status: retired")])
        #expect(try repo.lint().diagnostics.isEmpty)
    }

    @Test("the regions document: paths, levels, duplicates, one per repository")
    func regions() throws {
        let regions = """
            eplan: regions/v1
            regions:
              - id: qs
                name: 青山市
                level: municipal
                hazards: [flood]
                children:
                  - {id: lin, level: county, hazards: [mountain-torrent]}
                  - {id: lin, level: county}
                  - {id: yang, level: municipal}
            """
        let repo = try TempRepo(["regions.yaml": regions, "more/regions.yaml": "eplan: regions/v1\nregions: []\n"])
        let result = try repo.lint()
        #expect(findings(result.diagnostics) == ["schema-value 1:1", "duplicate-id 9:10", "schema-value 10:20"])
        #expect(result.diagnostics.map(\.message.english) == [
            "a repository holds one regions document; more/regions.yaml is the first",
            "region 'qs/lin' is declared twice (first at regions.yaml:8); the first counts",
            "region 'qs/yang' is municipal but sits under a municipal region; a child's level must be lower",
        ])
        let workspace = try Workspace.load(Workspace.Request(paths: [], cwd: repo.root))
        let index = RepositoryIndex(documents: workspace.documents, configuration: workspace.configuration)
        #expect(index.regionByPath.keys.sorted() == [])  // the first document found (more/regions.yaml) is empty
    }

    @Test("(1.1) two entries with one path: duplicate-id at the later one, and the first counts")
    func duplicateRegionFirstCounts() throws {
        let repo = try TempRepo(["regions.yaml": """
            eplan: regions/v1
            regions:
              - id: qs
                level: municipal
                children:
                  - {id: lin, level: county, hazards: [flood]}
                  - id: lin
                    level: township
                    hazards: [drought]
                    children: [{id: shi, level: community}]
              - {id: qs, level: provincial, children: [{id: yang, level: county}]}
            """])
        let result = try repo.lint()
        #expect(findings(result.diagnostics) == ["duplicate-id 7:9", "duplicate-id 11:6"])
        #expect(result.diagnostics.first?.related.first?.location.line == 6)
        let workspace = try Workspace.load(Workspace.Request(paths: [], cwd: repo.root))
        let index = RepositoryIndex(documents: workspace.documents, configuration: workspace.configuration)
        #expect(index.regionByPath["qs/lin"]?.region.level?.value == .county)
        #expect(index.regionByPath["qs/lin"]?.region.hazards?.value?.compactMap(\.value) == ["flood"])
        #expect(index.regionByPath["qs"]?.region.level?.value == .municipal)
        // The later entries' children have paths of their own: they are read.
        #expect(index.regionByPath.keys.sorted() == ["qs", "qs/lin", "qs/lin/shi", "qs/yang"])
    }

    @Test("the region index holds every path with its parent")
    func regionIndex() throws {
        let repo = try TempRepo(["regions.yaml": """
            eplan: regions/v1
            regions:
              - id: qs
                level: municipal
                children:
                  - id: lin
                    level: county
                    children: [{id: shi, level: township, hazards: [mountain-torrent]}]
            """])
        let workspace = try Workspace.load(Workspace.Request(paths: [], cwd: repo.root))
        let index = RepositoryIndex(documents: workspace.documents, configuration: workspace.configuration)
        #expect(index.regionByPath.keys.sorted() == ["qs", "qs/lin", "qs/lin/shi"])
        #expect(index.regionByPath["qs/lin/shi"]?.parentPath == "qs/lin")
        #expect(index.regionByPath["qs/lin/shi"]?.region.hazards?.value?.first?.value == "mountain-torrent")
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test("a valid configuration decodes: globs, depth, externals, hazards, rules")
    func validConfig() throws {
        let doc = decode("""
            eplan: config/v1
            include: ["plans/**", "regions.yaml"]
            exclude: ["drafts/**"]
            depth: county
            external:
              - {id: sx.master, kind: master, level: provincial, version: "2024"}
              - {id: sx.flood, kind: special, level: provincial, version: "2023", hazards: [flood], severities: [I, II],
                 reporting: {initial: {I: 1h, II: 2h}}}
            hazards:
              natural: [sandstorm]
            rules:
              departmental-plan-missing: off
              drill-overdue: {severity: error, months: 24}
              yaml-limit: {nesting: 32}
            """)
        #expect(findings(doc.diagnostics) == [])
        guard case .config(let config) = doc.content else {
            Issue.record("not a configuration")
            return
        }
        #expect(config.include == ["plans/**", "regions.yaml"])
        #expect(config.depth == .county)
        #expect(config.external.count == 2)
        #expect(config.external[1].reporting?.initial?.value?.limit(for: .II)?.minutes == 120)
        #expect(config.hazardVocabulary.contains("sandstorm"))
        #expect(config.rules[RuleID("departmental-plan-missing")]?.enabled == false)
        #expect(config.rules[RuleID("drill-overdue")]?.severity == .error)
        #expect(config.rules[RuleID("drill-overdue")]?.settings == ["months": 24])
        #expect(config.yamlLimits == YAMLLimits(nesting: 32))
    }

    @Test("configuration problems: unknown rule, bad severity, unknown setting, unknown key")
    func invalidConfig() {
        let doc = decode("""
            eplan: config/v1
            rules:
              drill-overdu: off
              parent-stale: loud
              evaluation-overdue: {monthz: 12}
            depht: county
            external:
              - {id: sx.master, kind: master}
            """)
        #expect(findings(doc.diagnostics) == ["schema-unknown-key 3:3", "schema-value 4:3", "schema-unknown-key 5:24",
                                              "schema-unknown-key 6:1", "schema-missing-key 8:6", "schema-missing-key 8:6"])
        #expect(doc.diagnostics.compactMap { $0.help?.english }.prefix(4) == ["did you mean 'drill-overdue'?", "use one of: off, note, warning, error",
                                                                  "did you mean 'months'?", "did you mean 'depth'?"])
    }

    @Test("an invalid eplan.yaml stops the run (exit 2), never a silent fallback")
    func invalidConfigStopsRun() throws {
        let repo = try TempRepo(["eplan.yaml": "eplan: config/v1\nrules: {no-such-rule: off}\n", "a.yaml": minimalPlan("qs.a")])
        #expect(throws: WorkspaceError.self) { try repo.lint() }
    }

    @Test("rules set off or to another severity in eplan.yaml")
    func severityOverrides() throws {
        let repo = try TempRepo([
            "eplan.yaml": "eplan: config/v1\nrules:\n  schema-unknown-key: warning\n  schema-value: off\n",
            "a.yaml": minimalPlan("qs.a", extra: "colour: blue\nlevel2: x") .replacingOccurrences(of: "kind: unit", with: "kind: unitt"),
        ])
        let result = try repo.lint()
        #expect(result.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(Set(result.diagnostics.map(\.rule)) == [.schemaUnknownKey])
    }

    @Test("the yaml-limit settings apply to the repository's files")
    func limitSettings() throws {
        let repo = try TempRepo([
            "eplan.yaml": "eplan: config/v1\nrules:\n  yaml-limit: {file-size: 100}\n",
            "a.yaml": minimalPlan("qs.a"),
        ])
        let result = try repo.lint()
        #expect(findings(result.diagnostics) == ["yaml-limit 1:1"])
        #expect(result.diagnostics.first?.message.english.hasPrefix("the file is larger than 100 bytes") == true)
    }
}

@Suite("Discovery")
struct DiscoveryTests {
    @Test("folders: hidden folders, excluded paths and foreign YAML are skipped; broken YAML is reported")
    func discovery() throws {
        let repo = try TempRepo([
            "eplan.yaml": "eplan: config/v1\nexclude: [\"drafts/**\"]\n",
            "plans/a.yaml": minimalPlan("qs.a"),
            "plans/b.yml": minimalPlan("qs.b"),
            ".github/workflows/ci.yaml": "on: push\n",
            ".hidden/c.yaml": "eplan: plan/v1\n",
            "drafts/d.yaml": "eplan: plan/v1\n",
            "ci.yaml": "stages: [build]\n",
            "broken.yaml": "a: [\n",
            "notes.txt": "eplan: plan/v1\n",
        ])
        let result = try repo.lint()
        #expect(findings(result.diagnostics) == ["yaml-syntax 2:1"])
        #expect(result.diagnostics.first?.location.file == "broken.yaml")
        #expect(result.files == 4, "eplan.yaml counts among the files")
        #expect(result.plans == 2)
    }

    @Test("include limits discovery to its globs")
    func include() throws {
        let repo = try TempRepo([
            "eplan.yaml": "eplan: config/v1\ninclude: [\"plans/**\"]\n",
            "plans/x/a.yaml": minimalPlan("qs.a"),
            "other/b.yaml": "eplan: plan/v1\n",
        ])
        let result = try repo.lint()
        #expect(result.diagnostics.isEmpty)
        #expect(result.files == 2, "eplan.yaml counts among the files")
    }

    @Test("naming a file reports only that file, but the whole repository is indexed")
    func namedFile() throws {
        let repo = try TempRepo([
            "eplan.yaml": "eplan: config/v1\n",
            "plans/a.yaml": minimalPlan("qs.same"),
            "plans/b.yaml": minimalPlan("qs.same"),
            "plans/c.yaml": minimalPlan("qs.c", extra: "bogus: 1"),
        ])
        let onlyB = try repo.lint(["plans/b.yaml"])
        #expect(findings(onlyB.diagnostics) == ["duplicate-id 2:1"])
        #expect(onlyB.files == 1)
        let onlyA = try repo.lint(["plans/a.yaml"])
        #expect(onlyA.diagnostics.isEmpty)
        let sub = try repo.lint(["plans"])
        #expect(findings(sub.diagnostics) == ["duplicate-id 2:1", "schema-unknown-key 13:1"])
    }

    @Test("a named file without 'eplan:' is reported; a named path that does not exist is a usage error")
    func namedForeignFile() throws {
        let repo = try TempRepo(["ci.yaml": "stages: [build]\n"])
        #expect(findings(try repo.lint(["ci.yaml"]).diagnostics) == ["schema-missing-key 1:1"])
        #expect(throws: WorkspaceError.self) { try repo.lint(["missing.yaml"]) }
    }

    @Test("the repository root is the nearest folder above with eplan.yaml")
    func rootDiscovery() throws {
        let repo = try TempRepo([
            "eplan.yaml": "eplan: config/v1\nhazards: {natural: [sandstorm]}\n",
            "plans/deep/a.yaml": minimalPlan("qs.a").replacingOccurrences(of: "coal-mine-accident", with: "sandstorm"),
        ])
        let result = try Linter.run(LintOptions(paths: [], cwd: repo.root + "/plans/deep", today: Day("2026-11-30")!,
                                                onlyRules: [.schemaValue]))
        #expect(result.diagnostics.isEmpty)
        #expect(result.files == 2, "eplan.yaml counts among the files")
    }

    @Test("a folder named x.yaml is a folder, symlink loops end, special files are reported")
    func hostileTree() throws {
        let repo = try TempRepo(["x.yaml/inner.yaml": minimalPlan("qs.inner")])
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: "\(repo.root)/loop", withDestinationPath: repo.root)
        try fm.createSymbolicLink(atPath: "\(repo.root)/x.yaml/back", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: "\(repo.root)/zero.yaml", withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: "\(repo.root)/self.yaml", withDestinationPath: "\(repo.root)/self.yaml")
        try fm.createSymbolicLink(atPath: "\(repo.root)/dangling.yaml", withDestinationPath: "\(repo.root)/nothing")
        #expect(mkfifo("\(repo.root)/fifo.yaml", 0o644) == 0)
        let result = try repo.lint()
        #expect(findings(result.diagnostics) == ["yaml-syntax 1:1", "yaml-syntax 1:1", "yaml-syntax 1:1", "link-outside 1:1"])
        #expect(result.diagnostics.map(\.location.file) == ["dangling.yaml", "fifo.yaml", "self.yaml", "zero.yaml"])
        #expect(result.diagnostics[0].message.english == "cannot read the file: no such file or directory")
        #expect(result.diagnostics[1].message.english.hasPrefix("not a regular file"))
        #expect(result.diagnostics[2].message.english == "cannot read the file: too many levels of symbolic links")
        #expect(result.diagnostics[3].message.english == "'zero.yaml' is a symbolic link to '/dev/zero', outside the repository: not read")
        #expect(result.plans == 1)
    }
}

@Suite("Paths")
struct PathTests {
    @Test("paths relative to a folder", arguments: [
        ("/a/b/c.yaml", "/a/b", "c.yaml"), ("/a/bc/d.yaml", "/a/b", "../bc/d.yaml"), ("/x.yaml", "/", "x.yaml"),
        ("/a/b", "/a/b", "."), ("/a/x.yaml", "/a/b", "../x.yaml"), ("/a/临县/x.yaml", "/a", "临县/x.yaml"),
        ("/a", "/a/b/c", "../.."), ("/p/q.yaml", "/a/b", "../../p/q.yaml"), ("/a/b/c.yaml", "/", "a/b/c.yaml"),
    ])
    func relative(path: String, base: String, expected: String) {
        #expect(FileSystem.relative(path, to: base) == expected)
    }
}

@Suite("Values")
struct ValueTests {
    @Test("durations compare by length", arguments: [("60m", "1h", true), ("1d", "24h", true), ("90m", "1h", false)])
    func durations(a: String, b: String, equal: Bool) throws {
        let x = try #require(Duration(a)), y = try #require(Duration(b))
        #expect((x == y) == equal)
    }

    @Test("a duration's text is the text as written, also read back from the summary cache",
          arguments: ["1m", "30m", "90m", "120m", "1h", "2h", "48h", "1d", "3d", "365d", "9223372036854775807m"])
    func durationText(text: String) throws {
        let duration = try #require(Duration(text))
        #expect(duration.text == text)
        #expect("\(duration)" == text)
        var writer = BinaryWriter()
        writer.duration(duration)
        let bytes = writer.bytes
        let back = try BinaryReader.reading(bytes) { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try r.duration() }
        #expect(back.text == text && back.minutes == duration.minutes)
    }

    @Test("what is not a duration", arguments: ["", "m", "0m", "05m", "1", "1w", "1.5h", "-1h", "1 h", "99999999999999999999m", "9223372036854775807h"])
    func notDurations(text: String) {
        #expect(Duration(text) == nil)
    }

    @Test("versions compare numerically by dot parts", arguments: [
        ("2.9", "2.10", true), ("2.10", "2.9", false), ("3", "3.1", true), ("2024", "2025", true), ("1.a", "1.b", true),
    ])
    func versions(a: String, b: String, less: Bool) throws {
        #expect((try #require(Version(a)) < (try #require(Version(b)))) == less)
    }

    @Test("the byte-wise comparison of versions agrees with the comparison on substrings")
    func versionsAgree() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["0", "1", "2", "9", "10", "007", "2024", "a", "b", "rc1", "", "+3", "-1", "99999999999999999999", "版", "é"]
        var compared = 0
        for _ in 0..<4000 {
            func version() -> String {
                (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: ".")
            }
            let (a, b) = (version(), version())
            guard Version(a) != nil, Version(b) != nil else { continue }
            if let less = Version.asciiLess(a, b) {
                #expect(less == Version.substringLess(a, b), "\(a) < \(b)")
                compared += 1
            }
        }
        #expect(compared > 1000, "enough pairs of ASCII versions")
    }

    @Test("dates: calendar months clamp to the month's end; weekdays")
    func dates() throws {
        let d = try #require(Day("2024-01-31"))
        #expect(d.adding(months: 1).description == "2024-02-29")
        #expect(d.adding(months: 36).description == "2027-01-31")
        #expect(try #require(Day("2026-11-30")).weekday == 1)
        #expect(try #require(Day("2025-04-20")).weekday == 7)
        #expect(Day("2025-13-01") == nil)
    }

    @Test("globs", arguments: [
        ("plans/**", "plans/qs/a.yaml", true), ("plans/**", "regions.yaml", false), ("*.yaml", "a.yaml", true),
        ("drafts/**", "drafts", true), ("plans/*/x.yaml", "plans/qs/x.yaml", true), ("plans/*/x.yaml", "plans/qs/y/x.yaml", false),
        ("**/draft-*.yaml", "plans/qs/draft-1.yaml", true), ("drafts", "drafts/a.yaml", true),
    ])
    func globs(pattern: String, path: String, matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches)
    }

    @Test("suggestions", arguments: [
        ("titel", ["title", "kind"], "title"), ("flod", ["flood", "drought"], "flood"), ("xyz", ["flood"], nil),
        ("qs.flod", ["qs.flood", "qs.master"], "qs.flood"),
    ] as [(String, [String], String?)])
    func suggestions(word: String, candidates: [String], expected: String?) {
        #expect(Suggest.nearest(word, in: candidates) == expected)
    }
}

@Suite("Depth")
struct DepthTests {
    @Test("the depth of region-no-master comes from depth: or from the rule's own setting")
    func depthSetting() throws {
        let regions = "eplan: regions/v1\nregions:\n  - id: qs\n    level: municipal\n    children:\n      - {id: lin, level: county}\n"
        let master = minimalPlan("qs.master", kind: "master").replacingOccurrences(of: "level: county", with: "level: municipal")
            .replacingOccurrences(of: "region: qs/lin", with: "region: qs")
        for (config, expected) in [("eplan: config/v1\n", 1), ("eplan: config/v1\ndepth: municipal\n", 0),
                                   ("eplan: config/v1\nrules:\n  region-no-master: {depth: municipal}\n", 0),
                                   ("eplan: config/v1\ndepth: municipal\nrules:\n  region-no-master: {depth: county}\n", 1)] {
            let repo = try TempRepo(["eplan.yaml": config, "regions.yaml": regions, "master.yaml": master])
            let result = try repo.lint(rules: [RuleID("region-no-master")])
            #expect(result.diagnostics.count == expected, "\(config)")
        }
    }
}

@Suite("Suggestions against the plain algorithm")
struct SuggestOracleTests {
    /// The algorithm as first written: every candidate lowercased and copied, then measured.
    static func plainNearest(_ word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            let allowed = min(3, max(1, (max(w.count, c.count) + 1) / 4))
            guard abs(w.count - c.count) <= allowed else { continue }
            let d = Suggest.distance(w, c, cap: allowed)
            guard d <= allowed, (d < w.count && d < c.count) || candidate.lowercased().contains(word.lowercased()) else { continue }
            if let (name, score) = best, d > score || (d == score && candidate >= name) { continue }
            best = (candidate, d)
        }
        return best?.0
    }

    @Test("the same suggestion as the plain algorithm for typos of ids, upper case and non-ASCII text")
    func sameAsPlain() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") + ["防", "汛", "İ", "ß", "É"]
        func randomWord(_ length: Int) -> String {
            String((0 ..< length).map { _ in alphabet.randomElement(using: &generator)! })
        }
        func typo(_ word: String) -> String {
            var characters = Array(word)
            guard !characters.isEmpty else { return "x" }
            let i = Int.random(in: 0 ..< characters.count, using: &generator)
            switch Int.random(in: 0 ..< 4, using: &generator) {
            case 0: characters.remove(at: i)
            case 1: characters.insert(alphabet.randomElement(using: &generator)!, at: i)
            case 2: characters[i] = alphabet.randomElement(using: &generator)!
            default: if i + 1 < characters.count { characters.swapAt(i, i + 1) }
            }
            return String(characters)
        }
        for _ in 0 ..< 300 {
            let candidates = (0 ..< 40).map { _ in randomWord(Int.random(in: 1 ..< 24, using: &generator)) }
            let word = Bool.random(using: &generator) ? typo(candidates.randomElement(using: &generator)!).uppercased()
                : typo(candidates.randomElement(using: &generator)!)
            // (Foundation, imported here, finds no empty string in any; the library's own `contains` does.)
            guard !word.isEmpty else { continue }
            #expect(Suggest.nearest(word, in: candidates) == Self.plainNearest(word, in: candidates), "\(word) in \(candidates)")
        }
    }

    @Test("the same suggestion as the plain algorithm among many ids of one shape (most share their letters)")
    func sameAsPlainAmongSimilarIDs() {
        var generator = SystemRandomNumberGenerator()
        let kinds = ["master", "flood", "fire", "chem", "epidemic", "traffic"]
        let ids = (1 ... 6).flatMap { p in (1 ... 4).flatMap { c in (1 ... 3).flatMap { t in
            kinds.map { "p\(String(format: "%04d", p * 7)).c0\(c).t0\(t).\($0)" }
        } } }
        for _ in 0 ..< 60 {
            var characters = Array(ids.randomElement(using: &generator)!)
            let i = Int.random(in: 0 ..< characters.count, using: &generator)
            switch Int.random(in: 0 ..< 4, using: &generator) {
            case 0: characters.remove(at: i)
            case 1: characters.insert(Array("0123456789.abcmt").randomElement(using: &generator)!, at: i)
            case 2: characters[i] = Array("0123456789.abcmt").randomElement(using: &generator)!
            default: if i + 1 < characters.count { characters.swapAt(i, i + 1) }
            }
            let word = Bool.random(using: &generator) ? String(characters).uppercased() : String(characters)
            #expect(Suggest.nearest(word, in: ids) == Self.plainNearest(word, in: ids), "\(word)")
        }
        // One letter of the word is missing from the candidate (upper case counts as lower).
        var scratch = [Int16](repeating: 0, count: 128)
        let letters = Array("p0012.c03.t02.master".utf8).reduce(into: [Int16](repeating: 0, count: 128)) { $0[Int($1)] += 1 }
        #expect(Suggest.missingLetters(of: letters, total: 20, in: "P0012.C03.T01.MASTER", scratch: &scratch) == 1)
        #expect(Suggest.missingLetters(of: letters, total: 20, in: "p0012.c03.t02.master", scratch: &scratch) == 0)
    }
}
