import EPlanYAML
import Testing

private func parse(_ text: String, limits: YAMLLimits = .default) -> YAMLDocument {
    YAMLParser.parse(Array(text.utf8), limits: limits)
}

private func parse(bytes: [UInt8]) -> YAMLDocument {
    YAMLParser.parse(bytes)
}

@Suite("YAML marks")
struct MarkTests {
    @Test("keys and values carry 1-based line and column")
    func simpleMarks() throws {
        let doc = parse("a: 1\nlist:\n  - x\n  - {k: v}\n")
        let root = try #require(doc.root)
        #expect(doc.problems.isEmpty)
        let pairs = Array(try #require(root.mapping))
        #expect(pairs[0].key.start == SourceMark(line: 1, column: 1))
        #expect(pairs[0].value.start == SourceMark(line: 1, column: 4))
        let items = Array(try #require(pairs[1].value.sequence))
        #expect(items[0].start == SourceMark(line: 3, column: 5))
        #expect(items[1].start == SourceMark(line: 4, column: 5))
        let k = try #require(items[1].mapping?.first)
        #expect(k.value.span == SourceSpan(start: SourceMark(line: 4, column: 9), end: SourceMark(line: 4, column: 10)))
    }

    @Test("columns count Unicode scalars, so Chinese text counts one per character")
    func chineseColumns() throws {
        let doc = parse("title: 临县防汛预案\nname: 临县 x: y\n")
        // The second line is an error: 'x: y' inside a plain scalar. Its column is counted in scalars.
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .syntax)
        #expect(problem.span.start == SourceMark(line: 2, column: 11))
        let ok = parse("title: 临县防汛预案\nowner: 水利局\n")
        let pairs = Array(try #require(ok.root?.mapping))
        #expect(pairs[1].value.start == SourceMark(line: 2, column: 8))
        #expect(pairs[0].value.span.end == SourceMark(line: 1, column: 14))
        #expect(pairs[0].value.scalar == "临县防汛预案")
    }

    @Test("a UTF-8 byte-order mark is accepted and does not count as a column")
    func byteOrderMark() throws {
        let doc = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a: b\nc: [d]\n".utf8))
        #expect(doc.problems.isEmpty)
        let pairs = Array(try #require(doc.root?.mapping))
        #expect(pairs[0].key.start == SourceMark(line: 1, column: 1))
        #expect(pairs[1].value.sequence?.first?.start == SourceMark(line: 2, column: 5))
    }

    @Test("CRLF line endings count as one break")
    func crlf() throws {
        let doc = parse("a: 1\r\nb:\r\n  - c\r\n")
        #expect(doc.problems.isEmpty)
        let pairs = Array(try #require(doc.root?.mapping))
        #expect(pairs[1].key.start == SourceMark(line: 2, column: 1))
        #expect(pairs[1].value.sequence?.first?.start == SourceMark(line: 3, column: 5))
        #expect(pairs[1].value.sequence?.first?.scalar == "c")
    }

    @Test("byte offsets map to line and column", arguments: [
        ("ab\ncd", 4, SourceMark(line: 2, column: 2)),
        ("ab\r\ncd", 5, SourceMark(line: 2, column: 2)),
        ("临县\nx", 6, SourceMark(line: 1, column: 3)),
        ("\u{FEFF}ab", 4, SourceMark(line: 1, column: 2)),
    ])
    func offsets(text: String, offset: Int, expected: SourceMark) {
        let bytes = Array(text.utf8)
        let mark = bytes.withUnsafeBufferPointer { YAMLParser.mark(atByteOffset: offset, in: $0) }
        #expect(mark == expected)
    }
}

@Suite("YAML scalars and nodes")
struct NodeTests {
    @Test("null is ~, null, Null, NULL or nothing, but not a quoted string")
    func nulls() throws {
        let doc = parse("a:\nb: ~\nc: null\nd: ''\ne: 'null'\nf: NULL\n")
        let pairs = Array(try #require(doc.root?.mapping))
        #expect(pairs.map(\.value.isNull) == [true, true, true, false, false, true])
    }

    @Test("a scalar keeps the text as written: 2.10 stays 2.10")
    func literalText() throws {
        let doc = parse("version: 2.10\nquoted: \"3.1\"\n")
        #expect(doc.root?["version"]?.scalar == "2.10")
        #expect(doc.root?["quoted"]?.scalar == "3.1")
    }

    @Test("a scalar may contain NUL through an escape")
    func embeddedNul() throws {
        let doc = parse("a: \"x\\0y\"\n")
        #expect(doc.root?["a"]?.scalar == "x\u{0}y")
    }

    @Test("aliases stand for their anchored node")
    func aliases() throws {
        let doc = parse("base: &b [flood, drought]\ncopy: *b\n")
        #expect(doc.problems.isEmpty)
        #expect(doc.root?["copy"]?.sequence?.compactMap(\.scalar) == ["flood", "drought"])
        #expect(doc.root?["copy"]?.start == SourceMark(line: 2, column: 7))
    }

    @Test("an alias without an anchor is a syntax problem")
    func undefinedAlias() throws {
        let doc = parse("a: *nowhere\n")
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .syntax)
        #expect(problem.message.english == "alias '*nowhere' refers to no anchor defined before it")
        #expect(problem.span.start == SourceMark(line: 1, column: 4))
    }

    @Test("empty input, only comments and a lone BOM hold no document and no problem",
          arguments: ["", "# only a comment\n# and another\n", "\u{FEFF}", "\n\n"])
    func emptyDocuments(text: String) {
        let doc = parse(text)
        #expect(doc.root == nil)
        #expect(doc.problems.isEmpty)
    }
}

@Suite("YAML problems")
struct ProblemTests {
    @Test("a syntax error is at libyaml's problem mark, in plain words, with a hint")
    func syntaxError() throws {
        let doc = parse("a: b\n  c: d\n")
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .syntax)
        #expect(problem.message.english == "mapping values are not allowed in this context")
        #expect(problem.span.start == SourceMark(line: 2, column: 4))
        #expect(problem.help?.english.contains("quote the value") == true)
        #expect(doc.isComplete == false)
    }

    @Test("an unclosed flow list names where it started")
    func unclosedFlow() throws {
        let doc = parse("a: [1, 2\nb: c\n")
        let problem = try #require(doc.problems.first)
        #expect(problem.message.english.hasPrefix("did not find expected ',' or ']' while parsing a flow sequence"))
        #expect(problem.message.english.hasSuffix("that starts at line 1"))
    }

    @Test("a tab used for indentation is a syntax error")
    func tabIndentation() throws {
        let doc = parse("a:\n\tb: c\n")
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .syntax)
        #expect(problem.span.start.line == 2)
    }

    @Test("invalid UTF-8 is located at the bad byte", arguments: [
        ([0x61, 0x3A, 0x20, 0xFF, 0x0A] as [UInt8], SourceMark(line: 1, column: 4), "0xFF"),
        (Array("a: ok\nb: x".utf8) + [0xC3, 0x28, 0x0A], SourceMark(line: 2, column: 6), "trailing UTF-8 octet (byte 0x28)"),
        // A cut-off sequence at the end (not E4 B8, which with é's C3 A9 is well-formed GB18030: a GBK file).
        (Array("a: é\nb: ".utf8) + [0xF0, 0x9F, 0x98], SourceMark(line: 2, column: 4), ""),
        (Array("a: ".utf8) + [0xED, 0xA0, 0x80], SourceMark(line: 1, column: 4), ""),
    ])
    func invalidUTF8(bytes: [UInt8], at mark: SourceMark, byte: String) throws {
        let doc = parse(bytes: bytes)
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .syntax)
        #expect(problem.message.english.hasPrefix("the file is not valid UTF-8"))
        // (An empty `byte`: no byte is named. Foundation's `contains` finds no empty string.)
        #expect(byte.isEmpty || problem.message.english.contains(byte))
        #expect(problem.span.start == mark)
    }

    @Test("a NUL byte is a syntax problem at its place")
    func nulByte() throws {
        let doc = parse(bytes: Array("a: b\nc: d".utf8) + [0x00] + Array("\n".utf8))
        let problem = try #require(doc.problems.first)
        #expect(problem.message.english == "the file contains a NUL byte, which YAML does not allow")
        #expect(problem.span.start == SourceMark(line: 2, column: 5))
    }

    @Test("UTF-16 and UTF-32 files are rejected in plain words", arguments: [
        ([0xFF, 0xFE, 0x61, 0x00], "UTF-16"), ([0xFE, 0xFF, 0x00, 0x61], "UTF-16"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x61, 0, 0, 0], "UTF-32"), ([0x00, 0x00, 0xFE, 0xFF], "UTF-32"),
    ] as [([UInt8], String)])
    func utf16(bytes: [UInt8], name: String) throws {
        let doc = parse(bytes: bytes)
        let problem = try #require(doc.problems.first)
        #expect(problem.message.english == "the file is encoded as \(name); eplan reads UTF-8 only")
        #expect(problem.span.start == .start)
    }

