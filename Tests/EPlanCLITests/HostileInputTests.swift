import Foundation
import Testing

/// A CI gate reads whatever a pull request contains: each hostile input finishes within a few
/// seconds with a clear finding and exit 1, never a crash, a hang or exit 2.
@Suite("Hostile inputs")
struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var rule: String
        var message: String
        var make: @Sendable (String) throws -> Void
        /// The input is a link out of the repository: read only with `links: follow` (else link-outside).
        var followsLink = false

        var testDescription: String { name }
    }

    static func write(_ text: String) -> @Sendable (String) throws -> Void {
        { path in try text.write(toFile: path, atomically: false, encoding: .utf8) }
    }

    static func bytes(_ data: [UInt8]) -> @Sendable (String) throws -> Void {
        { path in try Data(data).write(to: URL(fileURLWithPath: path)) }
    }

    static let plan = try! String(contentsOfFile: "\(CLI.packageRoot)/plans/qs/lin/flood.yaml", encoding: .utf8)

    static let cases: [Case] = [
        Case(name: "billion laughs", rule: "yaml-limit", message: "aliases expand this document by more than 100000 nodes",
             make: write("eplan: plan/v1\n" + (0..<10).map { i in
                 i == 0 ? "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"
                     : "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]"
             }.joined(separator: "\n") + "\n")),
        Case(name: "nesting 100,000 deep, flow", rule: "yaml-limit", message: "nesting is deeper than 64 levels",
             make: write("eplan: plan/v1\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")),
        Case(name: "nesting 100,000 deep, block", rule: "yaml-limit", message: "nesting is deeper than 64 levels",
             make: write("eplan: plan/v1\nx:\n  " + String(repeating: "- ", count: 100_000) + "leaf\n")),
        Case(name: "a 50 MB file", rule: "yaml-limit", message: "the file is larger than 8 MiB",
             make: { path in
                 var text = "eplan: plan/v1\ndata: |\n"
                 let line = "  " + String(repeating: "x", count: 1022) + "\n"
                 text.reserveCapacity(50 << 20)
                 for _ in 0..<(50 * 1024) { text += line }
                 try text.write(toFile: path, atomically: false, encoding: .utf8)
             }),
        Case(name: "100,000 keys in one mapping", rule: "schema-unknown-key", message: "unknown key 'k0' in a plan",
             make: write("eplan: plan/v1\n" + (0..<100_000).map { "k\($0): \($0)" }.joined(separator: "\n") + "\n")),
        Case(name: "invalid UTF-8", rule: "yaml-syntax", message: "the file is not valid UTF-8",
             make: bytes(Array("eplan: plan/v1\ntitle: ".utf8) + [0xC3, 0x28, 0xFF] + Array("\n".utf8))),
        Case(name: "NUL bytes", rule: "yaml-syntax", message: "the file contains a NUL byte",
             make: bytes(Array("eplan: plan/v1\nid: a".utf8) + [0, 0, 0] + Array("\n".utf8))),
        Case(name: "a lone BOM", rule: "schema-missing-key", message: "not an eplan document: it is empty",
             make: bytes([0xEF, 0xBB, 0xBF])),
        Case(name: "only comments", rule: "schema-missing-key", message: "not an eplan document: it is empty",
             make: write("# nothing here\n# at all\n")),
        Case(name: "an empty file", rule: "schema-missing-key", message: "not an eplan document: it is empty", make: write("")),
        Case(name: "UTF-16 with a BOM", rule: "yaml-syntax", message: "the file is encoded as UTF-16; eplan reads UTF-8 only",
             make: bytes([0xFF, 0xFE] + Array("eplan: plan/v1\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
        Case(name: "an unreadable file", rule: "yaml-syntax", message: "cannot read the file: input/output error",
             make: { path in try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/proc/self/mem") },
             followsLink: true),
        Case(name: "a symlink to /dev/zero", rule: "yaml-syntax", message: "not a regular file",
             make: { path in try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero") },
             followsLink: true),
        Case(name: "a symlink loop", rule: "yaml-syntax", message: "too many levels of symbolic links",
             make: { path in try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path) }),
        Case(name: "a FIFO", rule: "yaml-syntax", message: "not a regular file", make: { path in _ = mkfifo(path, 0o644) }),
        Case(name: "a plan with 10,000 actions", rule: "duplicate-id", message: "action id 'a0' is used twice",
             make: write(plan.replacingOccurrences(of: "\nactions:\n", with: "\nactions:\n" + (0..<10_000).map {
                 "  - {id: a\($0 % 9_999), phase: response, who: water-resources, how: h, when: w, resources: []}\n"
             }.joined()))),
        Case(name: "ids with path separators and ..", rule: "schema-value", message: "plan id '../../etc/passwd' is not a valid id",
             make: write(plan.replacingOccurrences(of: "id: qs.lin.flood", with: "id: ../../etc/passwd"))),
        Case(name: "an extremely long line", rule: "schema-value", message: "unknown plan kind",
             make: write(plan.replacingOccurrences(of: "kind: special", with: "kind: " + String(repeating: "特", count: 1_000_000)))),
    ]

    @Test("each hostile input ends quickly with a clear finding and exit 1", arguments: cases)
    func hostile(_ c: Case) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try c.make("\(folder)/input.yaml")
        if c.followsLink {
            try "eplan: config/v1\nlinks: follow\n".write(toFile: "\(folder)/eplan.yaml", atomically: true, encoding: .utf8)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let run = try CLI.run(["lint", "--format", "json", "input.yaml"], in: folder)
        let elapsed = clock.now - started
        #expect(run.status == 1, "\(c.name): exit \(run.status), \(run.stderr.prefix(300))")
        #expect(elapsed < .seconds(10), "\(c.name) took \(elapsed)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(c.name)")
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { ($0["rule"] as? String) == c.rule && (($0["message"] as? String)?.contains(c.message) ?? false) },
                "\(c.name): \(diagnostics.prefix(3))")
    }

    @Test("a folder named x.yaml is a folder; a tree with loops and special files is linted, not hung")
    func hostileTree() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/x.yaml", withIntermediateDirectories: true)
        try Self.plan.write(toFile: "\(folder)/x.yaml/plan.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/x.yaml/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/zero.yaml", withDestinationPath: "/dev/zero")
        _ = mkfifo("\(folder)/fifo.yaml", 0o644)
        let run = try CLI.run(["lint", "--format", "json", "--rule", "yaml-syntax", "--rule", "schema-value", "--rule", "link-outside"],
                              in: folder)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let found = (object["diagnostics"] as? [[String: Any]] ?? []).compactMap { d in
            (d["file"] as? String).map { "\($0) \(d["rule"] as? String ?? "")" }
        }
        #expect(found == ["fifo.yaml yaml-syntax", "zero.yaml link-outside"])
        #expect((object["summary"] as? [String: Int])?["plans"] == 1)
    }

    @Test("lint, diff, graph, rules and schema never write into the repository")
    func readOnly() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = "\(folder)/repo"
        try FileManager.default.copyItem(atPath: "\(CLI.packageRoot)/plans", toPath: repo)
        func snapshot() throws -> [String: Data] {
            var result: [String: Data] = [:]
            for name in FileManager.default.enumerator(atPath: repo)?.allObjects as? [String] ?? [] {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: "\(repo)/\(name)", isDirectory: &isDirectory), !isDirectory.boolValue {
                    result[name] = try Data(contentsOf: URL(fileURLWithPath: "\(repo)/\(name)"))
                } else {
                    result[name] = Data()
                }
            }
            return result
        }
        let before = try snapshot()
        let env = ["EPLAN_CACHE_DIR": "\(folder)/cache"]
        for arguments in [["lint"], ["lint", "qs/lin/flood.yaml", "--format", "sarif"], ["diff", "qs/lin/flood.yaml"],
                          ["diff", "qs/lin/flood.yaml", "qs/lin/flood.yaml"], ["graph"], ["graph", "--format", "mermaid"],
                          ["rules"], ["explain", "parent-stale"], ["schema", "plan"]] {
            _ = try CLI.run(arguments, in: repo, environment: env)
        }
        #expect(try snapshot() == before)
    }
}

