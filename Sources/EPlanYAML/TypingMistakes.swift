internal import CYAML
import EPlanText

/// What libyaml said when it stopped, with its places as byte offsets.
struct LibYAMLFailure {
    var problem: String
    var context: String?
    /// Where the problem is.
    var offset: Int
    /// Where the context starts (the opening quote of a quoted scalar, the first key of a mapping ...).
    var contextOffset: Int?
    var isReaderError: Bool

    init(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) {
        problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        context = parser.context.map { String(cString: $0) }
        isReaderError = parser.error == YAML_READER_ERROR
        if isReaderError || (parser.problem_mark.line == 0 && parser.problem_mark.column == 0 && parser.problem_offset > 0) {
            offset = parser.problem_offset
        } else {
            offset = YAMLParser.byteOffset(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1, in: bytes)
        }
        contextOffset = context == nil ? nil
            : YAMLParser.byteOffset(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1, in: bytes)
    }
}

/// The mistakes of a Chinese keyboard that stop libyaml, found where they are rather than where
/// libyaml gave up: a file saved as GBK; full-width `：，［］｛｝、` where YAML needs ASCII; a quote not
/// closed, or closed early by a quote of the same kind inside the value.
///
/// Only a file libyaml rejects is looked at, so a valid file costs nothing. The source is read line by
/// line up to libyaml's problem for places where such a mistake may be (`Candidate`); a place counts
/// only when mending it in a copy of the file (`Edit`s of the same byte length, so offsets stay put)
/// lets libyaml read past the problem. The nearest place is tried first, and a bounded number of
/// re-readings keeps the work linear in the file size.
enum TypingMistakes {
    /// At most this many re-readings of a file.
    static let attempts = 12

    /// The problems that explain libyaml's failure, or nil when none is found (libyaml's own problem
    /// is then reported).
    static func explain(_ failure: LibYAMLFailure, in bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) -> [YAMLProblem]? {
        if let gbk = gbk(bytes) { return [gbk] }
        if failure.isReaderError { return nil }
        // A quote left open to the end of the file: libyaml names where the value started.
        if failure.context == "while scanning a quoted scalar",
           failure.problem == "found unexpected end of stream" || failure.problem == "found unexpected document indicator",
           let open = failure.contextOffset, open < bytes.count, bytes[open] == 0x22 || bytes[open] == 0x27 {
            return [Candidate(offset: open, kind: .unclosedQuote(bytes[open]), repairs: []).problem(in: bytes)]
        }
        var work = Array(bytes)
        var errorOffset = failure.offset
        var found: [Candidate] = []
        var tried: Set<Int> = []
        var left = attempts
        search: while left > 0 {
            var scanner = CandidateScanner(bytes: work)
            scanner.run(upTo: errorOffset)
            for candidate in scanner.candidates.reversed() where !tried.contains(candidate.offset) {
                tried.insert(candidate.offset)
                for repair in candidate.repairs {
                    guard left > 0 else { break search }
                    left -= 1
                    var trial = work
                    for edit in repair { trial.replaceSubrange(edit.offset ..< edit.offset + edit.bytes.count, with: edit.bytes) }
                    switch firstFailure(trial, nesting: limits.nesting) {
                    case .clean:
                        found.append(candidate)
                        break search
                    case .failed(let next) where next.offset > errorOffset:
                        found.append(candidate)
                        work = trial
                        errorOffset = next.offset
                        continue search
                    default:
                        continue
                    }
                }
            }
            break
        }
        guard !found.isEmpty else { return nil }
        return found.sorted { $0.offset < $1.offset }.map { $0.problem(in: bytes) }
    }

