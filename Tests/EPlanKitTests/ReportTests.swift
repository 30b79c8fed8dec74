import EPlanText
import EPlanKit
import EPlanYAML
import Testing

@Suite("Reports")
struct ReportTests {
    func span(_ line: Int, _ from: Int, _ to: Int) -> SourceSpan {
        SourceSpan(start: SourceMark(line: line, column: from), end: SourceMark(line: line, column: to))
    }

    @Test("the caret sits under the span, counting wide characters twice and keeping tabs")
    func caret() {
        let (text, caret) = TextReport.excerpt("title: 临县 flood", span: span(1, 8, 10))
        #expect(text == "title: 临县 flood")
        #expect(caret == "       ^~~~")
        let (_, tabbed) = TextReport.excerpt("\tkey: v", span: span(1, 2, 5))
        #expect(tabbed == "\t^~~")
        let (_, after) = TextReport.excerpt("ab", span: span(1, 3, 3))
        #expect(after == "  ^")
    }

    @Test("very long lines are clipped around the column")
    func longLine() {
        let line = String(repeating: "x", count: 10_000) + "BAD" + String(repeating: "y", count: 10_000)
        let (text, caret) = TextReport.excerpt(Substring(line), span: span(1, 10_001, 10_004))
        #expect(text.count < 200)
        #expect(text.hasPrefix("…") && text.hasSuffix("…"))
        let offset = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
        let bad = text.firstRange(of: "BAD").map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        #expect(offset == bad)
    }

    @Test("control characters in plan text cannot reach the terminal")
    func controlCharacters() {
        #expect(TextReport.oneLine("a\nb\u{1B}[2Jc") == "a\\nb\\u{1b}[2Jc")
        let (text, _) = TextReport.excerpt("a: \u{1B}[31mred", span: span(1, 1, 2))
        #expect(!text.contains("\u{1B}"))
    }

    @Test("JSON strings escape quotes, control characters and line separators")
    func jsonEscaping() {
        let out = JSON.string("a\"b\\c\n\u{1}\u{2028}临").rendered(pretty: false)
        #expect(out == "\"a\\\"b\\\\c\\n\\u0001\\u2028临\"")
        #expect(JSON.string("\u{85}\u{9F}\u{A0}é\u{7F}").rendered(pretty: false) == "\"\\u0085\\u009f\u{A0}é\\u007f\"")
        #expect(JSON.object([("k", .array([.int(1), .null]))]).rendered(pretty: false) == "{\"k\":[1,null]}")
    }

    @Test("the summary line speaks in singular and plural")
    func summary() {
        let d = Diagnostic(.schemaValue, Message("plan.this"), at: Location(file: "f", span: span(1, 1, 2)))
        let report = TextReport(color: false, quiet: false, sources: SourceLines { _ in nil })
        #expect(report.summary(LintResult(diagnostics: [d], files: 1, plans: 1), seconds: 0.123)
            == "1 error, 0 warnings, 0 notes in 1 file (1 plan) in 0.12s")
    }
}

@Suite("Escaping in every format")
struct EscapingTests {
    static let hostile = "a|b\nc\r<script>&\"'`#%:,\u{1}\u{85}\u{7F}"

    @Test("JUnit XML: markup escaped, control characters shown, characters XML cannot hold replaced")
    func junit() {
        let escaped = JUnitReport.escape(Self.hostile)
        #expect(escaped == "a|b&#10;c&#13;&lt;script&gt;&amp;&quot;&apos;`#%:,\\u{1}\\u{85}\\u{7f}")
        #expect(JUnitReport.escape("x\u{FFFE}") == "x\u{FFFD}")
    }

    @Test("Markdown table cells: pipes escaped, line breaks flattened, no code spans or tags")
    func markdown() {
        let cell = DiffReport.cell(Self.hostile)
        #expect(cell == "a\\|b c &lt;script>&\"''#%:,\\u{1}\\u{85}\\u{7f}")
        #expect(DiffReport.cell("a\r\nb") == "a b")
        #expect(!cell.contains("\n"))
    }

    @Test("DOT and Mermaid labels")
    func graphLabels() {
        #expect(GraphReport.dotString("x\"y\\z\nw") == "\"x\\\"y\\\\z\\nw\"")
        #expect(GraphReport.mermaidString("<b>\"#&`") == "\"#lt;b#gt;#quot;#35;#amp;#96;\"")
        #expect(GraphReport.dotString("a\u{1B}\u{85}") == "\"a\\\\u{1b}\\\\u{85}\"")
    }

    @Test("graph titles wrap after spaces and CJK characters, before brackets")
    func wrappedTitles() {
        #expect(GraphReport.wrapped("示例县突发事件总体应急预案 (Example County Master Emergency Plan)")
            == "示例县突发事件总体应急预案\n(Example County Master\nEmergency Plan)")
        #expect(GraphReport.wrapped("short") == "short")
        #expect(GraphReport.wrapped("一二三四五六七八九十一二三四五六七八", width: 10) == "一二三四五\n六七八九十\n一二三四五\n六七八")
    }

    @Test("HTML")
    func html() {
        #expect(HTMLReport.escape("<a href='x'>\"&</a>") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&lt;/a&gt;")
        #expect(HTMLReport.escape("a\u{1B}[2J\u{85}") == "a\\u{1b}[2J\\u{85}")
    }
}
