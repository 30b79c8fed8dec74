/// The nodes of one YAML document laid out flat, in document order: one fixed-size entry per node
/// and one byte buffer holding every scalar's text. A collection's children follow it; its entry
/// records where its subtree ends, so siblings are found by jumping over subtrees.
///
/// The parser writes entries straight from libyaml's events, and the decoders read them through
/// `YAMLNode` views. Nothing is allocated per node: a document is three arrays, whatever its size,
/// and its strings are made only when a decoder asks for one.
public final class YAMLTape: Sendable {
    enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
        /// An alias: `a` is the entry of the node it stands for; its own span is where the alias is written.
        case alias
    }

    struct Entry: Sendable {
        var kind: Kind
        var style: ScalarStyle
        /// Index into `tags`, or -1.
        var tag: Int32
        var start: SourceMark
        var end: SourceMark
        /// Scalar: offset of its text in `text`. Alias: the entry it stands for.
        var a: Int32
        /// Scalar: length of its text. Collection: the entry just past its subtree.
        var b: Int32
    }

    let entries: [Entry]
    let text: [UInt8]
    let tags: [String]

    init(entries: [Entry], text: [UInt8], tags: [String]) {
        self.entries = entries
        self.text = text
        self.tags = tags
    }

    func next(_ i: Int) -> Int { entries.next(i) }
    func resolved(_ i: Int) -> Int { entries.resolved(i) }

    func node(_ i: Int) -> YAMLNode {
        YAMLNode(tape: self, position: Int32(i), target: Int32(resolved(i)))
    }

    /// Runs `body` on the bytes of scalar entry `i`.
    func withText<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let e = entries[i]
        return text.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(e.a) ..< Int(e.a) + Int(e.b)]))
        }
    }
}

/// A node of a parsed YAML document: a view into its `YAMLTape`, cheap to copy.
/// The file a node belongs to is the `path` of its `YAMLDocument`.
public struct YAMLNode: Sendable {
    let tape: YAMLTape
    /// Where the node is written (an alias's own entry).
    let position: Int32
    /// Where its content is (what an alias stands for).
    let target: Int32

    public enum Kind: Sendable, Equatable {
        case scalar, sequence, mapping
    }

    private var entry: YAMLTape.Entry { tape.entries[Int(target)] }

    public var kind: Kind {
        switch entry.kind {
        case .sequence: return .sequence
        case .mapping: return .mapping
        case .scalar, .alias: return .scalar
        }
    }

    /// The node's range; an alias has its own.
    public var span: SourceSpan {
        let e = tape.entries[Int(position)]
        return SourceSpan(start: e.start, end: e.end)
    }

    public var start: SourceMark { tape.entries[Int(position)].start }

    public var tag: String? {
        let t = entry.tag
        return t < 0 ? nil : tape.tags[Int(t)]
    }

    public var style: ScalarStyle? { entry.kind == .scalar ? entry.style : nil }

    /// The scalar's text, whatever its style; nil for collections.
    public var scalar: String? {
        guard entry.kind == .scalar else { return nil }
        return tape.withText(Int(target)) { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `body` on the bytes of the scalar's text (no string made); nil for collections.
    public func withScalarBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard entry.kind == .scalar else { return nil }
        return tape.withText(Int(target), body)
    }

    /// True when the node is a scalar whose text is exactly `text` (compared as bytes, no string made).
    public func isScalar(_ text: String) -> Bool {
        guard entry.kind == .scalar else { return false }
        var text = text
        return text.withUTF8 { wanted in
            tape.withText(Int(target)) { bytes in
                bytes.count == wanted.count
                    && (bytes.isEmpty || bytesEqual(bytes.baseAddress!, wanted.baseAddress!, bytes.count))
            }
        }
    }

    /// True for `~`, `null`, `Null`, `NULL` and the empty plain scalar (YAML's null), unless tagged `!!str`.
    public var isNull: Bool {
        let e = entry
        guard e.kind == .scalar, e.style == .plain, e.tag < 0 || tag == "tag:yaml.org,2002:null" else { return false }
        switch e.b {
        case 0: return true
        case 1: return isScalar("~")
        case 4: return isScalar("null") || isScalar("Null") || isScalar("NULL")
        default: return false
        }
    }

    public var sequence: YAMLSequence? {
        entry.kind == .sequence ? YAMLSequence(tape: tape, collection: Int(target)) : nil
    }

    public var mapping: YAMLMapping? {
        entry.kind == .mapping ? YAMLMapping(tape: tape, collection: Int(target)) : nil
    }

    /// The value under a scalar key of a mapping (first match), or nil.
    public subscript(key: String) -> YAMLNode? {
        pair(key)?.value
    }

    public func pair(_ key: String) -> YAMLPair? {
        mapping?.first { $0.key.isScalar(key) }
    }

    /// Words for messages: "a single value", "a list", "a mapping", "nothing (null)".
    public var shapeName: String {
        switch kind {
        case .scalar: return isNull ? "nothing (null)" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0 ..< count where a[i] != b[i] { return false }
    return true
}

/// Walking the tape (shared by the parser that writes it and the views that read it).
extension Array where Element == YAMLTape.Entry {
    /// The entry after `i`'s subtree: its next sibling, or its parent's end.
    func next(_ i: Int) -> Int {
        let e = self[i]
        return e.kind == .sequence || e.kind == .mapping ? Int(e.b) : i + 1
    }

    /// The entry holding `i`'s content: `i` itself, or what an alias stands for.
    func resolved(_ i: Int) -> Int {
        let e = self[i]
        return e.kind == .alias ? Int(e.a) : i
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
}

/// The items of a sequence, in order (a forward collection over the tape).
public struct YAMLSequence: Collection, Sendable {
    let tape: YAMLTape
    let collection: Int

    public var startIndex: Int { collection + 1 }
    public var endIndex: Int { Int(tape.entries[collection].b) }
    public func index(after i: Int) -> Int { tape.next(i) }
    public subscript(i: Int) -> YAMLNode { tape.node(i) }
}

/// The pairs of a mapping, in source order (a forward collection over the tape). A repeated key
/// is not among them: the parser reports it and keeps the first.
public struct YAMLMapping: Collection, Sendable {
    let tape: YAMLTape
    let collection: Int

    public var startIndex: Int { collection + 1 }
    public var endIndex: Int { Int(tape.entries[collection].b) }
    public func index(after i: Int) -> Int { tape.next(tape.next(i)) }
    public subscript(i: Int) -> YAMLPair { YAMLPair(key: tape.node(i), value: tape.node(tape.next(i))) }
}
