import EPlanText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

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
    /// Keep per-file summaries between runs, so that linting a few files of a large repository is fast.
    public var useCache = false
    /// Where the cache lives; nil: `$EPLAN_CACHE_DIR`, `$XDG_CACHE_HOME/eplan` or `~/.cache/eplan`.
    public var cacheFolder: String?
    /// The caller reads the findings only (`eplan lint`): each reported plan has its own rules run as soon
    /// as it is parsed and is kept as what other plans' rules read of it, not whole, so `Analysis.plans`
    /// lists none of them. Always so with the cache.
    public var findingsOnly = false

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

/// A lint run's local rules (`Rule.isLocal`) over one plan, for the configuration and the day of the run.
struct LocalChecks: Sendable {
    /// The day the run measures against (`--today`), as the findings cache writes it.
    let today: String
    /// All of them, in catalog order.
    let all: @Sendable (Plan) -> [Diagnostic]
    /// Those that read today's date; they read only what `DatedPart` keeps of a plan. The findings of
    /// the others depend on the file's content alone.
    let dated: @Sendable (Plan) -> [Diagnostic]
    /// The ids of those that read today's date.
    let datedRules: Set<RuleID>
}

/// A file a lint run reported on, with the id of the plan it holds.
public struct ReportedFile: Sendable, Hashable {
    public var file: String
    public var plan: String?

    public init(file: String, plan: String?) {
        self.file = file
        self.plan = plan
    }
}

/// The outcome of a lint run: the reported findings in report order, and what was looked at.
public struct LintResult: Sendable {
    public var diagnostics: [Diagnostic]
    /// The eplan files reported on, in path order.
    public var reportedFiles: [ReportedFile] = []
    /// eplan files among the reported paths (plus files that could not be parsed).
    public var files: Int
    public var plans: Int
    /// `lang:` of the repository's eplan.yaml, for the run's language (cli.md "Language").
    public var configuredLanguage: Language?
    /// Findings a `--baseline` hid (said in the summary).
    public var hiddenByBaseline = 0

    public init(diagnostics: [Diagnostic], files: Int, plans: Int) {
        self.diagnostics = diagnostics
        self.files = files
        self.plans = plans
    }

    /// Findings at a severity, not counting suppressed ones.
    public func count(_ severity: Severity) -> Int {
        diagnostics.reduce(0) { $0 + ($1.severity == severity && $1.suppressed == nil ? 1 : 0) }
    }

    /// The findings that are not suppressed.
    public var active: [Diagnostic] { diagnostics.filter { $0.suppressed == nil } }
}

/// What a run worked out: the findings it reports, and the model they came from (for the views
/// and commands that show more than findings: graph, report, new, diff).
public struct Analysis: Sendable {
    public var result: LintResult
    public let workspace: Workspace
    public let index: RepositoryIndex
    public let lookups: RegionLookups
    /// Every plan parsed in full in this run, in file order: those of the reported files, and without
    /// the summary cache (graph, report, new, diff) every plan of the repository.
    public let plans: [Plan]

    /// The plan with this id among `plans`.
    public func plan(_ id: String) -> Plan? {
        plans.first { $0.id?.value == id }
    }
}

/// files -> YAML tape -> typed model -> repository index -> rules -> findings.
///
/// `Linter.analyze` is the one place where the index is built and the rules run: the command line,
/// `diff`, `new`, the fuzzer and the rule examples all come through it, with files read from disk
/// (`LintOptions`) or documents already in memory (`Workspace`).
public enum Linter {
    /// What the last runs loaded; a command-line process exits without freeing it.
    static let keepUntilExit = Mutex<[any Sendable]>([])

    /// Lets go of what earlier runs kept (for long-lived callers such as tests).
    public static func releaseKept() {
        keepUntilExit.withLock { $0.removeAll() }
    }

    public static func run(_ options: LintOptions) throws(WorkspaceError) -> LintResult {
        try analyze(options).result
    }

    /// Reads the repository the options name from disk, then lints it.
    public static func analyze(_ options: LintOptions) throws(WorkspaceError) -> Analysis {
        var timing = PhaseTiming()
        defer { timing.report() }
        var request = Workspace.Request(paths: options.paths, configPath: options.configPath, cwd: options.cwd,
                                        jobs: options.jobs, useCache: options.useCache, cacheFolder: options.cacheFolder)
        if options.useCache || options.findingsOnly {
            request.localChecks = { configuration in localChecks(configuration, today: options.today) }
        }
        request.narrowsOneFile = options.findingsOnly
        let workspace = try Workspace.load(request, timing: &timing)
        return analyze(workspace, options, timing: &timing)
    }

    /// Lints documents already loaded (from disk or memory). Of `options`, the date, the rules asked
    /// for and the number of jobs count; the paths were the workspace's business.
    public static func analyze(_ workspace: Workspace, _ options: LintOptions) -> Analysis {
        var timing = PhaseTiming()
        defer { timing.report() }
        return analyze(workspace, options, timing: &timing)
    }

