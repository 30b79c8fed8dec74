@testable import EPlanDocument
import Foundation
import Testing

/// The XML the writer produces, checked directly (no external program).
@Suite("DOCX writer")
struct DOCXWriterTests {
    static func part(_ name: String, of document: PublishedDocument = Sample.document) -> String {
        DOCXWriter.parts(document).first { $0.path == name }?.text ?? ""
    }

    static func body(_ blocks: [Block], language: String = "zh-CN") -> String {
        DOCXWriter.documentXML(PublishedDocument(title: "", language: language, blocks: blocks))
    }

    @Test("markup characters become entities, forbidden controls U+FFFD, NEL a line break")
    func escaping() {
        let xml = Self.body([.paragraph(Sample.hostile)])
        #expect(xml.contains("&lt;w:t&gt;&amp;amp; ]]&gt; &quot;双引号&quot; &apos;single&apos; a\u{FFFD}b c\u{FFFD}[31m d</w:t><w:br/>"))
        #expect(!xml.contains("\u{1}") && !xml.contains("\u{1B}") && !xml.contains("\u{85}"))
        #expect(XMLText.escape("\u{FFFE}\u{FFFF}\u{8}\u{B}\u{C}\u{1F}") == String(repeating: "\u{FFFD}", count: 6))
        #expect(XMLText.escape("a\tb\nc\rd \u{85}\u{10FFFF}") == "a&#9;b&#10;c&#13;d \u{85}\u{10FFFF}")
    }

    @Test("spaces are kept, tabs are w:tab, CR LF one line break")
    func whitespace() {
        let xml = Self.body([.paragraph("  a  b\tc\r\nd\re\nf\u{2028}g")])
        let run = "<w:t xml:space=\"preserve\">  a  b</w:t><w:tab/><w:t xml:space=\"preserve\">c</w:t><w:br/>"
            + "<w:t xml:space=\"preserve\">d</w:t><w:br/><w:t xml:space=\"preserve\">e</w:t><w:br/>"
            + "<w:t xml:space=\"preserve\">f</w:t><w:br/><w:t xml:space=\"preserve\">g</w:t>"
        #expect(xml.contains("<w:p><w:r>\(run)</w:r></w:p>"))
    }

    @Test("headings: Heading1-3 with the number as text; a level out of range is clamped")
    func headings() {
        let xml = Self.body([.heading(level: 1, number: "1", text: "总则"), .heading(level: 7, number: "", text: "附件"),
                             .heading(level: 0, number: "2", text: "x")])
        #expect(xml.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">1 总则</w:t>"))
        #expect(xml.contains("<w:pStyle w:val=\"Heading3\"/></w:pPr><w:r><w:t xml:space=\"preserve\">附件</w:t>"))
        #expect(xml.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">2 x</w:t>"))
        #expect(!xml.contains("numPr"), "never Word numbering")
        let styles = Self.part("word/styles.xml")
        for level in 1...3 {
            #expect(styles.contains("w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/>"))
            #expect(styles.contains("<w:outlineLvl w:val=\"\(level - 1)\"/>"))
        }
    }