    /// A file that is not UTF-8 but is well-formed GB18030 with Chinese in it: saved as GBK.
    static func gbk(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLProblem? {
        guard let bad = Encodings.firstInvalidUTF8(bytes), Encodings.isMultiByteGB18030(bytes) else { return nil }
        let at = YAMLParser.mark(atByteOffset: bad, in: bytes)
        return YAMLProblem(.syntax, Message("typing.gbk"), at: SourceSpan(at: at), help: Message("typing.gbk-help"))
    }

    enum Outcome {
        case clean
        case failed(LibYAMLFailure)
        /// Not known: the parser could not start, or the nesting passed the limit.
        case unknown
    }

    /// libyaml's first failure on `bytes`, reading events only.
    static func firstFailure(_ bytes: [UInt8], nesting: Int) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer -> Outcome in
            guard let base = buffer.baseAddress else { return .clean }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .unknown }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            var depth = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failed(LibYAMLFailure(parser, bytes: buffer)) }
                let type = event.type
                yaml_event_delete(&event)
                switch type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > nesting { return .unknown }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                case YAML_STREAM_END_EVENT:
                    return .clean
                default:
                    break
                }
            }
        }
    }
}

/// A change to a copy of the file, of the same length as what it replaces.
struct Edit {
    var offset: Int
    var bytes: [UInt8]
}

/// A place where a typing mistake may stop libyaml, and ways to mend it (each a set of edits).
struct Candidate {
    enum Kind {
        /// Full-width signs where YAML needs ASCII; the finding names the first.
        case fullWidth([FullWidth.Sign])
        case unclosedQuote(UInt8)
        case nestedQuote(UInt8)
    }

    var offset: Int
    var kind: Kind
    var repairs: [[Edit]]

    func problem(in bytes: UnsafeBufferPointer<UInt8>) -> YAMLProblem {
        let start = YAMLParser.mark(atByteOffset: offset, in: bytes)
        let span = SourceSpan(start: start, end: SourceMark(line: start.line, column: start.column + 1))
        switch kind {
        case .fullWidth(let signs):
            let first = signs.first ?? FullWidth.signs[0]
            return YAMLProblem(.syntax, FullWidth.message(first), at: span, help: FullWidth.help(signs))
        case .unclosedQuote(let quote):
            let q: MessageArgument = .verbatim(String(UnicodeScalar(quote)))
            return YAMLProblem(.syntax, Message("typing.unclosed-quote", ["quote": q]), at: span,
                               help: Message("typing.unclosed-quote-help", ["quote": q]))
        case .nestedQuote(let quote):
            let q: MessageArgument = .verbatim(String(UnicodeScalar(quote)))
            return YAMLProblem(.syntax, Message("typing.nested-quote", ["quote": q]), at: span,
                               help: quote == 0x22 ? Message("typing.nested-double-help") : Message("typing.nested-single-help"))
        }
    }
}

/// Reads the source line by line, the way libyaml would see its structure (indentation, `- `, keys,
/// quoted values over lines, flow collections, block scalars), and notes the places where a typing
/// mistake may be. Linear in the length read.
struct CandidateScanner {
    let bytes: [UInt8]
    private(set) var candidates: [Candidate] = []
    /// A quoted value running over lines: its quote and where it opened.
    private var quote: (char: UInt8, open: Int)?
    /// The open flow collections, innermost last: `[` or `{`.
    private var flow: [UInt8] = []
    /// Inside a literal or folded block: the indentation of the line that started it.
    private var blockIndent: Int?
    /// At the start of a node (a value or key may begin here), and whether a key may.
    private var tokenStart = true
    private var keyPosition = true

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09

    mutating func run(upTo limit: Int) {
        var lineStart = 0
        while lineStart < bytes.count, lineStart <= limit {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            scanLine(lineStart, lineEnd)
            var next = lineEnd
            if next < bytes.count, bytes[next] == 0x0D { next += 1 }
            if next < bytes.count, bytes[next] == 0x0A { next += 1 }
            if next == lineEnd { break }
            lineStart = next
        }
        candidates.removeAll { $0.offset > limit }
    }

    private func isBlank(_ b: UInt8) -> Bool { b == Self.space || b == Self.tab }