@Suite("Fuzz target")
struct FuzzReplayTests {
    @Test("the fuzz target replays inputs through every layer without a crash")
    func replay() throws {
        let binary = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("eplan-fuzz").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "eplan-fuzz is built with the package")
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var inputs = [
            "\(CLI.packageRoot)/plans/qs/lin/flood.yaml", "\(CLI.packageRoot)/plans/eplan.yaml", "\(CLI.packageRoot)/plans/regions.yaml",
            "\(CLI.fixtures)/broken/plans/flood.yaml", "\(CLI.fixtures)/diff/new.yaml",
        ]
        for (i, text) in ["a: &a [*a]\n", "{", "eplan: plan/v1\nactions: [{id: x, who: [], how: , resources: ~}]\n",
                          "eplanBaseline: 1\nfindings: [{rule: x}]\n", "\u{FEFF}# eplan-disable-file x -- y\n"].enumerated() {
            try text.write(toFile: "\(folder)/\(i).yaml", atomically: true, encoding: .utf8)
            inputs.append("\(folder)/\(i).yaml")
        }
        let replay = try CLI.tool([binary] + inputs)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count == inputs.count)
    }
}

@Suite("What eplan cannot read")
struct UnreadableTests {
    @Test("a folder it cannot read is an error finding (as a user without the right to read it), never a pass",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs root to run eplan as 'nobody' through setpriv"))
    func unreadableFolder() throws {
        let folder = try CLI.temporaryFolder()
        defer {
            _ = try? CLI.tool(["chmod", "-R", "u+rwx", folder])
            try? FileManager.default.removeItem(atPath: folder)
        }
        try FileManager.default.createDirectory(atPath: "\(folder)/plans/closed", withIntermediateDirectories: true)
        try "eplan: config/v1\n".write(toFile: "\(folder)/eplan.yaml", atomically: true, encoding: .utf8)
        try "eplan: plan/v1\nid: [broken\n".write(toFile: "\(folder)/plans/closed/a.yaml", atomically: true, encoding: .utf8)
        // Everyone may enter and read the repository, except the folder 'closed'.
        _ = try CLI.tool(["chmod", "-R", "a+rX", folder])
        _ = try CLI.tool(["chmod", "0711", "\(folder)/plans/closed"])
        let run = try CLI.tool(["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                                CLI.binary, "lint", "--no-cache", "--format", "json"], in: folder)
        #expect(run.status == 1, "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("\"file\": \"plans/closed\""), "\(run.stdout)")
        #expect(run.stdout.contains("cannot read the folder: permission denied") || run.stdout.contains("cannot read the folder: Permission denied"),
                "\(run.stdout)")
    }

    @Test("a path that holds no eplan file says so and exits 2")
    func nothingToLint() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/empty", withIntermediateDirectories: true)
        try "just: yaml\n".write(toFile: "\(folder)/empty/other.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["lint", "empty"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no eplan file found in empty"), "\(run.stderr)")
    }

