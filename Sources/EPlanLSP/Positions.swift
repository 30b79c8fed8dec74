import EPlanYAML

/// How LSP positions count characters within a line (LSP 3.17 `PositionEncodingKind`).
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// An LSP position: 0-based line, 0-based character in the session's encoding.
public struct Position: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }

    var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }

    init?(_ json: JSONValue?) {
        guard let json, let line = json["line"]?.int, let character = json["character"]?.int else { return nil }
        self.init(line: max(0, line), character: max(0, character))
    }
}

public struct Range: Sendable, Hashable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    var json: JSONValue { .object([("start", start.json), ("end", end.json)]) }

    init?(_ json: JSONValue?) {
        guard let json, let start = Position(json["start"]), let end = Position(json["end"]) else { return nil }
        self.init(start: min(start, end), end: max(start, end))
    }
}

/// The lines of a text, two ways: as LSP counts them (LF, CRLF and CR end a line) and as eplan's
/// marks count them (libyaml's: also NEL, LS and PS; columns in Unicode scalars, 1-based). Converts
/// exactly between eplan marks, byte offsets and LSP positions in any encoding.
public struct TextLines: Sendable {
    public let bytes: [UInt8]
    /// Byte offsets where LSP lines start.
    private let lspStarts: [Int]
    /// Byte offsets where eplan (libyaml) lines start.
    private let markStarts: [Int]
    /// Bytes of a UTF-8 byte order mark at the start (libyaml does not count it as a column).
    private let bom: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lsp = [0]
        var marks = [0]
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                lsp.append(i + 1); marks.append(i + 1)
            } else if b == 0x0D {
                let next = i + 1 < n && bytes[i + 1] == 0x0A ? i + 2 : i + 1
                lsp.append(next); marks.append(next)
                i = next
                continue
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 {
                marks.append(i + 2)  // NEL
            } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                marks.append(i + 3)  // LS, PS
            }
            i += 1
        }
        lspStarts = lsp
        markStarts = marks
    }

    public init(_ text: String) {
        self.init(Array(text.utf8))
    }

    public var lineCount: Int { lspStarts.count }

    /// Where an LSP line's content ends (before its line break).
    private func lspLineEnd(_ line: Int) -> Int {
        guard line + 1 < lspStarts.count else { return bytes.count }
        var end = lspStarts[line + 1]
        if end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        if end > lspStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    private func markLineEnd(_ line: Int) -> Int {
        guard line + 1 < markStarts.count else { return bytes.count }
        var end = markStarts[line + 1]
        // Step back over the break that ended the line.
        if end >= 2, bytes[end - 2] == 0x0D, bytes[end - 1] == 0x0A { return end - 2 }
        if end >= 1, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { return end - 1 }
        if end >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0x85 { return end - 2 }
        if end >= 3, bytes[end - 3] == 0xE2 { end -= 3 }
        return max(markStarts[line], end)
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
    private static func sequenceLength(_ b: UInt8) -> Int {
        switch b {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }

    /// The byte offset of an eplan mark (1-based line, 1-based column in scalars); clamped to the text.
    public func offset(of mark: SourceMark) -> Int {
        let line = min(max(mark.line, 1), markStarts.count) - 1
        var i = markStarts[line] + (line == 0 ? bom : 0)
        let end = markLineEnd(line)
        var column = 1
        while column < mark.column, i < end {
            i = min(end, i + Self.sequenceLength(bytes[i]))
            column += 1
        }
        return i
    }

    /// The eplan mark of a byte offset.
    public func mark(at offset: Int) -> SourceMark {
        let offset = min(max(offset, 0), bytes.count)
        let line = Self.lastIndex(in: markStarts, notAfter: offset)
        var i = markStarts[line] + (line == 0 ? bom : 0)
        var column = 1
        while i < offset {
            i += Self.sequenceLength(bytes[i])
            column += 1
        }
        return SourceMark(line: line + 1, column: column)
    }

    /// The LSP position of a byte offset.
    public func position(at offset: Int, _ encoding: PositionEncoding) -> Position {
        let offset = min(max(offset, 0), bytes.count)
        let line = Self.lastIndex(in: lspStarts, notAfter: offset)
        let end = min(offset, lspLineEnd(line))
        var i = lspStarts[line]
        var character = 0
        while i < end {
            let length = Self.sequenceLength(bytes[i])
            switch encoding {
            case .utf8: character += min(length, end - i)
            case .utf16: character += length == 4 ? 2 : 1
            case .utf32: character += 1
            }
            i += length
        }
        return Position(line: line, character: character)
    }

    /// The byte offset of an LSP position; a character past the end of its line means the line's end
    /// (LSP 3.17), a line past the last one the end of the text. A position inside a character (half a
    /// surrogate pair, inside a UTF-8 sequence) is taken to the character's end.
    public func offset(of position: Position, _ encoding: PositionEncoding) -> Int {
        guard position.line < lspStarts.count else { return bytes.count }
        let end = lspLineEnd(max(0, position.line))
        var i = lspStarts[max(0, position.line)]
        var character = 0
        while character < position.character, i < end {
            let length = Self.sequenceLength(bytes[i])
            switch encoding {
            case .utf8: character += length
            case .utf16: character += length == 4 ? 2 : 1
            case .utf32: character += 1
            }
            i = min(end, i + length)
        }
        return i
    }

    public func position(of mark: SourceMark, _ encoding: PositionEncoding) -> Position {
        position(at: offset(of: mark), encoding)
    }

    public func mark(of position: Position, _ encoding: PositionEncoding) -> SourceMark {
        mark(at: offset(of: position, encoding))
    }

    public func range(of span: SourceSpan, _ encoding: PositionEncoding) -> Range {
        let start = position(of: span.start, encoding)
        return Range(start: start, end: max(start, position(of: span.end, encoding)))
    }

    /// The text of an LSP line, without its break.
    public func line(_ index: Int) -> String {
        guard index >= 0, index < lspStarts.count else { return "" }
        return String(decoding: bytes[lspStarts[index]..<lspLineEnd(index)], as: UTF8.self)
    }

    /// The byte offset where an LSP line starts (the end of the text past the last line).
    public func lineStart(_ index: Int) -> Int {
        index < lspStarts.count ? lspStarts[max(0, index)] : bytes.count
    }

    private static func lastIndex(in starts: [Int], notAfter offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
