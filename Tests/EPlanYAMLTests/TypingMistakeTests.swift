@testable import EPlanYAML
import EPlanText
import Testing

private func problems(_ text: String) -> [YAMLProblem] {
    YAMLParser.parse(Array(text.utf8)).problems
}

/// The one problem of a text, as "line:column", English and Chinese.
private func only(_ text: String) throws -> (at: String, en: String, zh: String, helpEN: String, helpZH: String) {
    let found = problems(text)
    #expect(found.count == 1, "\(found.map(\.message))")
    let problem = try #require(found.first)
    return ("\(problem.span.start)", problem.message.text(.en), problem.message.text(.zhCN),
            problem.help?.text(.en) ?? "", problem.help?.text(.zhCN) ?? "")
}

@Suite("Typing mistakes that stop libyaml")
struct YAMLTypingMistakeTests {
    @Test("a full-width colon after a key is reported at the colon, not on the next line", arguments: [
        ("eplan: plan/v1\nid: qs.master\ntitle：青山县防汛预案\nkind: master\n", "3:6"),
        ("eplan: plan/v1\nid: qs.master\ntitle：青山县防汛预案\n", "3:6"),
        ("title：青山县防汛预案\nkind: master\n", "1:6"),
        ("scope:\n  hazards: [flood]\n  severities：[I, II]\nkind: master\n", "3:13"),
        ("members:\n  - agency：fire-rescue\n    role: lead\n", "2:11"),
        ("eplan: plan/v1\ntitle ：青山县\nkind: master\n", "2:7"),
    ])
    func fullWidthColon(text: String, at: String) throws {
        let p = try only(text)
        #expect(p.at == at)
        #expect(p.en == "full-width colon '：' where YAML needs ':'")
        #expect(p.zh == "此处应为半角“:”，写成了全角冒号“：”")
        #expect(p.helpEN == "replace the full-width colon '：' with ':' and put a space after it")
        #expect(p.helpZH == "把全角冒号「：」改为半角「:」，冒号后加一个空格")
    }

    @Test("a full-width comma in a flow mapping is reported at the comma")
    func fullWidthComma() throws {
        let p = try only("actions:\n  - {id: watch， phase: warning}\n")
        #expect(p.at == "2:15")
        #expect(p.en == "full-width comma '，' where YAML needs ','")
        #expect(p.zh == "此处应为半角“,”，写成了全角逗号“，”")
        #expect(p.helpZH == "把全角逗号「，」改为半角「,」")
    }

    @Test("a mapping written with full-width braces is reported at the opening brace, naming every sign")
    func fullWidthBraces() throws {
        let p = try only("actions:\n  - ｛id: watch, phase: warning｝\n")
        #expect(p.at == "2:5")
        #expect(p.en == "full-width brace '｛' where YAML needs '{'")
        #expect(p.helpEN == "replace the full-width signs '｛', '｝' with '{', '}'")
        #expect(p.helpZH == "把全角符号「｛」、「｝」分别改为半角「{」、「}」")
    }

    @Test("a flow list closed with a full-width bracket is reported at the bracket")
    func fullWidthClosingBracket() throws {
        let p = try only("hazards: [flood, drought］\nkind: master\n")
        #expect(p.at == "1:25")
        #expect(p.en == "full-width bracket '］' where YAML needs ']'")
    }

    @Test("a quote left open to the end of the file is reported at the opening quote")
    func unclosedToEnd() throws {
        let p = try only("eplan: plan/v1\nid: qs.master\ntitle: \"青山县防汛预案\nkind: master\n")
        #expect(p.at == "3:8")
        #expect(p.en == "unclosed quote: the value starts with '\"' but has no closing '\"'")
        #expect(p.zh == "引号没有闭合：值以“\"”开头，却没有结尾的“\"”")
        #expect(p.helpZH.hasPrefix("在值的末尾补上“\"”"))
    }