    @Test("labelled: a bold run then a plain one; placeholder highlighted; list: a paragraph an item with its marker")
    func inlineBlocks() {
        let xml = Self.body([.labelled(label: "牵头单位：", text: "县应急管理局"), .placeholder("（待补充）"), .list(["甲", "乙"])])
        #expect(xml.contains("<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">牵头单位：</w:t></w:r>"
            + "<w:r><w:t xml:space=\"preserve\">县应急管理局</w:t></w:r>"))
        #expect(xml.contains("<w:highlight w:val=\"yellow\"/></w:rPr><w:t xml:space=\"preserve\">（待补充）</w:t>"))
        #expect(xml.contains("<w:p><w:r><w:t xml:space=\"preserve\">（1）甲</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">（2）乙</w:t></w:r></w:p>"))
        #expect(Self.body([.list(["a"])], language: "en").contains(">(1) a</w:t>"))
    }

    @Test("tables: borders, a repeated bold header row, widths from Table.widths filling the type area")
    func tables() {
        let xml = Self.body([.table(Table(header: ["a", "b", "c"], rows: [["1", "2", "3"], ["only"]], widths: [2, 5, 2]))])
        #expect(xml.contains("<w:tblGrid><w:gridCol w:w=\"1965\"/><w:gridCol w:w=\"4913\"/><w:gridCol w:w=\"1967\"/></w:tblGrid>"))
        #expect(DOCXWriter.textWidth == 8845)
        #expect(xml.contains("<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"1965\" w:type=\"dxa\"/></w:tcPr>"
            + "<w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">a</w:t>"))
        #expect(xml.contains("<w:insideV w:val=\"single\""))
        #expect(xml.components(separatedBy: "<w:tc>").count - 1 == 9, "the short row is filled to three cells")
        #expect(xml.contains("</w:tbl><w:p/><w:sectPr>"), "a paragraph between the last table and the section")
    }

    @Test("column widths: proportional, equal when the widths do not fit, never overflowing", arguments: [
        ([1, 1], 2, [4422, 4423]),
        ([], 3, [2948, 2948, 2949]),
        ([1, 2], 3, [2948, 2948, 2949]),
        ([0, 1], 2, [4422, 4423]),
        ([-5, 1], 2, [4422, 4423]),
        ([Int.max, Int.max], 2, [4422, 4423]),
        ([Int.max, 1], 2, [8844, 1]),
    ])
    func columnWidths(_ relative: [Int], _ columns: Int, _ expected: [Int]) {
        #expect(DOCXWriter.columnWidths(relative, columns: columns) == expected)
    }

    @Test("a table without cells is left out; two tables in a row are kept apart")
    func tableEdges() {
        #expect(!Self.body([.table(Table(header: [], rows: [[], []]))]).contains("<w:tbl>"))
        let two = Self.body([.table(Table(header: ["a"], rows: [])), .table(Table(header: [], rows: [["b"]]))])
        #expect(two.contains("</w:tbl><w:p/><w:tbl>"))
        #expect(two.components(separatedBy: "<w:tblHeader/>").count == 2, "no header row for a table without one")
    }

    @Test("a page break is a w:br of type page in a paragraph of its own")
    func pageBreak() {
        let xml = Self.body([.paragraph("a"), .pageBreak, .paragraph("b")])
        #expect(xml.contains("<w:br w:type=\"page\"/></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">b</w:t>"))
    }

    @Test("GB/T 9704 page: A4, margins 37/35/28/26 mm, the footer with PAGE between em dashes")
    func page() {
        let xml = Self.part("word/document.xml")
        #expect(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(xml.contains("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""))
        #expect(xml.contains("<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"))
        #expect(Self.part("word/_rels/document.xml.rels").contains("Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\""))
        let footer = Self.part("word/footer1.xml")
        #expect(footer.contains(">— </w:t>") && footer.contains(" PAGE </w:instrText>") && footer.contains("> —</w:t>"))
    }

    @Test("GB/T 9704 type: title 方正小标宋简体 22 pt centred, body 仿宋_GB2312 16 pt on a fixed 28 pt line, indented two characters")
    func styles() {
        let styles = Self.part("word/styles.xml")
        let normal = styles.components(separatedBy: "w:styleId=\"Normal\"").last ?? ""
        #expect(normal.hasPrefix("><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/>"
            + "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"))
        #expect(normal.contains("<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"32\"/>"))
        let title = styles.components(separatedBy: "w:styleId=\"DocumentTitle\"").last ?? ""
        #expect(title.contains("<w:jc w:val=\"center\"/>") && title.contains("w:eastAsia=\"方正小标宋简体\"") && title.contains("<w:sz w:val=\"44\"/>"))
        for (level, font) in [(1, "黑体"), (2, "楷体_GB2312"), (3, "仿宋_GB2312")] {
            let heading = styles.components(separatedBy: "w:styleId=\"Heading\(level)\"").last ?? ""
            #expect(heading.prefix(700).contains("w:eastAsia=\"\(font)\""))
        }
        #expect(styles.contains("<w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\""))
        #expect(Self.part("word/styles.xml", of: PublishedDocument(title: "t", language: "en")).contains("<w:lang w:val=\"en\" w:eastAsia=\"zh-CN\""))
        #expect(Self.part("word/fontTable.xml").contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"))
    }

    @Test("the title goes into the document properties, escaped")
    func properties() {
        let core = Self.part("docProps/core.xml", of: PublishedDocument(title: "A & <B>", language: "zh-CN"))
        #expect(core.contains("<dc:title>A &amp; &lt;B&gt;</dc:title>"))
    }

    @Test("the same document gives the same bytes; another document other bytes")
    func reproducible() {
        let bytes = DOCXWriter.write(Sample.document)
        #expect(bytes == DOCXWriter.write(Sample.document))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        var other = Sample.document
        other.title += "（修订）"
        #expect(DOCXWriter.write(other) != bytes)
    }

    @Test("an empty document is still a package with a body")
    func empty() {
        let document = PublishedDocument(title: "", language: "")
        #expect(Self.part("word/document.xml", of: document).contains("<w:body><w:sectPr>"))
        #expect(!DOCXWriter.write(document).isEmpty)
    }
}
