/// Writes a `PublishedDocument` as one self-contained HTML page (no script, no external asset) with
/// print CSS for A4 in the manner of GB/T 9704: margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm
/// right; title 方正小标宋简体 22 pt, body 仿宋_GB2312 16 pt, level-1 headings 黑体, level-2 楷体;
/// page numbers "— 1 —" where the browser prints margin boxes; a page break between action cards.
///
/// Text is escaped (`<`, `>`, `&`, `"`, `'` as entities); control characters become U+FFFD.
public enum HTMLWriter {
    public static func write(_ document: PublishedDocument) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(escape(document.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + escape(TextCleaning.oneLine(document.title)) + "</title>\n<style>\n" + style + "</style>\n</head>\n<body>\n"
        out += "<h1 class=\"title\">" + escape(TextCleaning.oneLine(document.title)) + "</h1>\n"
        for line in document.subtitle { out += "<p class=\"subtitle\">" + escape(TextCleaning.oneLine(line)) + "</p>\n" }
        for block in document.blocks {
            switch block {
            case .heading(let level, let number, let text):
                let tag = "h\(min(max(level, 1), 3) + 1)"
                let title = number.isEmpty ? text : "\(number) \(text)"
                out += "<\(tag)>" + escape(TextCleaning.oneLine(title)) + "</\(tag)>\n"
            case .paragraph(let text):
                out += "<p>" + lines(text) + "</p>\n"
            case .labelled(let label, let text):
                let (words, colon) = TextCleaning.splitLabel(label)
                out += "<p><strong>" + escape(TextCleaning.oneLine(words)) + "</strong>" + escape(colon) + lines(text) + "</p>\n"
            case .placeholder(let text):
                out += "<p class=\"placeholder\">" + lines(text) + "</p>\n"
            case .list(let items):
                out += "<ul>\n" + items.map { "<li>" + lines($0) + "</li>\n" }.joined() + "</ul>\n"
            case .table(let table):
                out += self.table(table)
            case .pageBreak:
                out += "<div class=\"page-break\"></div>\n"
            }
        }
        return out + "</body>\n</html>\n"
    }

    static func table(_ table: Table) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        var out = "<table>\n"
        if table.widths.count == columns, table.widths.allSatisfy({ $0 > 0 }) {
            let total = table.widths.reduce(0, +)
            out += "<colgroup>" + table.widths.map { "<col style=\"width: \($0 * 100 / total)%\">" }.joined() + "</colgroup>\n"
        }
        func row(_ cells: [String], _ tag: String) -> String {
            let padded = cells + Array(repeating: "", count: max(0, columns - cells.count))
            return "<tr>" + padded.prefix(columns).map { "<\(tag)>" + lines($0) + "</\(tag)>" }.joined() + "</tr>\n"
        }
        out += "<thead>\n" + row(table.header, "th") + "</thead>\n<tbody>\n"
        for r in table.rows { out += row(r, "td") }
        return out + "</tbody>\n</table>\n"
    }

    /// Text with its line breaks kept as `<br>`.
    static func lines(_ text: String) -> String {
        TextCleaning.clean(text).split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>\n")
    }

    /// Text for element content or an attribute: escaped as XML (the DOCX writer's escaping), control
    /// characters as U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if TextCleaning.isControl(scalar) { out.unicodeScalars.append("\u{FFFD}") } else { XMLText.append(scalar, to: &out) }
        }
        return out
    }

    static let style = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm;
          @bottom-center { content: "— " counter(page) " —"; font-family: "Times New Roman", serif; font-size: 14pt; } }
        html { background: #fff; color: #000; }
        body { font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", FangSong, "STFangsong", "Noto Serif CJK SC", serif;
          font-size: 16pt; line-height: 1.75; max-width: 156mm; margin: 2em auto; padding: 0 1em; }
        h1.title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", serif;
          font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 0.5em; }
        p.subtitle { text-align: center; margin: 0; }
        h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.25em; }
        h3 { font-family: "楷体_GB2312", "楷体", KaiTi, "STKaiti", serif; font-size: 16pt; font-weight: normal; margin: 0.75em 0 0.25em; }
        h4 { font-size: 16pt; font-weight: bold; margin: 0.5em 0 0.25em; }
        p { margin: 0; text-indent: 2em; }
        p.subtitle, p.placeholder { text-indent: 0; }
        p.placeholder { color: #a00; }
        ul { margin: 0 0 0 2em; padding: 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 12pt; line-height: 1.5; page-break-inside: auto; }
        th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
        th { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; }
        tr { page-break-inside: avoid; }
        .page-break { break-after: page; page-break-after: always; }
        @media print { body { max-width: none; margin: 0; padding: 0; } }

        """
}
