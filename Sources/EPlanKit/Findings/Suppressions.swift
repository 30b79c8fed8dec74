#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML

/// An inline suppression comment: `# eplan-disable-line RULE[,RULE...] [-- reason]`,
/// `# eplan-disable-next-line ...` or `# eplan-disable-file ...`.
public struct Suppression: Sendable, Hashable {
    public enum Scope: String, Sendable, Hashable {
        case line = "eplan-disable-line"
        case nextLine = "eplan-disable-next-line"
        case file = "eplan-disable-file"
    }

    public var scope: Scope
    public var rules: [String]
    public var reason: String?
    /// The comment, from its `#` to the end of the line.
    public var span: SourceSpan

    /// The line whose findings it covers (nil for the whole file).
    public var targetLine: Int? {
        switch scope {
        case .line: return span.start.line
        case .nextLine: return span.start.line + 1
        case .file: return nil
        }
    }

    /// Finds suppression comments in a file's bytes. A `#` starts a comment at the line's start
    /// or after a space or tab, as in YAML.
    public static func scan(_ bytes: [UInt8]) -> [Suppression] {
        let needle = Array("eplan-disable".utf8)
        guard bytes.count >= needle.count, contains(bytes, needle) else { return [] }
        var result: [Suppression] = []
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text = String(decoding: body, as: UTF8.self)
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            guard line.contains("eplan-disable") else { continue }
            let scalars = Array(line.unicodeScalars)
            for (i, scalar) in scalars.enumerated() where scalar == "#" && (i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\t") {
                let comment = String(String.UnicodeScalarView(scalars[(i + 1)...]))
                if let suppression = parse(comment, line: lineNumber, column: i + 1, end: scalars.count + 1) {
                    result.append(suppression)
                }
                break
            }
        }
        return result
    }

    private static func parse(_ comment: String, line: Int, column: Int, end: Int) -> Suppression? {
        var rest = Substring(comment).drop { $0 == " " || $0 == "\t" }
        let scope: Scope
        if rest.hasPrefix(Scope.nextLine.rawValue) {
            scope = .nextLine
        } else if rest.hasPrefix(Scope.line.rawValue) {
            scope = .line
        } else if rest.hasPrefix(Scope.file.rawValue) {
            scope = .file
        } else {
            return nil
        }
        rest = rest.dropFirst(scope.rawValue.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var reason: String?
        if let separator = rest.range(of: " -- ") {
            let text = rest[separator.upperBound...].trimmingWhitespaceSubstring
            reason = text.isEmpty ? nil : String(text)
            rest = rest[..<separator.lowerBound]
        }
        let rules = rest.split(separator: ",").map { String($0.trimmingWhitespaceSubstring) }.filter { !$0.isEmpty }
        return Suppression(scope: scope, rules: rules, reason: reason,
                           span: SourceSpan(start: SourceMark(line: line, column: column), end: SourceMark(line: line, column: end)))
    }

    /// Byte search: memchr for the needle's rarest byte in plan text (`b` of "eplan-disable": rare in
    /// English, absent from the UTF-8 of Chinese), then a comparison around it.
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        let anchor = needle.firstIndex(of: 0x62) ?? 0  // "b"
        return haystack.withUnsafeBytes { h -> Bool in
            guard let base = h.baseAddress else { return false }
            var offset = anchor
            while offset < h.count {
                guard let hit = memchr(base + offset, Int32(needle[anchor]), h.count - offset) else { return false }
                let at = base.distance(to: UnsafeRawPointer(hit)) - anchor  // where the needle would start
                if at + needle.count > h.count { return false }
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                offset = at + anchor + 1
            }
            return false
        }
    }
}

/// How a finding was suppressed, kept for JSON output with `--show-suppressed`.
public struct SuppressionNote: Sendable, Hashable {
    public var kind: Suppression.Scope
    public var reason: String?
}

extension Substring {
    /// Without leading and trailing white space (line breaks included).
    public var trimmingWhitespaceSubstring: Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }

    func range(of needle: String) -> Range<Substring.Index>? {
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}

/// Applies a file's suppressions to its findings and reports those that suppress nothing.
struct SuppressionFilter {
    let ran: (RuleID) -> Bool

    /// Returns the findings with suppressed ones marked, plus `unused-suppression` findings.
    func apply(_ findings: [Diagnostic], suppressions: [Suppression], file: String) -> [Diagnostic] {
        guard !suppressions.isEmpty else { return findings }
        var used = Array(repeating: Set<String>(), count: suppressions.count)
        var result: [Diagnostic] = []
        for var finding in findings {
            for (i, s) in suppressions.enumerated() where s.rules.contains(finding.rule.rawValue) {
                if let line = s.targetLine, line != finding.location.line { continue }
                used[i].insert(finding.rule.rawValue)
                if finding.suppressed == nil { finding.suppressed = SuppressionNote(kind: s.scope, reason: s.reason) }
            }
            result.append(finding)
        }
        for (i, s) in suppressions.enumerated() {
            for rule in s.rules where !used[i].contains(rule) {
                let id = RuleID(rule)
                if id.info == nil {
                    result.append(Diagnostic(.unusedSuppression, "'\(s.scope.rawValue)' names unknown rule '\(rule)'",
                                             at: Location(file: file, span: s.span),
                                             help: Suggest.help(rule, in: RuleCatalog.all.map(\.id.rawValue)) ?? "'eplan rules' lists the rule ids"))
                } else if ran(id) {
                    let target = s.targetLine.map { "on line \($0)" } ?? "in this file"
                    result.append(Diagnostic(.unusedSuppression, "suppression of '\(rule)' \(target) suppresses nothing",
                                             at: Location(file: file, span: s.span), help: "remove it"))
                }
            }
        }
        return result
    }
}