    /// Lints documents with an index and lookups already built for exactly these documents (the
    /// language server's, patched after an edit with `RepositoryIndex.replacing`).
    public static func analyze(_ workspace: Workspace, _ options: LintOptions, index: RepositoryIndex, lookups: RegionLookups) -> Analysis {
        var timing = PhaseTiming()
        defer { timing.report() }
        return analyze(workspace, options, built: (index, lookups), timing: &timing)
    }

    static func analyze(_ workspace: Workspace, _ options: LintOptions, built: (RepositoryIndex, RegionLookups)? = nil,
                        timing: inout PhaseTiming) -> Analysis {
        let index: RepositoryIndex
        let lookups: RegionLookups
        if let built {
            (index, lookups) = built
        } else {
            // The index and the region lookups are built side by side from the documents in file order.
            let lookupsSlot = ResultSlots<RegionLookups>(count: 1)
            index = RepositoryIndex(documents: workspace.documents, configuration: workspace.configuration, jobs: options.jobs) {
                let documents = workspace.documents
                lookupsSlot.store(RegionLookups(plans: documents.indices.compactMap { documents[$0].planSummary },
                                                configuration: workspace.configuration), at: 0)
            }
            lookups = lookupsSlot.value(at: 0) ?? RegionLookups(index)
        }
        timing.lap("index and lookups")
        let settings = SeveritySettings(configuration: workspace.configuration, options: options)

        var subjects: [Plan] = []
        var subjectPlans: [PlanSummary] = []
        var plans: [Plan] = []
        var inventories: [Inventory] = []
        let documents = workspace.documents
        for position in documents.indices {
            let reported = workspace.reported.contains(documents[position].display)
            switch documents[position].content {
            case .plan(let plan):
                plans.append(plan)
                if reported, !plan.isRetired {
                    subjects.append(plan)
                    subjectPlans.append(PlanSummary(plan))
                }
            case .cachedPlan(let summary) where reported && !summary.isRetired: subjectPlans.append(summary)
            case .inventory(let inventory) where reported: inventories.append(inventory)
            default: break
            }
        }
        let context = RuleContext(index: index, lookups: lookups, today: options.today, subjects: subjects, subjectPlans: subjectPlans,
                                  subjectInventories: inventories, reported: { workspace.reported.contains($0) },
                                  wholeRepository: workspace.wholeRepository, jobs: options.jobs)
        timing.lap("rule context")
        // Rules are independent readers of the index: they run side by side, and their findings are
        // joined in catalog order, so the result does not depend on the number of threads. Rules that
        // are off do not run at all.
        let rules = RuleCatalog.rules.filter { !$0.findsWhileDecoding && settings.isEnabled($0.id) }
        let timeEachRule = timing.perRule
        let perRule = parallelMap(rules, jobs: timeEachRule ? 1 : options.jobs) { rule -> [Diagnostic] in
            let clock = ContinuousClock()
            var findings: [Diagnostic] = []
            let time = clock.measure { rule.check(context, &findings) }
            if timeEachRule { FileSystem.writeStandardError("eplan timing: rule \(rule.id): \(time)\n") }
            return findings
        }
        var found = index.diagnostics
        for findings in perRule { found += findings }
        timing.lap("rules")
        // A one-file run read only the plans related to the reported one (`RelatedPlans`): when the
        // cross-plan rules find anything in the file, it may be for want of a plan left out (a parent
        // unresolved, a resource unused), and the run is done again over the whole repository.
        if workspace.isNarrowed, found.contains(where: { workspace.reported.contains($0.location.file) }) {
            timing.lap("findings in the file: the whole repository read")
            return analyze(workspace.completed(jobs: options.jobs), options, timing: &timing)
        }
        let result = collect(found, workspace, settings)
        timing.lap("collect")
        // The CLI exits right after printing: keeping the repository alive spares freeing it piece by piece.
        Linter.keepUntilExit.withLock { $0.append(workspace); $0.append(index) }
        return Analysis(result: result, workspace: workspace, index: index, lookups: lookups, plans: plans)
    }

    /// Every local rule (`Rule.isLocal`) over one plan a lint run parses: what the file's record in the
    /// findings cache keeps (all of them: the rules a run leaves out are dropped when findings are
    /// collected), the rules that read today's date apart.
    static func localChecks(_ configuration: Configuration, today: Day) -> LocalChecks {
        let index = RepositoryIndex(documents: [], configuration: configuration, jobs: 1)
        let lookups = RegionLookups(index)
        let local = RuleCatalog.rules.filter { $0.isLocal && !$0.findsWhileDecoding }
        // One context for every plan, its subject replaced (making a context works out its regions).
        let shared = RuleContext(index: index, lookups: lookups, today: today, subjects: [], subjectPlans: [],
                                 subjectInventories: [], reported: { _ in true }, wholeRepository: false)
        func checks(_ rules: [any Rule]) -> @Sendable (Plan) -> [Diagnostic] {
            { plan in
                guard !plan.isRetired else { return [] }
                var context = shared
                context.subjects = [plan]
                var findings: [Diagnostic] = []
                for rule in rules { rule.check(context, &findings) }
                return findings
            }
        }
        let dated = local.filter(\.readsToday)
        return LocalChecks(today: "\(today)", all: checks(local), dated: checks(dated), datedRules: Set(dated.map(\.id)))
    }

