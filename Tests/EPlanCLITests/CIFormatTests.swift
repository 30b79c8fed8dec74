import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("CI formats and baselines")
struct CIFormatTests {
    let broken = "\(CLI.fixtures)/broken"

    @Test("sarif, junit and github output match their golden files", arguments: [
        ("sarif", "broken.sarif"), ("junit", "broken.junit.xml"), ("github", "broken.github.txt"),
    ])
    func goldens(format: String, golden: String) throws {
        let run = try CLI.run(["lint", "--format", format], in: broken)
        #expect(run.status == 1)
        #expect(run.stdout == (try CLI.golden(golden)))
    }

    @Test("SARIF validates against the OASIS SARIF 2.1.0 schema",
          .enabled(if: CLI.hasShared, "../shared/corpora/sarif is not beside this clone (it is in CI)"))
    func sarifSchema() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLI.run(["lint", "--format", "sarif", "--show-suppressed"], in: broken)
        try run.stdout.write(toFile: "\(folder)/out.sarif", atomically: true, encoding: .utf8)
        let script = """
            import json, subprocess, sys
            try:
                import jsonschema
            except ImportError:
                subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "jsonschema"])
                import jsonschema
            schema = json.load(open(sys.argv[1]))
            doc = json.load(open(sys.argv[2]))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
            for e in errors[:10]: print(e.message)
            assert doc["runs"][0]["results"], "no results"
            sys.exit(1 if errors else 0)
            """
        try script.write(toFile: "\(folder)/validate.py", atomically: true, encoding: .utf8)
        let validation = try CLI.tool(["python3", "\(folder)/validate.py", "\(CLI.shared)/corpora/sarif/sarif-schema-2.1.0.json",
                                       "\(folder)/out.sarif"])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    }

    @Test("SARIF has one run, the rules with descriptions and help URIs, results with regions and fingerprints")
    func sarifShape() throws {
        let run = try CLI.run(["lint", "--format", "sarif"], in: broken)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count >= 39)
        let stale = try #require(rules.first { $0["id"] as? String == "parent-stale" })
        #expect(stale["helpUri"] == nil, "no link to a docs path the plan repository does not have")
        let help = try #require(stale["help"] as? [String: Any])
        #expect((help["markdown"] as? String)?.hasPrefix("**The recorded parent version is the parent's current version**") == true, "\(help)")
        #expect((stale["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        #expect((stale["fullDescription"] as? [String: Any])?["text"] != nil)
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 14)
        for result in results {
            #expect(result["ruleId"] != nil && result["level"] != nil && result["message"] != nil)
            let fingerprint = (result["partialFingerprints"] as? [String: String])?["eplanFingerprint/v1"]
            #expect(fingerprint?.count == 16)
            let region = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
            #expect(region?["startLine"] != nil && region?["endColumn"] != nil)
        }
    }

    @Test("JUnit parses as XML: a testsuite per file, a testcase per plan, failures for findings")
    func junitXML() throws {
        let run = try CLI.run(["lint", "--format", "junit"], in: broken)
        final class Counter: NSObject, XMLParserDelegate {
            var suites = 0, cases = 0, failures = 0, names: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                switch name {
                case "testsuite": suites += 1
                case "testcase": cases += 1; names.append(attributes["name"] ?? "")
                case "failure": failures += 1
                default: break
                }
            }
        }
        let parser = XMLParser(data: Data(run.stdout.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(counter.suites == 4)
        #expect(counter.cases == 4)
        #expect(counter.failures == 13, "errors fail; the one warning does not")
        #expect(counter.names.contains("qs.flood"))
        // The attributes count test cases: they agree with the cases.
        #expect(run.stdout.contains("<testsuites name=\"eplan\" tests=\"4\" failures=\"3\""), "\(run.stdout.prefix(200))")
        #expect(run.stdout.contains("<system-out>plans/flood.yaml:2:1: warning:"))
    }

    @Test("GitHub annotations escape %, CR and LF in messages and : , in properties")
    func githubEscaping() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "eplan: plan/v1\nkind: \"50%\\nmore, a:b\"\n".write(toFile: "\(folder)/p,1:x.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["lint", "--format", "github", "--rule", "schema-value", "p,1:x.yaml"], in: folder)
        let line = try #require(run.stdout.split(separator: "\n").first)
        #expect(line.hasPrefix("::error file=p%2C1%3Ax.yaml,line=2,col=1,"))
        #expect(line.contains("title=schema-value::unknown plan kind '50%25%0Amore, a:b'"))
    }

    @Test("--report writes several formats in one run, beside the normal output")
    func reports() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLI.run(["lint", "--quiet", "--report", "sarif=\(folder)/a.sarif", "--report", "junit=\(folder)/a.xml",
                               "--report", "json=\(folder)/a.json"], in: broken)
        #expect(run.status == 1)
        #expect(run.stdout == (try CLI.golden("broken.txt")))
        #expect(try String(contentsOfFile: "\(folder)/a.sarif", encoding: .utf8) == (try CLI.golden("broken.sarif")))
        #expect(try String(contentsOfFile: "\(folder)/a.xml", encoding: .utf8) == (try CLI.golden("broken.junit.xml")))
        #expect(try String(contentsOfFile: "\(folder)/a.json", encoding: .utf8) == (try CLI.golden("broken.json")))
        let bad = try CLI.run(["lint", "--report", "pdf=x.pdf"], in: broken)
        #expect(bad.status == 2)
    }

    @Test("a baseline hides exactly the recorded findings, also after lines shift; new findings still show")
    func baseline() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: broken, toPath: "\(folder)/repo")
        let repo = "\(folder)/repo"
        let write = try CLI.run(["lint", "--write-baseline", "\(folder)/baseline.json"], in: repo)
        #expect(write.status == 0)
        let text = try String(contentsOfFile: "\(folder)/baseline.json", encoding: .utf8)
        #expect(text.contains("\"eplanBaseline\": 1"))
        // Stable: writing it again gives the same bytes.
        _ = try CLI.run(["lint", "--write-baseline", "\(folder)/again.json"], in: repo)
        #expect(try String(contentsOfFile: "\(folder)/again.json", encoding: .utf8) == text)
        #expect(text.contains("\"message\": \"unknown key 'titel' in a plan\""), "a reviewer reads what was accepted")
        #expect(try CLI.run(["lint", "--write-baseline", "\(folder)/baseline.json"], in: repo).status == 0, "replaced on a rerun")

        let clean = try CLI.run(["lint", "--baseline", "\(folder)/baseline.json"], in: repo)
        #expect(clean.status == 0)
        #expect(clean.stdout.hasPrefix("0 errors, 0 warnings, 0 notes"))
        #expect(clean.stdout.contains("; 14 findings hidden by the baseline\n"), "\(clean.stdout)")

        // Insert lines above the findings: still hidden.
        let flood = "\(repo)/plans/flood.yaml"
        let original = try String(contentsOfFile: flood, encoding: .utf8)
        try ("# a comment\n# another\n" + original).write(toFile: flood, atomically: true, encoding: .utf8)
        let shifted = try CLI.run(["lint", "--baseline", "\(folder)/baseline.json"], in: repo)
        #expect(shifted.status == 0, "\(shifted.stdout)")

        // A new finding of a rule already in the baseline, same file: it shows.
        try ("# a comment\n# another\n" + original + "colour: red\n").write(toFile: flood, atomically: true, encoding: .utf8)
        let added = try CLI.run(["lint", "--quiet", "--baseline", "\(folder)/baseline.json"], in: repo)
        #expect(added.status == 1)
        #expect(added.stdout.hasPrefix("plans/flood.yaml:44:1: error: unknown key 'colour' in a plan [schema-unknown-key]"))
        #expect(added.stdout.components(separatedBy: "[schema-").count == 2)

        let notABaseline = try CLI.run(["lint", "--baseline", "\(repo)/regions.yaml"], in: repo)
        #expect(notABaseline.status == 2)
    }
}

