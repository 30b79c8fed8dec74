import ArgumentParser
import EPlanKit
import EPlanLSP
import EPlanText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `eplan lsp`: the language server on stdin and stdout (docs/editors.md).
struct LSP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17) on stdin and stdout.",
        discussion: """
            Editors start it and talk to it over pipes: findings as you type (those of `eplan lint FILE` \
            for the editor's text), hover, go to definition, references, completion and quick fixes. \
            See docs/editors.md for the setup of VS Code, Neovim, Helix and Emacs.

            Exit status: 0 after the client's shutdown and exit, 1 when the input ends or exit comes first \
            (the protocol's rule).

            Example (the command an editor runs):
              eplan lsp --lang zh-CN
            """
    )

    @OptionGroup var today: TodayOption<RulesDay>
    @OptionGroup var jobs: JobsOption
    @OptionGroup var lang: LanguageOption

    /// Accepted for clients that pass it (`eplan lsp --stdio`); stdio is the only transport.
    @Flag(help: .hidden)
    var stdio = false

    func run() throws {
        var environment = LanguageOption.environment
        if let timing = getenv("EPLAN_TIMING") { environment["EPLAN_TIMING"] = String(cString: timing) }
        let settings = LanguageServer.Settings(language: lang.lang.flatMap(Language.parse), environment: environment,
                                               today: today.day, jobs: jobs.count)
        exitProcess(LanguageServer.serve(input: 0, output: 1, settings: settings))
    }
}
