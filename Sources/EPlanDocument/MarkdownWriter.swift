/// Writes a `PublishedDocument` as Markdown that pandoc reads (`pandoc -f markdown`): the title as `#`,
/// sections as `##`..`####` with their numbers as text, labels in bold, pipe tables, and a page break as
/// raw OpenXML and HTML blocks (pandoc keeps them for DOCX and HTML and drops them elsewhere).
///
/// Every text of the plan is escaped: markup characters are backslash-escaped (so `*`, `_`, `<`, `&`,
/// `[`, `|`, quotes ... stay text, and pandoc's smart punctuation leaves quotes and dashes alone), a
/// line that would start a list, a heading or a quote is escaped at its start, and control characters
/// become U+FFFD.
public enum MarkdownWriter {
    public static func write(_ document: PublishedDocument) -> String {
        var out = "# " + inline(document.title) + "\n\n"
        for line in document.subtitle { out += inline(line) + "\n\n" }
        for block in document.blocks {
            switch block {
            case .heading(let level, let number, let text):
                let marks = String(repeating: "#", count: min(max(level, 1), 3) + 1)
                let title = number.isEmpty ? text : "\(number) \(text)"
                out += marks + " " + inline(title) + "\n\n"
            case .paragraph(let text):
                out += paragraph(text) + "\n\n"
            case .labelled(let label, let text):
                let (words, colon) = TextCleaning.splitLabel(label)
                out += "**" + inline(words) + "**" + escape(colon, lineStart: false) + paragraph(text, lineStart: false) + "\n\n"
            case .placeholder(let text):
                out += paragraph(text) + "\n\n"
            case .list(let items):
                for item in items { out += "- " + paragraph(item).replacingNewlines(with: "\n  ") + "\n" }
                out += "\n"
            case .table(let table):
                out += self.table(table) + "\n"
            case .pageBreak:
                out += "```{=openxml}\n<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n```\n\n"
                out += "```{=html}\n<div style=\"break-after: page; page-break-after: always\"></div>\n```\n\n"
            }
        }
        return out
    }

    static func table(_ table: Table) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        func row(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: max(0, columns - cells.count))
            return "| " + padded.prefix(columns).map { cell($0) }.joined(separator: " | ") + " |\n"
        }
        var out = row(table.header)
        out += "|" + String(repeating: "---|", count: columns) + "\n"
        for r in table.rows { out += row(r) }
        return out
    }

    /// A table cell: one line, escaped, never empty (an empty cell is a space).
    static func cell(_ text: String) -> String {
        let line = TextCleaning.oneLine(text)
        return line.isEmpty ? " " : escape(line, lineStart: false)
    }

    /// A heading or title: one line, escaped.
    static func inline(_ text: String) -> String { escape(TextCleaning.oneLine(text), lineStart: false) }

    /// A paragraph: each line escaped (also at its start), lines kept apart by hard breaks.
    static func paragraph(_ text: String, lineStart: Bool = true) -> String {
        let lines = TextCleaning.clean(text).split(separator: "\n", omittingEmptySubsequences: false)
        var parts: [String] = []
        for (i, line) in lines.enumerated() {
            let trimmed = String(line.drop { $0 == " " || $0 == "\t" })
            parts.append(escape(trimmed, lineStart: lineStart || i > 0))
        }
        let body = parts.filter { !$0.isEmpty }.joined(separator: "\\\n")
        return body
    }

    /// ASCII punctuation that is markup somewhere in pandoc's Markdown, always escaped.
    static let always: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "~", "^", "$", "&", "\"", "'", "@", "!", "="]

    static func escape(_ text: String, lineStart: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        // A line starting "12." or "3)" would be an ordered list: escape the mark after the digits.
        var orderedMark = -1
        if lineStart {
            var i = 0
            while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
            if i > 0, i < scalars.count, scalars[i] == "." || scalars[i] == ")" { orderedMark = i }
        }
        for (i, s) in scalars.enumerated() {
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            var escapeIt = always.contains(s) || i == orderedMark
            if lineStart, i == 0, s == "-" || s == "+" || s == ":" || s == "%" { escapeIt = true }
            if s == "-", next == "-" { escapeIt = true }  // `--` would be a dash
            if s == ".", next == ".", i + 2 < scalars.count, scalars[i + 2] == "." { escapeIt = true }  // `...` an ellipsis
            if escapeIt { out.append("\\") }
            out.append(s)
        }
        return String(out)
    }
}

private extension String {
    func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
