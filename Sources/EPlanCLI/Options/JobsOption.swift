import ArgumentParser
import EPlanText

/// `--jobs N`: worker threads, at least 1 (else a usage error, exit 2).
struct JobsOption: ParsableArguments {
    @Option(help: ArgumentHelp("Worker threads for reading, parsing and the rules (default: all cores).", valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError(Message("cli.jobs-invalid").text(RunLanguage.current)) }
    }

    /// The count `LintOptions` takes: 0 for all cores.
    var count: Int { jobs ?? 0 }
}
