/// What `eplan lint` was asked to do.
public struct LintOptions: Sendable {
    public var paths: [String]
    public var configPath: String?
    public var cwd: String
    public var jobs: Int
    /// The date time-based rules measure against.
    public var today: Day
    /// When not empty, only these rules report (`--rule`).
    public var onlyRules: Set<RuleID>
    /// These rules never report (`--disable`).
    public var disabledRules: Set<RuleID>

    public init(paths: [String] = [], configPath: String? = nil, cwd: String = FileSystem.currentDirectory(),
                jobs: Int = 0, today: Day, onlyRules: Set<RuleID> = [], disabledRules: Set<RuleID> = []) {
        self.paths = paths
        self.configPath = configPath
        self.cwd = cwd
        self.jobs = jobs
        self.today = today
        self.onlyRules = onlyRules
        self.disabledRules = disabledRules
    }
}

/// The outcome of a lint run: the reported findings in report order, and what was looked at.
public struct LintResult: Sendable {
    public var diagnostics: [Diagnostic]
    /// eplan files among the reported paths (plus files that could not be parsed).
    public var files: Int
    public var plans: Int

    public init(diagnostics: [Diagnostic], files: Int, plans: Int) {
        self.diagnostics = diagnostics
        self.files = files
        self.plans = plans
    }

    public func count(_ severity: Severity) -> Int {
        diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}

/// files -> YAML nodes -> typed model -> repository index -> rules -> diagnostics.
public enum Linter {
    public static func run(_ options: LintOptions) throws(WorkspaceError) -> LintResult {
        let workspace = try Workspace.load(Workspace.Request(paths: options.paths, configPath: options.configPath,
                                                             cwd: options.cwd, jobs: options.jobs))
        let index = RepositoryIndex(documents: workspace.documents, configuration: workspace.configuration)
        var all = index.diagnostics
        var files = 0
        var plans = 0
        for document in workspace.documents where document.isReported && workspace.reported.contains(document.display) {
            files += 1
            if document.plan != nil { plans += 1 }
            all.append(contentsOf: document.diagnostics)
        }
        let settings = SeveritySettings(configuration: workspace.configuration, options: options)
        var reported: [Diagnostic] = []
        for var diagnostic in all where workspace.reported.contains(diagnostic.location.file) {
            guard let severity = settings.severity(of: diagnostic.rule, default: diagnostic.severity) else { continue }
            diagnostic.severity = severity
            reported.append(diagnostic)
        }
        reported.sort(by: Diagnostic.reportOrder)
        return LintResult(diagnostics: reported, files: files, plans: plans)
    }
}

/// Which rules report and at what severity: config `rules:`, then `--rule` / `--disable`.
struct SeveritySettings {
    let configuration: Configuration
    let only: Set<RuleID>
    let disabled: Set<RuleID>

    init(configuration: Configuration, options: LintOptions) {
        self.configuration = configuration
        self.only = options.onlyRules
        self.disabled = options.disabledRules
    }

    func isEnabled(_ rule: RuleID) -> Bool {
        if disabled.contains(rule) { return false }
        if !only.isEmpty, !only.contains(rule) { return false }
        return configuration.rules[rule]?.enabled ?? true
    }

    /// The severity a finding of `rule` reports at, or nil when the rule is off.
    func severity(of rule: RuleID, default fallback: Severity) -> Severity? {
        guard isEnabled(rule) else { return nil }
        return configuration.rules[rule]?.severity ?? fallback
    }
}
