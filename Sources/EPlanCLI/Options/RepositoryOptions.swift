import ArgumentParser
import EPlanKit
import EPlanText

/// The options `graph` and `report` share: which repository, which config, which day.
struct RepositoryOptions: ParsableArguments {
    @Argument(help: "The repository or a folder in it (default: the repository holding the current folder).")
    var path: String?

    @OptionGroup var config: ConfigOption

    @OptionGroup var today: TodayOption<DueDay>

    @OptionGroup var lang: LanguageOption

    var day: Day { today.day }

    /// The run's language: `--lang`, `EPLAN_LANG`, then `lang:` of the repository's eplan.yaml, the locale.
    func language(_ analysis: Analysis) -> Language {
        lang.resolved(configured: analysis.result.configuredLanguage)
    }

    /// Lints the whole repository and returns what the views need.
    func analyze() throws(CommandError) -> Analysis {
        do throws(WorkspaceError) {
            var options = LintOptions(paths: [], configPath: config.file, today: day)
            if let path {
                options.paths = [path]
            }
            return try Linter.analyze(options)
        } catch {
            throw CommandError(error)
        }
    }
}
