internal import CYAML
import EPlanText

/// Reads YAML with libyaml's event API onto a `YAMLTape`, counting nesting and
/// alias expansion as it goes so that hostile input stops early. Never throws, never traps:
/// every failure becomes a `YAMLProblem`.
public enum YAMLParser {
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLDocument {
        parse(bytes, limits: limits, readsDecoded: true)
    }

    /// `readsDecoded: false` makes libyaml's reader decode all input, as it does unaided (the tests
    /// compare both ways).
    static func parse(_ bytes: [UInt8], limits: YAMLLimits, readsDecoded: Bool) -> YAMLDocument {
        if let problem = encodingProblem(bytes) {
            return YAMLDocument(root: nil, problems: [problem])
        }
        if bytes.isEmpty {
            return YAMLDocument(root: nil, problems: [])
        }
        return bytes.withUnsafeBufferPointer { whole -> YAMLDocument in
            // libyaml, told the input is UTF-8, would read a BOM as text: drop it (it is not a column either).
            let hasBOM = whole.count >= 3 && whole[0] == 0xEF && whole[1] == 0xBB && whole[2] == 0xBF
            let buffer = hasBOM ? UnsafeBufferPointer(rebasing: whole[3...]) : whole
            var builder = TapeBuilder(limits: limits, bytes: buffer)
            builder.run(readsDecoded: readsDecoded)
            return builder.takeDocument()
        }
    }

    /// libyaml would read UTF-16 happily; the format is UTF-8 only, so say so in plain words.
    static func encodingProblem(_ bytes: [UInt8]) -> YAMLProblem? {
        let start = SourceSpan(at: .start)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let name = bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0 ? "UTF-32" : "UTF-16"
            return YAMLProblem(.syntax, Message("yaml.encoding-wide", ["encoding": .verbatim(name)]), at: start,
                               help: Message("yaml.encoding-help"))
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            return YAMLProblem(.syntax, Message("yaml.encoding-wide", ["encoding": "UTF-32"]), at: start,
                               help: Message("yaml.encoding-help"))
        }
        return nil
    }

    /// The line and column (1-based, columns in Unicode scalars) of a byte offset.
    /// A UTF-8 BOM does not count as a column; CRLF is one line break.
    public static func mark(atByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceMark {
        var line = 1
        var column = 1
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        let end = min(offset, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                    i += 1
                    if i >= end { break }
                }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // a scalar starts at every byte that is not a continuation byte
            }
            i += 1
        }
        return SourceMark(line: line, column: column)
    }
}

/// A collection whose end event has not come yet. Plain data, so that the stack costs no reference counting;
/// the rare anchor names and key indexes live in side stacks.
private struct OpenCollection {
    var entry: Int
    var isMapping: Bool
    var hasAnchor: Bool
    /// Nodes in this subtree so far (aliases count as what they stand for).
    var nodeCount = 1
    /// Mapping: the next child is a key.
    var expectingKey = true
    /// Mapping: the entry of the key whose value comes next, and whether that key repeats an earlier one.
    var keyEntry = -1
    var keyIsDuplicate = false
    var keys = 0
    /// Mapping with many keys: its slot in `keyIndexes`.
    var keyIndexSlot = -1
    /// Mapping: where its keys start in `keys`.
    var keyStackStart = 0
}

/// Writes libyaml's events onto a `YAMLTape`: one entry per node, scalar text appended to one buffer.
private struct TapeBuilder {
    let limits: YAMLLimits
    let bytes: UnsafeBufferPointer<UInt8>
    var problems: [YAMLProblem] = []
    private var entries: [YAMLTape.Entry] = []
    /// Scalar text: the first `textCount` bytes of `text`. The buffer is sized ahead and written with
    /// plain copies (appending to the array cost more than libyaml's own work on a short scalar).
    private var text: [UInt8]
    private var textCount = 0
    private var tags: [String] = []
    /// The open collections outside the innermost one, outermost first; the innermost is `top`, kept
    /// apart because every node changes it (an array element changed in place is checked for sharing
    /// each time).
    private var open: [OpenCollection] = []
    private var top: OpenCollection?
    /// The anchor names of open collections that have one, innermost last.
    private var openAnchors: [String] = []
    /// Where each scalar key first appeared, for open mappings past 32 keys.
    private var keyIndexes: [[String: SourceMark]] = []
    /// The scalar keys of the open mappings (each mapping's from its `keyStackStart`): a hash of the
    /// text, and the entry holding it. A repeat is looked for among the hashes, then the texts compared.
    private var keys: [(hash: UInt32, text: Int32)] = []
    private var rootEntry: Int?
    private var anchors: [String: (entry: Int, count: Int)] = [:]
    private var expandedByAliases = 0
    private var documents = 0
    /// What the first document left on the tape; later documents are read for their problems only.
    private var firstDocumentEnd: (entries: Int, text: Int)?

