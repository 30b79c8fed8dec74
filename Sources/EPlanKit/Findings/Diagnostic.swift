import EPlanText
import EPlanYAML

public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case note = 0, warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .note: return "note"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    public init?(name: String) {
        switch name {
        case "note": self = .note
        case "warning": self = .warning
        case "error": self = .error
        default: return nil
        }
    }
}

/// A place in a file, as reported: the display path plus a span.
public struct Location: Sendable, Hashable {
    public var file: String
    public var span: SourceSpan

    public init(file: String, span: SourceSpan) {
        self.file = file
        self.span = span
    }

    public var line: Int { span.start.line }
    public var column: Int { span.start.column }
}

public struct RelatedLocation: Sendable, Hashable {
    public var location: Location
    public var message: Message

    public init(_ location: Location, _ message: Message) {
        self.location = location
        self.message = message
    }

}

/// One finding: a rule, a severity, a message naming the concrete thing, and where it is.
public struct Diagnostic: Sendable, Hashable {
    public var rule: RuleID
    public var severity: Severity
    public var message: Message
    public var location: Location
    /// The id of the plan the finding is in, when the file is a plan with a readable id.
    public var plan: String?
    public var help: Message?
    public var related: [RelatedLocation]
    /// Set when an inline suppression hides the finding (listed only with --show-suppressed).
    public var suppressed: SuppressionNote?

    public init(_ rule: RuleID, _ message: Message, at location: Location, help: Message? = nil,
                related: [RelatedLocation] = [], plan: String? = nil) {
        self.rule = rule
        self.severity = rule.info?.severity ?? .error
        self.message = message
        self.location = location
        self.help = help
        self.related = related
        self.plan = plan
    }

    /// The report order: file, line, column, rule, then message, help and related places, so that the
    /// output does not depend on the order findings were found in (threads, the findings cache).
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location.file != b.location.file { return a.location.file < b.location.file }
        if a.location.span.start != b.location.span.start { return a.location.span.start < b.location.span.start }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        let (messageA, messageB) = (a.message.english, b.message.english)
        if messageA != messageB { return messageA < messageB }
        return tieBreak(a) < tieBreak(b)
    }

    /// What else tells two findings of the same rule, place and message apart (rarely asked).
    private static func tieBreak(_ d: Diagnostic) -> String {
        ([d.location.span.end.description, d.help?.english ?? ""] + d.related.map { "\($0.location.file):\($0.location.span) \($0.message.english)" })
            .joined(separator: "\u{0}")
    }
}

/// Collects the findings of one file while it is decoded.
public struct DiagnosticSink: Sendable {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    public mutating func add(_ rule: RuleID, _ message: Message, at span: SourceSpan, help: Message? = nil,
                             related: [RelatedLocation] = []) {
        diagnostics.append(Diagnostic(rule, message, at: Location(file: file, span: span), help: help, related: related))
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
