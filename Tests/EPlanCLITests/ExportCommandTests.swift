import Foundation
import Testing

/// `eplan export` through the built binary: the files it writes and where, its messages and exit
/// status, broken plans skipped, eplan documents never replaced, hostile text escaped on disk.
@Suite("eplan export")
struct ExportCommandTests {
    static let fixture = "\(CLI.fixtures)/export"
    static let ids = ["hx.master", "hx.flood", "hx.dept.transport", "hx.event.marathon", "ab.joint.flood",
                      "hx.unit.comprehensive", "hx.unit.hazard-specific", "hx.unit.on-site"]

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test("every plan of every kind: the document, the cards and the filing package, in Markdown, HTML and DOCX",
          arguments: [("markdown", "md"), ("html", "html"), ("docx", "docx")])
    func layout(format: String, ext: String) throws {
        let out = try CLI.temporaryFolder()
        let run = try CLI.run(["export", ".", "--format", format, "--out", out, "--today", "2026-01-01", "--lang", "en"], in: Self.fixture)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr == "eplan: exported 8 plans as \(format) to \(out)\n")
        for id in Self.ids {
            for file in ["\(id).\(ext)", "\(id).cards.\(ext)", "\(id).filing/\(id).\(ext)",
                         "\(id).filing/filing-form.\(ext)", "\(id).filing/drafting-notes.\(ext)"] {
                #expect(exists("\(out)/\(file)"), "\(file)")
            }
            #expect(FileManager.default.contents(atPath: "\(out)/\(id).\(ext)")
                    == FileManager.default.contents(atPath: "\(out)/\(id).filing/\(id).\(ext)"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names.count == 24, "\(names)")
        // A rerun replaces the files (reports are output).
        let again = try CLI.run(["export", ".", "--format", format, "--out", out, "--today", "2026-01-01"], in: Self.fixture)
        #expect(again.status == 0)
    }

    @Test("one file exports one plan; messages follow --lang")
    func oneFile() throws {
        let out = try CLI.temporaryFolder()
        let run = try CLI.run(["export", "hx/flood.yaml", "--format", "html", "--out", out, "--lang", "zh-CN"], in: Self.fixture)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "eplan: 已导出1 个预案（html）到 \(out)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["hx.flood.cards.html", "hx.flood.filing", "hx.flood.html"])
    }

    @Test("hostile text is escaped on disk: no raw markup, no control character")
    func hostile() throws {
        let out = try CLI.temporaryFolder()
        _ = try CLI.run(["export", "hx/flood.yaml", "--format", "html", "--out", out], in: Self.fixture)
        _ = try CLI.run(["export", "hx/flood.yaml", "--format", "markdown", "--out", out], in: Self.fixture)
        let html = try String(contentsOfFile: "\(out)/hx.flood.html", encoding: .utf8)
        #expect(!html.contains("<b>") && !html.contains("]]>") && !html.contains("<dykes>"))
        #expect(html.contains("Protect lives &lt;b&gt;&amp; property&lt;/b&gt; ]]&gt; with &apos;care&apos; | *stars* _under_ \u{FFFD} bell"))
        #expect(html.contains("<title>河县防汛应急预案 &lt;Flood &amp; &quot;Storm&quot;&gt; plan</title>"))
        let markdown = try String(contentsOfFile: "\(out)/hx.flood.md", encoding: .utf8)
        #expect(markdown.contains("Patrol \\<dykes\\> \\& report \\]\\]\\> \\\"seepage\\\" \\'now\\' \\| \\*fast\\*"))
        #expect(markdown.contains("| 水利部门（water-resources） | 牵头 | 监测水位 \\<及时\\> \\& 发布预警；duty with \\| pipe and \\*star\\* |"))
        for text in [html, markdown] { #expect(!text.unicodeScalars.contains { $0.value == 0x07 }) }
    }

    @Test("a broken plan is skipped with a message and exit 1; the others are written")
    func broken() throws {
        let repo = try CLI.temporaryFolder()
        for file in ["eplan.yaml", "regions.yaml", "hx/master.yaml", "hx/dept-transport.yaml"] {
            try FileManager.default.createDirectory(atPath: "\(repo)/hx", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: "\(Self.fixture)/\(file)", toPath: "\(repo)/\(file)")
        }
        try "eplan: plan/v1\nid: hx.bad\ntitle: [unclosed\n".write(toFile: "\(repo)/hx/bad.yaml", atomically: true, encoding: .utf8)
        try String(contentsOfFile: "\(repo)/hx/dept-transport.yaml", encoding: .utf8).replacingOccurrences(of: "phase: response", with: "phase: respons")
            .write(toFile: "\(repo)/hx/dept-transport.yaml", atomically: true, encoding: .utf8)
        let out = "\(repo)/out"
        let run = try CLI.run(["export", "--format", "markdown", "--out", "out", "--lang", "en"], in: repo)
        #expect(run.status == 1)
        #expect(run.stderr.contains("eplan: skipped hx/bad.yaml (plan 'hx.bad'): line 4: "))
        #expect(run.stderr.contains("[yaml-syntax]"))
        #expect(run.stderr.contains("eplan: skipped hx/dept-transport.yaml (plan 'hx.dept.transport'): line 13: unknown phase 'respons'"))
        #expect(run.stderr.hasSuffix("eplan: exported 1 plan as markdown to out\n"))
        #expect(exists("\(out)/hx.master.md"))
        #expect(!exists("\(out)/hx.bad.md") && !exists("\(out)/hx.dept.transport.md"))
    }

    @Test("an eplan document in the way is never replaced; a missing path and a bad format are usage errors")
    func refusals() throws {
        let out = try CLI.temporaryFolder()
        let plan = "eplan: plan/v1\nid: keep\n"
        try plan.write(toFile: "\(out)/hx.flood.md", atomically: true, encoding: .utf8)
        let run = try CLI.run(["export", "hx/flood.yaml", "--format", "markdown", "--out", out], in: Self.fixture)
        #expect(run.status == 2)
        #expect(try String(contentsOfFile: "\(out)/hx.flood.md", encoding: .utf8) == plan)
        let missing = try CLI.run(["export", "nowhere", "--format", "markdown", "--out", out], in: Self.fixture)
        #expect(missing.status == 2)
        let format = try CLI.run(["export", "--format", "pdf", "--out", out], in: Self.fixture)
        #expect(format.status == 2)
        let noOut = try CLI.run(["export", "--format", "html"], in: Self.fixture)
        #expect(noOut.status == 2)
    }
}
