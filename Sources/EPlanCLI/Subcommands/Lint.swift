import EPlanText
import ArgumentParser
import EPlanKit
import EPlanYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, github
}

/// `--report FORMAT=FILE`: one more report written beside the normal output.
struct ReportRequest: ExpressibleByArgument {
    var format: LintFormat
    var path: String

    init?(argument: String) {
        guard let eq = argument.firstIndex(of: "="), let format = LintFormat(rawValue: String(argument[..<eq])) else {
            return nil
        }
        let path = String(argument[argument.index(after: eq)...])
        guard !path.isEmpty else { return nil }
        self.format = format
        self.path = path
    }

    static var defaultCompletionKind: CompletionKind { .file() }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
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

    @Option(help: "Output format: text, json, sarif, junit or github.")
    var format: LintFormat = .text

    @Option(name: .customLong("report"),
            help: ArgumentHelp("Also write a report in FORMAT to FILE, e.g. sarif=eplan.sarif (repeatable).", valueName: "FORMAT=FILE"))
    var reports: [ReportRequest] = []

    @Option(help: ArgumentHelp("Hide the findings recorded in FILE (see --write-baseline).", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"),
            help: ArgumentHelp("Record all current findings in FILE and exit 0.", valueName: "FILE"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("Write the report to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    /// Reports are replaced without it (cli.md 1.1); kept so that older scripts still run.
    @Flag(help: .hidden)
    var force = false

    @OptionGroup var today: TodayOption<RulesDay>

    @Flag(help: "Warnings also fail (exit 1).")
    var strict = false

    @Option(name: .customLong("max-warnings"), help: ArgumentHelp("Fail when there are more than N warnings.", valueName: "N"))
    var maxWarnings: Int?

    @Option(name: .customLong("rule"), help: ArgumentHelp("Run only this rule (repeatable).", valueName: "ID"))
    var rules: [String] = []

    @Option(name: .customLong("disable"), help: ArgumentHelp("Never run this rule (repeatable).", valueName: "ID"))
    var disabled: [String] = []

    @OptionGroup var config: ConfigOption

    @Flag(help: "Print only findings, no summary.")
    var quiet = false

    @Flag(name: .customLong("show-suppressed"), help: "Also list findings hidden by inline suppressions, marked as such.")
    var showSuppressed = false

    @OptionGroup var jobs: JobsOption

    @OptionGroup var lang: LanguageOption

    @Flag(name: .customLong("no-cache"),
          help: "Parse every file; do not use or update the summary and findings cache (kept in ~/.cache/eplan, never in the repository).")
    var noCache = false

    func validate() throws {
        let language = lang.beforeConfiguration
        if let maxWarnings, maxWarnings < 0 { throw ValidationError(Message("cli.max-warnings-negative").text(language)) }
        for id in rules + disabled where RuleID(id).info == nil {
            let message = CommandError.suggesting(Message("cli.unknown-rule", ["id": .verbatim(id)]), id, in: RuleCatalog.all.map(\.id.rawValue),
                                                  otherwise: Message("cli.rules-list-hint"))
            throw ValidationError(message.text(language))
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let options = LintOptions(
            paths: paths, configPath: config.file, jobs: jobs.count, today: today.day,
            onlyRules: Set(rules.map { RuleID($0) }), disabledRules: Set(disabled.map { RuleID($0) }))
        var lintOptions = options
        lintOptions.useCache = !noCache
        lintOptions.findingsOnly = true
        let sources = SourceLines(read: Self.readSource)
        var result: LintResult
        do throws(WorkspaceError) {
            result = try Linter.run(lintOptions)
        } catch {
            throw CommandError(error, listingProblemsWith: sources)
        }

        if let writeBaseline {
            let recorded = Baseline(recording: result, sources: sources)
            try AtomicFile.writeReport(recorded.rendered(), to: writeBaseline)
            let count = result.active.count
            let said = Message(count == 1 ? "report.recorded.one" : "report.recorded.other",
                               ["count": .number(count), "file": .verbatim(writeBaseline)])
            Console.error("eplan: " + said.text(lang.resolved(configured: result.configuredLanguage)))
            return
        }
        if let baseline {
            _ = lang.resolved(configured: result.configuredLanguage)
            guard let bytes = Self.readSource(baseline) else {
                throw CommandError(Message("report.baseline-unreadable", ["file": .verbatim(baseline)]))
            }
            switch Baseline.parse(bytes) {
            case .success(let recorded): result = recorded.filter(result, sources: sources)
            case .failure(let problem): throw CommandError(Message("report.baseline-invalid", ["file": .verbatim(baseline), "reason": .message(problem.why)]))
            }
        }
        if !showSuppressed { result.diagnostics = result.active }
        let language = lang.resolved(configured: result.configuredLanguage)
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        for report in reports {
            let text = render(result, report.format, sources: sources, color: false, seconds: seconds, language: language)
            try AtomicFile.writeReport(text, to: report.path)
        }
        let text = render(result, format, sources: sources, color: output == nil && Console.stdoutWantsColor, seconds: seconds, language: language)
        if let output {
            try AtomicFile.writeReport(text, to: output)
            // The report went to a file: the summary still goes to the terminal.
            if !quiet { Console.error(TextReport.summary(result, seconds: seconds).text(language) + "\n") }
        } else {
            Console.write(text)
        }

        let warnings = result.count(.warning)
        var status: Int32 = 0
        if result.count(.error) > 0 || (strict && warnings > 0) { status = 1 }
        if let maxWarnings, warnings > maxWarnings {
            let counted = Message.counted(warnings, one: "report.warnings.one", other: "report.warnings.other")
            Console.error("eplan: " + Message("report.too-many-warnings", ["warnings": .message(counted), "max": .number(maxWarnings)]).text(language))
            status = 1
        }
        // Exit here: the process ends, so there is no need to free the repository model first.
        exitProcess(status)
    }

    private func render(_ result: LintResult, _ format: LintFormat, sources: SourceLines, color: Bool, seconds: Double,
                        language: Language) -> String {
        switch format {
        case .text: return TextReport(color: color, quiet: quiet, sources: sources, language: language).render(result, seconds: seconds)
        case .json: return JSONReport.render(result, language: language)
        case .sarif: return SARIFReport.render(result, sources: sources, language: language)
        case .junit: return JUnitReport.render(result, language: language)
        case .github: return GitHubReport.render(result, language: language)
        }
    }

    static func readSource(_ path: String) -> [UInt8]? {
        guard case .success(let bytes) = SourceReader.read(path, limit: 64 * 1024 * 1024) else { return nil }
        return bytes
    }
}
