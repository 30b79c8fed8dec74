import Foundation
import Testing

@Suite("eplan diff")
struct DiffCommandTests {
    let folder = "\(CLI.fixtures)/diff"

    @Test("docking and revision output match their golden files", arguments: [
        (["diff", "child.yaml", "--against", "parent.yaml", "--format", "json"], "docking.json"),
        (["diff", "child.yaml", "--against", "parent.yaml", "--format", "markdown"], "docking.md"),
        (["diff", "old.yaml", "new.yaml", "--format", "json"], "revision.json"),
        (["diff", "old.yaml", "new.yaml", "--format", "markdown"], "revision.md"),
    ])
    func goldens(arguments: [String], golden: String) throws {
        let run = try CLI.run(arguments, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == (try CLI.golden(golden)))
    }

    @Test("docking covers every status; revision covers every impact")
    func coverage() throws {
        let docking = try CLI.run(["diff", "child.yaml", "--against", "parent.yaml", "--format", "json"], in: folder).stdout
        for status in ["covered", "missing", "excluded", "weaker", "stricter", "extra"] {
            #expect(docking.contains("\"status\": \"\(status)\""), "\(status)")
        }
        for aspect in ["hazard", "severity", "reporting.initial", "reporting.written", "reporting.follow-up", "agency", "stage", "parent-version"] {
            #expect(docking.contains("\"aspect\": \"\(aspect)\""), "\(aspect)")
        }
        let revision = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "json"], in: folder).stdout
        for (path, change, impact) in [
            ("reporting.initial", "changed", "weakening"), ("actions[evacuate].within", "changed", "strengthening"),
            ("actions[restore]", "removed", "weakening"), ("actions[inspect]", "added", "strengthening"),
            ("organization.members[transport]", "removed", "weakening"), ("scope.hazards[drought]", "added", "strengthening"),
            ("resources[qs.lin.team.patrol].quantity", "changed", "weakening"), ("actions[patrol].who", "removed", "weakening"),
            ("title", "changed", "neutral"), ("response-levels[III].trigger", "changed", "neutral"),
        ] {
            #expect(revision.contains("\"path\": \"\(path)\",\n      \"change\": \"\(change)\""), "\(path)")
            let entry = revision.components(separatedBy: "\"path\": \"\(path)\"").dropFirst().first ?? ""
            #expect(entry.prefix(200).contains("\"impact\": \"\(impact)\""), "\(path) should be \(impact)")
        }
        // 120m = 2h and 1h = 60m: durations compare by length.
        #expect(!revision.contains("\"path\": \"reporting.written\""))
        #expect(!revision.contains("\"path\": \"actions[patrol].within\""))
    }

    @Test("--fail-on exits 1 only when such an item exists")
    func failOn() throws {
        #expect(try CLI.run(["diff", "old.yaml", "new.yaml", "--fail-on", "weakening"], in: folder).status == 1)
        #expect(try CLI.run(["diff", "old.yaml", "old.yaml", "--fail-on", "any"], in: folder).status == 0)
        #expect(try CLI.run(["diff", "child.yaml", "--against", "parent.yaml", "--fail-on", "missing"], in: folder).status == 1)
        #expect(try CLI.run(["diff", "child.yaml", "--against", "child.yaml", "--fail-on", "weakening"], in: folder).status == 0)
    }

    @Test("errors people will hit are clear and exit 2", arguments: [
        (["diff", "ci.yaml"], "is not a plan"),
        (["diff", "old.yaml", "parent.yaml"], "a revision diff compares two revisions of one plan"),
        (["diff", "nothing.yaml"], "no such file: nothing.yaml"),
        (["diff", "child.yaml"], "not a plan of this repository"),
        (["diff"], "give CHILD"),
    ])
    func errors(arguments: [String], message: String) throws {
        let scratch = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // Without parent.yaml beside it, child.yaml's parent is in no repository.
        for file in ["old.yaml", "parent.yaml", "child.yaml"] where !(file == "parent.yaml" && arguments == ["diff", "child.yaml"]) {
            try FileManager.default.copyItem(atPath: "\(folder)/\(file)", toPath: "\(scratch)/\(file)")
        }
        try "stages: [test]\n".write(toFile: "\(scratch)/ci.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(arguments, in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("an external parent is docked with what eplan.yaml says of it")
    func externalParent() throws {
        let run = try CLI.run(["diff", "qs/flood.yaml"], in: "\(CLI.packageRoot)/plans")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("qs.flood docked with sx.flood (qs/flood.yaml against eplan.yaml)"), "\(run.stdout)")
        #expect(run.stdout.contains("initial.I: parent 1h, this plan 30m"), "the external entry's reporting limits")
        let docked = try CLI.run(["diff", "qs/lin/flood.yaml", "--format", "json"], in: "\(CLI.packageRoot)/plans")
        #expect(docked.status == 0)
        #expect(docked.stdout.contains("\"parent\": \"qs.flood\""))
    }

    @Test("docking expects of a plan only the agencies its region has: a township is not missing the county's bureaus")
    func agenciesExpected() throws {
        let plans = "\(CLI.packageRoot)/plans"
        let township = try CLI.run(["diff", "qs/lin/shi/master.yaml", "--fail-on", "missing"], in: plans)
        #expect(township.status == 0, "\(township.stdout)")
        #expect(!township.stdout.contains("missing  agency"), "\(township.stdout)")
        // A county bureau with a counterpart in the county that the county's flood plan leaves out is missing.
        let county = try CLI.run(["diff", "qs/lin/flood.yaml"], in: plans)
        #expect(county.stdout.contains("missing  agency fire-rescue"), "\(county.stdout)")
        // --output, --today and --config, as lint has them.
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try CLI.run(["diff", "qs/lin/flood.yaml", "--output", "\(folder)/d.md", "--format", "markdown",
                                   "--today", "2026-12-01", "--config", "eplan.yaml"], in: plans)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOfFile: "\(folder)/d.md", encoding: .utf8).contains("qs.lin.flood"))
    }

    @Test("severity rows name the classes on both sides and only the classes left below; a unit plan is not missing the county's bureaus")
    func severitiesAndUnits() throws {
        let plans = "\(CLI.packageRoot)/plans"
        // The province's flood plan handles I and II: III and IV are left below it.
        let city = try CLI.run(["diff", "qs/flood.yaml"], in: plans)
        #expect(city.stdout.contains("covered  severity III: parent I, II, this plan I, II, III, IV\n"), "\(city.stdout)")
        #expect(city.stdout.contains("covered  severity IV: parent I, II, this plan I, II, III, IV\n"))
        #expect(!city.stdout.contains("severity I:") && !city.stdout.contains("severity II:"))
        // A county coal-mine plan that handles class IV only leaves nothing to the mine under it, and the
        // mine's own plan is not expected to list the county's bureaus.
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: plans, toPath: "\(folder)/plans")
        let coal = "\(folder)/plans/qs/lin/coal.yaml"
        let text = try String(contentsOfFile: coal, encoding: .utf8)
        try text.replacingOccurrences(of: "  hazards: [coal-mine-accident]\n", with: "  hazards: [coal-mine-accident]\n  severities: [IV]\n")
            .write(toFile: coal, atomically: true, encoding: .utf8)
        let mine = try CLI.run(["diff", "qs/lin/unit/hongqi-mine.yaml", "--fail-on", "missing"], in: "\(folder)/plans")
        #expect(mine.status == 0, "\(mine.stdout)")
        #expect(mine.stdout.hasPrefix("qs.lin.unit.hongqi-mine docked with qs.lin.coal"), "\(mine.stdout)")
        #expect(!mine.stdout.contains("severity"), "\(mine.stdout)")
        #expect(!mine.stdout.contains("agency"), "\(mine.stdout)")
    }

    @Test("revision diff: the published document's keys (plan-format §4.1) are compared too")
    func documentKeys() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let old = try String(contentsOfFile: "\(CLI.packageRoot)/plans/qs/lin/flood.yaml", encoding: .utf8)
        let new = old
            .replacingOccurrences(of: "    - {level: red, criteria: Rainstorm red warning or a check dam in danger, issued-by: County flood headquarters}\n", with: "")
            .replacingOccurrences(of: "  - {name: Wang Jun, role: Deputy head of the headquarters office, phone: 139 0351 2345}\n", with: "")
            .replacingOccurrences(of: "phone: 0351-6023456", with: "phone: 0351-6023457")
            .replacingOccurrences(of: "  funds: [County flood reserve fund of 2 million yuan]\n", with: "  funds: [County flood reserve fund of 3 million yuan]\n")
        #expect(new != old)
        try old.write(toFile: "\(folder)/old.yaml", atomically: true, encoding: .utf8)
        try new.write(toFile: "\(folder)/new.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        for expected in ["\"path\": \"warning.levels[red]\"", "\"path\": \"contacts[Wang Jun]\"", "\"path\": \"contacts[water-resources].phone\"",
                         "\"path\": \"support.funds[County flood reserve fund of 2 million yuan]\""] {
            #expect(run.stdout.contains(expected), "\(expected) in \(run.stdout)")
        }
        let failing = try CLI.run(["diff", "old.yaml", "new.yaml", "--fail-on", "weakening"], in: folder)
        #expect(failing.status == 1, "a warning level and a contact removed weaken the plan")
        let same = try CLI.run(["diff", "old.yaml", "old.yaml", "--format", "json"], in: folder)
        #expect(!same.stdout.contains("warning.levels") && !same.stdout.contains("contacts"))
    }

    @Test("every sample plan against itself, and after a rewrite in flow style, shows no change")
    func reformatIsNoChange() throws {
        let scratch = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let script = """
            import sys, yaml
            class Loader(yaml.SafeLoader):
                pass
            Loader.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
                                              for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            for src, dst in zip(sys.argv[1::2], sys.argv[2::2]):
                doc = yaml.load(open(src, encoding="utf-8"), Loader=Loader)
                for key in ("actions", "resources", "drills"):
                    if isinstance(doc.get(key), list): doc[key].reverse()
                with open(dst, "w", encoding="utf-8") as out:
                    out.write("# rewritten in flow style, lists reversed\\n")
                    yaml.dump(doc, out, default_flow_style=True, allow_unicode=True, width=120)
            """
        try script.write(toFile: "\(scratch)/flow.py", atomically: true, encoding: .utf8)
        let plans = "\(CLI.packageRoot)/plans"
        let files = (FileManager.default.enumerator(atPath: plans)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yaml") && (try? String(contentsOfFile: "\(plans)/\($0)", encoding: .utf8))?.contains("eplan: plan/v1") == true }
            .sorted()
        #expect(files.count > 40)
        var pairs: [String] = []
        for (i, file) in files.enumerated() { pairs += ["\(plans)/\(file)", "\(scratch)/\(i).yaml"] }
        #expect(try CLI.tool(["python3", "\(scratch)/flow.py"] + pairs).status == 0)
        for (i, file) in files.enumerated() {
            let same = try CLI.run(["diff", "\(plans)/\(file)", "\(plans)/\(file)", "--format", "json", "--fail-on", "any"], in: scratch)
            #expect(same.status == 0, "\(file) against itself")
            let flow = try CLI.run(["diff", "\(plans)/\(file)", "\(i).yaml", "--format", "json", "--fail-on", "any"], in: scratch)
            #expect(flow.status == 0, "\(file) in flow style: \(flow.stdout.prefix(600)) \(flow.stderr)")
        }
    }

    @Test("git: REV:PATH sides and --base in a temporary repository")
    func git() throws {
        let repo = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        func git(_ arguments: String...) throws {
            let run = try CLI.tool(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments, in: repo)
            #expect(run.status == 0, "git \(arguments): \(run.stderr)")
        }
        try FileManager.default.createDirectory(atPath: "\(repo)/plans", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(folder)/old.yaml", toPath: "\(repo)/plans/flood.yaml")
        try FileManager.default.copyItem(atPath: "\(folder)/parent.yaml", toPath: "\(repo)/plans/gone.yaml")
        try "stages: [test]\n".write(toFile: "\(repo)/ci.yaml", atomically: true, encoding: .utf8)
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "first")
        try FileManager.default.removeItem(atPath: "\(repo)/plans/flood.yaml")
        try FileManager.default.copyItem(atPath: "\(folder)/new.yaml", toPath: "\(repo)/plans/flood.yaml")
        try FileManager.default.removeItem(atPath: "\(repo)/plans/gone.yaml")
        try FileManager.default.copyItem(atPath: "\(folder)/child.yaml", toPath: "\(repo)/plans/added.yaml")
        try "stages: [build, test]\n".write(toFile: "\(repo)/ci.yaml", atomically: true, encoding: .utf8)
        try git("add", "-A")
        try git("commit", "-q", "-m", "second")

        let sides = try CLI.run(["diff", "HEAD~1:plans/flood.yaml", "plans/flood.yaml", "--format", "json"], in: repo)
        #expect(sides.status == 0, "\(sides.stderr)")
        #expect(sides.stdout == (try CLI.golden("revision.json"))
            .replacingOccurrences(of: "\"file\": \"old.yaml\"", with: "\"file\": \"HEAD~1:plans/flood.yaml\"")
            .replacingOccurrences(of: "\"file\": \"new.yaml\"", with: "\"file\": \"plans/flood.yaml\""))

        let base = try CLI.run(["diff", "--base", "HEAD~1", "--format", "json"], in: repo)
        #expect(base.status == 0, "\(base.stderr)")
        #expect(base.stdout.contains("\"mode\": \"base\""))
        #expect(base.stdout.contains("\"plan\": \"qs.lin.flood\""))
        #expect(base.stdout.contains("\"file\": \"/dev/null\""))  // the added and the deleted plan
        #expect(!base.stdout.contains("ci.yaml"))
        let markdown = try CLI.run(["diff", "--base", "HEAD~1", "--format", "markdown"], in: repo)
        #expect(markdown.stdout.hasPrefix("**eplan diff** since `HEAD~1`: 3 plans changed"))

        // Moving a file is not a change: plans are matched by id across renames.
        try git("mv", "plans/added.yaml", "plans/moved.yaml")
        try git("commit", "-q", "-m", "third")
        let moved = try CLI.run(["diff", "--base", "HEAD~1", "--fail-on", "weakening"], in: repo)
        #expect(moved.status == 0, "\(moved.stdout)")
        #expect(!moved.stdout.contains("weakening"), "\(moved.stdout)")
        // A plan not yet added to git is included, and said to be so.
        try FileManager.default.copyItem(atPath: "\(folder)/parent.yaml", toPath: "\(repo)/plans/new-parent.yaml")
        let fresh = try CLI.run(["diff", "--base", "HEAD"], in: repo)
        #expect(fresh.stdout.contains("plans/new-parent.yaml) (not yet added to git)"), "\(fresh.stdout)")
        // From a subfolder too: the whole work tree, as git diff sees it.
        try FileManager.default.createDirectory(atPath: "\(repo)/sub", withIntermediateDirectories: true)
        let fromSub = try CLI.run(["diff", "--base", "HEAD"], in: "\(repo)/sub")
        #expect(fromSub.stdout.contains("../plans/new-parent.yaml) (not yet added to git)"), "\(fromSub.stdout)")

        let unknown = try CLI.run(["diff", "--base", "no-such-rev"], in: repo)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown git revision 'no-such-rev'"))
        let missing = try CLI.run(["diff", "HEAD~1:plans/moved.yaml", "plans/moved.yaml"], in: repo)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("'plans/moved.yaml' is not in revision 'HEAD~1'"), "\(missing.stderr)")
    }
}
