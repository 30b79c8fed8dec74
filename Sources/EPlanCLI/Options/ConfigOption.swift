import ArgumentParser

/// `--config FILE`: a configuration used instead of the discovered eplan.yaml. A file that is missing
/// or invalid is reported when the repository is loaded (`CommandError(WorkspaceError)`), not here.
struct ConfigOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this configuration instead of the discovered eplan.yaml.", valueName: "FILE"))
    var config: String?

    /// The file given, or nil for the discovered eplan.yaml.
    var file: String? { config }
}
