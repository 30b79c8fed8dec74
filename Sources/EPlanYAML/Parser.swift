internal import CYAML

/// Reads YAML with libyaml's event API into a `YAMLNode` tree, counting nesting and
/// alias expansion as it goes so that hostile input stops early. Never throws, never traps:
/// every failure becomes a `YAMLProblem`.
public enum YAMLParser {
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLDocument {
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
            var builder = TreeBuilder(limits: limits, bytes: buffer)
            builder.run()
            return YAMLDocument(root: builder.root, problems: builder.problems)
        }
    }

    /// libyaml would read UTF-16 happily; the format is UTF-8 only, so say so in plain words.
    static func encodingProblem(_ bytes: [UInt8]) -> YAMLProblem? {
        let start = SourceSpan(at: .start)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let name = bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0 ? "UTF-32" : "UTF-16"
            return YAMLProblem(.syntax, "the file is encoded as \(name); eplan reads UTF-8 only", at: start,
                               help: "save the file as UTF-8 (a UTF-8 byte-order mark is fine)")
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            return YAMLProblem(.syntax, "the file is encoded as UTF-32; eplan reads UTF-8 only", at: start,
                               help: "save the file as UTF-8 (a UTF-8 byte-order mark is fine)")
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

private struct Frame {
    var isMapping: Bool
    var start: SourceMark
    var anchor: String?
    var tag: String?
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    var pendingKeyIsDuplicate = false
    /// Where each scalar key first appeared; built once a mapping grows past a few keys.
    var keyIndex: [String: SourceMark] = [:]
    var indexed = false
    /// Nodes in this subtree so far (aliases count as what they stand for).
    var nodeCount = 1
}

private struct TreeBuilder {
    let limits: YAMLLimits
    let bytes: UnsafeBufferPointer<UInt8>
    var root: YAMLNode?
    var problems: [YAMLProblem] = []
    /// The collection being filled, held apart from its ancestors so that it is changed in place.
    /// At the bottom is a container for the document's root node.
    private var current = Frame(isMapping: false, start: .start)
    private var ancestors: [Frame] = []
    private var anchors: [String: (node: YAMLNode, count: Int)] = [:]
    private var expandedByAliases = 0
    private var documents = 0

    init(limits: YAMLLimits, bytes: UnsafeBufferPointer<UInt8>) {
        self.limits = limits
        self.bytes = bytes
    }

    mutating func run() {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            problems.append(YAMLProblem(.syntax, "the YAML parser could not start (out of memory)", at: SourceSpan(at: .start)))
            return
        }
        defer { yaml_parser_delete(&parser) }
        guard let base = bytes.baseAddress else { return }
        yaml_parser_set_input_string(&parser, base, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                problems.append(syntaxProblem(parser))
                return
            }
            let done = event.type == YAML_STREAM_END_EVENT
            let keepGoing = handle(&event)
            yaml_event_delete(&event)
            if done || !keepGoing { return }
        }
    }

    /// Returns false when reading must stop (a limit was passed).
    private mutating func handle(_ event: inout yaml_event_t) -> Bool {
        let span = SourceSpan(start: mark(event.start_mark), end: mark(event.end_mark))
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            anchors.removeAll(keepingCapacity: true)
            expandedByAliases = 0
            if documents > 1 {
                problems.append(YAMLProblem(
                    .extraDocument,
                    "only the first YAML document of a file is read; this is document \(documents)",
                    at: span, help: "keep one plan per file: move this document to a file of its own"))
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = string(data.value, data.length)
            let node = YAMLNode(.scalar(text, style(data.style)), span: span, tag: optionalString(data.tag))
            register(anchor: optionalString(data.anchor), node: node, count: 1)
            attach(node, count: 1)
        case YAML_ALIAS_EVENT:
            let name = optionalString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                problems.append(YAMLProblem(.syntax, "alias '*\(name)' refers to no anchor defined before it", at: span,
                                            help: "define '&\(name)' on a node above this alias"))
                attach(YAMLNode(.scalar("", .plain), span: span), count: 1)
                return true
            }
            expandedByAliases += target.count
            if expandedByAliases > limits.aliasNodes {
                problems.append(YAMLProblem(
                    .limit,
                    "aliases expand this document by more than \(limits.aliasNodes) nodes",
                    at: span, help: "write the repeated content out, or raise 'alias-nodes' of rule yaml-limit in eplan.yaml"))
                return false
            }
            var node = target.node
            node.span = span
            attach(node, count: target.count)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            if ancestors.count >= limits.nesting {
                problems.append(YAMLProblem(
                    .limit, "nesting is deeper than \(limits.nesting) levels", at: span,
                    help: "plans never need this depth; raise 'nesting' of rule yaml-limit in eplan.yaml if it is real"))
                return false
            }
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            ancestors.append(current)
            current = Frame(isMapping: isMapping, start: span.start, anchor: optionalString(anchor), tag: optionalString(tag))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let parent = ancestors.popLast() else { return true }
            let frame = current
            current = parent
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            let node = YAMLNode(content, span: SourceSpan(start: frame.start, end: span.end), tag: frame.tag)
            register(anchor: frame.anchor, node: node, count: frame.nodeCount)
            attach(node, count: frame.nodeCount)
        default:
            break
        }
        return true
    }

    private mutating func register(anchor: String?, node: YAMLNode, count: Int) {
        guard let anchor else { return }
        anchors[anchor] = (node, count)
    }

    private mutating func attach(_ node: YAMLNode, count: Int) {
        guard !ancestors.isEmpty else {
            if documents <= 1 { root = node }
            return
        }
        current.nodeCount += count
        if !current.isMapping {
            current.items.append(node)
            return
        }
        guard let key = current.pendingKey else {
            let duplicate = Self.duplicate(key: node, in: &current)
            if let duplicate { problems.append(duplicate) }
            current.pendingKeyIsDuplicate = duplicate != nil
            current.pendingKey = node
            return
        }
        if !current.pendingKeyIsDuplicate {
            current.pairs.append(YAMLPair(key: key, value: node))
        }
        current.pendingKey = nil
        current.pendingKeyIsDuplicate = false
    }

    /// The problem of a repeated scalar key (the repeat is then left out of the tree), or nil.
    private static func duplicate(key: YAMLNode, in frame: inout Frame) -> YAMLProblem? {
        guard let text = key.scalar else { return nil }
        var first: SourceMark?
        if frame.indexed {
            first = frame.keyIndex[text]
            if first == nil { frame.keyIndex[text] = key.start }
        } else {
            first = frame.pairs.first { $0.key.scalar == text }?.key.start
            if frame.pairs.count >= 16 {
                for pair in frame.pairs {
                    if let k = pair.key.scalar, frame.keyIndex[k] == nil { frame.keyIndex[k] = pair.key.start }
                }
                if frame.keyIndex[text] == nil { frame.keyIndex[text] = key.start }
                frame.indexed = true
            }
        }
        guard let first else { return nil }
        return YAMLProblem(
            .duplicateKey(key: text, first: first),
            "key '\(text)' appears twice in this mapping (first at line \(first.line))",
            at: key.span, help: "remove one of them or merge their values")
    }

    // MARK: libyaml values

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
                let what = value == 0 ? "a NUL byte" : "the control character U+\(hex(value, width: 4))"
                return YAMLProblem(.syntax, "the file contains \(what), which YAML does not allow", at: span,
                                   help: "remove the character; a binary or UTF-16 file is not a plan")
            }
            let byte = value >= 0 ? " (byte 0x\(hex(value, width: 2)))" : ""
            return YAMLProblem(.syntax, "the file is not valid UTF-8: \(problem)\(byte)", at: span,
                               help: "save the file as UTF-8")
        }
        var at = mark(parser.problem_mark)
        if parser.problem_mark.line == 0, parser.problem_mark.column == 0, parser.problem_offset > 0 {
            at = YAMLParser.mark(atByteOffset: parser.problem_offset, in: bytes)
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " \(context)"
            if parser.context_mark.line != parser.problem_mark.line || parser.context_mark.column != parser.problem_mark.column {
                message += " that starts at line \(parser.context_mark.line + 1)"
            }
        }
        return YAMLProblem(.syntax, message, at: SourceSpan(at: at), help: Self.hint(for: problem))
    }

    private func hex(_ value: Int32, width: Int) -> String {
        let digits = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func hint(for problem: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return "a value contains ': ' or the indentation is off; quote the value or align the keys"
        case "did not find expected key":
            return "check the indentation: the keys of one mapping start in the same column"
        case "found character that cannot start any token":
            return "YAML does not indent with tabs, and a plain value cannot start with '@' or '`'; use spaces or quote the value"
        case "could not find expected ':'":
            return "a key needs ': ' after it; quote a value that runs over several lines"
        case "did not find expected '-' indicator":
            return "the items of one list start in the same column"
        case "found unexpected end of stream":
            return "a quote or bracket is not closed"
        case "did not find expected node content":
            return "a value is missing after '-' or ':', or a flow list has an extra ','"
        default:
            return nil
        }
    }
}
