import ArgumentParser
import EPlanKit

/// The options `graph` and `report` share: which repository, which config, which day.
struct RepositoryOptions: ParsableArguments {
    @Argument(help: "The repository or a folder in it (default: the repository holding the current folder).")
    var path: String?

    @OptionGroup var config: ConfigOption

    @OptionGroup var today: TodayOption<DueDay>

    var day: Day { today.day }

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
