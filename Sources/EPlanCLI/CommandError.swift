import EPlanKit
import EPlanText

/// The command cannot go on (a usage problem, a missing file, an unreadable config, git failing):
/// `EPlanCommand.main()` prints `eplan: <message>` on stderr in the run's language (`RunLanguage`),
/// then the details if any, and exits 2 (cli.md). Findings are not command errors; they exit 1.
struct CommandError: Error {
    var message: Message
    /// Printed on stderr after the message, e.g. the problems of an invalid configuration.
    var details: (@Sendable (Language) -> String)?

    init(_ message: Message, details: (@Sendable (Language) -> String)? = nil) {
        self.message = message
        self.details = details
    }

    /// A repository that cannot be loaded. With `sources`, an invalid configuration's problems are
    /// listed after the message as text findings (`lint` does; the other commands print the message only).
    init(_ error: WorkspaceError, listingProblemsWith sources: SourceLines? = nil) {
        var details: (@Sendable (Language) -> String)?
        if case .invalidConfig(_, let diagnostics) = error, let sources {
            details = { language in
                let report = TextReport(color: false, quiet: true, sources: sources, language: language)
                return report.render(LintResult(diagnostics: diagnostics, files: 1, plans: 0), seconds: nil)
            }
        }
        self.init(Self.message(error), details: details)
    }

    /// The message of a `WorkspaceError`, from the catalogues.
    static func message(_ error: WorkspaceError) -> Message {
        switch error {
        case .pathNotFound(let path): return Message("cli.path-not-found", ["path": .verbatim(path)])
        case .noFiles(let paths):
            return Message("cli.no-files", ["paths": .verbatim(paths.isEmpty ? "." : paths.joined(separator: ", "))])
        case .invalidConfig(let file, let diagnostics):
            return Message(diagnostics.count == 1 ? "cli.invalid-config.one" : "cli.invalid-config.other",
                           ["file": .verbatim(file), "count": .number(diagnostics.count)])
        }
    }

    /// "message; did you mean 'x'?" when a candidate is close to `word`, else `otherwise` as the hint (if any).
    static func suggesting<S: Sequence>(_ message: Message, _ word: String, in candidates: S, otherwise: Message? = nil) -> Message
    where S.Element == String {
        let hint = Suggest.nearest(word, in: candidates).map { Message("cli.did-you-mean", ["candidate": .verbatim($0)]) } ?? otherwise
        guard let hint else { return message }
        return Message("cli.with-hint", ["message": .message(message), "hint": .message(hint)])
    }
}