    @Test("a quote left open up to the next quoted value is reported at its opening quote", arguments: [
        ("eplan: plan/v1\nid: qs.master\ntitle: \"青山县防汛预案\nkind: master\nversion: \"1\"\nlevel: county\n", "3:8", "\""),
        ("a: x\nb: '青山县\nc: d\ne: 'f'\ng: h\n", "2:4", "'"),
    ])
    func unclosedToNextQuote(text: String, at: String, quote: String) throws {
        let p = try only(text)
        #expect(p.at == at)
        #expect(p.en == "unclosed quote: the value starts with '\(quote)' but has no closing '\(quote)'")
    }

    @Test("ASCII quotes inside a quoted value are reported at the value's opening quote", arguments: [
        ("actions:\n  - id: a\n    how: \"组织开辟\"应急通道\"\n    when: x\n", "3:10"),
        ("actions:\n  - {id: a, how: \"开辟\"应急通道\"\", when: x}\n", "2:18"),
    ])
    func nestedQuotes(text: String, at: String) throws {
        let p = try only(text)
        #expect(p.at == at)
        #expect(p.en == "quotes inside a quoted value: the value ends at the second '\"' and the rest of the line is left over")
        #expect(p.zh == "引号里又套了同样的引号：值在第二个“\"”处就结束了，后面的文字无法解析")
        #expect(p.helpEN.contains("“…” or 「…」") && p.helpEN.contains("single quotes"))
        #expect(p.helpZH.contains("中文引号“”或「」") && p.helpZH.contains("单引号"))
    }

