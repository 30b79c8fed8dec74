import EPlanText
import EPlanYAML

/// Findings recorded to be hidden later: matched by rule, file and a fingerprint of the finding's
/// content (not its line), so inserting lines above a finding keeps it hidden, while a new finding
/// of the same rule in the same file still shows.
public struct Baseline: Sendable, Equatable {
    public struct Key: Sendable, Hashable, Comparable {
        public var rule: String
        public var file: String
        public var fingerprint: String

        public static func < (a: Key, b: Key) -> Bool {
            (a.file, a.rule, a.fingerprint) < (b.file, b.rule, b.fingerprint)
        }
    }

    /// How many findings of each key are recorded.
    public var entries: [Key: Int]

    /// What each recorded finding said (English), so that a reviewer can read what was accepted.
    /// Written into the file, not needed to read it back.
    public var messages: [Key: String] = [:]

    public init(entries: [Key: Int] = [:]) {
        self.entries = entries
    }

    public init(recording result: LintResult, sources: SourceLines) {
        var entries: [Key: Int] = [:]
        var messages: [Key: String] = [:]
        for d in result.active {
            let key = Self.key(d, sources)
            entries[key, default: 0] += 1
            if messages[key] == nil { messages[key] = d.message.english }
        }
        self.entries = entries
        self.messages = messages
    }

    static func key(_ d: Diagnostic, _ sources: SourceLines) -> Key {
        Key(rule: d.rule.rawValue, file: d.location.file, fingerprint: Fingerprint.of(d, sources))
    }

    /// Sorted, stable JSON.
    public func rendered() -> String {
        let findings: [JSON] = entries.keys.sorted().map { key in
            var members: [(String, JSON)] = [("file", .string(key.file)), ("rule", .string(key.rule))]
            if let message = messages[key] { members.append(("message", .string(message))) }
            members += [("fingerprint", .string(key.fingerprint)), ("count", .int(entries[key] ?? 1))]
            return .object(members)
        }
        return JSON.object([("eplanBaseline", .int(1)), ("findings", .array(findings))]).rendered()
    }

    public struct Invalid: Error, Sendable {
        public var why: Message
        /// The reason in English.
        public var reason: String { why.english }
    }

    /// Reads a baseline file's text, or says why it is not one.
    public static func parse(_ bytes: [UInt8]) -> Result<Baseline, Invalid> {
        let doc = YAMLParser.parse(bytes)
        if let problem = doc.problems.first {
            return .failure(Invalid(why: Message("report.baseline-not-json", ["line": .number(problem.span.start.line), "problem": .message(problem.message)])))
        }
        guard let root = doc.root, root["eplanBaseline"]?.scalar == "1", let list = root["findings"]?.sequence else {
            return .failure(Invalid(why: Message("report.baseline-not-baseline")))
        }
        var entries: [Key: Int] = [:]
        for item in list {
            guard let rule = item["rule"]?.scalar, let file = item["file"]?.scalar,
                  let fingerprint = item["fingerprint"]?.scalar else {
                return .failure(Invalid(why: Message("report.baseline-incomplete", ["line": .number(item.start.line)])))
            }
            let count = item["count"]?.scalar.flatMap { Int($0) } ?? 1
            entries[Key(rule: rule, file: file, fingerprint: fingerprint), default: 0] += max(1, count)
        }
        return .success(Baseline(entries: entries))
    }

    /// The result without the findings this baseline records (each recorded finding hides one).
    public func filter(_ result: LintResult, sources: SourceLines) -> LintResult {
        var remaining = entries
        var kept: [Diagnostic] = []
        for d in result.diagnostics {
            if d.suppressed == nil {
                let key = Self.key(d, sources)
                if let n = remaining[key], n > 0 {
                    remaining[key] = n - 1
                    continue
                }
            }
            kept.append(d)
        }
        var filtered = result
        filtered.hiddenByBaseline = result.diagnostics.count - kept.count
        filtered.diagnostics = kept
        return filtered
    }
}