    @Test("a duplicate key is reported at the second key, which is left out of the tree")
    func duplicateKey() throws {
        let doc = parse("id: a\ntitle: t\nid: b\n")
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .duplicateKey(key: "id", first: SourceMark(line: 1, column: 1)))
        #expect(problem.span.start == SourceMark(line: 3, column: 1))
        #expect(doc.root?["id"]?.scalar == "a")
        #expect(doc.root?.mapping?.count == 2)
        #expect(doc.isComplete)
    }

    @Test("duplicates are found in large mappings too")
    func duplicateInLargeMapping() throws {
        var text = (0..<5000).map { "k\($0): \($0)" }.joined(separator: "\n")
        text += "\nk42: again\n"
        let doc = parse(text)
        #expect(doc.problems.count == 1)
        #expect(doc.problems.first?.span.start.line == 5001)
        #expect(doc.problems.first?.kind == .duplicateKey(key: "k42", first: SourceMark(line: 43, column: 1)))
    }

    @Test("a repeated key leaves the tape with its whole value; later siblings and anchors stay right")
    func duplicateWithNestedValue() throws {
        let doc = parse("a: &x [1, 2]\nb: {c: 1}\na: &y {d: [3, 4], e: 5}\nf: *x\ng: *y\n")
        #expect(doc.problems.map(\.kind) == [.duplicateKey(key: "a", first: SourceMark(line: 1, column: 1)),
                                            .syntax])
        #expect(doc.problems.last?.message.english == "alias '*y' refers to no anchor defined before it")
        let keys = try #require(doc.root?.mapping).compactMap(\.key.scalar)
        #expect(keys == ["a", "b", "f", "g"])
        #expect(doc.root?["f"]?.sequence?.compactMap(\.scalar) == ["1", "2"])
        #expect(doc.root?["b"]?["c"]?.scalar == "1")
    }

    @Test("aliases as keys and to mappings resolve; tags and styles are kept")
    func aliasKeysAndTags() throws {
        let doc = parse("k: &k name\nm: &m {x: !!str 1, y: 'q'}\n*k : dup\nn: *m\n")
        #expect(doc.problems.isEmpty)
        #expect(doc.root?["name"]?.scalar == "dup")
        let n = try #require(doc.root?["n"])
        #expect(n.kind == .mapping)
        #expect(n.start == SourceMark(line: 4, column: 4))
        #expect(n["x"]?.tag == "tag:yaml.org,2002:str")
        #expect(n["x"]?.isNull == false)
        #expect(n["y"]?.style == .singleQuoted)
        #expect(n["x"]?.isScalar("1") == true)
    }

    @Test("documents after the first are reported, each at its start")
    func extraDocuments() throws {
        let doc = parse("a: 1\n---\nb: 2\n---\nc: 3\n")
        #expect(doc.problems.map(\.kind) == [.extraDocument, .extraDocument])
        #expect(doc.problems.map(\.span.start.line) == [2, 4])
        #expect(doc.root?["a"]?.scalar == "1")
        #expect(doc.root?["b"] == nil)
    }
}

