import Foundation
import Synchronization
import Testing

@Suite("eplan lint, the built binary")
struct LintCommandTests {
    let broken = "\(CLI.fixtures)/broken"

    @Test("text output on a broken repository matches the golden file; exit 1")
    func textGolden() throws {
        let run = try CLI.run(["lint", "--quiet"], in: broken)
        #expect(run.status == 1)
        #expect(run.stdout == (try CLI.golden("broken.txt")))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("the summary line counts errors, warnings, notes, files and plans")
    func summaryLine() throws {
        let run = try CLI.run(["lint"], in: broken)
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("13 errors, 1 warning, 0 notes in 5 files (2 plans) in "))
        #expect(last.hasSuffix("s"))
    }

    @Test("JSON output matches the golden file, byte for byte, whatever the thread count")
    func jsonGolden() throws {
        let golden = try CLI.golden("broken.json")
        for jobs in ["1", "2", "4"] {
            let run = try CLI.run(["lint", "--format", "json", "--jobs", jobs], in: broken)
            #expect(run.status == 1)
            #expect(run.stdout == golden)
        }
    }

    @Test("JSON has the cli.md shape")
    func jsonShape() throws {
        let run = try CLI.run(["lint", "--format", "json"], in: broken)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["tool", "summary", "diagnostics"])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 5, "plans": 2, "errors": 13, "warnings": 1, "notes": 0])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        for key in ["rule", "severity", "message", "file", "line", "column", "endLine", "endColumn"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        let withRelated = try #require(diagnostics.first { $0["related"] != nil })
        let related = try #require((withRelated["related"] as? [[String: Any]])?.first)
        #expect(Set(related.keys) == ["file", "line", "column", "message"])
        #expect(diagnostics.contains { $0["plan"] as? String == "qs.flood" })
    }

    @Test("naming one file reports that file only")
    func namedFile() throws {
        let run = try CLI.run(["lint", "--quiet", "plans/master.yaml"], in: broken)
        #expect(run.status == 0)
        #expect(run.stdout == "")
        let json = try CLI.run(["lint", "--format", "json", "plans/broken.yaml"], in: broken)
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"files\": 1"))
    }

    @Test("paths are relative to the folder eplan runs in")
    func relativePaths() throws {
        let run = try CLI.run(["lint", "--quiet", "broken/plans/broken.yaml"], in: CLI.fixtures)
        #expect(run.stdout.hasPrefix("broken/plans/broken.yaml:4:1: error:"))
    }

    @Test("--output writes the report atomically and replaces it on a rerun; the summary goes to stderr; a plan is never replaced")
    func outputFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = "\(folder)/report.json"
        let first = try CLI.run(["lint", "--format", "json", "--output", target], in: broken)
        #expect(first.status == 1)
        #expect(first.stdout == "")
        #expect(first.stderr.hasPrefix("13 errors, 1 warning, 0 notes in 5 files (2 plans)"), "summary on stderr: \(first.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == (try CLI.golden("broken.json")))
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        let again = try CLI.run(["lint", "--format", "json", "--output", target, "--report", "sarif=\(folder)/r.sarif"], in: broken)
        #expect(again.status == 1, "a report is replaced on a rerun: \(again.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == (try CLI.golden("broken.json")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(leftovers == ["r.sarif", "report.json"])
        // A plan, regions document or eplan.yaml is never replaced by a report.
        let plan = try String(contentsOfFile: "\(broken)/plans/flood.yaml", encoding: .utf8)
        let onto = try CLI.run(["lint", "--format", "json", "--output", "plans/flood.yaml"], in: broken)
        #expect(onto.status == 2)
        #expect(onto.stderr.contains("is an eplan document"), "\(onto.stderr)")
        #expect(try String(contentsOfFile: "\(broken)/plans/flood.yaml", encoding: .utf8) == plan)
    }

    @Test("usage errors exit 2 with a message on stderr", arguments: [
        (["lint", "--format", "yaml"], "format"),
        (["lint", "no/such/path.yaml"], "no such file or folder: no/such/path.yaml"),
        (["lint", "--today", "2025-02-30"], "is not a date"),
        (["lint", "--rule", "parent-stal"], "did you mean 'parent-stale'?"),
        (["lint", "--jobs", "0"], "--jobs must be at least 1"),
        (["lint", "--config", "missing.yaml"], "no such file or folder"),
        (["frobnicate"], "Unexpected argument"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let run = try CLI.run(arguments, in: broken)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }

    @Test("help and version exit 0")
    func helpAndVersion() throws {
        let help = try CLI.run(["lint", "--help"], in: broken)
        #expect(help.status == 0)
        #expect(help.stdout.contains("eplan lint plans/qs/lin/flood.yaml"))
        let version = try CLI.run(["--version"], in: broken)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test("an invalid eplan.yaml is an error with its location and exit 2")
    func invalidConfig() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "eplan: config/v1\nrules:\n  drill-overdue: sometimes\n".write(toFile: "\(folder)/eplan.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["lint"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("eplan.yaml:3:3: error: unknown severity 'sometimes' at 'rules.drill-overdue' [schema-value]"))
    }

    @Test("rule selection and severity gates: --rule, --disable, --strict, --max-warnings")
    func gates() throws {
        let syntaxOnly = try CLI.run(["lint", "--quiet", "--rule", "yaml-syntax"], in: broken)
        #expect(syntaxOnly.stdout.components(separatedBy: "[yaml-syntax]").count == 2)
        #expect(!syntaxOnly.stdout.contains("[schema-"))
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "eplan: config/v1\nrules:\n  schema-unknown-key: warning\n".write(toFile: "\(folder)/eplan.yaml", atomically: true, encoding: .utf8)
        let plan = try String(contentsOfFile: "\(broken)/plans/master.yaml", encoding: .utf8) + "x_note: 1\n"
        try plan.write(toFile: "\(folder)/p.yaml", atomically: true, encoding: .utf8)
        let only = ["--rule", "schema-unknown-key"]
        #expect(try CLI.run(["lint"] + only, in: folder).status == 0)
        #expect(try CLI.run(["lint", "--strict"] + only, in: folder).status == 1)
        #expect(try CLI.run(["lint", "--max-warnings", "1"] + only, in: folder).status == 0)
        #expect(try CLI.run(["lint", "--max-warnings", "0"] + only, in: folder).status == 1)
        let disabled = try CLI.run(["lint", "--strict", "--disable", "schema-unknown-key"] + only, in: folder)
        #expect(disabled.status == 0)
    }

    @Test("NO_COLOR and pipes never get escape codes")
    func noColor() throws {
        let run = try CLI.run(["lint"], in: broken, environment: ["NO_COLOR": "1"])
        #expect(!run.stdout.contains("\u{1B}"))
    }

    @Test("hostile text in a plan stays on one line and inert in text output")
    func hostileText() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "eplan: plan/v1\nkind: \"a\\nb\\u001b[31m\"\n".write(toFile: "\(folder)/p.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["lint", "--quiet", "p.yaml"], in: folder)
        let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("unknown plan kind") })
        #expect(line.contains("'a\\nb\\u{1b}[31m'"))
        #expect(!run.stdout.contains("\u{1B}"))
    }
}

