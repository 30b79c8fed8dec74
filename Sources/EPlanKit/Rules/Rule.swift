import EPlanYAML

/// One example repository of a rule: files by path, with `↓` placed just before each spot
/// where the rule's finding must land (failing examples) or no marker at all (passing ones).
public struct RuleExample: Sendable {
    public var files: [(path: String, text: String)]
    /// The date time-based rules measure against in this example.
    public var today: String
    public var note: String?

    public init(_ files: [(String, String)], today: String = "2026-11-30", note: String? = nil) {
        self.files = files.map { (path: $0.0, text: $0.1) }
        self.today = today
        self.note = note
    }

    public static let marker: Character = "↓"

    /// The files without markers, and where each marker stood (1-based line and column in scalars).
    public func resolved() -> (files: [(path: String, text: String)], marks: [(path: String, mark: SourceMark)]) {
        var files: [(String, String)] = []
        var marks: [(String, SourceMark)] = []
        for (path, text) in self.files {
            var clean = ""
            var line = 1
            var column = 1
            for scalar in text.unicodeScalars {
                if Character(scalar) == RuleExample.marker {
                    marks.append((path, SourceMark(line: line, column: column)))
                    continue
                }
                clean.unicodeScalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            files.append((path, clean))
        }
        return (files.map { (path: $0.0, text: $0.1) }, marks.map { (path: $0.0, mark: $0.1) })
    }
}

/// What a rule is, once: id, default severity, group, summary, the planning principle it
/// enforces, its settings, and examples that both document and test it.
public struct RuleDescription: Sendable {
    public var id: RuleID
    public var severity: Severity
    public var group: RuleGroup
    public var summary: String
    public var rationale: String
    public var settings: [RuleSetting]
    public var passing: [RuleExample]
    public var failing: [RuleExample]

    public init(id: String, severity: Severity, group: RuleGroup, summary: String, rationale: String,
                passing: [RuleExample], failing: [RuleExample]) {
        self.id = RuleID(id)
        self.severity = severity
        self.group = group
        self.summary = summary
        self.rationale = rationale
        self.settings = []
        self.passing = passing
        self.failing = failing
    }

    /// A rule with settings: its `Setting`s, in the order the docs list them.
    public init<R: Rule>(id: String, severity: Severity, group: RuleGroup, summary: String, rationale: String,
                         settings: [Setting<R>], passing: [RuleExample], failing: [RuleExample]) {
        self.init(id: id, severity: severity, group: group, summary: summary, rationale: rationale,
                  passing: passing, failing: failing)
        self.settings = settings.map(\.untyped)
    }
}

/// A check over the repository index. Rules read the model and the index; they never reparse
/// YAML and never print. Rules whose findings the decoder emits (syntax, schema) do nothing here.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    func check(_ context: RuleContext, _ findings: inout [Diagnostic])
    /// True for rules whose findings the YAML layer and the decoders emit (they have no pass of their own).
    /// A requirement rather than an `is` test: a dynamic cast to a protocol costs a scan of the
    /// conformance tables per type, which one-file runs feel.
    var findsWhileDecoding: Bool { get }
}

extension Rule {
    public var id: RuleID { Self.description.id }
    public var findsWhileDecoding: Bool { false }
}

/// What rules see: the index, the configuration, today's date and the rule's settings.
public struct RuleContext: Sendable {
    public let index: RepositoryIndex
    public let lookups: RegionLookups
    public let today: Day
    /// The plans whose own findings are wanted: those in reported files (all of them in a full run),
    /// retired ones left out. Rules that report on the plan they look at iterate these; what they
    /// look up about other plans comes from the index.
    public let subjects: [Plan]
    /// The inventories in reported files.
    public let subjectInventories: [Inventory]
    /// The files whose findings are wanted (nil: every file). Rules that report about a place other
    /// than the plan they look at (a region, a cycle) use it to skip what cannot land in these files.
    public let reported: Set<String>?

    /// `reported` limits the subjects to these files (nil: every file).
    public init(index: RepositoryIndex, lookups: RegionLookups? = nil, today: Day, reported: Set<String>? = nil) {
        self.index = index
        self.lookups = lookups ?? RegionLookups(index)
        self.today = today
        self.subjects = index.plans.filter { !$0.isRetired && reported?.contains($0.file) ?? true }
        self.subjectInventories = index.inventories.filter { reported?.contains($0.file) ?? true }
        self.reported = reported
    }

    /// True when findings in `file` are wanted.
    public func isReported(_ file: String) -> Bool {
        reported?.contains(file) ?? true
    }

    public var configuration: Configuration { index.configuration }

    /// The value of one of the rule's settings: from `eplan.yaml`, else its default.
    public func setting<R: Rule>(_ setting: Setting<R>) -> Int {
        configuration.setting(setting)
    }
}

extension Plan {
    func location(_ span: SourceSpan) -> Location {
        Location(file: file, span: span)
    }

    /// A finding in this plan, tagged with its id.
    func finding(_ rule: RuleID, _ message: String, at span: SourceSpan, help: String? = nil,
                 related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(rule, message, at: location(span), help: help, related: related, plan: id?.value)
    }

    /// "plan 'qs.lin.flood'" or "this plan".
    var name: String { id?.value.map { "plan '\($0)'" } ?? "this plan" }

    var isRetired: Bool { effectiveStatus == .retired }
    var isInForce: Bool { effectiveStatus == .inForce }
}