    private mutating func scanLine(_ start: Int, _ end: Int) {
        var indent = 0
        while start + indent < end, bytes[start + indent] == Self.space { indent += 1 }
        if let block = blockIndent {
            if (start + indent ..< end).allSatisfy({ isBlank(bytes[$0]) }) || indent > block { return }
            blockIndent = nil
        }
        var i = start + indent
        if let open = quote {
            guard let close = closingQuote(open.char, from: start, to: end) else { return }
            quote = nil
            i = close + 1
            tokenStart = false
            keyPosition = false
        } else if flow.isEmpty {
            tokenStart = true
            keyPosition = true
        }
        while i < end {
            let b = bytes[i]
            if isBlank(b) { i += 1; continue }
            if b == 0x23, i == start || isBlank(bytes[i - 1]) { return }  // '#': a comment
            if tokenStart {
                if flow.isEmpty, b == 0x2D || b == 0x3F, i + 1 == end || isBlank(bytes[i + 1]) {  // '- ', '? '
                    i += 1
                    keyPosition = true
                    continue
                }
                if b == 0x22 || b == 0x27 {
                    tokenStart = false
                    keyPosition = false
                    guard let close = closingQuote(b, from: i + 1, to: end) else {
                        quote = (b, i)
                        candidates.append(unclosed(i, quote: b, lineEnd: end))
                        return
                    }
                    var j = close + 1
                    while j < end, isBlank(bytes[j]) { j += 1 }
                    if j < end, !fitsAfterValue(bytes[j], spaced: j > close + 1) {
                        candidates.append(Candidate(offset: i, kind: .nestedQuote(b), repairs: [[Edit(offset: i, bytes: [Self.space])]]))
                        return
                    }
                    i = close + 1
                    continue
                }
                if b == 0x5B || b == 0x7B {  // '[', '{'
                    flow.append(b)
                    i += 1
                    keyPosition = b == 0x7B
                    continue
                }
                if flow.isEmpty, b == 0x7C || b == 0x3E {  // '|', '>': a block scalar follows
                    blockIndent = indent
                    return
                }
                if b == 0x26 || b == 0x21 || b == 0x2A {  // '&anchor', '!tag', '*alias'
                    while i < end, !isBlank(bytes[i]) { i += 1 }
                    if b == 0x2A { tokenStart = false }
                    continue
                }
                if let sign = FullWidth.sign(at: i, in: bytes), sign.character == "［" || sign.character == "｛" {
                    candidates.append(fullWidthGroup(from: i, to: end))
                    return
                }
                if keyPosition, let colon = fullWidthColon(afterKeyAt: i, to: end) {
                    candidates.append(single(at: colon))
                    i = colon + 3
                    keyPosition = false
                    continue
                }
                tokenStart = false
            }
            // Within a plain value (or after a value).
            if b == 0x3A, i + 1 == end || isBlank(bytes[i + 1]) || (!flow.isEmpty && [0x2C, 0x5B, 0x5D, 0x7B, 0x7D].contains(bytes[i + 1])) {
                i += 1
                tokenStart = true
                keyPosition = false
                continue
            }
            if !flow.isEmpty {
                switch b {
                case 0x2C:  // ','
                    i += 1
                    tokenStart = true
                    keyPosition = flow.last == 0x7B
                    continue
                case 0x5D, 0x7D:  // ']', '}'
                    flow.removeLast()
                    i += 1
                    tokenStart = false
                    continue
                default:
                    break
                }
                if let sign = FullWidth.sign(at: i, in: bytes) {
                    switch sign.character {
                    case "，", "、":
                        candidates.append(single(at: i))
                        i += 3
                        tokenStart = true
                        keyPosition = flow.last == 0x7B
                        continue
                    case "］", "｝":
                        candidates.append(single(at: i))
                        flow.removeLast()
                        i += 3
                        continue
                    default:
                        break
                    }
                }
            }
            i += 1
        }
    }

