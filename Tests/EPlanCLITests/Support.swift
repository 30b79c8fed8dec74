import Foundation
import Testing

/// Runs the built `eplan` binary and captures what it prints.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let fixtures = "\(packageRoot)/Tests/EPlanCLITests/Fixtures"

    /// `../shared` beside the project: present in CI, absent in a user's own clone.
    static let shared = URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared").path
    static var hasShared: Bool { FileManager.default.fileExists(atPath: "\(shared)/corpora/yaml-test-suite") }

    /// The eplan binary next to the test bundle (swift test builds it), else in .build/debug.
    static let binary: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("eplan").path,
            Bundle.main.bundleURL.appendingPathComponent("eplan").path,
            "\(packageRoot)/.build/debug/eplan",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
    }()

    static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> Run {
        try execute(binary, arguments, in: folder, environment: environment)
    }

    /// Another program (python3, dot, git, eplan-fuzz), found on PATH unless given as a path.
    static func tool(_ arguments: [String], in folder: String = packageRoot) throws -> Run {
        let first = arguments.first ?? ""
        return first.hasPrefix("/") ? try execute(first, Array(arguments.dropFirst()), in: folder)
            : try execute("/usr/bin/env", arguments, in: folder)
    }

    static func execute(_ executable: String, _ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["EPLAN_CACHE_DIR"] = cacheFolder  // unless the test sets its own, below
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a large report cannot fill a pipe and block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    static func golden(_ name: String) throws -> String {
        try String(contentsOfFile: "\(fixtures)/golden/\(name)", encoding: .utf8)
    }

    /// Where the eplan runs of this test process keep their cache, not in the user's `~/.cache/eplan`
    /// (a test run left some 470 files there, one for each temporary repository it linted). One folder
    /// per test process; those of test processes that are gone are removed.
    static let cacheFolder: String = {
        let temporary = FileManager.default.temporaryDirectory.path
        let prefix = "eplan-tests-cache-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: "\(temporary)/\(name)")
        }
        return "\(temporary)/\(prefix)\(getpid())"
    }()

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