@Suite("The sample plans/ and the YAML test suite")
struct CorpusTests {
    @Test("plans/ lints with no finding")
    func samplePlansClean() throws {
        let run = try CLI.run(["lint", "--format", "json", "plans"], in: CLI.packageRoot)
        #expect(run.status == 0, "\(run.stdout.prefix(3000))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["errors"] == 0 && summary["warnings"] == 0 && summary["notes"] == 0)
        #expect((summary["plans"] ?? 0) >= 40)
    }

    @Test("every file of the YAML test suite yields a JSON report, exit 0 or 1, within a second",
          .enabled(if: CLI.hasShared, "../shared/corpora/yaml-test-suite is not beside this clone (it is in CI)"))
    func yamlTestSuite() throws {
        let corpus = "\(CLI.shared)/corpora/yaml-test-suite"
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count > 100)
        // Each file alone in a fresh folder, one at a time: the timing is the file's own.
        let clock = ContinuousClock()
        let failures = Mutex<[String]>([])
        let scratch = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for (i, name) in files.enumerated() {
            let folder = "\(scratch)/\(i)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: "\(corpus)/\(name)", toPath: "\(folder)/\(name)")
            let started = clock.now
            let run = try CLI.run(["lint", "--format", "json", name], in: folder)
            let elapsed = clock.now - started
            let parsed = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            if ![0, 1].contains(run.status) || parsed?["diagnostics"] == nil || elapsed > .seconds(1) {
                failures.withLock { $0.append("\(name): exit \(run.status), \(elapsed), \(run.stderr.prefix(200))") }
            }
        }
        let found = failures.withLock { $0 }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}

@Suite("Colour")
struct ColourTests {
    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    @Test("colour on a terminal, never with NO_COLOR", .enabled(if: hasScript, "util-linux 'script' is needed for a pseudo-terminal"))
    func terminal() throws {
        let folder = "\(CLI.fixtures)/broken"
        let onTTY = try CLI.tool(["script", "-qec", "\(CLI.binary) lint --quiet", "/dev/null"], in: folder)
        #expect(onTTY.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        let noColor = try CLI.tool(["env", "NO_COLOR=1", "script", "-qec", "\(CLI.binary) lint --quiet", "/dev/null"], in: folder)
        #expect(!noColor.stdout.contains("\u{1B}["))
        #expect(noColor.stdout.contains("error:"))
    }
}