    init(limits: YAMLLimits, bytes: UnsafeBufferPointer<UInt8>) {
        self.limits = limits
        self.bytes = bytes
        // Plans have about one node per 13 bytes of YAML (reserving less cost a copy of the entries in
        // most files); a huge file grows the arrays as it goes instead.
        entries.reserveCapacity(min(bytes.count / 10, 1 << 20))
        keys.reserveCapacity(64)
        // Scalar text is never longer than the file's (escapes only shorten it); bytes past `textCount`
        // are never read, so the buffer is not cleared first.
        let size = min(bytes.count, 1 << 24)
        text = [UInt8](unsafeUninitializedCapacity: size) { _, count in count = size }
    }

    /// The first document, when its root node was read to the end; with what was read of its top
    /// level before a problem stopped the reading. The builder's arrays move into the tape (taken out
    /// of the builder, they are cut to size in place instead of copied).
    mutating func takeDocument() -> YAMLDocument {
        var document = YAMLDocument(root: nil, problems: problems)
        if !document.isComplete { document.salvaged = salvagedPairs() }
        guard let rootEntry else { return document }
        var kept: [YAMLTape.Entry] = []
        var keptText: [UInt8] = []
        swap(&kept, &entries)
        swap(&keptText, &text)
        keptText.removeSubrange(textCount...)
        if let end = firstDocumentEnd {
            kept.removeSubrange(end.entries...)
            keptText.removeSubrange(end.text...)
        }
        document.root = YAMLTape(entries: kept, text: keptText, tags: tags).node(rootEntry)
        return document
    }

    /// The pairs of the first document's top-level mapping whose key and value are scalars that were
    /// read to the end, in order, up to the first pair that was not (the rest is not trusted).
    private func salvagedPairs() -> [YAMLSalvagedPair] {
        let root: Int
        if let rootEntry, firstDocumentEnd == nil || rootEntry < firstDocumentEnd?.entries ?? 0 {
            root = rootEntry
        } else if let first = open.first ?? top, first.isMapping, documents <= 1 {
            root = first.entry
        } else {
            return []
        }
        guard root < entries.count, entries[root].kind == .mapping else { return [] }
        let end = entries[root].b > 0 ? Int(entries[root].b) : entries.count
        func scalarText(_ i: Int) -> String? {
            let e = entries[entries.resolved(i)]
            guard e.kind == .scalar, Int(e.a) + Int(e.b) <= textCount else { return nil }
            return String(decoding: text[Int(e.a) ..< Int(e.a) + Int(e.b)], as: UTF8.self)
        }
        var result: [YAMLSalvagedPair] = []
        var key = root + 1
        while key < end {
            let value = entries.next(key)
            // A pair is complete when its value is; an open collection has no end yet.
            guard value > key, value < end else { break }
            let after = entries.next(value)
            guard after > value else { break }
            if let k = scalarText(key), let v = scalarText(value) {
                result.append(YAMLSalvagedPair(key: k, value: v, keySpan: SourceSpan(start: entries[key].start, end: entries[key].end)))
            }
            key = after
        }
        return result
    }

