import EPlanYAML

/// One example repository of a rule: files by path, with `↓` placed just before each spot
/// where the rule's finding must land (failing examples) or no marker at all (passing ones).
public struct RuleExample: Sendable {
    public var files: [(path: String, text: String)]
    /// Symbolic links the repository holds: path, target, and whether a finding lands on the link (at
    /// its first line and column). An example with links runs from a folder on disk.
    public var links: [(path: String, target: String, marked: Bool)]
    /// The date time-based rules measure against in this example.
    public var today: String
    public var note: String?

    public init(_ files: [(String, String)], links: [(String, String, Bool)] = [], today: String = "2026-11-30", note: String? = nil) {
        self.files = files.map { (path: $0.0, text: $0.1) }
        self.links = links.map { (path: $0.0, target: $0.1, marked: $0.2) }
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
        for link in links where link.marked { marks.append((link.path, SourceMark(line: 1, column: 1))) }
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
    /// A `depth` setting: the lowest level the rule looks at (`rules: {id: {depth: county}}`).
    public var depth: DepthSetting?
    /// The examples, made when asked for: a lint run reads every rule's description but no example
    /// (making them all took 9 M instructions, 2 % of linting one file of a large repository).
    public var passing: [RuleExample] { passingExamples() }
    public var failing: [RuleExample] { failingExamples() }
    private let passingExamples: @Sendable () -> [RuleExample]
    private let failingExamples: @Sendable () -> [RuleExample]

    public init(id: String, severity: Severity, group: RuleGroup, summary: String, rationale: String, depth: DepthSetting? = nil,
                passing: @autoclosure @escaping @Sendable () -> [RuleExample], failing: @autoclosure @escaping @Sendable () -> [RuleExample]) {
        self.id = RuleID(id)
        self.severity = severity
        self.group = group
        self.summary = summary
        self.rationale = rationale
        self.settings = []
        self.depth = depth
        passingExamples = passing
        failingExamples = failing
    }

    /// A rule with settings: its `Setting`s, in the order the docs list them.
    public init<R: Rule>(id: String, severity: Severity, group: RuleGroup, summary: String, rationale: String,
                         settings: [Setting<R>], passing: @autoclosure @escaping @Sendable () -> [RuleExample],
                         failing: @autoclosure @escaping @Sendable () -> [RuleExample]) {
        self.init(id: id, severity: severity, group: group, summary: summary, rationale: rationale,
                  passing: passing(), failing: failing())
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
    /// True for rules whose findings in a file depend on nothing but that file, the configuration and
    /// today's date: they read only `RuleContext.subjects`, never the index, the lookups or another
    /// plan. Their findings are kept in the findings cache with the file's content; the other rules
    /// (cross-plan rules) run again on every run, over `RuleContext.subjectPlans`.
    var isLocal: Bool { get }
    /// True for local rules whose findings depend on today's date (`RuleContext.today`). They read of a
    /// plan only what `Plan.datedPart` keeps: the findings cache keeps that part with the file and runs
    /// these rules again on every run, so that a record serves on any day.
    var readsToday: Bool { get }
}

extension Rule {
    public var id: RuleID { Self.description.id }
    public var findsWhileDecoding: Bool { false }
    public var isLocal: Bool { false }
    public var readsToday: Bool { false }
}

/// A rule's `depth` setting: a level, not a number.
public struct DepthSetting: Sendable {
    /// The default level; nil: the configuration's top-level `depth:`.
    public var defaultLevel: Level?
    public var summary: String

    /// The default as the docs show it.
    public var defaultText: String { defaultLevel?.rawValue ?? "the `depth:` key (township)" }
}