    @Test("too few threads (ulimit -u, as 'nobody') is a clear exit 2, not a hang",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs root to run eplan as 'nobody' through setpriv"))
    func threads() throws {
        let plans = "\(CLI.packageRoot)/plans"
        let run = try CLI.tool(["timeout", "60", "/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                                "bash", "-c", "ulimit -u 2; exec \"$0\" lint --no-cache --quiet", CLI.binary], in: plans)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("cannot start worker threads"), "\(run.stderr)")
    }

    @Test("too few file descriptors is a clear exit 2; a low soft limit is raised")
    func fileDescriptors() throws {
        let plans = "\(CLI.packageRoot)/plans"
        let hard = try CLI.tool(["bash", "-c", "ulimit -n 6; exec \"$0\" lint --no-cache", CLI.binary], in: plans)
        #expect(hard.status == 2)
        #expect(hard.stderr.contains("too few file descriptors"), "\(hard.stderr)")
        let soft = try CLI.tool(["bash", "-c", "ulimit -Sn 6; exec \"$0\" lint --no-cache --quiet", CLI.binary], in: plans)
        #expect(soft.status == 0, "\(soft.stderr)")
    }
}

@Suite("Links")
struct LinkTests {
    @Test("a folder reached along two paths is reported under the smaller, the same every run")
    func twoPaths() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/plans/m/deep", withIntermediateDirectories: true)
        try "eplan: config/v1\n".write(toFile: "\(folder)/eplan.yaml", atomically: true, encoding: .utf8)
        try "eplan: plan/v1\nid: [broken\n".write(toFile: "\(folder)/plans/m/deep/a.yaml", atomically: true, encoding: .utf8)
        // 'plans/b' and 'plans/z' lead to 'plans/m': the smallest path is plans/b.
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/plans/z", withDestinationPath: "m")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/plans/b", withDestinationPath: "m")
        var seen: Set<String> = []
        for _ in 0..<6 {
            let run = try CLI.run(["lint", "--no-cache", "--jobs", "2", "--format", "json"], in: folder)
            #expect(run.status == 1)
            let files = run.stdout.components(separatedBy: "\"file\": \"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
            seen.formUnion(files)
        }
        #expect(seen == ["plans/b/deep/a.yaml"], "\(seen)")
    }
}