    /// What may follow a quoted value on its line: a comment, a key's ':', or in a flow collection
    /// its ',' or closing bracket.
    private func fitsAfterValue(_ b: UInt8, spaced: Bool) -> Bool {
        if b == 0x23 { return spaced }
        if b == 0x3A { return true }
        return !flow.isEmpty && (b == 0x2C || b == 0x5D || b == 0x7D)
    }

    /// The closing quote on this line: in double quotes `\` escapes the next character, in single
    /// quotes `''` is a quote.
    private func closingQuote(_ quote: UInt8, from start: Int, to end: Int) -> Int? {
        var i = start
        while i < end {
            let b = bytes[i]
            if quote == 0x22, b == 0x5C { i += 2; continue }
            if b == quote {
                if quote == 0x27, i + 1 < end, bytes[i + 1] == 0x27 { i += 2; continue }
                return i
            }
            i += 1
        }
        return nil
    }

    /// `key：` at `i` (ASCII letters, digits, '-', '_' or '.', then a full-width colon): where the colon is.
    private func fullWidthColon(afterKeyAt i: Int, to end: Int) -> Int? {
        var j = i
        while j < end, isKeyByte(bytes[j]) { j += 1 }
        guard j > i else { return nil }
        while j < end, isBlank(bytes[j]) { j += 1 }
        guard FullWidth.sign(at: j, in: bytes)?.character == "：" else { return nil }
        return j
    }

    private func isKeyByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x5F || b == 0x2E
    }

    /// The ASCII sign and two spaces: as long as the full-width sign's three bytes.
    private func mend(_ sign: FullWidth.Sign, at i: Int) -> Edit {
        Edit(offset: i, bytes: [UInt8(sign.ascii.value), Self.space, Self.space])
    }

    private func single(at i: Int) -> Candidate {
        guard let sign = FullWidth.sign(at: i, in: bytes) else { return Candidate(offset: i, kind: .fullWidth([]), repairs: []) }
        return Candidate(offset: i, kind: .fullWidth([sign]), repairs: [[mend(sign, at: i)]])
    }

    /// A list or mapping written with full-width brackets: every full-width sign of YAML to the end
    /// of the line, mended together.
    private func fullWidthGroup(from start: Int, to end: Int) -> Candidate {
        var signs: [FullWidth.Sign] = []
        var edits: [Edit] = []
        var i = start
        while i < end {
            if let sign = FullWidth.sign(at: i, in: bytes), sign.ascii != "(", sign.ascii != ")" {
                signs.append(sign)
                edits.append(mend(sign, at: i))
                i += 3
            } else {
                i += 1
            }
        }
        return Candidate(offset: start, kind: .fullWidth(signs), repairs: [edits])
    }

    /// A quote not closed on its line. Mended by dropping the opening quote (the value becomes plain),
    /// or by closing it at the end of the line.
    private func unclosed(_ open: Int, quote: UInt8, lineEnd: Int) -> Candidate {
        var repairs: [[Edit]] = [[Edit(offset: open, bytes: [Self.space])]]
        var last = lineEnd
        while last > open + 1, isBlank(bytes[last - 1]) { last -= 1 }
        if last > open + 1 {
            var first = last - 1
            while first > open + 1, bytes[first] & 0xC0 == 0x80 { first -= 1 }
            repairs.append([Edit(offset: first, bytes: [quote] + Array(repeating: Self.space, count: last - first - 1))])
        }
        return Candidate(offset: open, kind: .unclosedQuote(quote), repairs: repairs)
    }
}

extension YAMLParser {
    /// The byte offset of a line and column (1-based, columns in Unicode scalars), the inverse of
    /// `mark(atByteOffset:in:)`; past the end of a line or of the file, the end.
    static func byteOffset(line: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var currentLine = 1
        while currentLine < line, i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte == 0x0A {
                currentLine += 1
            } else if byte == 0x0D {
                if i < bytes.count, bytes[i] == 0x0A { i += 1 }
                currentLine += 1
            }
        }
        var currentColumn = 1
        while currentColumn < column, i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            currentColumn += 1
        }
        return i
    }
}