    /// The findings in reported files, with each file's own, suppressions applied and severities set, in report order.
    private static func collect(_ found: [Diagnostic], _ workspace: Workspace, _ settings: SeveritySettings) -> LintResult {
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in found where workspace.reported.contains(diagnostic.location.file) {
            byFile[diagnostic.location.file, default: []].append(diagnostic)
        }
        var files = 0
        var plans = 0
        var reported: [Diagnostic] = []
        var reportedFiles: [ReportedFile] = []
        let filter = SuppressionFilter(ran: settings.isEnabled)
        // Local findings of rules this run leaves out, which a file from the findings cache brings.
        let left = Set(RuleCatalog.rules.filter { $0.isLocal && !$0.findsWhileDecoding && !settings.isEnabled($0.id) }.map(\.id))
        let documents = workspace.documents
        for position in documents.indices
        where documents[position].isReported && workspace.reported.contains(documents[position].display) {
            let display = documents[position].display
            files += 1
            let plan = documents[position].planSummary
            if plan != nil { plans += 1 }
            reportedFiles.append(ReportedFile(file: display, plan: plan?.id?.value))
            var mine = documents[position].diagnostics + (byFile.isEmpty ? [] : byFile.removeValue(forKey: display) ?? [])
            if !left.isEmpty { mine.removeAll { left.contains($0.rule) } }
            // The rules could not read an unreadable or broken file: its suppressions are not judged unused.
            var checked = true
            switch documents[position].content {
            case .unreadable, .broken: checked = false
            default: break
            }
            reported += filter.apply(mine, suppressions: documents[position].suppressions, file: display, checked: checked)
                .compactMap { settings.apply($0) }
        }
        // The configuration is no document of the workspace; its own suppressions apply to the findings
        // located in it (external entries, their hazards) whenever it is reported.
        if let configFile = workspace.configuration.file, workspace.reported.contains(configFile) {
            files += 1  // eplan.yaml is read and checked: it counts among the files of the summary
            let mine = byFile.removeValue(forKey: configFile) ?? []
            reported += filter.apply(mine, suppressions: workspace.configurationSuppressions, file: configFile)
                .compactMap { settings.apply($0) }
        }
        // Findings in other reported files that are not documents (none expected; kept as they are).
        for (_, rest) in byFile { reported += rest.compactMap { settings.apply($0) } }
        reported.sort(by: Diagnostic.reportOrder)
        var result = LintResult(diagnostics: reported, files: files, plans: plans)
        result.reportedFiles = reportedFiles
        result.configuredLanguage = workspace.configuration.language
        return result
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

    /// The finding at its configured severity, or nil when its rule is off.
    func apply(_ diagnostic: Diagnostic) -> Diagnostic? {
        guard isEnabled(diagnostic.rule) else { return nil }
        var result = diagnostic
        result.severity = configuration.rules[diagnostic.rule]?.severity ?? diagnostic.rule.info?.severity ?? diagnostic.severity
        return result
    }
}

/// Phase times on stderr when EPLAN_TIMING is set (for profiling; off by default).
struct PhaseTiming {
    let enabled = EnvironmentValues()["EPLAN_TIMING"] != nil
    /// `EPLAN_TIMING=rules` also times each rule (and runs them one after the other).
    let perRule = EnvironmentValues()["EPLAN_TIMING"] == "rules"
    let clock = ContinuousClock()
    var last: ContinuousClock.Instant
    /// The CPU time at the last lap (µs), from the start of the process.
    var lastCPU = 0
    var lines: [String] = []

    init() {
        last = clock.now
    }

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = clock.now
        let d = now - last
        let ms = Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000
        let usage = Self.usage()
        let cpu = usage.map { " (CPU \(Double($0.cpu - lastCPU) / 1000) ms, peak \($0.peak / 1024) MB, \($0.faults) page faults)" } ?? ""
        lines.append("\(name): \(ms) ms" + cpu)
        last = now
        lastCPU = usage?.cpu ?? lastCPU
    }

    /// The peak resident size so far in KB, the page faults so far (minor ones: pages first touched) and
    /// the CPU time so far in µs (user and system, all threads), or nil.
    static func usage() -> (peak: Int, faults: Int, cpu: Int)? {
        var usage = rusage()
        #if canImport(Darwin)
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
        let peak = Int(usage.ru_maxrss) / 1024  // bytes there
        #else
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
        let peak = Int(usage.ru_maxrss)
        #endif
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Int($1.tv_sec) * 1_000_000 + Int($1.tv_usec) }
        return (peak, Int(usage.ru_minflt), cpu)
    }

    func report() {
        guard enabled else { return }
        FileSystem.writeStandardError("eplan timing: " + lines.joined(separator: ", ") + "\n")
    }
}
