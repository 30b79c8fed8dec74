import Foundation
import Testing

@Suite("Summary cache")
struct CacheTests {
    /// Every file below a folder with its bytes, to prove nothing was written there.
    func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
            }
        }
        return result
    }

    /// A scratch folder holding a copy of plans/ (`repo`) and the environment that puts the cache beside it.
    func copyOfPlans() throws -> (folder: String, repo: String, environment: [String: String]) {
        let folder = try CLI.temporaryFolder()
        let repo = "\(folder)/repo"
        try FileManager.default.copyItem(atPath: "\(CLI.packageRoot)/plans", toPath: repo)
        // Files changed within the file systems' timestamp granularity (2 s) of a cache write are not
        // summarised (git's "racy" rule): let the copies age, so that the cache is really used.
        Thread.sleep(forTimeInterval: 2.1)
        return (folder, repo, ["EPLAN_CACHE_DIR": "\(folder)/cache"])
    }

    /// The cache file of a scratch folder's repository (there is one).
    func cacheFile(_ folder: String) throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/cache").filter { $0.hasSuffix(".bin") }
        return "\(folder)/cache/\(try #require(files.first))"
    }

    @Test("an edit that keeps the size and puts the modification time back is seen (the change time moves)")
    func sameStamp() throws {
        let (folder, repo, env) = try copyOfPlans()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try CLI.run(["lint"], in: repo, environment: env)
        #expect(try FileManager.default.attributesOfItem(atPath: try cacheFile(folder))[.size] as? Int ?? 0 > 20_000,
                "the full run summarised the plans")
        // The parent of qs/lin/flood.yaml moves to a new version of the same length, its time put back.
        let parent = "\(repo)/qs/flood.yaml"
        let reference = "\(folder)/reference"
        _ = try CLI.tool(["cp", "-p", parent, reference])  // keeps the times to the nanosecond
        let text = try String(contentsOfFile: parent, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "\nversion: \"5.2\"", with: "\nversion: \"5.3\"")
        #expect(changed != text && changed.utf8.count == text.utf8.count)
        try changed.write(toFile: parent, atomically: false, encoding: .utf8)
        _ = try CLI.tool(["touch", "-r", reference, parent])  // the modification time put back exactly
        let cached = try CLI.run(["lint", "--format", "json", "qs/lin/flood.yaml"], in: repo, environment: env)
        let uncached = try CLI.run(["lint", "--format", "json", "--no-cache", "qs/lin/flood.yaml"], in: repo, environment: env)
        #expect(uncached.stdout.contains("parent-stale"))
        #expect(cached.stdout == uncached.stdout)
    }

    @Test("a flipped bit anywhere in the cache file never changes a result (fixed seed)")
    func bitFlips() throws {
        let (folder, repo, env) = try copyOfPlans()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try CLI.run(["lint"], in: repo, environment: env)
        let file = try cacheFile(folder)
        let pristine = try Data(contentsOf: URL(fileURLWithPath: file))
        let targets = ["qs/lin/master.yaml", "regions.yaml"]
        var references: [String: String] = [:]
        for target in targets {
            references[target] = try CLI.run(["lint", "--format", "json", "--no-cache", target], in: repo, environment: env).stdout
        }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(pristine.count * 8))
        }
        // Flips in the names of the cached file list and folder listings ('flood.yaml' -> 'fmood.yaml'),
        // in the header and index, and anywhere.
        let name = Data("flood.yaml".utf8)
        var named: [Int] = []
        var from = pristine.startIndex
        while let found = pristine.range(of: name, in: from ..< pristine.endIndex) {
            named.append((found.lowerBound - pristine.startIndex + 1) * 8 + 3)
            from = found.upperBound
        }
        #expect(named.count >= 2, "the cache holds the file list and the folder listings")
        let flips = named + (0..<8).map { _ in next() % min(pristine.count * 8, 4096 * 8) } + (0..<8).map { _ in next() }
        for (n, bit) in flips.enumerated() {
            var bytes = pristine
            bytes[bit / 8] ^= UInt8(1 << (bit % 8))
            try bytes.write(to: URL(fileURLWithPath: file))
            let target = targets[n % targets.count]
            let run = try CLI.run(["lint", "--format", "json", target], in: repo, environment: env)
            #expect(run.stdout == references[target], "bit \(bit) flipped: \(target)")
        }
    }

    @Test("runs killed at any moment (fixed delays) leave no wrong result and, after the next run, no temporary file")
    func kills() throws {
        let (folder, repo, env) = try copyOfPlans()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in env { environment[key] = value }
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for n in 0..<16 {
            // A new file each time, so that every run walks and writes the cache.
            try "# note \(n)\n".write(toFile: "\(repo)/qs/note-\(n).yaml", atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["lint", "--quiet"]
            process.currentDirectoryURL = URL(fileURLWithPath: repo)
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            usleep(useconds_t(seed % 90_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        for target in ["qs/lin/master.yaml", "qs/lin/flood.yaml", "regions.yaml"] {
            let cached = try CLI.run(["lint", "--format", "json", target], in: repo, environment: env)
            let uncached = try CLI.run(["lint", "--format", "json", "--no-cache", target], in: repo, environment: env)
            #expect(cached.stdout == uncached.stdout, "\(target)")
        }
        try "# last\n".write(toFile: "\(repo)/qs/note-last.yaml", atomically: true, encoding: .utf8)
        _ = try CLI.run(["lint", "--quiet"], in: repo, environment: env)
        let left = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/cache").filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("temporary files of runs killed while writing the cache are removed")
    func staleTemporaries() throws {
        let (folder, repo, env) = try copyOfPlans()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try CLI.run(["lint"], in: repo, environment: env)
        let file = try cacheFile(folder)
        // A process id that is not running (the kernel's limit is below it).
        let stale = "\(file).2147483600.tmp"
        try Data(repeating: 7, count: 100).write(to: URL(fileURLWithPath: stale))
        // A run that writes the cache (a file changed) cleans up.
        try "# touched\n".write(toFile: "\(repo)/qs/notes.yaml", atomically: true, encoding: .utf8)
        Thread.sleep(forTimeInterval: 2.1)
        _ = try CLI.run(["lint"], in: repo, environment: env)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: file))
    }

    @Test("files and folders added, removed or renamed are seen although folder listings are cached")
    func foldersChange() throws {
        let (folder, repo, env) = try copyOfPlans()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fm = FileManager.default
        let plan = "qs/lin/master.yaml"
        func same(_ step: String) throws {
            let cached = try CLI.run(["lint", "--format", "json", plan], in: repo, environment: env)
            let uncached = try CLI.run(["lint", "--format", "json", "--no-cache", plan], in: repo, environment: env)
            #expect(cached.stdout == uncached.stdout, "\(step)")
            let all = try CLI.run(["lint", "--format", "json"], in: repo, environment: env)
            let allUncached = try CLI.run(["lint", "--format", "json", "--no-cache"], in: repo, environment: env)
            #expect(all.stdout == allUncached.stdout, "\(step)")
        }
        try same("first run")
        // A copy of a plan in a new folder: a duplicate id the cached run must see.
        try fm.createDirectory(atPath: "\(repo)/qs/lin/extra", withIntermediateDirectories: true)
        try fm.copyItem(atPath: "\(repo)/qs/lin/flood.yaml", toPath: "\(repo)/qs/lin/extra/flood-copy.yaml")
        try same("new folder")
        let withCopy = try CLI.run(["lint", "--format", "json"], in: repo, environment: env)
        #expect(withCopy.stdout.contains("duplicate-id"))
        // The same in an existing folder, then the folder renamed, then the files removed.
        try fm.copyItem(atPath: "\(repo)/qs/lin/flood.yaml", toPath: "\(repo)/qs/lin/flood-copy2.yaml")
        try same("new file")
        try fm.moveItem(atPath: "\(repo)/qs/lin/extra", toPath: "\(repo)/qs/lin/moved")
        try same("renamed folder")
        try fm.removeItem(atPath: "\(repo)/qs/lin/moved")
        try fm.removeItem(atPath: "\(repo)/qs/lin/flood-copy2.yaml")
        try same("removed")
        let clean = try CLI.run(["lint", "--format", "json"], in: repo, environment: env)
        #expect(!clean.stdout.contains("duplicate-id"))
    }

    @Test("linting one file with the cache gives exactly the findings of a run without it")
    func sameResult() throws {
        let (folder, repo, env) = try copyOfPlans()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try snapshot(repo)

        let full = try CLI.run(["lint", "--format", "json"], in: repo, environment: env)
        #expect(full.status == 0)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/cache"), "a full run fills the cache")
        #expect(try snapshot(repo) == before, "lint wrote into the repository")

        // Change the parent of a county plan: its children's findings depend on the new content.
        let parent = "\(repo)/qs/lin/flood.yaml"
        let text = try String(contentsOfFile: parent, encoding: .utf8)
        try text.replacingOccurrences(of: "version: \"3.2\"", with: "version: \"3.3\"")
            .replacingOccurrences(of: "  hazards: [flood, mountain-torrent]", with: "  hazards: [flood, mountain-torrent, drought]")
            .write(toFile: parent, atomically: true, encoding: .utf8)
        let children = try FileManager.default.contentsOfDirectory(atPath: "\(repo)/qs/lin/shi")
            .filter { $0.hasSuffix(".yaml") }.map { "qs/lin/shi/\($0)" }
        for target in children + ["qs/lin/flood.yaml", "qs/lin/master.yaml"] {
            let cached = try CLI.run(["lint", "--format", "json", target], in: repo, environment: env)
            let uncached = try CLI.run(["lint", "--format", "json", "--no-cache", target], in: repo, environment: env)
            #expect(cached.stdout == uncached.stdout, "\(target)")
            #expect(cached.status == uncached.status)
        }
        // The children of the changed plan see its new version.
        let unitPlans = try CLI.run(["lint", "--format", "json", "--no-cache"], in: repo, environment: env)
        let cachedAll = try CLI.run(["lint", "--format", "json"] + (try FileManager.default.contentsOfDirectory(atPath: "\(repo)/qs/lin")
            .filter { $0.hasSuffix(".yaml") }.map { "qs/lin/\($0)" }), in: repo, environment: env)
        #expect(unitPlans.stdout.contains("parent-stale") == cachedAll.stdout.contains("parent-stale"))

        // A corrupt cache is ignored, never trusted (each run then writes a sound one again).
        let reference = try CLI.run(["lint", "--format", "json", "--no-cache", "qs/lin/master.yaml"], in: repo, environment: env)
        let corruptions: [(String, (Data) -> Data)] = [
            ("garbage", { _ in Data([0xFF, 0x00, 0x13]) }),
            ("cut in half", { $0.prefix($0.count / 2) }),
            ("index longer than the file", { Data([0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0]) + $0.dropFirst(8) }),
            ("summaries cut off", { $0.prefix($0.count - 100) }),
            ("summaries overwritten", { $0.prefix($0.count - 3000) + Data(repeating: 0xAB, count: 3000) }),
        ]
        for (name, corrupt) in corruptions {
            let files = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/cache")
            #expect(!files.isEmpty, "no cache file before '\(name)'")
            for file in files {
                let url = URL(fileURLWithPath: "\(folder)/cache/\(file)")
                try corrupt(try Data(contentsOf: url)).write(to: url)
            }
            let afterCorruption = try CLI.run(["lint", "--format", "json", "qs/lin/master.yaml"], in: repo, environment: env)
            #expect(afterCorruption.stdout == reference.stdout, "\(name)")
            #expect(afterCorruption.status == reference.status, "\(name)")
        }
    }
}
