/// Writes a `PublishedDocument` as a Word document (.docx, Office Open XML) that Word, WPS and
/// LibreOffice open, laid out in the manner of GB/T 9704-2012 (党政机关公文格式): A4, the type area
/// 156 × 225 mm, title in 方正小标宋简体 22 pt, body in 仿宋_GB2312 16 pt on a fixed 28 pt line,
/// headings in 黑体, 楷体_GB2312 and bold 仿宋_GB2312, page numbers "— 1 —" in the footer.
///
/// Section numbers are text at the start of a heading ("1 总则"), never Word numbering, so the
/// numbers cannot drift from the plan's outline; headings are real Heading 1-3 styles with outline
/// levels, so Word's navigation pane and pandoc see them. Every piece of text is escaped
/// (`XMLText`); the package is a ZIP of stored entries (`ZIPArchive`), byte for byte the same for
/// the same document. See docs/export-docx.md.
public enum DOCXWriter {
    /// The .docx file's bytes; empty only for a document too large for a ZIP without ZIP64
    /// (4 GiB), which no plan comes near.
    public static func write(_ document: PublishedDocument) -> [UInt8] {
        var archive = ZIPArchive()
        for (path, text) in parts(document) {
            archive.add(path, text: text)
        }
        return archive.bytes() ?? []
    }

    /// The parts of the package, in the order they are written: the content types first, as
    /// readers that stream the archive expect.
    static func parts(_ document: PublishedDocument) -> [(path: String, text: String)] {
        [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", coreProperties(document)),
            ("docProps/app.xml", appProperties),
            ("word/document.xml", documentXML(document)),
            ("word/styles.xml", styles(language: document.language)),
            ("word/settings.xml", settings),
            ("word/fontTable.xml", fontTable),
            ("word/footer1.xml", footer),
            ("word/_rels/document.xml.rels", documentRelationships),
        ]
    }

    // MARK: - Page and type (GB/T 9704-2012 §5.2)

    /// A4 in twips (1/20 pt): 210 × 297 mm.
    static let pageWidth = 11906, pageHeight = 16838
    /// Margins in twips: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 × 225 mm type area).
    static let marginTop = 2098, marginBottom = 1984, marginLeft = 1587, marginRight = 1474
    /// The width of the type area, which tables fill.
    static let textWidth = pageWidth - marginLeft - marginRight
    /// The footer's distance from the bottom edge: the page number's dash about 7 mm under the type area.
    static let footerDistance = 1304

    static let ascii = "Times New Roman"
    static let titleFont = "方正小标宋简体", bodyFont = "仿宋_GB2312", heading1Font = "黑体", heading2Font = "楷体_GB2312",
        pageNumberFont = "宋体"

    // MARK: - The body

    static func documentXML(_ document: PublishedDocument) -> String {
        var body = Body()
        if !document.title.isEmpty {
            body.paragraph(style: "DocumentTitle", [Run(document.title)])
        }
        for line in document.subtitle {
            body.paragraph(style: "DocumentSubtitle", [Run(line)])
        }
        let english = document.language.lowercased().hasPrefix("en")
        for block in document.blocks {
            switch block {
            case .heading(let level, let number, let text):
                let heading = number.isEmpty ? text : number + " " + text
                body.paragraph(style: "Heading\(min(max(level, 1), 3))", [Run(heading)])
            case .paragraph(let text):
                body.paragraph(style: nil, [Run(text)])
            case .labelled(let label, let text):
                body.paragraph(style: nil, [Run(label, properties: "<w:b/><w:bCs/>"), Run(text)])
            case .placeholder(let text):
                body.paragraph(style: nil, [Run(text, properties: placeholderRun)])
            case .list(let items):
                for (index, item) in items.enumerated() {
                    let marker = english ? "(\(index + 1)) " : "（\(index + 1)）"
                    body.paragraph(style: nil, [Run(marker + item)])
                }
            case .table(let table):
                body.table(table)
            case .pageBreak:
                body.pageBreak()
            }
        }
        body.finish()
        return xmlDeclaration + "<w:document \(namespaces)><w:body>" + body.xml + sectionProperties + "</w:body></w:document>"
    }

