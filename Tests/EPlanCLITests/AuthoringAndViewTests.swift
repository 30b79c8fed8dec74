import Foundation
import Testing

@Suite("eplan init, new, graph, report")
struct AuthoringAndViewTests {
    @Test("init writes a starter repository that lints clean, and refuses to overwrite")
    func initRepository() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try CLI.run(["init", "repo", "--today", "2026-11-30"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let lint = try CLI.run(["lint", "--today", "2026-11-30", "--format", "json"], in: "\(folder)/repo")
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("\"errors\": 0,\n    \"warnings\": 0,\n    \"notes\": 0"), "\(lint.stdout)")
        let plan = try String(contentsOfFile: "\(folder)/repo/plans/county/master.yaml", encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/repo/plans/county/flood.yaml"), "a county covers its hazards with special plans")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/repo/schemas/plan.schema.json"), "the schemas its modelines point to")
        #expect(first.stderr.contains("next: 1. cd repo and run 'eplan lint'"), "\(first.stderr)")
        let again = try CLI.run(["init", "repo"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("not overwriting"))
        #expect(try String(contentsOfFile: "\(folder)/repo/plans/county/master.yaml", encoding: .utf8) == plan)
        // Every level, in both languages, lints clean.
        for level in ["county", "city", "township", "enterprise"] {
            for lang in ["en", "zh-CN"] {
                let made = try CLI.run(["init", "\(level)-\(lang)", "--level", level, "--lang", lang, "--today", "2026-11-30"], in: folder)
                #expect(made.status == 0, "\(made.stderr)")
                let run = try CLI.run(["lint", "--today", "2026-11-30", "--format", "json"], in: "\(folder)/\(level)-\(lang)")
                #expect(run.status == 0 && run.stdout.contains("\"errors\": 0,\n    \"warnings\": 0,\n    \"notes\": 0"), "\(level) \(lang): \(run.stdout)")
            }
        }
    }