    /// Whether input that libyaml's reader would pass through unchanged skips it (`DecodedInput`).
    mutating func run(readsDecoded: Bool) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            problems.append(YAMLProblem(.syntax, Message("yaml.parser-start"), at: SourceSpan(at: .start)))
            return
        }
        defer { yaml_parser_delete(&parser) }
        guard let base = bytes.baseAddress else { return }
        yaml_parser_set_input_string(&parser, base, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        if readsDecoded, let input = DecodedInput(bytes) {
            input.withParser(&parser) { readEvents(&$0) }
        } else {
            readEvents(&parser)
        }
    }

    private mutating func readEvents(_ parser: inout yaml_parser_t) {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // A typing mistake of a Chinese keyboard is reported where it is, else libyaml's problem.
                let failure = LibYAMLFailure(parser, bytes: bytes)
                problems.append(contentsOf: TypingMistakes.explain(failure, in: bytes, limits: limits) ?? [syntaxProblem(parser)])
                return
            }
            let done = event.type == YAML_STREAM_END_EVENT
            let keepGoing = handle(&event)
            // What `yaml_event_delete` does for the common events (libyaml allocates with `malloc`), short
            // of clearing the event: `yaml_parser_parse` clears it before it fills it.
            switch event.type {
            case YAML_SCALAR_EVENT:
                free(event.data.scalar.anchor)
                free(event.data.scalar.tag)
                free(event.data.scalar.value)
            case YAML_MAPPING_START_EVENT:
                free(event.data.mapping_start.anchor)
                free(event.data.mapping_start.tag)
            case YAML_SEQUENCE_START_EVENT:
                free(event.data.sequence_start.anchor)
                free(event.data.sequence_start.tag)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                break
            default:
                yaml_event_delete(&event)
            }
            if done || !keepGoing { return }
        }
    }

    /// Returns false when reading must stop (a limit was passed).
    private mutating func handle(_ event: inout yaml_event_t) -> Bool {
        let start = mark(event.start_mark)
        let end = mark(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            anchors.removeAll(keepingCapacity: true)
            expandedByAliases = 0
            if documents > 1 {
                if let end = firstDocumentEnd {
                    entries.removeSubrange(end.entries...)
                    textCount = end.text
                } else {
                    firstDocumentEnd = (entries.count, textCount)
                }
                problems.append(YAMLProblem(
                    .extraDocument,
                    Message("yaml.extra-document", ["number": .number(documents)]),
                    at: SourceSpan(start: start, end: end), help: Message("yaml.extra-document-help")))
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            guard textCount + data.length < Int(Int32.max) else {
                problems.append(YAMLProblem(.limit, Message("yaml.text-limit"), at: SourceSpan(start: start, end: end)))
                return false
            }
            let entry = entries.count
            entries.append(YAMLTape.Entry(kind: .scalar, style: style(data.style), tag: tag(data.tag), start: start, end: end,
                                          a: Int32(textCount), b: Int32(data.length)))
            if let value = data.value, data.length > 0 {
                if textCount + data.length > text.count {
                    text.append(contentsOf: repeatElement(0, count: max(data.length, text.count)))
                }
                let at = textCount
                text.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: at).update(from: value, count: data.length) }
                textCount += data.length
            }
            register(anchor: data.anchor, entry: entry, count: 1)
            attach(entry, count: 1)
        case YAML_ALIAS_EVENT:
            let name = optionalString(event.data.alias.anchor) ?? ""
            let entry = entries.count
            guard let target = anchors[name] else {
                problems.append(YAMLProblem(.syntax, Message("yaml.alias-undefined", ["name": .verbatim(name)]),
                                            at: SourceSpan(start: start, end: end),
                                            help: Message("yaml.alias-undefined-help", ["name": .verbatim(name)])))
                entries.append(YAMLTape.Entry(kind: .scalar, style: .plain, tag: -1, start: start, end: end, a: 0, b: 0))
                attach(entry, count: 1)
                return true
            }
            expandedByAliases += target.count
            if expandedByAliases > limits.aliasNodes {
                problems.append(YAMLProblem(
                    .limit,
                    Message("yaml.alias-limit", ["limit": .number(limits.aliasNodes)]),
                    at: SourceSpan(start: start, end: end),
                    help: Message("yaml.alias-limit-help")))
                return false
            }
            entries.append(YAMLTape.Entry(kind: .alias, style: .plain, tag: -1, start: start, end: end,
                                          a: Int32(target.entry), b: 0))
            attach(entry, count: target.count)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            if open.count + (top == nil ? 0 : 1) >= limits.nesting {
                problems.append(YAMLProblem(
                    .limit, Message("yaml.nesting-limit", ["limit": .number(limits.nesting)]), at: SourceSpan(start: start, end: end),
                    help: Message("yaml.nesting-limit-help")))
                return false
            }
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let tagName = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            if let anchor { openAnchors.append(String(cString: anchor)) }
            if let top { open.append(top) }
            top = OpenCollection(entry: entries.count, isMapping: isMapping, hasAnchor: anchor != nil,
                                 keyStackStart: keys.count)
            entries.append(YAMLTape.Entry(kind: isMapping ? .mapping : .sequence, style: .plain, tag: tag(tagName),
                                          start: start, end: end, a: 0, b: 0))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = top else { return true }
            top = open.popLast()
            entries[closed.entry].end = end
            entries[closed.entry].b = Int32(entries.count)
            if closed.keyIndexSlot >= 0 { keyIndexes.removeLast() }
            if keys.count > closed.keyStackStart {
                keys.removeLast(keys.count - closed.keyStackStart)
            }
            if closed.hasAnchor, let anchor = openAnchors.popLast() { anchors[anchor] = (closed.entry, closed.nodeCount) }
            attach(closed.entry, count: closed.nodeCount)
        default:
            break
        }
        return true
    }

    @inline(__always)
    private mutating func register(anchor: UnsafeMutablePointer<yaml_char_t>?, entry: Int, count: Int) {
        guard let anchor else { return }
        addAnchor(anchor, entry: entry, count: count)
    }

    private mutating func addAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>, entry: Int, count: Int) {
        anchors[String(cString: anchor)] = (entry, count)
    }

    private mutating func attach(_ entry: Int, count: Int) {
        guard top != nil else {
            if documents <= 1 { rootEntry = entry }
            return
        }
        top!.nodeCount += count
        guard top!.isMapping else { return }
        if top!.expectingKey {
            // The mapping's index slot changes through a local, so that checking the key (which reads the
            // tape and may add a problem) does not overlap with changing `top`; nothing else is copied.
            var slot = top!.keyIndexSlot
            let duplicate = isDuplicate(key: entry, mapping: top!.entry, keyCount: top!.keys, keyStackStart: top!.keyStackStart,
                                        indexSlot: &slot)
            top!.keyIndexSlot = slot
            top!.keyIsDuplicate = duplicate
            top!.keyEntry = entry
            top!.expectingKey = false
            top!.keys += 1
            return
        }
        if top!.keyIsDuplicate {
            // The repeat and its value leave the tape (with any anchor inside them).
            let cut = top!.keyEntry
            entries.removeSubrange(cut...)
            if anchors.values.contains(where: { $0.entry >= cut }) {
                anchors = anchors.filter { $0.value.entry < cut }
            }
        }
        top!.expectingKey = true
        top!.keyIsDuplicate = false
    }

    /// True for a repeated scalar key, whose problem is then added (and the repeat left off the tape).
    private mutating func isDuplicate(key: Int, mapping: Int, keyCount: Int, keyStackStart: Int, indexSlot: inout Int) -> Bool {
        let target = entries.resolved(key)
        guard entries[target].kind == .scalar else { return false }
        var first: SourceMark?
        if indexSlot < 0, keyCount >= 32 {
            var index: [String: SourceMark] = [:]
            forEachKey(of: mapping, before: key) { entry, target in
                let name = string(target)
                if index[name] == nil { index[name] = entries[entry].start }
            }
            keyIndexes.append(index)
            indexSlot = keyIndexes.count - 1
        }
        if indexSlot >= 0 {
            let name = string(target)
            first = keyIndexes[indexSlot][name]
            if first == nil { keyIndexes[indexSlot][name] = entries[key].start }
        } else {
            let hash = textHash(target)
            let start = keyStackStart
            let earlier = keys.withUnsafeBufferPointer { keys -> Int? in
                for i in start ..< keys.count where keys[i].hash == hash && sameText(Int(keys[i].text), target) { return Int(keys[i].text) }
                return nil
            }
            if let earlier {
                first = keyFirstMark(mapping, before: key, text: earlier)
            } else {
                keys.append((hash, Int32(target)))
            }
        }
        guard let first else { return false }
        let name = string(target)
        problems.append(YAMLProblem(
            .duplicateKey(key: name, first: first),
            Message("yaml.duplicate-key", ["key": .verbatim(name), "line": .number(first.line)]),
            at: SourceSpan(start: entries[key].start, end: entries[key].end), help: Message("yaml.duplicate-key-help")))
        return true
    }

    /// Calls `body` with the entry of each scalar key already in the mapping and the entry holding its text.
    private func forEachKey(of mapping: Int, before end: Int, _ body: (Int, Int) -> Void) {
        var i = mapping + 1
        while i < end {
            let target = entries.resolved(i)
            if entries[target].kind == .scalar { body(i, target) }
            i = entries.next(entries.next(i))
        }
    }

    /// Where the key whose text is in entry `text` starts (the key itself may be an alias of it).
    private func keyFirstMark(_ mapping: Int, before key: Int, text: Int) -> SourceMark? {
        var found: SourceMark?
        forEachKey(of: mapping, before: key) { entry, target in
            if found == nil, target == text { found = entries[entry].start }
        }
        return found
    }

    /// FNV-1a of a scalar's text, for telling keys apart before comparing texts.
    private func textHash(_ scalar: Int) -> UInt32 {
        let e = entries[scalar]
        var hash: UInt32 = 0x811C_9DC5
        text.withUnsafeBufferPointer { all in
            for i in Int(e.a) ..< Int(e.a) + Int(e.b) {
                hash = (hash ^ UInt32(all[i])) &* 0x0100_0193
            }
        }
        return hash
    }

    private func sameText(_ a: Int, _ b: Int) -> Bool {
        let x = entries[a], y = entries[b]
        guard x.b == y.b else { return false }
        guard x.b > 0 else { return true }
        return text.withUnsafeBufferPointer { all in
            bytesEqual(all.baseAddress! + Int(x.a), all.baseAddress! + Int(y.a), Int(x.b))
        }
    }

    private func string(_ scalar: Int) -> String {
        String(decoding: textOf(scalar), as: UTF8.self)
    }

    private func textOf(_ scalar: Int) -> ArraySlice<UInt8> {
        let e = entries[scalar]
        return text[Int(e.a) ..< Int(e.a) + Int(e.b)]
    }

    @inline(__always)
    private mutating func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> Int32 {
        guard let pointer else { return -1 }
        return addTag(pointer)
    }

    private mutating func addTag(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> Int32 {
        tags.append(String(cString: pointer))
        return Int32(tags.count - 1)
    }

    // MARK: libyaml values

    @inline(__always)
    private func mark(_ m: yaml_mark_t) -> SourceMark {
        SourceMark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func style(_ s: yaml_scalar_style_t) -> ScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private func syntaxProblem(_ parser: yaml_parser_t) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            let at = YAMLParser.mark(atByteOffset: parser.problem_offset, in: bytes)
            let span = SourceSpan(at: at)
            let value = parser.problem_value
            if problem.hasPrefix("control characters") {
                let message = value == 0 ? Message("yaml.nul-byte")
                    : Message("yaml.control-character", ["code": .verbatim(hex(value, width: 4))])
                return YAMLProblem(.syntax, message, at: span, help: Message("yaml.control-help"))
            }
            let message = value >= 0
                ? Message("yaml.invalid-utf8-byte", ["problem": .message(LibYAMLMessages.problem(problem)), "byte": .verbatim(hex(value, width: 2))])
                : Message("yaml.invalid-utf8", ["problem": .message(LibYAMLMessages.problem(problem))])
            return YAMLProblem(.syntax, message, at: span, help: Message("yaml.save-utf8"))
        }
        var at = mark(parser.problem_mark)
        if parser.problem_mark.line == 0, parser.problem_mark.column == 0, parser.problem_offset > 0 {
            at = YAMLParser.mark(atByteOffset: parser.problem_offset, in: bytes)
        }
        var message = LibYAMLMessages.problem(problem)
        if let context = parser.context.map({ String(cString: $0) }) {
            let arguments: [String: MessageArgument] = ["problem": .message(message), "context": .message(LibYAMLMessages.context(context))]
            if parser.context_mark.line != parser.problem_mark.line || parser.context_mark.column != parser.problem_mark.column {
                message = Message("yaml.problem-in-from", arguments.merging(["line": .number(parser.context_mark.line + 1)]) { a, _ in a })
            } else {
                message = Message("yaml.problem-in", arguments)
            }
        }
        return YAMLProblem(.syntax, message, at: SourceSpan(at: at), help: LibYAMLMessages.hint(for: problem))
    }

    private func hex(_ value: Int32, width: Int) -> String {
        let digits = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
