import EPlanLSP
import EPlanYAML
import Testing

@Suite("LSP positions")
struct PositionTests {
    // Line 2: '洪' is 1 UTF-16 unit and 3 UTF-8 bytes; '😀' is 2 UTF-16 units and 4 UTF-8 bytes.
    let text = TextLines("eplan: plan/v1\ntitle: 洪😀x: y\r\nid: a\rlast")

    @Test func eplanMarksMapToUTF16AndUTF8() {
        // 'x' is the 10th scalar of line 2 (t i t l e : space 洪 😀 x).
        let x = SourceMark(line: 2, column: 10)
        #expect(text.position(of: x, .utf16) == Position(line: 1, character: 10))
        #expect(text.position(of: x, .utf8) == Position(line: 1, character: 14))
        #expect(text.position(of: x, .utf32) == Position(line: 1, character: 9))
        #expect(text.mark(of: Position(line: 1, character: 10), .utf16) == x)
        #expect(text.mark(of: Position(line: 1, character: 14), .utf8) == x)
        // The emoji itself: column 9, UTF-16 character 8.
        #expect(text.position(of: SourceMark(line: 2, column: 9), .utf16) == Position(line: 1, character: 8))
    }

    @Test func crlfAndCrEndLines() {
        #expect(text.position(of: SourceMark(line: 3, column: 1), .utf16) == Position(line: 2, character: 0))
        #expect(text.position(of: SourceMark(line: 4, column: 3), .utf16) == Position(line: 3, character: 2))
        #expect(text.line(1) == "title: 洪😀x: y")
        #expect(text.lineCount == 4)
    }

    @Test func positionsPastTheEndAreClamped() {
        #expect(text.offset(of: Position(line: 0, character: 999), .utf16) == 14)
        #expect(text.offset(of: Position(line: 99, character: 0), .utf16) == text.bytes.count)
        #expect(text.position(of: SourceMark(line: 1, column: 999), .utf16) == Position(line: 0, character: 14))
        #expect(text.position(of: SourceMark(line: 99, column: 1), .utf16).line == 3)
        // Half of a surrogate pair goes to the end of the character.
        #expect(text.mark(of: Position(line: 1, character: 9), .utf16) == SourceMark(line: 2, column: 10))
    }

    @Test func libyamlLineBreaksCountForMarksNotForLSP() {
        // NEL (U+0085) and LS (U+2028) end a line for libyaml (eplan's marks) but not for LSP.
        let lines = TextLines("a\u{85}b\u{2028}c\nd")
        #expect(lines.position(of: SourceMark(line: 2, column: 1), .utf16) == Position(line: 0, character: 2))
        #expect(lines.position(of: SourceMark(line: 3, column: 1), .utf16) == Position(line: 0, character: 4))
        #expect(lines.position(of: SourceMark(line: 4, column: 1), .utf16) == Position(line: 1, character: 0))
        #expect(lines.mark(of: Position(line: 0, character: 4), .utf16) == SourceMark(line: 3, column: 1))
    }

    @Test func aByteOrderMarkIsNoColumn() {
        let lines = TextLines([0xEF, 0xBB, 0xBF] + Array("ab".utf8))
        #expect(lines.offset(of: SourceMark(line: 1, column: 2)) == 4)
    }

    @Test func markAndPositionRoundTripOverChineseAndEmoji() {
        let lines = TextLines("名称: 松岭县🚒预案\n  - 👩‍🚒 x\n")
        for line in 1...2 {
            for column in 1...12 {
                let mark = SourceMark(line: line, column: column)
                let offset = lines.offset(of: mark)
                guard lines.mark(at: offset) == mark else { continue }  // past the line's end
                for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
                    #expect(lines.mark(of: lines.position(of: mark, encoding), encoding) == mark)
                }
            }
        }
    }
}