    @Test("new writes a plan pre-filled from the repository; lint then asks only what a person must settle")
    func newPlan() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = "\(folder)/repo"
        try FileManager.default.copyItem(atPath: "\(CLI.packageRoot)/plans", toPath: repo)
        let settle: Set<String> = ["action-incomplete", "schema-value", "schema-missing-key", "drill-overdue"]
        for (arguments, file) in [
            (["new", "special", "--region", "qs/lin/shi", "--hazard", "mountain-torrent"], "qs/lin/shi/mountain-torrent.yaml"),
            (["new", "unit", "--region", "qs/yanghe", "--name", "steel-mill", "--hazard", "hazardous-chemicals"], "qs/yanghe/unit/steel-mill.yaml"),
            (["new", "departmental", "--region", "qs/songling", "--owner", "transport"], "qs/songling/dept/transport.yaml"),
        ] {
            let run = try CLI.run(arguments + ["--today", "2026-11-30"], in: repo)
            #expect(run.status == 0, "\(run.stderr)")
            let text = try String(contentsOfFile: "\(repo)/\(file)", encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema="))
            let lint = try CLI.run(["lint", "--today", "2026-11-30", "--format", "json", file], in: repo)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])
            let rules = Set((object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
            #expect(rules.isSubset(of: settle), "\(file): \(rules)")
            #expect(rules.contains("action-incomplete"))
            let again = try CLI.run(arguments, in: repo)
            #expect(again.status == 2, "never overwrites without --force")
        }
        let special = try String(contentsOfFile: "\(repo)/qs/lin/shi/mountain-torrent.yaml", encoding: .utf8)
        #expect(special.contains("parent: {id: qs.lin.flood, version: \"3.2\"}"))
        #expect(special.contains("master: qs.lin.shi.master"))
        #expect(special.contains("initial: {I: 15m, II: 15m, III: 30m, IV: 1h}"))
        #expect(!special.contains("\n    resources: []"), "resources are for a person to settle")
        #expect(special.contains("title:  #"), "the title is for a person to write")
        #expect(!special.contains("trigger: \"\""), "the parent's triggers are pre-filled")
        #expect(!special.contains("- {"), "stubs in block style")
        let wrong = try CLI.run(["new", "special", "--region", "qs/lyn", "--hazard", "flood"], in: repo)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("region 'qs/lyn' is not in the regions document; did you mean 'qs/lin'?"))
    }

    @Test("new validates every value that becomes a path or YAML, and writes nothing when one is wrong")
    func newValidates() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = "\(folder)/repo"
        try FileManager.default.copyItem(atPath: "\(CLI.packageRoot)/plans", toPath: repo)
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder).sorted()
        for (arguments, says) in [
            (["new", "departmental", "--region", "qs/songling", "--owner", "../../../../escaped/owner"], "is not an agency slug"),
            (["new", "departmental", "--region", "qs/songling", "--owner", "transport\nx: 1"], "is not an agency slug"),
            (["new", "unit", "--region", "qs/yanghe", "--name", "复兴煤矿", "--hazard", "coal-mine-accident"], "is not a slug"),
            (["new", "special", "--region", "qs/../x", "--hazard", "flood"], "is not a region path"),
        ] {
            let run = try CLI.run(arguments, in: repo)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(says), "\(run.stderr)")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder).sorted() == before, "nothing written")
        let chinese = try CLI.run(["new", "unit", "--region", "qs/yanghe", "--name", "复兴煤矿", "--hazard", "coal-mine-accident", "--lang", "zh-CN"], in: repo)
        #expect(chinese.stderr.contains("title:"), "says where the Chinese name goes: \(chinese.stderr)")
    }

    @Test("new --force replaces the plan with that id in its own file, and never writes over another plan")
    func newForce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = "\(folder)/repo"
        try FileManager.default.copyItem(atPath: "\(CLI.packageRoot)/plans", toPath: repo)
        let flood = try String(contentsOfFile: "\(repo)/qs/lin/flood.yaml", encoding: .utf8)
        let made = ["new", "special", "--region", "qs/lin/shi", "--hazard", "mountain-torrent"]
        #expect(try CLI.run(made, in: repo).status == 0)
        let again = try CLI.run(made, in: repo)
        #expect(again.status == 2)
        #expect(again.stderr.contains("--force"), "names the next step: \(again.stderr)")
        let forced = try CLI.run(made + ["--force"], in: repo)
        #expect(forced.status == 0, "\(forced.stderr)")
        let onto = try CLI.run(made + ["--force", "--out", "qs/lin/flood.yaml"], in: repo)
        #expect(onto.status == 2)
        #expect(try String(contentsOfFile: "\(repo)/qs/lin/flood.yaml", encoding: .utf8) == flood)
        let second = try CLI.run(made + ["--force", "--out", "elsewhere.yaml"], in: repo)
        #expect(second.status == 2, "a second file for one id")
        #expect(!FileManager.default.fileExists(atPath: "\(repo)/elsewhere.yaml"))
    }

    @Test("new chooses the parent the rules expect and says why; a unit owns its plan; a department starts alone")
    func newParents() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = "\(folder)/repo"
        try FileManager.default.copyItem(atPath: "\(CLI.packageRoot)/plans", toPath: repo)
        let unit = try CLI.run(["new", "unit", "--region", "qs/yanghe", "--name", "fuxing-mine", "--hazard", "coal-mine-accident"], in: repo)
        #expect(unit.stderr.contains("parent qs.yanghe.coal"), "\(unit.stderr)")
        let unitText = try String(contentsOfFile: "\(repo)/qs/yanghe/unit/fuxing-mine.yaml", encoding: .utf8)
        #expect(unitText.contains("owner: fuxing-mine"))
        let dept = try CLI.run(["new", "departmental", "--region", "qs/songling", "--owner", "transport"], in: repo)
        #expect(dept.stderr.contains("parent qs.dept.transport"), "\(dept.stderr)")
        let deptText = try String(contentsOfFile: "\(repo)/qs/songling/dept/transport.yaml", encoding: .utf8)
        #expect(deptText.components(separatedBy: "- agency:").count <= 2, "only the department itself: \(deptText)")
        let event = try CLI.run(["new", "event", "--region", "qs/lin", "--name", "marathon-2027", "--hazard", "mass-incident"], in: repo)
        #expect(event.status == 0, "\(event.stderr)")
        let lint = try CLI.run(["lint", "--format", "json", "qs/lin/event/marathon-2027.yaml"], in: repo)
        #expect(lint.stdout.contains("has no 'event-dates'") || lint.stdout.contains("event-dates"), "event dates are for a person: \(lint.stdout)")
    }

    @Test("help texts: no doubled defaults, --today's default stated, examples not wrapped mid-command, diff has --config/--today/--output")
    func helpTexts() throws {
        let initHelp = try CLI.run(["init", "--help"], in: CLI.packageRoot).stdout
        #expect(!initHelp.contains("(default: the current folder). (default: .)"), "\(initHelp)")
        for command in ["graph", "report", "lint", "new", "diff"] {
            let help = try CLI.run([command, "--help"], in: CLI.packageRoot).stdout
            #expect(help.replacingOccurrences(of: "\n", with: " ").contains("today's local"), "\(command): \(help)")
        }
        let newHelp = try CLI.run(["new", "--help"], in: CLI.packageRoot).stdout
        #expect(newHelp.contains("  eplan new unit --region qs/lin --name hongqi --hazard coal-mine-accident\n"), "\(newHelp)")
        let diffHelp = try CLI.run(["diff", "--help"], in: CLI.packageRoot).stdout
        for option in ["--config", "--today", "--output"] { #expect(diffHelp.contains(option), "\(option)") }
    }

    /// The width and height, in points, of the SVG that Graphviz draws from `eplan graph` in `folder`.
    static func graphSize(_ folder: String) throws -> (width: Double, height: Double) {
        let dot = try CLI.run(["graph", "--format", "dot"], in: folder)
        #expect(dot.status == 0)
        // Written beside the test, not into `folder` (the sample repository, which other tests read meanwhile).
        let scratch = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try dot.stdout.write(toFile: "\(scratch)/g.dot", atomically: true, encoding: .utf8)
        let svg = try CLI.tool(["dot", "-Tsvg", "\(scratch)/g.dot"]).stdout
        func points(_ attribute: String) -> Double {
            let value = svg.components(separatedBy: "\(attribute)=\"").dropFirst().first?.prefix { $0.isNumber || $0 == "." } ?? ""
            return Double(value) ?? -1
        }
        return (points("width"), points("height"))
    }

    @Test("graph: a county office's 9 plans fit a screen, and the sample grows downwards, not sideways")
    func graphSize() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CLI.run(["init", "--level", "county", "."], in: folder).status == 0)
        try """
            eplan: regions/v1
            regions:
              - id: county
                name: 示例县 Example County
                level: county
                hazards: [flood, coal-mine-accident]
                children:
                  - {id: t1, name: 东镇 East Town, level: township, hazards: [flood]}
                  - {id: t2, name: 西镇 West Town, level: township, hazards: [flood]}
            """.write(toFile: "\(folder)/regions.yaml", atomically: true, encoding: .utf8)
        for arguments in [["special", "--region", "county", "--hazard", "coal-mine-accident"], ["master", "--region", "county/t1"],
                          ["master", "--region", "county/t2"], ["departmental", "--region", "county", "--owner", "transport"],
                          ["unit", "--region", "county", "--name", "fuxing-mine", "--hazard", "coal-mine-accident"]] {
            #expect(try CLI.run(["new"] + arguments, in: folder).status == 0, "\(arguments)")
        }
        let small = try Self.graphSize(folder)
        #expect(small.width > 0 && small.width <= 800, "7 plans and 2 external plans drawn \(small.width) pt wide")
        let sample = try Self.graphSize("\(CLI.packageRoot)/plans")
        #expect(sample.width < sample.height && sample.width <= 1600, "the sample is \(sample.width) × \(sample.height) pt")
    }

    @Test("graph: DOT renders with Graphviz; Mermaid and JSON; --root; broken links and missing plans drawn")
    func graph() throws {
        let plans = "\(CLI.packageRoot)/plans"
        let dot = try CLI.run(["graph", "--format", "dot"], in: plans)
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph eplan {"))
        #expect(dot.stdout.contains("\"qs.lin.flood\" -> \"qs.flood\" [label=\"parent\"]"))
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try dot.stdout.write(toFile: "\(folder)/g.dot", atomically: true, encoding: .utf8)
        let rendered = try CLI.tool(["dot", "-Tsvg", "-o", "\(folder)/g.svg", "\(folder)/g.dot"])
        #expect(rendered.status == 0, "Graphviz rejected the DOT: \(rendered.stderr)")
        let svg = try String(contentsOfFile: "\(folder)/g.svg", encoding: .utf8)
        #expect(svg.contains("临县防汛"))

        let mermaid = try CLI.run(["graph", "--format", "mermaid", "--root", "qs.lin.master"], in: plans)
        #expect(mermaid.stdout.hasPrefix("flowchart RL\n"))
        #expect(mermaid.stdout.contains("qs.lin.shi.master"))
        #expect(!mermaid.stdout.contains("qs.yanghe.master"))
        let json = try CLI.run(["graph", "--format", "json"], in: plans)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["nodes"] as? [Any])?.count ?? 0 >= 47)
        #expect((object["missing"] as? [Any])?.isEmpty == true)
        let external = (object["nodes"] as? [[String: Any]])?.first { $0["id"] as? String == "sx.flood" }
        #expect(external?["title"] as? String == "省防汛抗旱应急预案", "an external plan's title from eplan.yaml")
        #expect(dot.stdout.contains("省防汛抗旱应急预案"))
        let unknownRoot = try CLI.run(["graph", "--root", "qs.lin.mastr"], in: plans)
        #expect(unknownRoot.status == 2)
        #expect(unknownRoot.stderr.contains("did you mean 'qs.lin.master'?"))

        // A broken repository: a dangling parent and an uncovered hazard are drawn in red.
        let broken = try CLI.run(["graph", "--format", "dot"], in: "\(CLI.fixtures)/broken")
        #expect(broken.stdout.contains("\"missing:qs.mountain-torrent:master\"") || broken.stdout.contains("uncovered hazard"))
    }

    @Test("report: a self-contained HTML page; hostile plan text comes out inert; Chinese text intact")
    func report() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = "\(folder)/repo"
        try FileManager.default.copyItem(atPath: "\(CLI.packageRoot)/plans", toPath: repo)
        let file = "\(repo)/qs/lin/flood.yaml"
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        if let at = lines.firstIndex(where: { $0.hasPrefix("title:") }) {
            lines[at] = "title: \"<script>alert('x')</script> \\\"quoted\\\" 临县防汛应急预案\""
        }
        let evil = lines.joined(separator: "\n")
            .replacingOccurrences(of: "Run the headquarters office", with: "<img src=x onerror=alert(1)>")
        try evil.write(toFile: file, atomically: true, encoding: .utf8)
        // An id cannot hold markup (its pattern forbids it), but the finding that says so quotes it.
        try "eplan: plan/v1\nid: \"x<script>alert(1)</script>\"\n".write(toFile: "\(repo)/evil.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["report", "--out", "\(folder)/out", "--today", "2026-11-30"], in: repo)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: "\(folder)/out/index.html", encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("&quot;quoted&quot;"))
        #expect(html.contains("临县"))
        #expect(!html.contains("http://") && !html.contains("https://"), "no external assets")
        for section in ["id=\"hierarchy\"", "id=\"coverage\"", "id=\"agencies\"", "id=\"due\"", "id=\"findings\""] {
            #expect(html.contains(section))
        }
        // The agency × plan matrix: one folded table per region, none wider than the plans of its region.
        let agencies = try #require(html.components(separatedBy: "id=\"agencies\"").dropFirst().first?.components(separatedBy: "id=\"due\"").first)
        let tables = agencies.components(separatedBy: "<table").dropFirst()
        #expect(agencies.components(separatedBy: "<details>").count - 1 == 11, "one folded table per region of the sample")
        #expect(agencies.contains("临县 Lin County <code>qs/lin</code> · 33 agencies, 9 plans</summary>"))
        let widest = tables.map { $0.components(separatedBy: "</tr>")[0].components(separatedBy: "<th>").count - 2 }.max() ?? 0
        #expect(widest > 0 && widest <= 15, "the widest region table has \(widest) plan columns")
        let again = try CLI.run(["report", "--out", "\(folder)/out"], in: repo)
        #expect(again.status == 0, "a report is replaced on a rerun (cli.md 1.1): \(again.stderr)")
        let graph = try CLI.run(["graph", "--format", "dot"], in: repo)
        #expect(!graph.stdout.contains("\"<script>alert('x')</script> \"quoted\""), "DOT labels escape quotes")
        #expect(graph.stdout.contains("\\\"quoted\\\""))
        let mermaid = try CLI.run(["graph", "--format", "mermaid"], in: repo)
        #expect(mermaid.stdout.contains("#lt;script#gt;"))
        #expect(!mermaid.stdout.contains("<script>"))
    }
}
