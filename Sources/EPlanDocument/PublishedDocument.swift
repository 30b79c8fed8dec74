/// A document eplan publishes (`eplan export`), before it has a format: the plan document, a set of
/// action cards, a filing form or drafting notes. The builders in EPlanKit/Export make one from the
/// model; the writers in this module turn it into DOCX, Markdown or HTML, so every format carries the
/// same content. Foundation-free, like the rest of eplan.
///
/// All text is plain Unicode text as the plan wrote it: a writer escapes it for its format
/// (`<`, `&`, `]]>`, quotes and control characters stay text, never markup).
public struct PublishedDocument: Sendable, Equatable {
    /// The document's title (方正小标宋 22 pt in DOCX, `#` in Markdown, `<h1>` in HTML).
    public var title: String
    /// Lines printed centred under the title: issuing body, version, date of issue.
    public var subtitle: [String]
    /// The language the text is written in: "zh-CN" or "en" (HTML `lang`, DOCX `w:lang`).
    public var language: String
    public var blocks: [Block]

    public init(title: String, subtitle: [String] = [], language: String, blocks: [Block] = []) {
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.blocks = blocks
    }
}

/// One block of a published document, in reading order.
public enum Block: Sendable, Equatable {
    /// A section heading. `number` is written as text in front of the heading ("1", "1.1",
    /// "1.1.1"; empty for none): never Word auto-numbering. `level` is 1, 2 or 3.
    case heading(level: Int, number: String, text: String)
    /// A body paragraph.
    case paragraph(String)
    /// A paragraph whose first part is a label in bold ("牵头单位：", "When: ").
    case labelled(label: String, text: String)
    /// A section the plan says nothing about: written visibly (e.g. "（待补充）") so that a
    /// reviewer sees the gap.
    case placeholder(String)
    /// A list; the items are written as separate paragraphs, each with its own marker.
    case list([String])
    /// A table with a header row.
    case table(Table)
    /// The next block starts on a new page (between action cards, between the parts of a package).
    case pageBreak
}

/// A table: a header row and body rows. Every row has as many cells as the header.
public struct Table: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// Relative column widths (any unit; same count as `header`), or empty for equal widths.
    public var widths: [Int]

    public init(header: [String], rows: [[String]], widths: [Int] = []) {
        self.header = header
        self.rows = rows
        self.widths = widths
    }
}
