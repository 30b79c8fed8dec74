import EPlanText
import EPlanYAML

public enum EPlan {
    public static let version = "0.1.0"
}

/// The JSON report of cli.md: tool, summary, diagnostics. Optional members are left out when empty.
public enum JSONReport {
    public static func render(_ result: LintResult, language: Language = .en) -> String {
        let summary: JSON = .object([
            ("files", .int(result.files)),
            ("plans", .int(result.plans)),
            ("errors", .int(result.count(.error))),
            ("warnings", .int(result.count(.warning))),
            ("notes", .int(result.count(.note))),
        ])
        let root: JSON = .object([
            ("tool", .object([("name", .string("eplan")), ("version", .string(EPlan.version))])),
            ("summary", summary),
            ("diagnostics", .array(result.diagnostics.map { diagnostic($0, language) })),
        ])
        return root.rendered()
    }

    static func diagnostic(_ d: Diagnostic, _ language: Language) -> JSON {
        var members: [(String, JSON)] = [
            ("rule", .string(d.rule.rawValue)),
            ("severity", .string(d.severity.description)),
            ("message", .string(d.message.text(language))),
            ("file", .string(d.location.file)),
            ("line", .int(d.location.span.start.line)),
            ("column", .int(d.location.span.start.column)),
            ("endLine", .int(d.location.span.end.line)),
            ("endColumn", .int(d.location.span.end.column)),
        ]
        if let plan = d.plan { members.append(("plan", .string(plan))) }
        if let help = d.help { members.append(("help", .string(help.text(language)))) }
        if let suppressed = d.suppressed {
            var note: [(String, JSON)] = [("kind", .string(suppressed.kind.rawValue))]
            if let reason = suppressed.reason { note.append(("reason", .string(reason))) }
            members.append(("suppressed", .object(note)))
        }
        if !d.related.isEmpty {
            members.append(("related", .array(d.related.map { r in
                .object([
                    ("file", .string(r.location.file)),
                    ("line", .int(r.location.line)),
                    ("column", .int(r.location.column)),
                    ("message", .string(r.message.text(language))),
                ])
            })))
        }
        return .object(members)
    }
}

/// The compiler-like text report: location, severity, message and rule, the source line with a caret, help.
public struct TextReport {
    public var color: Bool
    public var quiet: Bool
    /// The files' lines for source excerpts (the working folder is the base of display paths).
    public var sources: SourceLines
    public var language: Language

    public init(color: Bool, quiet: Bool, sources: SourceLines, language: Language = .en) {
        self.color = color
        self.quiet = quiet
        self.sources = sources
        self.language = language
    }

    public func render(_ result: LintResult, seconds: Double?) -> String {
        var out = ""
        for d in result.diagnostics {
            render(d, line: sources.line(d.location.file, d.location.span.start.line), into: &out)
        }
        if !quiet {
            out += summary(result, seconds: seconds) + "\n"
        }
        return out
    }

    public func summary(_ result: LintResult, seconds: Double?) -> String {
        TextReport.summary(result, seconds: seconds).text(language)
    }

    /// "N errors, N warnings, N notes in N files (N plans) in 0.05s", in no language yet.
    public static func summary(_ result: LintResult, seconds: Double?) -> Message {
        let counts = Message("report.summary", [
            "errors": .message(.counted(result.count(.error), one: "report.errors.one", other: "report.errors.other")),
            "warnings": .message(.counted(result.count(.warning), one: "report.warnings.one", other: "report.warnings.other")),
            "notes": .message(.counted(result.count(.note), one: "report.notes.one", other: "report.notes.other")),
            "files": .message(.counted(result.files, one: "report.files.one", other: "report.files.other")),
            "plans": .message(.counted(result.plans, one: "report.plans.one", other: "report.plans.other")),
        ])
        guard let seconds else { return counts.withBaseline(result.hiddenByBaseline) }
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return Message("report.summary-time", ["summary": .message(counts),
                                               "seconds": "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"])
            .withBaseline(result.hiddenByBaseline)
    }