    @Test("Chinese text with full-width punctuation, in every place text goes, is no problem")
    func normalChineseText() {
        let text = """
            title: 青山县防汛应急预案（试行）：2026年版
            duties: [组织抢险，转移群众；保障供电、供水, 协调（配合）救援]
            how: "开辟“应急通道”，疏散群众：先老弱、后青壮"
            when: 接报后，立即：30分钟内
            notes: |
              APP：推送预警，短信［备用］
              key：value 只是文字
            reason: 山洪、地质灾害｛重点｝
            - 不是列表
            """
        // The last line is a real YAML error (a list item inside a mapping): libyaml's own problem, not a typing one.
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.message.text(.en).hasPrefix("did not find expected key") == true
                || found.first?.message.text(.en).hasPrefix("block sequence entries are not allowed") == true,
                "\(found.map(\.message))")
        let clean = text.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        #expect(problems(clean).isEmpty)
    }

    @Test("a syntax error that is no typing mistake keeps libyaml's words, in English exactly as libyaml says them")
    func otherErrorsStay() throws {
        let p = try only("a: b: c\n")
        #expect(p.en == "mapping values are not allowed in this context")
        #expect(p.zh == "此处不能出现键值对（“: ”）")
        let q = try only("key: [a, b\nother: c\n")
        #expect(q.en.hasPrefix("did not find expected ',' or ']' while parsing a flow sequence that starts at line 1"))
        #expect(q.zh.hasPrefix("读取方括号 […] 里的列表（从第 1 行开始）时，找不到应有的“,”或“]”"))
    }

    @Test("a GBK file is named as GBK, at its first byte that is not UTF-8, with how to save it as UTF-8")
    func gbk() throws {
        // "title: 青山县" with 青山县 in GBK: C7E0 C9BD CFD8.
        let bytes = Array("eplan: plan/v1\nid: qs.master\ntitle: ".utf8) + [0xC7, 0xE0, 0xC9, 0xBD, 0xCF, 0xD8] + Array("\nkind: master\n".utf8)
        let found = YAMLParser.parse(bytes).problems
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.kind == .syntax)
        #expect(problem.span.start == SourceMark(line: 3, column: 8))
        #expect(problem.message.text(.en) == "the file is encoded as GBK (GB18030), not UTF-8")
        #expect(problem.message.text(.zhCN) == "文件是 GBK 编码，请另存为 UTF-8")
        let help = try #require(problem.help)
        #expect(help.text(.en).contains("iconv -f GB18030 -t UTF-8 old.yaml > new.yaml"))
        #expect(help.text(.zhCN).contains("WPS 或 Word 中“文件 → 另存为 → 编码选 UTF-8”"))
        #expect(help.text(.zhCN).contains("记事本中“另存为 → 编码：UTF-8”"))
    }

    private static func bytes(_ text: String, _ tail: [UInt8]) -> [UInt8] { Array(text.utf8) + tail }

    static let gbkCases: [([UInt8], Bool)] = [
        (bytes("a: ", [0x81, 0x30, 0x81, 0x30, 0xC7, 0xE0]), true),   // a four-byte character, then 青
        (bytes("a: 青山\nb: ", [0xC7, 0xE0]), true),                    // UTF-8 that happens to pair up, then GBK
        (bytes("a: caf", [0xE9, 0x0A]), false),                         // Latin-1 é before a line break
        (bytes("a: ", [0xFF, 0x0A]), false),
        (bytes("a: ", [0xC7]), false),                                  // a lead byte with nothing after it
    ]

    @Test("GB18030's four-byte characters count; Latin-1 and damaged UTF-8 are not GBK", arguments: gbkCases)
    func gbkOrNot(bytes: [UInt8], isGBK: Bool) throws {
        let problem = try #require(YAMLParser.parse(bytes).problems.first)
        #expect((problem.message.key == "typing.gbk") == isGBK, "\(problem.message)")
    }

    @Test("GB18030 structure")
    func gb18030Structure() {
        func check(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { Encodings.isMultiByteGB18030($0) } }
        #expect(check([0xC7, 0xE0, 0x41]))
        #expect(check([0x81, 0x40]))
        #expect(!check([0x41, 0x42]))           // ASCII only: nothing says GBK
        #expect(!check([0x80, 0x40]))           // 0x80 leads nothing
        #expect(!check([0x81, 0x7F]))           // 0x7F trails nothing
        #expect(!check([0x81, 0x30, 0x81]))     // a four-byte character cut short
        #expect(!check([0x81, 0x30, 0x30, 0x30]))
        func firstBad(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { Encodings.firstInvalidUTF8($0) } }
        #expect(firstBad(Array("青山 ok".utf8)) == nil)
        #expect(firstBad([0x41, 0xC0, 0x80]) == 1)          // overlong
        #expect(firstBad([0x41, 0xED, 0xA0, 0x80]) == 1)    // surrogate
        #expect(firstBad([0x41, 0xE9, 0x9D]) == 1)          // cut short
        #expect(firstBad([0xF4, 0x90, 0x80, 0x80]) == 0)    // past U+10FFFF
    }

    @Test("every libyaml text has a key whose English is libyaml's text and whose Chinese is Chinese")
    func libyamlTexts() {
        for (text, message) in LibYAMLMessages.problems.merging(LibYAMLMessages.contexts, uniquingKeysWith: { a, _ in a }) {
            #expect(message.text(.en) == text)
            #expect(Catalogue.zhCN[message.key] != nil, "\(message.key)")
            #expect(message.text(.zhCN).unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(message.key)")
        }
        let unknown = LibYAMLMessages.problem("found something new")
        #expect(unknown.text(.en) == "found something new")
        #expect(unknown.text(.zhCN) == "YAML 解析出错：“found something new”")
        #expect(LibYAMLMessages.context("while doing something new").text(.zhCN) == "处理“while doing something new”")
    }

    @Test("a long file is re-read a bounded number of times, and a place that explains nothing is not reported")
    func bounded() throws {
        // Lines that look like keys with a full-width colon, but continue a plain value: mending any of
        // them does not get libyaml past the real problem (a tab), which is reported as libyaml says it.
        var text = "how: 第一行\n"
        for i in 0..<20_000 { text += "  APP\(i)：推送\n" }
        text += "kind: master\n\tlevel: county\n"
        let clock = ContinuousClock()
        let started = clock.now
        let p = try only(text)
        #expect(p.at == "20003:1")
        #expect(p.en.hasPrefix("found a tab character that violates indentation"))
        #expect(clock.now - started < .seconds(5))
        // The same lines in a literal block, then a real mistake: found at once.
        var block = "notes: |\n"
        for i in 0..<20_000 { block += "  APP\(i)：推送［\(i)］\n" }
        block += "title：青山县\nkind: master\n"
        #expect(try only(block).at == "20002:6")
    }
}
