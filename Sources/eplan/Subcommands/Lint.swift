import ArgumentParser
import EPlanKit
import EPlanYAML
import Foundation

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint plan files and folders.",
        discussion: """
            Cross-plan rules see the whole repository that holds the paths (the nearest folder above \
            with eplan.yaml), even when only some files are named; findings are reported for the named \
            paths only. With no path, the repository holding the current folder is linted.

            Exit status: 0 no error, 1 errors found (or warnings with --strict), 2 usage error or trouble.

            Examples:
              eplan lint
              eplan lint plans/qs/lin/flood.yaml --format json --output lint.json
            """
    )

    @Argument(help: "Files and folders to lint (default: the repository holding the current folder).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: LintFormat = .text

    @Option(help: ArgumentHelp("Write the report to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Overwrite the --output file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("The date for time-based rules (YYYY-MM-DD; default: today's local date).", valueName: "DATE"))
    var today: String?

    @Flag(help: "Warnings also fail (exit 1).")
    var strict = false

    @Option(name: .customLong("max-warnings"), help: ArgumentHelp("Fail when there are more than N warnings.", valueName: "N"))
    var maxWarnings: Int?

    @Option(name: .customLong("rule"), help: ArgumentHelp("Run only this rule (repeatable).", valueName: "ID"))
    var rules: [String] = []

    @Option(name: .customLong("disable"), help: ArgumentHelp("Never run this rule (repeatable).", valueName: "ID"))
    var disabled: [String] = []

    @Option(help: ArgumentHelp("Use this configuration instead of the discovered eplan.yaml.", valueName: "FILE"))
    var config: String?

    @Flag(help: "Print only findings, no summary.")
    var quiet = false

    @Flag(name: .customLong("show-suppressed"), help: "Also list findings hidden by inline suppressions, marked as such.")
    var showSuppressed = false

    @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if let today, Day(today) == nil {
            throw ValidationError("--today '\(today)' is not a date; write YYYY-MM-DD")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        for id in rules + disabled where RuleID(id).info == nil {
            let hint = Suggest.help(id, in: RuleCatalog.all.map(\.id.rawValue)).map { "; \($0)" } ?? "; 'eplan rules' lists them"
            throw ValidationError("unknown rule '\(id)'\(hint)")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let options = LintOptions(
            paths: paths, configPath: config, jobs: jobs ?? 0,
            today: today.flatMap { Day($0) } ?? Day.localToday(),
            onlyRules: Set(rules.map { RuleID($0) }), disabledRules: Set(disabled.map { RuleID($0) }))
        var result: LintResult
        do throws(WorkspaceError) {
            result = try Linter.run(options)
        } catch {
            Console.error("eplan: \(error.message)")
            if case .invalidConfig(_, let diagnostics) = error {
                let report = TextReport(color: false, quiet: true, readSource: Self.readSource)
                Console.error(report.render(LintResult(diagnostics: diagnostics, files: 1, plans: 0), seconds: nil))
            }
            throw ExitCode(2)
        }
        if !showSuppressed { result.diagnostics = result.active }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        let text: String
        switch format {
        case .text:
            let report = TextReport(color: output == nil && Console.stdoutWantsColor, quiet: quiet, readSource: Self.readSource)
            text = report.render(result, seconds: seconds)
        case .json:
            text = JSONReport.render(result)
        }
        if let output {
            do {
                try AtomicFile.write(Data(text.utf8), to: output, overwrite: force)
            } catch {
                Console.error("eplan: \(error)")
                throw ExitCode(2)
            }
        } else {
            Console.write(text)
        }

        let warnings = result.count(.warning)
        if result.count(.error) > 0 || (strict && warnings > 0) { throw ExitCode(1) }
        if let maxWarnings, warnings > maxWarnings {
            Console.error("eplan: \(warnings) warnings, more than --max-warnings \(maxWarnings)")
            throw ExitCode(1)
        }
    }

    static func readSource(_ path: String) -> [UInt8]? {
        guard case .success(let bytes) = SourceReader.read(path, limit: 64 * 1024 * 1024) else { return nil }
        return bytes
    }
}
