#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanText
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

    /// Finds suppression comments in a file's bytes. A suppression is a YAML comment: a `#` at the
    /// start of a line or after a space or tab, outside every scalar. `yaml` is the file as parsed: a `#`
    /// inside one of its scalars (quoted, plain or block) is text. Where the parse holds no scalar
    /// (a file that is not valid YAML, past a syntax error) the scan is textual, a best effort: the
    /// first `#` after white space starts the comment. Lines are counted as libyaml counts them
    /// (LF, CRLF, CR, and also NEL, LS and PS), so that a suppression's line is its findings' line.
    public static func scan(_ bytes: [UInt8], yaml: YAMLDocument? = nil) -> [Suppression] {
        let needle = Array("eplan-disable".utf8)
        guard bytes.count >= needle.count, contains(bytes[...], needle) else { return [] }
        let scalars = yaml?.scalarRanges
        var result: [Suppression] = []
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var lineNumber = 1
        var lineStart = body.startIndex
        var i = body.startIndex
        func scanLine(_ end: Int) {
            let line = body[lineStart ..< end]
            guard line.count >= needle.count, contains(line, needle) else { return }
            let characters = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
            for (i, scalar) in characters.enumerated() where scalar == "#" {
                guard i == 0 || characters[i - 1] == " " || characters[i - 1] == "\t" else { continue }
                if scalars?.contains(SourceMark(line: lineNumber, column: i + 1)) == true { continue }
                let comment = String(String.UnicodeScalarView(characters[(i + 1)...]))
                if let suppression = parse(comment, line: lineNumber, column: i + 1, end: characters.count + 1) {
                    result.append(suppression)
                }
                return  // the comment runs to the end of the line
            }
        }
        while i < body.endIndex {
            // The length of the line break starting at i, or 0.
            let breakLength: Int
            switch body[i] {
            case 0x0A: breakLength = 1
            case 0x0D: breakLength = i + 1 < body.endIndex && body[i + 1] == 0x0A ? 2 : 1
            case 0xC2 where i + 1 < body.endIndex && body[i + 1] == 0x85: breakLength = 2  // NEL
            case 0xE2 where i + 2 < body.endIndex && body[i + 1] == 0x80 && (body[i + 2] == 0xA8 || body[i + 2] == 0xA9):
                breakLength = 3  // LS, PS
            default: breakLength = 0
            }
            if breakLength == 0 {
                i += 1
                continue
            }
            scanLine(i)
            i += breakLength
            lineStart = i
            lineNumber += 1
        }
        scanLine(body.endIndex)
        return result
    }

    /// Reads a comment's text (after its `#`): `eplan-disable-line RULE[,RULE...] [-- reason]`. Rules
    /// are separated by commas, with or without white space around them; the reason starts at the
    /// first `--` that stands alone (white space, or the end of the comment, on both sides).
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
        if let separator = reasonSeparator(in: rest) {
            let text = rest[separator.upperBound...].trimmingWhitespaceSubstring
            reason = text.isEmpty ? nil : String(text)
            rest = rest[..<separator.lowerBound]
        }
        let rules = rest.split(separator: ",").map { String($0.trimmingWhitespaceSubstring) }.filter { !$0.isEmpty }
        return Suppression(scope: scope, rules: rules, reason: reason,
                           span: SourceSpan(start: SourceMark(line: line, column: column), end: SourceMark(line: line, column: end)))
    }

    /// The first `--` with white space (or the end) on both sides; `rest` starts with white space.
    private static func reasonSeparator(in rest: Substring) -> Range<Substring.Index>? {
        var i = rest.startIndex
        while i < rest.endIndex {
            if rest[i] == "-", i > rest.startIndex, rest[rest.index(before: i)].isWhitespace {
                let next = rest.index(after: i)
                if next < rest.endIndex, rest[next] == "-" {
                    let after = rest.index(after: next)
                    if after == rest.endIndex || rest[after].isWhitespace { return i ..< after }
                }
            }
            i = rest.index(after: i)
        }
        return nil
    }

    /// Byte search: memchr for the needle's rarest byte in plan text (`b` of "eplan-disable": rare in
    /// English, absent from the UTF-8 of Chinese), then a comparison around it.
    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
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
}

/// Applies a file's suppressions to its findings and reports those that suppress nothing.
struct SuppressionFilter {
    /// True when the rule ran in this run (not turned off in the configuration, by `--disable` or by
    /// `--rule`): a suppression of a rule that did not run is not reported as unused.
    let ran: (RuleID) -> Bool

    /// Returns the findings with suppressed ones marked, plus `unused-suppression` findings.
    /// `checked` is false for a file the rules could not read (not valid YAML, or of no known document
    /// type): there only suppressions that could never work (an unknown rule, no rule at all) are reported.
    func apply(_ findings: [Diagnostic], suppressions: [Suppression], file: String, checked: Bool = true) -> [Diagnostic] {
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
            let at = Location(file: file, span: s.span)
            if s.rules.isEmpty {
                result.append(Diagnostic(.unusedSuppression, Message("repo.suppression-no-rule", ["scope": .verbatim(s.scope.rawValue)]), at: at,
                                         help: Message("repo.suppression-no-rule-help", ["scope": .verbatim(s.scope.rawValue)])))
            }
            var seen: Set<String> = []
            for rule in s.rules where !used[i].contains(rule) && seen.insert(rule).inserted {
                let id = RuleID(rule)
                if id.info == nil {
                    let help = rule.contains(where: \.isWhitespace)
                        ? Message("repo.suppression-separators-help", ["scope": .verbatim(s.scope.rawValue)])
                        : Suggest.didYouMean(rule, in: RuleCatalog.all.map(\.id.rawValue)) ?? Message("schema.rule-ids-help")
                    result.append(Diagnostic(.unusedSuppression, Message("repo.suppression-unknown-rule", ["scope": .verbatim(s.scope.rawValue),
                                                                                                          "rule": .verbatim(rule)]),
                                             at: at, help: help))
                } else if checked, ran(id) {
                    let message = s.targetLine.map { Message("repo.suppression-unused-line", ["rule": .verbatim(rule), "line": .number($0)]) }
                        ?? Message("repo.suppression-unused-file", ["rule": .verbatim(rule)])
                    result.append(Diagnostic(.unusedSuppression, message, at: at, help: Message("repo.suppression-unused-help")))
                }
            }
        }
        return result
    }
}
