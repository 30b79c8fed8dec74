import EPlanDocument
import EPlanKit
import EPlanText
import Foundation
import Testing

/// `eplan export`'s builders and writers over the fixture repository Tests/EPlanCLITests/Fixtures/export
/// (every kind of plan, the three forms of unit plans, hostile text in hx.flood): every fact of every plan
/// is read back by pandoc from the Markdown and the HTML, the outlines are those of the kinds, and text
/// stays text.
@Suite("Export documents")
struct ExportTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let fixture = "\(root)/Tests/EPlanCLITests/Fixtures/export"
    static let today = Day(year: 2026, month: 1, day: 1)!

    static let analysis: Analysis = {
        (try? Linter.analyze(LintOptions(paths: [fixture], cwd: fixture, today: today)))!
    }()

    static var context: ExportContext { ExportContext(analysis: analysis, today: today) }

    static func plan(_ id: String) throws -> Plan { try #require(analysis.plan(id)) }

    static let planIDs = ["hx.master", "hx.flood", "hx.dept.transport", "hx.event.marathon", "ab.joint.flood",
                          "hx.unit.comprehensive", "hx.unit.hazard-specific", "hx.unit.on-site"]

    static var hasPandoc: Bool {
        ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// pandoc's plain-text reading of a document, with no line wrapping (cells of tables stay whole).
    static func pandoc(_ text: String, from format: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pandoc", "-f", format, "-t", "plain", "--wrap=none", "--columns=100000"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let data = Data(text.utf8)
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whitespace collapsed, control characters as U+FFFD (what the writers make of them).
    static func normal(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for s in text.unicodeScalars {
            let v = s.value
            if s == " " || s == "\n" || s == "\t" || s == "\r" {
                space = true
                continue
            }
            if space, !out.isEmpty { out.append(" ") }
            space = false
            out.append((v < 0x20 || (0x7F...0x9F).contains(v)) ? "\u{FFFD}" : s)
        }
        return String(out)
    }

    /// Every fact of the plan that its document must carry, as text to find.
    static func facts(_ plan: Plan) -> [String] {
        var facts: [String] = []
        func add(_ s: String?) { if let s, !s.isEmpty { facts.append(s) } }
        for action in plan.actions?.value ?? [] {
            for who in action.who?.value ?? [] { add(who.value?.description) }
            add(action.how?.value)
            add(action.when?.value)
            add(action.within?.value?.text)
            for r in action.resources?.value ?? [] { add(r.value) }
        }
        for member in plan.organization?.members ?? [] {
            add(member.agency?.value?.description)
            for duty in member.duties?.value ?? [] { add(duty.value) }
        }
        add(plan.organization?.command?.name?.value)
        add(plan.organization?.command?.lead?.value)
        for resource in plan.resources?.value ?? [] {
            add(resource.id?.value)
            add(resource.name?.value)
            add(resource.unit?.value)
            add(resource.holder?.value?.description)
        }
        if let reporting = plan.reporting {
            for limit in [reporting.initial?.value, reporting.written?.value].compactMap({ $0 }) {
                for cls in SeverityClass.allCases { add(limit.limit(for: cls)?.text) }
            }
            add(reporting.followUp?.value?.text)
            add(reporting.to?.value?.description)
        }
        for level in plan.responseLevels?.value ?? [] {
            add(level.trigger?.value)
            for lead in level.lead?.value ?? [] { add(lead.value?.description) }
        }
        for hazard in plan.scope?.hazards?.value ?? [] { add(hazard.value) }
        add(plan.purpose?.value)
        for item in plan.basis?.value ?? [] { add(item.value) }
        for item in plan.principles?.value ?? [] { add(item.value) }
        for level in plan.warning?.levels?.value ?? [] {
            add(level.criteria?.value)
            add(level.issuedBy?.value)
        }
        add(plan.termination?.value)
        for entry in plan.support?.value ?? [] { for item in entry.items?.value ?? [] { add(item.value) } }
        for contact in plan.contacts?.value ?? [] {
            add(contact.agency?.value?.description)
            add(contact.name?.value)
            add(contact.role?.value)
            add(contact.phone?.value)
        }
        for annex in plan.annexes?.value ?? [] {
            add(annex.title?.value)
            add(annex.text?.value)
        }
        for drill in plan.drills?.value ?? [] { for finding in drill.findings?.value ?? [] { add(finding.value) } }
        for revision in plan.revisions?.value ?? [] { add(revision.reason?.value) }
        return facts
    }

    static func headings(_ document: PublishedDocument) -> [String] {
        document.blocks.compactMap {
            if case .heading(_, let number, let text) = $0 { return number.isEmpty ? text : "\(number) \(text)" }
            return nil
        }
    }

    /// pandoc's plain-text reading of a DOCX file (pandoc reads DOCX from a file).
    static func pandoc(docx bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-export-\(UUID().uuidString).docx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", "--columns=100000", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: out, as: UTF8.self)
    }

    @Test("pandoc reads back every heading and every fact of every plan, from Markdown, HTML and DOCX", arguments: planIDs)
    func readBack(id: String) throws {
        guard Self.hasPandoc else {
            Issue.record("pandoc is not installed: run 'make test-deps'")
            return
        }
        let plan = try Self.plan(id)
        let document = PlanDocument.build(plan, Self.context)
        let docx = DOCXWriter.write(document)
        #expect(!docx.isEmpty)
        for (format, read) in [("markdown", { try Self.pandoc(MarkdownWriter.write(document), from: "markdown") }),
                               ("html", { try Self.pandoc(HTMLWriter.write(document), from: "html") }),
                               ("docx", { try Self.pandoc(docx: docx) })] as [(String, () throws -> String)] {
            let plain = Self.normal(try read())
            for heading in Self.headings(document) {
                #expect(plain.contains(Self.normal(heading)), "\(id) (\(format)): heading '\(heading)' not read back")
            }
            for fact in Self.facts(plan) {
                #expect(plain.contains(Self.normal(fact)), "\(id) (\(format)): '\(fact)' not read back")
            }
        }
    }

    @Test("each kind has its outline; unit plans the GB/T 29639-2020 outline of their form", arguments: [
        ("hx.master", ["1 总则", "1.1 编制目的", "1.2 编制依据", "1.3 适用范围", "1.4 工作原则", "2 组织指挥体系", "2.2 成员单位及职责",
                       "3 监测预警", "4 应急响应", "4.1 信息报告", "4.2 分级响应", "4.3 处置措施", "5 响应结束", "6 后期处置",
                       "7 应急保障", "8 预案管理", "9 附则", "10 附件"]),
        ("hx.dept.transport", ["1 总则", "2 组织指挥体系", "4.3 处置措施", "4.3.1 措施 open-channel", "10 附件"]),
        ("hx.event.marathon", ["1 总则", "4.3 处置措施", "10 附件"]),
        ("ab.joint.flood", ["1 总则", "3.4 预警行动", "3.4.1 措施 joint-patrol"]),
        ("hx.unit.comprehensive", ["1 总则", "1.1 适用范围", "1.2 响应分级", "2 应急组织机构及职责", "3 应急响应", "3.1 信息报告",
                                   "3.2 预警", "3.3 响应启动", "3.4 应急处置", "3.5 应急支援", "3.6 响应终止", "4 后期处置",
                                   "5 应急保障", "5.1 通信与信息保障", "5.2 应急队伍保障", "5.3 物资装备保障", "5.4 其他保障"]),
        ("hx.unit.hazard-specific", ["1 适用范围", "2 应急组织机构及职责", "3 响应启动", "4 处置措施", "5 应急保障"]),
        ("hx.unit.on-site", ["1 事故风险描述", "2 应急工作职责", "3 应急处置", "3.1 应急处置程序", "3.2 现场应急处置措施",
                             "3.3 报警报告流程及内容", "4 注意事项"]),
    ])
    func outline(id: String, expected: [String]) throws {
        let headings = Self.headings(PlanDocument.build(try Self.plan(id), Self.context))
        for heading in expected { #expect(headings.contains(heading), "\(id): no heading '\(heading)' in \(headings)") }
    }

    @Test("a section the plan says nothing about is the visible placeholder")
    func placeholder() throws {
        let blocks = PlanDocument.build(try Self.plan("hx.dept.transport"), Self.context).blocks
        let i = try #require(blocks.firstIndex(of: .heading(level: 2, number: "1.1", text: "编制目的")))
        #expect(blocks[i + 1] == .placeholder("（待补充）"))
        let flood = PlanDocument.build(try Self.plan("hx.flood"), Self.context).blocks
        let j = try #require(flood.firstIndex(of: .heading(level: 2, number: "1.1", text: "编制目的")))
        #expect(flood[j + 1] != .placeholder("（待补充）"))
    }

    @Test("names in Chinese with their ids, dates as 2025年5月10日")
    func names() throws {
        let document = PlanDocument.build(try Self.plan("hx.flood"), Self.context)
        let text = MarkdownWriter.write(document)
        #expect(text.contains("水利部门（water\\-resources）") || text.contains("水利部门（water-resources）"))
        #expect(text.contains("洪涝灾害（flood）"))
        #expect(document.subtitle.contains("2025年5月10日印发"))
        #expect(document.subtitle.contains("河县人民政府"))
    }

    @Test("one action card per agency, each ending with a page break, with what it does and whom to call")
    func cards() throws {
        let plan = try Self.plan("hx.flood")
        let cards = ActionCards.build(plan, Self.context)
        let titles = cards.blocks.enumerated().compactMap { i, b -> Int? in
            if case .heading(1, _, _) = b { return i }
            return nil
        }
        #expect(titles.count == 2, "water-resources and emergency-management")
        #expect(cards.blocks.filter { $0 == .pageBreak }.count == 2)
        #expect(cards.blocks.last == .pageBreak)
        let text = Self.normal(MarkdownWriter.write(cards).replacingOccurrences(of: "\\", with: ""))
        #expect(text.contains("应急处置卡：水利部门（water-resources）"))
        #expect(text.contains("0371-1234567"))
        #expect(text.contains("协同单位"), "evacuate is done with the other agency")
        #expect(text.contains("修复水毁堤防"))
    }

    @Test("the filing form and the drafting notes: parent and version, where filed, docking and lint status")
    func filing() throws {
        let plan = try Self.plan("hx.unit.comprehensive")
        let form = FilingPackage.form(plan, Self.context)
        guard case .table(let table) = try #require(form.blocks.first) else {
            Issue.record("the form is a table")
            return
        }
        let cells = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0], $0[1]) })
        #expect(cells["预案编号"] == "hx.unit.comprehensive")
        #expect(cells["版本号"] == "1.0")
        #expect(cells["上级预案及版本"] == "河县突发事件总体应急预案（hx.master），第 2.0 版")
        #expect(cells["备案机关"] == "河县应急管理部门（emergency-management）")
        #expect(cells["备案日期"] == "（待补充）")
        #expect(cells["印发日期"] == "2025年2月1日")
        let notes = MarkdownWriter.write(FilingPackage.notes(plan, Self.context))
        let errors = Self.analysis.result.diagnostics.filter { $0.location.file.hasSuffix("hx/unit/comprehensive.yaml") && $0.severity == .error }
        #expect(!errors.isEmpty)
        #expect(notes.contains("错误 \(errors.count) 个"))
        for error in errors { #expect(notes.contains(error.rule.rawValue)) }
        #expect(notes.contains("2026年1月1日"))
        #expect(notes.contains("已衔接"))
        let external = FilingPackage.form(try Self.plan("hx.master"), Self.context)
        guard case .table(let t2) = try #require(external.blocks.first) else { return }
        #expect(t2.rows.first { $0[0] == "备案机关" }?[1] == "城市人民政府", "an external parent: the government of its region")
    }

    static let hostile = "a <b>x</b> & ]]> \"q\" 'p' | *s* _u_ `c` [l](u) \u{07}\u{1B}\u{85} end"

    static var hostileDocument: PublishedDocument {
        PublishedDocument(title: hostile, subtitle: [hostile], language: "zh-CN", blocks: [
            .heading(level: 1, number: "1", text: hostile), .paragraph(hostile), .labelled(label: "标签：", text: hostile),
            .list([hostile, "1. x", "- y", "# z"]), .table(Table(header: ["h|1", hostile], rows: [[hostile, "a\nb"]])),
            .placeholder(hostile), .pageBreak,
        ])
    }

    @Test("hostile text stays text in HTML: entities for <>&\"', no control character")
    func hostileHTML() {
        let html = HTMLWriter.write(Self.hostileDocument)
        #expect(!html.contains("<b>"))
        #expect(!html.contains("]]>"))
        #expect(html.contains("a &lt;b&gt;x&lt;/b&gt; &amp; ]]&gt; &quot;q&quot; &apos;p&apos; | *s*"))
        #expect(!html.unicodeScalars.contains { $0.value == 0x07 || $0.value == 0x1B || $0.value == 0x85 })
        #expect(html.contains("\u{FFFD}\u{FFFD}\u{FFFD} end"))
        #expect(html.contains("size: A4; margin: 37mm 26mm 35mm 28mm"))
    }

    @Test("hostile text stays text in Markdown: escaped, and pandoc reads back exactly the text")
    func hostileMarkdown() throws {
        let markdown = MarkdownWriter.write(Self.hostileDocument)
        #expect(markdown.contains("a \\<b\\>x\\</b\\> \\& \\]\\]\\> \\\"q\\\" \\'p\\' \\| \\*s\\* \\_u\\_ \\`c\\` \\[l\\](u)"))
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x07 || $0.value == 0x1B || $0.value == 0x85 })
        guard Self.hasPandoc else {
            Issue.record("pandoc is not installed: run 'make test-deps'")
            return
        }
        let expected = Self.normal("a <b>x</b> & ]]> \"q\" 'p' | *s* _u_ `c` [l](u) \u{FFFD}\u{FFFD}\u{FFFD} end")
        for (text, format) in [(markdown, "markdown"), (HTMLWriter.write(Self.hostileDocument), "html")] {
            let plain = try Self.pandoc(text, from: format)
            #expect(Self.normal(plain).components(separatedBy: expected).count - 1 >= 6, "\(format): \(plain)")
            #expect(plain.contains("1. x") && plain.contains("- y") && plain.contains("# z"), "\(format): list items stay text")
            #expect(plain.contains("h|1"))
        }
    }

    @Test("every export key in the sources is in both catalogues")
    func catalogue() throws {
        let folder = "\(Self.root)/Sources/EPlanKit/Export"
        let pattern = try Regex(#""(export\.[a-z0-9.-]+)""#)
        var seen = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(match.output[1].substring ?? "")
                seen += 1
                #expect(Catalogue.en[key] != nil && Catalogue.zhCN[key] != nil, "\(file): '\(key)'")
            }
        }
        #expect(seen > 100)
    }
}