    /// A label ("help:", "建议：") and what separates it from the text: a space, none after a full-width colon.
    static func label(_ key: String, _ language: Language) -> (label: String, gap: String) {
        let label = Message(key).text(language)
        return (label, label.hasSuffix("：") ? "" : " ")
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func render(_ d: Diagnostic, line: Substring?, into out: inout String) {
        let severityCode: String
        switch d.severity {
        case .error: severityCode = "1;31"
        case .warning: severityCode = "1;33"
        case .note: severityCode = "1;36"
        }
        let start = d.location.span.start
        // File names are escaped as plan text is: a newline or an escape sequence in a name forges nothing.
        out += paint("\(TextReport.oneLine(d.location.file)):\(start.line):\(start.column):", "1") + " "
        out += paint("\(d.severity):", severityCode) + " "
        out += TextReport.oneLine(d.message.text(language)) + " " + paint("[\(d.rule)]", "2")
        if let suppressed = d.suppressed {
            let note = suppressed.reason.map { Message("report.suppressed-reason", ["reason": .verbatim(TextReport.oneLine($0))]) }
                ?? Message("report.suppressed")
            out += note.text(language)  // " (suppressed: …)", "（已抑制：…）"
        }
        out += "\n"
        if let line {
            let (excerpt, caret) = TextReport.excerpt(line, span: d.location.span)
            let number = String(start.line)
            let gutter = String(repeating: " ", count: number.count)
            out += "    \(paint(number, "2")) | \(excerpt)\n"
            out += "    \(gutter) | \(paint(caret, "1;32"))\n"
        }
        if let help = d.help {
            let (label, gap) = TextReport.label("report.help", language)
            out += "  \(paint(label, "1"))\(gap)\(TextReport.oneLine(help.text(language)))\n"
        }
        for r in d.related {
            let (label, gap) = TextReport.label("report.note", language)
            let location = "\(TextReport.oneLine(r.location.file)):\(r.location.line):\(r.location.column)"
            let text = Message("report.related", ["message": .verbatim(TextReport.oneLine(r.message.text(language))),
                                                  "location": .verbatim(location)])
            out += "  \(paint(label, "1"))\(gap)\(text.text(language))\n"
        }
    }

    /// Lines of a file: BOM dropped, invalid UTF-8 replaced, CR LF and lone CR as breaks.
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        let text = String(decoding: b, as: UTF8.self)
        var result: [Substring] = []
        var lineStart = text.startIndex
        // Iterate unicode scalars so that "\r\n" is seen as two scalars.
        let scalars = text.unicodeScalars
        var si = scalars.startIndex
        while si < scalars.endIndex {
            let c = scalars[si]
            if c == "\n" || c == "\r" {
                result.append(text[lineStart..<si])
                var next = scalars.index(after: si)
                if c == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                lineStart = next
                si = next
            } else {
                si = scalars.index(after: si)
            }
        }
        result.append(text[lineStart...])
        return result
    }

    /// Messages quote plan text; keep each on one line and free of terminal control sequences.
    public static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if let escaped = controlEscape(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A control character (C0, DEL, C1) as `\u{1b}`; nil for any other character.
    static func controlEscape(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) else { return nil }
        return "\\u{\(String(scalar.value, radix: 16))}"
    }

    /// The source line (clipped around the column when very long) and the caret line under the span.
    /// Columns count Unicode scalars; the caret accounts for wide (CJK) characters and tabs.
    public static func excerpt(_ line: Substring, span: SourceSpan) -> (String, String) {
        let scalars = Array(line.unicodeScalars)
        let column = max(1, span.start.column)
        var endColumn = span.end.line == span.start.line ? span.end.column : scalars.count + 1
        endColumn = max(endColumn, column + 1)
        let window = 160
        var from = 0
        if scalars.count > window, column > 60 { from = min(column - 60, max(0, scalars.count - window)) }
        let to = min(scalars.count, from + window)
        var text = from > 0 ? "…" : ""
        var caret = from > 0 ? " " : ""
        for i in from..<max(from, to) {
            let s = scalars[i]
            let shown: String
            if s == "\t" {
                shown = "\t"
            } else if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) {
                shown = "\u{FFFD}"
            } else {
                shown = String(s)
            }
            text += shown
            let width = s == "\t" ? 1 : displayWidth(s)
            let col = i + 1
            if col < column {
                caret += s == "\t" ? "\t" : String(repeating: " ", count: width)
            } else if col == column {
                caret += "^" + String(repeating: "~", count: max(0, width - 1))
            } else if col < endColumn {
                caret += String(repeating: "~", count: width)
            }
        }
        if to < scalars.count { text += "…" }
        if column > to { caret += String(repeating: " ", count: max(0, column - max(to, from) - 1)) + "^" }
        return (text, caret)
    }

    /// Terminal cells a scalar takes: 2 for East Asian wide characters, 0 for combining marks.
    static func displayWidth(_ s: Unicode.Scalar) -> Int {
        DisplayWidth.of(s)
    }
}

extension Message {
    /// A count with its noun: the catalogue's `one` form for 1, its `other` form otherwise (English
    /// "1 error" / "2 errors"; Chinese has one form for both). `{count}` is the number.
    public static func counted(_ n: Int, one: String, other: String) -> Message {
        Message(n == 1 ? one : other, ["count": .number(n)])
    }
}

/// "1 warning", "2 warnings": a count with its noun (English plurals in -s).
public func counted(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
}

extension Message {
    /// The summary with how many findings a `--baseline` hid, when it hid any.
    func withBaseline(_ hidden: Int) -> Message {
        guard hidden > 0 else { return self }
        return Message("report.summary-baseline", ["summary": .message(self),
                                                   "hidden": .message(.counted(hidden, one: "report.hidden.one", other: "report.hidden.other"))])
    }
}
