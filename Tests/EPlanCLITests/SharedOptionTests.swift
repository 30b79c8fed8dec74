import Foundation
import Testing

/// `--today`, `--jobs` and `--config` are option groups shared by several commands (Sources/eplan/Options):
/// each command that takes one checks it the same way, with one message and exit 2, before doing anything.
@Suite("options shared by the commands")
struct SharedOptionTests {
    let broken = "\(CLI.fixtures)/broken"

    /// Runs `arguments` (with `{tmp}` replaced by a fresh folder) in the broken repository and checks that it
    /// stops with exit 2, nothing on stdout, nothing written, and exactly one `Error:` line: `message`.
    private func expectUsageError(_ arguments: [String], _ message: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLI.run(arguments.map { $0.replacingOccurrences(of: "{tmp}", with: folder) }, in: broken)
        let command = arguments[0]
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
        let errors = run.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("Error: ") }
        #expect(errors == ["Error: \(message)"], "\(arguments): \(run.stderr)")
        #expect(run.stderr.components(separatedBy: message).count == 2, "said once: \(run.stderr)")
        #expect(run.stderr.contains("See 'eplan \(command) --help' for more information."), "\(run.stderr)")
        #expect(!run.stderr.contains("eplan: "), "the command did not start: \(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "\(arguments) wrote nothing")
    }

    @Test("--today not-a-date: exit 2 and one message on every command that takes --today", arguments: [
        ["lint"],
        ["graph"],
        ["graph", "--format", "json"],
        ["report", "--out", "{tmp}/report"],
        ["init", "{tmp}/repo"],
        ["new", "special", "--region", "qs", "--out", "{tmp}/plan.yaml"],
    ])
    func todayNotADate(command: [String]) throws {
        try expectUsageError(command + ["--today", "not-a-date"], "--today 'not-a-date' is not a date; write YYYY-MM-DD")
        // A date that looks right but is not in the calendar is no date either.
        try expectUsageError(command + ["--today", "2025-02-30"], "--today '2025-02-30' is not a date; write YYYY-MM-DD")
    }

    @Test("--jobs 0: exit 2 and one message on lint, the command that takes --jobs")
    func jobsZero() throws {
        try expectUsageError(["lint", "--jobs", "0"], "--jobs must be at least 1")
        try expectUsageError(["lint", "--quiet", "--jobs", "0", "--config", "eplan.yaml"], "--jobs must be at least 1")
        // Both wrong: still one message, the first option checked.
        try expectUsageError(["lint", "--jobs", "0", "--today", "not-a-date"], "--today 'not-a-date' is not a date; write YYYY-MM-DD")
    }

    @Test("graph and report do not take --jobs", arguments: [
        (["graph"], "Did you mean '--root'?"),
        (["report", "--out", "{tmp}/report"], "Did you mean '--out'?"),
    ])
    func noJobs(command: [String], hint: String) throws {
        try expectUsageError(command + ["--jobs", "0"], "Unknown option '--jobs'. \(hint)")
    }

    @Test("valid --today, --jobs and --config reach the command", arguments: [
        ["lint", "--quiet", "--jobs", "1"],
        ["graph", "--format", "json"],
        ["report", "--out", "{tmp}/report"],
    ])
    func validValues(command: [String]) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = command.map { $0.replacingOccurrences(of: "{tmp}", with: folder) }
            + ["--today", "2026-11-30", "--config", "eplan.yaml"]
        let run = try CLI.run(arguments, in: broken)
        #expect(run.status == (command[0] == "lint" ? 1 : 0), "\(arguments): \(run.stderr)")
        #expect(!run.stderr.contains("Error: "), "\(run.stderr)")
        let missing = try CLI.run(arguments.dropLast() + ["missing.yaml"], in: broken)
        #expect(missing.status == 2)
        #expect(missing.stderr == "eplan: no such file or folder: missing.yaml\n", "\(missing.stderr)")
    }
}
