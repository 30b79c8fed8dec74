import EPlanKit

/// The command cannot go on (a usage problem, a missing file, an unreadable config, git failing):
/// `EPlanCommand.main()` prints `eplan: <message>` on stderr, then the details if any, and exits 2 (cli.md).
/// Findings are not command errors; they exit 1.
struct CommandError: Error {
    var message: String
    /// Printed on stderr after the message, e.g. the problems of an invalid configuration.
    var details: String?

    init(_ message: String, details: String? = nil) {
        self.message = message
        self.details = details
    }

    /// A repository that cannot be loaded. With `sources`, an invalid configuration's problems are
    /// listed after the message as text findings (`lint` does; the other commands print the message only).
    init(_ error: WorkspaceError, listingProblemsWith sources: SourceLines? = nil) {
        var details: String?
        if case .invalidConfig(_, let diagnostics) = error, let sources {
            let report = TextReport(color: false, quiet: true, sources: sources)
            details = report.render(LintResult(diagnostics: diagnostics, files: 1, plans: 0), seconds: nil)
        }
        self.init(error.message, details: details)
    }
}
