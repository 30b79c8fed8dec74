import EPlanKit
import EPlanText
import EPlanYAML
import Testing

/// Terminal columns of text (`DisplayWidth`), and the text report's caret under lines that hold
/// Chinese, in both languages.
@Suite("Display width and carets under Chinese text")
struct DisplayWidthTests {
    @Test("East Asian wide and fullwidth characters take two columns, combining marks none, the rest one", arguments: [
        ("a", 1), (" ", 1), ("é", 1), ("~", 1),
        ("临", 2), ("县", 2), ("龘", 2), ("㐀", 2), ("𠀀", 2), ("豈", 2),  // ideographs: URO, Ext A, Ext B, compatibility
        ("，", 2), ("：", 2), ("［", 2), ("］", 2), ("｛", 2), ("）", 2), ("！", 2), ("Ａ", 2), ("１", 2),  // fullwidth forms
        ("￥", 2), ("￡", 2),  // fullwidth signs FFE0–FFE6
        ("。", 2), ("、", 2), ("「", 2), ("《", 2), ("〇", 2), ("\u{3000}", 2),  // CJK punctuation, ideographic space
        ("あ", 2), ("カ", 2), ("ㄅ", 2), ("한", 2), ("ᄀ", 2), ("ㄱ", 2),  // kana, Bopomofo, Hangul
        ("😀", 2), ("⌚", 2),
        ("ｱ", 1), ("ﾟ", 1),  // halfwidth katakana stays narrow
        ("\u{303F}", 1), ("䷀", 1),  // half fill space, Yijing hexagrams: narrow though near CJK
        ("…", 1), ("—", 1), ("“", 1), ("·", 1), ("Ⅳ", 1),  // East Asian Ambiguous: one column
        ("\u{0301}", 0), ("\u{200B}", 0), ("\u{FE0F}", 0), ("\u{3099}", 0),  // combining, zero-width, variation selector
    ] as [(String, Int)])
    func scalar(character: String, width: Int) {
        #expect(DisplayWidth.of(character) == width, "\(character.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("a text's width is the sum of its characters'; padding counts columns")
    func text() {
        #expect(DisplayWidth.of("title: 临县") == 11)
        #expect(DisplayWidth.of("who: [energy，emergency]") == 24)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.pad("缺失", to: 8) == "缺失    ")
        #expect(DisplayWidth.pad("covered", to: 8) == "covered ")
        #expect(DisplayWidth.pad("本预案增设", to: 8) == "本预案增设")
    }

    func span(_ line: Int, _ from: Int, _ to: Int) -> SourceSpan {
        SourceSpan(start: SourceMark(line: line, column: from), end: SourceMark(line: line, column: to))
    }

    /// The column, in terminal cells, where the caret of a rendered report starts, relative to the excerpt text.
    func caretCell(_ report: String) -> (line: String, caretOffset: Int)? {
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let i = lines.firstIndex(where: { $0.contains(" | ") && $0.hasPrefix("    ") }), i + 1 < lines.count else { return nil }
        let source = lines[i], caret = lines[i + 1]
        guard let bar = source.range(of: " | "), let caretBar = caret.range(of: " | ") else { return nil }
        let text = String(source[bar.upperBound...])
        let marks = String(caret[caretBar.upperBound...])
        guard let hat = marks.firstIndex(of: "^") else { return nil }
        return (text, DisplayWidth.of(marks[..<hat]))
    }

    @Test("the caret sits under the right character after Chinese text, in English and in Chinese", arguments: [Language.en, .zhCN])
    func caretUnderChinese(language: Language) {
        // The finding is at 'V', after Chinese characters and full-width punctuation.
        let line = "  - {trigger: 本镇发生一般洪涝灾害（Ⅳ级），抢险, level: V, lead: office}"
        let column = Array(line.unicodeScalars).firstIndex(of: "V")! + 1
        let sources = SourceLines { _ in Array(line.utf8) }
        let d = Diagnostic(RuleID("schema-value"), Message("report.help-line", ["help": "x"]),
                           at: Location(file: "plan.yaml", span: span(1, column, column + 1)))
        let report = TextReport(color: false, quiet: true, sources: sources, language: language)
            .render(LintResult(diagnostics: [d], files: 1, plans: 1), seconds: nil)
        guard let (text, offset) = caretCell(report) else {
            Issue.record("no excerpt in \(report)")
            return
        }
        #expect(text == line)
        let before = String(String.UnicodeScalarView(line.unicodeScalars.prefix(column - 1)))
        #expect(offset == DisplayWidth.of(before), "\(report)")
        #expect(offset == 56)  // 14 + 10 ideographs + （ Ⅳ 级 ） ， + 2 ideographs + 9
    }

    @Test("a span over Chinese text is underlined two columns per character")
    func underline() {
        let (text, caret) = TextReport.excerpt("title：青山县应急预案", span: span(1, 6, 7))
        #expect(text == "title：青山县应急预案")
        #expect(caret == "     ^~")
        let (_, wide) = TextReport.excerpt("name: 青山县", span: span(1, 7, 10))
        #expect(wide == "      ^~~~~~")
    }
}