@Suite("Shell integration")
struct ShellIntegrationTests {
    @Test("completion scripts are generated for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let run = try CLI.run(["--generate-completion-script", shell], in: CLI.packageRoot)
        #expect(run.status == 0)
        #expect(run.stdout.contains("eplan"))
        #expect(run.stdout.contains("lint"))
    }

    @Test("the pre-commit hook file follows pre-commit's conventions")
    func preCommitHooks() throws {
        let text = try String(contentsOfFile: "\(CLI.packageRoot)/.pre-commit-hooks.yaml", encoding: .utf8)
        #expect(text.contains("- id: eplan-lint\n"))
        #expect(text.contains("entry: eplan lint"))
        #expect(text.contains("language: swift"))
        #expect(text.contains("files: \\.ya?ml$"))
    }
}

@Suite("Hostile file names")
struct HostileFileNameTests {
    @Test("a newline, ESC, %0A, quotes and $(...) in a file name forge nothing in any format")
    func names() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = "a\nx.yaml:1:1: error: forged [yaml-syntax]\u{1B}[31m %0A \"q\" '$(touch pwned)'.yaml"
        try "eplan: plan/v1\nid: [unclosed\n".write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
        let text = try CLI.run(["lint"], in: folder)
        #expect(text.status == 1)
        #expect(!text.stdout.contains("\u{1B}"), "an escape sequence reached the terminal")
        #expect(!text.stdout.split(separator: "\n").contains { $0.hasPrefix("x.yaml:1:1") }, "a finding line was forged")
        #expect(text.stdout.contains("a\\nx.yaml"))
        let sarif = try CLI.run(["lint", "--format", "sarif"], in: folder)
        let uri = try #require(sarif.stdout.components(separatedBy: "\"uri\": \"").dropFirst().first?.components(separatedBy: "\"").first)
        #expect(uri.hasPrefix("a%0Ax.yaml%3A1%3A1%3A%20error"), "\(uri)")
        #expect(uri.contains("%1B") && uri.contains("%250A") && uri.contains("%24%28touch"), "\(uri)")
        for format in ["json", "junit", "github"] {
            let run = try CLI.run(["lint", "--format", format], in: folder)
            #expect(run.status == 1, "\(format)")
            #expect(!run.stdout.contains("\u{1B}"), "\(format)")
            #expect(!FileManager.default.fileExists(atPath: "\(folder)/pwned"))
        }
        let github = try CLI.run(["lint", "--format", "github"], in: folder)
        #expect(github.stdout.split(separator: "\n").count == 1, "one annotation, not a forged second line")
    }

    @Test("C1 controls and DEL from plan text (CSI U+009B, NEL U+0085) reach no output raw")
    func c1Controls() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "eplan: plan/v1\nkind: \"x\\x9b2J\\u0085\\x7f\\ey\"\n".write(toFile: "\(folder)/p.yaml", atomically: true, encoding: .utf8)
        func isControl(_ s: Unicode.Scalar) -> Bool {
            (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value)
        }
        for format in ["text", "json", "sarif", "junit", "github"] {
            let run = try CLI.run(["lint", "--format", format], in: folder)
            #expect(run.status == 1, "\(format)")
            #expect(run.stdout.contains("2J"), "\(format): the value is shown")
            #expect(!run.stdout.unicodeScalars.contains(where: isControl), "\(format): a control character reached the output")
        }
    }
}