    /// Placeholders ("（待补充）") in dark red on yellow: still text, but no reviewer misses them.
    static let placeholderRun = "<w:color w:val=\"C00000\"/><w:highlight w:val=\"yellow\"/>"

    static let sectionProperties = """
        <w:sectPr><w:footerReference w:type="default" r:id="rId4"/>\
        <w:pgSz w:w="\(pageWidth)" w:h="\(pageHeight)"/>\
        <w:pgMar w:top="\(marginTop)" w:right="\(marginRight)" w:bottom="\(marginBottom)" w:left="\(marginLeft)" \
        w:header="851" w:footer="\(footerDistance)" w:gutter="0"/><w:cols w:space="425"/></w:sectPr>
        """

    /// A run of text with its direct formatting (`w:rPr` content, or empty).
    struct Run {
        var text: String
        var properties = ""

        init(_ text: String, properties: String = "") {
            self.text = text
            self.properties = properties
        }

        var xml: String {
            "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>" + properties + "</w:rPr>") + DOCXWriter.runContent(text) + "</w:r>"
        }
    }

    /// The content of a run: text in `w:t` (spaces kept), tabs as `w:tab`, line breaks (CR, LF,
    /// CR LF, NEL, U+2028, U+2029) as `w:br`.
    static func runContent(_ text: String) -> String {
        var out = "", pending = ""
        func flush() {
            if !pending.isEmpty { out += "<w:t xml:space=\"preserve\">" + pending + "</w:t>" }
            pending = ""
        }
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR:
                continue
            case "\t":
                flush()
                out += "<w:tab/>"
            case "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}":
                flush()
                out += "<w:br/>"
            default:
                XMLText.append(scalar, to: &pending)
            }
        }
        flush()
        return out
    }

    /// The body as it is written, block by block.
    struct Body {
        var xml = ""
        /// The last thing written is a table: Word joins two tables that touch, and wants a
        /// paragraph before the section properties.
        var afterTable = false

        mutating func paragraph(style: String?, _ runs: [Run]) {
            xml += "<w:p>"
            if let style { xml += "<w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>" }
            for run in runs { xml += run.xml }
            xml += "</w:p>"
            afterTable = false
        }

        /// A paragraph that holds only the page break, on a 1 pt line: LibreOffice puts what
        /// follows the break (the paragraph mark) at the top of the new page, where a body line
        /// would push the next heading 28 pt down.
        mutating func pageBreak() {
            xml += "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>"
                + DOCXWriter.noIndent + "</w:pPr><w:r><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr>"
                + "<w:br w:type=\"page\"/></w:r></w:p>"
            afterTable = false
        }

        /// An empty paragraph after a table that a table or the end of the body follows.
        mutating func separateTable() {
            if afterTable { xml += "<w:p/>" }
            afterTable = false
        }

        mutating func finish() {
            separateTable()
        }

        mutating func table(_ table: Table) {
            let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
            guard columns > 0 else { return }
            separateTable()
            let widths = DOCXWriter.columnWidths(table.widths, columns: columns)
            xml += "<w:tbl><w:tblPr><w:tblW w:w=\"\(DOCXWriter.textWidth)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            xml += "<w:tblBorders>"
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                xml += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            }
            xml += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            xml += "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
            xml += "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
            xml += "</w:tblPr><w:tblGrid>"
            for width in widths { xml += "<w:gridCol w:w=\"\(width)\"/>" }
            xml += "</w:tblGrid>"
            if !table.header.isEmpty {
                row(table.header, widths: widths, header: true)
            }
            for cells in table.rows {
                row(cells, widths: widths, header: false)
            }
            xml += "</w:tbl>"
            afterTable = true
        }

        /// One row; a short row is filled with empty cells, so that every row has the table's columns.
        mutating func row(_ cells: [String], widths: [Int], header: Bool) {
            xml += header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>"
            for (column, width) in widths.enumerated() {
                let text = column < cells.count ? cells[column] : ""
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
                xml += "<w:p><w:pPr><w:pStyle w:val=\"\(header ? "TableHeading" : "TableText")\"/></w:pPr>"
                xml += Run(text, properties: header ? "<w:b/><w:bCs/>" : "").xml + "</w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
    }

    /// Column widths in twips that fill the type area in the proportions `relative` gives, or
    /// equal widths when it does not give one positive number a column.
    static func columnWidths(_ relative: [Int], columns: Int) -> [Int] {
        let usable = relative.count == columns && relative.allSatisfy { $0 > 0 }
        let weights = usable ? relative.map(Double.init) : Array(repeating: 1.0, count: columns)
        let total = weights.reduce(0, +)
        var widths = weights.map { max(1, Int(Double(textWidth) * $0 / total)) }
        // Rounding leaves a few twips over or short: the last column takes them, or the widest gives them up.
        let rest = textWidth - widths.reduce(0, +)
        let column = rest > 0 ? widths.indices.last : widths.indices.max { widths[$0] < widths[$1] }
        if let column, widths[column] + rest > 0 { widths[column] += rest }
        return widths
    }

    // MARK: - Styles (GB/T 9704-2012 §7: 标题 2号小标宋, 正文 3号仿宋, 一级标题 黑体, 二级标题 楷体)

    static func fonts(_ eastAsia: String) -> String {
        "<w:rFonts w:ascii=\"\(ascii)\" w:eastAsia=\"\(eastAsia)\" w:hAnsi=\"\(ascii)\" w:cs=\"\(ascii)\"/>"
    }

    /// Font size in half points.
    static func size(_ points: Int) -> String {
        "<w:sz w:val=\"\(points * 2)\"/><w:szCs w:val=\"\(points * 2)\"/>"
    }

    /// Line spacing fixed at `points`, and spacing before and after in twips.
    static func exactLine(_ points: Int, before: Int = 0, after: Int = 0) -> String {
        "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\" w:line=\"\(points * 20)\" w:lineRule=\"exact\"/>"
    }

    static let noIndent = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"

    static func paragraphStyle(_ id: String, name: String, basedOn: String? = "Normal", next: String? = nil,
                               outline: Int? = nil, paragraph: String, run: String) -> String {
        var xml = "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
        if let basedOn { xml += "<w:basedOn w:val=\"\(basedOn)\"/>" }
        if let next { xml += "<w:next w:val=\"\(next)\"/>" }
        xml += "<w:qFormat/><w:pPr>" + paragraph
        if let outline { xml += "<w:outlineLvl w:val=\"\(outline)\"/>" }
        return xml + "</w:pPr><w:rPr>" + run + "</w:rPr></w:style>"
    }

    static func styles(language: String) -> String {
        let lang = XMLText.escape(language.isEmpty ? "zh-CN" : language)
        let keep = "<w:keepNext/><w:keepLines/>"
        var xml = xmlDeclaration + "<w:styles \(namespaces)><w:docDefaults><w:rPrDefault><w:rPr>"
        xml += fonts(bodyFont) + size(16) + "<w:lang w:val=\"\(lang)\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
        xml += "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
        xml += "</w:pPr></w:pPrDefault></w:docDefaults>"
        // 正文: 仿宋_GB2312 16 pt (3号), first line indented two characters, a fixed 28 pt line, justified.
        xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        xml += "<w:pPr><w:widowControl/>" + exactLine(28) + "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
        xml += "<w:jc w:val=\"both\"/></w:pPr><w:rPr>" + fonts(bodyFont) + size(16) + "</w:rPr></w:style>"
        // 标题: 方正小标宋简体 22 pt (2号), centred, a blank line under it. Not Word's Title and
        // Subtitle styles: pandoc takes those out of the text into metadata, and a reader of its
        // plain text would miss the plan's name, issuing body and date.
        xml += paragraphStyle("DocumentTitle", name: "Document Title", next: "Normal",
                              paragraph: keep + "<w:spacing w:before=\"0\" w:after=\"280\" w:line=\"700\" w:lineRule=\"exact\"/>"
                                  + noIndent + "<w:jc w:val=\"center\"/>",
                              run: fonts(titleFont) + size(22))
        // Issuing body, version, date: 楷体_GB2312 16 pt, centred.
        xml += paragraphStyle("DocumentSubtitle", name: "Document Subtitle", next: "Normal",
                              paragraph: keep + exactLine(28) + noIndent + "<w:jc w:val=\"center\"/>",
                              run: fonts(heading2Font) + size(16))
        // 一级标题 黑体, 二级标题 楷体_GB2312, 三级标题 仿宋_GB2312 bold; all 16 pt on the body's line.
        for (level, font, bold) in [(1, heading1Font, false), (2, heading2Font, false), (3, bodyFont, true)] {
            xml += paragraphStyle("Heading\(level)", name: "heading \(level)", next: "Normal", outline: level - 1,
                                  paragraph: keep + exactLine(28),
                                  run: fonts(font) + (bold ? "<w:b/><w:bCs/>" : "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>") + size(16))
        }
        // Table text: 仿宋_GB2312 14 pt (4号), single spaced, no indent; the header row centred and bold.
        xml += paragraphStyle("TableText", name: "Table Text",
                              paragraph: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                                  + noIndent + "<w:jc w:val=\"left\"/>",
                              run: fonts(bodyFont) + size(14))
        xml += paragraphStyle("TableHeading", name: "Table Heading", basedOn: "TableText",
                              paragraph: "<w:jc w:val=\"center\"/>", run: "<w:b/><w:bCs/>")
        // Page numbers: 宋体 14 pt (4号半角宋体阿拉伯数字), centred.
        xml += paragraphStyle("Footer", name: "footer",
                              paragraph: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                                  + noIndent + "<w:jc w:val=\"center\"/>",
                              run: fonts(pageNumberFont) + size(14))
        return xml + "</w:styles>"
    }

    // MARK: - The other parts

    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let namespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    /// The footer: "— 1 —", the PAGE field between em dashes.
    static let footer = xmlDeclaration + "<w:ftr \(namespaces)><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
        + "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"

    static let settings = xmlDeclaration + "<w:settings \(namespaces)><w:zoom w:percent=\"100\"/>"
        + "<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>"

    /// The fonts, each with the font Windows has under another name when the GB 2312 one is
    /// missing (仿宋_GB2312 → 仿宋 …); LibreOffice and fontconfig substitute on their own.
    static let fontTable: String = {
        var xml = xmlDeclaration + "<w:fonts \(namespaces)>"
        let fonts = [(titleFont, "宋体"), (bodyFont, "仿宋"), (heading1Font, "SimHei"), (heading2Font, "楷体"), (pageNumberFont, "SimSun")]
        for (name, alternative) in fonts {
            xml += "<w:font w:name=\"\(name)\"><w:altName w:val=\"\(alternative)\"/><w:charset w:val=\"86\"/>"
            xml += "<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
        }
        xml += "<w:font w:name=\"\(ascii)\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
        return xml + "</w:fonts>"
    }()

    static let relationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func relationships(_ list: [(type: String, target: String)]) -> String {
        var xml = xmlDeclaration + "<Relationships xmlns=\"\(relationshipNamespace)\">"
        for (index, relationship) in list.enumerated() {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationship.type)\" Target=\"\(relationship.target)\"/>"
        }
        return xml + "</Relationships>"
    }

    static let packageRelationships = relationships([
        ("\(officeRelationships)/officeDocument", "word/document.xml"),
        ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ("\(officeRelationships)/extended-properties", "docProps/app.xml"),
    ])

    /// The document's relationships; the footer is rId4, as `sectionProperties` names it.
    static let documentRelationships = relationships([
        ("\(officeRelationships)/styles", "styles.xml"),
        ("\(officeRelationships)/settings", "settings.xml"),
        ("\(officeRelationships)/fontTable", "fontTable.xml"),
        ("\(officeRelationships)/footer", "footer1.xml"),
    ])

    static let contentTypes: String = {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var xml = xmlDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        let overrides = [
            ("/word/document.xml", "\(main).document.main+xml"),
            ("/word/styles.xml", "\(main).styles+xml"),
            ("/word/settings.xml", "\(main).settings+xml"),
            ("/word/fontTable.xml", "\(main).fontTable+xml"),
            ("/word/footer1.xml", "\(main).footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        for (part, type) in overrides {
            xml += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>"
        }
        return xml + "</Types>"
    }()

    /// The title and language; no dates, so that the same document gives the same bytes.
    static func coreProperties(_ document: PublishedDocument) -> String {
        xmlDeclaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText.escape(document.title))</dc:title>"
            + "<dc:language>\(XMLText.escape(document.language))</dc:language></cp:coreProperties>"
    }

    static let appProperties = xmlDeclaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>eplan</Application></Properties>"
}
