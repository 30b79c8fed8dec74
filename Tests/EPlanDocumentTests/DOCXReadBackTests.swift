@testable import EPlanDocument
import Foundation
import Testing

/// The sample document written as .docx and read back by the programs offices and reviewers use:
/// unzip, Python's zipfile and XML parser, pandoc, and LibreOffice (to PDF, read by poppler).
@Suite("DOCX read back")
struct DOCXReadBackTests {
    static let path: String = {
        // A test cannot throw here; a failed write leaves a path that every test then fails on.
        (try? Tools.write(DOCXWriter.write(Sample.document), named: "临县预案.docx")) ?? "/nonexistent/sample.docx"
    }()

    @Test("unzip tests the package without an error")
    func unzip() throws {
        let run = try Tools.run(["unzip", "-t", Self.path])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.contains("No errors detected"))
    }

    @Test("every part is there and is well-formed XML")
    func partsParse() throws {
        let script = """
            import sys, zipfile, xml.dom.minidom
            z = zipfile.ZipFile(sys.argv[1])
            for name in z.namelist():
                xml.dom.minidom.parseString(z.read(name))
                print(name)
            """
        let run = try Tools.run(["python3", "-c", script, Self.path])
        #expect(run.status == 0, "\(run.errors)")
        let names = Set(run.output.split(separator: "\n").map(String.init))
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"] {
            #expect(names.contains(part), "\(part) is missing")
        }
    }

    /// pandoc's reading of the sample, as Markdown (pipe tables, one line a paragraph) or plain text.
    static func pandoc(_ format: String) throws -> String {
        let run = try Tools.run(["pandoc", "--wrap=none", "-f", "docx", "-t", format, Self.path])
        #expect(run.status == 0, "\(run.errors)")
        return run.output
    }

    /// Markdown with its backslash escapes and bold marks taken out.
    static func unescaped(_ markdown: String) -> String {
        var out = "", escaping = false
        for c in markdown {
            if !escaping, c == "\\" { escaping = true; continue }
            escaping = false
            out.append(c)
        }
        return out.replacingOccurrences(of: "**", with: "")
    }

    /// Runs of spaces and tabs as one space: pandoc's Markdown and plain text fold them, and pad table cells.
    static func folded(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .joined(separator: "\n")
    }

    @Test("pandoc reads the headings as headings, numbered as text, and every paragraph, label, item and cell")
    func pandocMarkdown() throws {
        let markdown = try Self.pandoc("markdown-simple_tables-multiline_tables-grid_tables")
        let text = Self.folded(Self.unescaped(markdown))
        let lines = markdown.split(separator: "\n").map(String.init)
        for (level, number, heading) in Sample.headings {
            #expect(lines.contains(String(repeating: "#", count: level) + " \(number) \(heading)"), "heading \(number) \(heading)")
        }
        for line in [Sample.document.title] + Sample.document.subtitle {
            #expect(lines.contains(line), "title and subtitle as text")
        }
        for paragraph in Sample.paragraphs + Sample.items + [Sample.placeholder] + Sample.hostileLines {
            #expect(text.contains(Self.folded(paragraph)), "\(paragraph)")
        }
        for (label, value) in Sample.labels {
            #expect(markdown.contains("**\(label.trimmingCharacters(in: .whitespaces))**"), "the label in bold")
            #expect(text.contains(Self.folded(label + value)))
        }
        #expect(lines.contains { $0.hasPrefix("| **成员单位** ") }, "the header row in bold")
        for row in [Sample.table.header] + Sample.table.rows + [Sample.longTable.header] + Sample.longTable.rows {
            #expect(text.contains(Self.folded("| " + row.joined(separator: " | ") + " |")), "row \(row)")
        }
        #expect(!markdown.contains("<w:t>") || markdown.contains("\\<w:t\\>"), "markup stays text")
    }

    @Test("pandoc's plain text holds the numbered headings and the hostile text as text")
    func pandocPlain() throws {
        let plain = try Self.pandoc("plain")
        #expect(plain.hasPrefix(([Sample.document.title] + Sample.document.subtitle).joined(separator: "\n\n")))
        for (_, number, heading) in Sample.headings {
            #expect(plain.contains("\(number) \(heading)"))
        }
        for line in Sample.paragraphs + Sample.hostileLines {
            #expect(Self.folded(plain).contains(Self.folded(line)), "\(line)")
        }
        #expect(!plain.contains("\u{1}") && !plain.contains("\u{1B}"))
    }

    @Test("LibreOffice converts it to a PDF of four A4 pages numbered — 1 — to — 4 —, the table header repeated",
          .timeLimit(.minutes(8)))
    func libreOffice() throws {
        let folder = try Tools.temporaryFolder("soffice")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A private profile: the first start writes it (slow), and no other soffice can lock it.
        let convert = try Tools.run(["soffice", "-env:UserInstallation=file://\(folder)/profile", "--headless",
                                     "--convert-to", "pdf", "--outdir", folder, Self.path], seconds: 420)
        #expect(convert.status == 0 && !convert.errors.contains("Error"), "\(convert.output)\(convert.errors)")
        let pdf = folder + "/临县预案.pdf"
        #expect(FileManager.default.fileExists(atPath: pdf), "\(convert.output)\(convert.errors)")
        let info = try Tools.run(["pdfinfo", pdf])
        let pages = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last
        #expect(pages == "4", "\(info.output)")
        #expect(info.output.contains("x 841.89 pts (A4)"), "\(info.output)")
        // -raw: the text in the order it was drawn, with the spaces between the dashes and the number.
        let text = try Tools.run(["pdftotext", "-raw", pdf, "-"]).output
        for page in 1...4 {
            #expect(text.contains("— \(page) —"), "page number \(page)")
        }
        #expect(text.contains("1 总则") && text.contains("临县防汛抗旱应急预案") && text.contains("县应急管理局"))
        let sheets = text.split(separator: "\u{0C}").map(String.init)
        #expect(sheets.count >= 4 && sheets[1].contains("3 应急响应") && sheets[2].contains("牵头单位"), "page breaks")
        if sheets.count >= 4 {
            #expect(sheets[2].contains("序号 物资名称 数量") && sheets[3].hasPrefix("序号 物资名称 数量"), "the header row on both pages")
            #expect(sheets[3].contains("40 编织袋（第 40 批） 4000"), "pdftotext puts spaces between Chinese and digits")
        }
    }
}