@Suite("YAML limits")
struct LimitTests {
    @Test("nesting up to the limit is fine; one deeper is a limit problem", arguments: [true, false])
    func nesting(flow: Bool) throws {
        func nested(_ depth: Int) -> String {
            if flow { return String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
            return (0..<depth).map { String(repeating: "  ", count: $0) + "k:" }.joined(separator: "\n") + " v\n"
        }
        let limits = YAMLLimits(nesting: 64)
        #expect(parse(nested(64), limits: limits).problems.isEmpty)
        let deep = parse(nested(65), limits: limits)
        let problem = try #require(deep.problems.first)
        #expect(problem.kind == .limit)
        #expect(problem.message.english == "nesting is deeper than 64 levels")
        #expect(deep.root == nil)
    }

    @Test("very deep nesting stops at once instead of taking libyaml's quadratic time")
    func veryDeep() throws {
        let text = String(repeating: "[", count: 100_000)
        let doc = parse(text)
        #expect(doc.problems.first?.kind == .limit)
        let block = String(repeating: "{a: ", count: 100_000)
        #expect(parse(block).problems.first?.kind == .limit)
    }

    @Test("a billion-laughs alias bomb is rejected")
    func aliasBomb() throws {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1...9 {
            let previous = String(UnicodeScalar(UInt8(0x61 + i - 1)))
            let name = String(UnicodeScalar(UInt8(0x61 + i)))
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        let doc = parse(lines.joined(separator: "\n") + "\n")
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .limit)
        #expect(problem.message.english == "aliases expand this document by more than 100000 nodes")
        #expect(problem.span.start.line == 5)
        #expect(doc.root == nil)
    }

    @Test("aliases within the limit are fine, and the limit is a setting")
    func aliasesWithinLimit() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        #expect(parse(text).problems.isEmpty)
        let tight = parse(text, limits: YAMLLimits(aliasNodes: 10))
        #expect(tight.problems.first?.kind == .limit)
        #expect(tight.problems.first?.span.start == SourceMark(line: 2, column: 13))
    }
}
