/// The nodes of one YAML document laid out flat, in document order: one fixed-size entry per node
/// and one byte buffer holding every scalar's text. A collection's children follow it; its entry
/// records where its subtree ends, so siblings are found by jumping over subtrees.
///
/// The parser writes entries straight from libyaml's events, and the decoders read them through
/// `YAMLNode` views. Nothing is allocated per node: a document is three arrays, whatever its size,
/// and its strings are made only when a decoder asks for one.
public final class YAMLTape: Sendable {
    @usableFromInline enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
        /// An alias: `a` is the entry of the node it stands for; its own span is where the alias is written.
        case alias
    }

    @usableFromInline struct Entry: Sendable {
        @usableFromInline var kind: Kind
        @usableFromInline var style: ScalarStyle
        /// Index into `tags`, or -1.
        @usableFromInline var tag: Int32
        @usableFromInline var start: SourceMark
        @usableFromInline var end: SourceMark
        /// Scalar: offset of its text in `text`. Alias: the entry it stands for.
        @usableFromInline var a: Int32
        /// Scalar: length of its text. Collection: the entry just past its subtree.
        @usableFromInline var b: Int32
    }

    @usableFromInline let entries: [Entry]
    @usableFromInline let text: [UInt8]
    @usableFromInline let tags: [String]

    init(entries: [Entry], text: [UInt8], tags: [String]) {
        self.entries = entries
        self.text = text
        self.tags = tags
    }

    @inlinable func next(_ i: Int) -> Int { entries.next(i) }
    @inlinable func resolved(_ i: Int) -> Int { entries.resolved(i) }

    @inlinable func node(_ i: Int) -> YAMLNode {
        YAMLNode(tape: self, position: Int32(i), target: Int32(resolved(i)))
    }

    /// Runs `body` on the bytes of scalar entry `i`.
    @inlinable func withText<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let e = entries[i]
        return text.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(e.a) ..< Int(e.a) + Int(e.b)]))
        }
    }
}

/// A node of a parsed YAML document: a view into its `YAMLTape`, cheap to copy.
/// The file a node belongs to is the `path` of its `YAMLDocument`.
public struct YAMLNode: Sendable {
    @usableFromInline let tape: YAMLTape
    /// Where the node is written (an alias's own entry).
    @usableFromInline let position: Int32
    /// Where its content is (what an alias stands for).
    @usableFromInline let target: Int32

    @inlinable init(tape: YAMLTape, position: Int32, target: Int32) {
        self.tape = tape
        self.position = position
        self.target = target
    }

    public enum Kind: Sendable, Equatable {
        case scalar, sequence, mapping
    }

    @inlinable var entry: YAMLTape.Entry { tape.entries[Int(target)] }

    @inlinable public var kind: Kind {
        switch entry.kind {
        case .sequence: return .sequence
        case .mapping: return .mapping
        case .scalar, .alias: return .scalar
        }
    }

    /// The node's range; an alias has its own.
    @inlinable public var span: SourceSpan {
        let e = tape.entries[Int(position)]
        return SourceSpan(start: e.start, end: e.end)
    }

    @inlinable public var start: SourceMark { tape.entries[Int(position)].start }

    public var tag: String? {
        let t = entry.tag
        return t < 0 ? nil : tape.tags[Int(t)]
    }

    @inlinable public var style: ScalarStyle? { entry.kind == .scalar ? entry.style : nil }

    /// The scalar's text, whatever its style; nil for collections.
    @inlinable public var scalar: String? {
        guard entry.kind == .scalar else { return nil }
        return tape.withText(Int(target)) { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `body` on the bytes of the scalar's text (no string made); nil for collections.
    @inlinable public func withScalarBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard entry.kind == .scalar else { return nil }
        return tape.withText(Int(target), body)
    }

    /// True when the node is a scalar whose text is exactly `text` (compared as bytes, no string made).
    @inlinable public func isScalar(_ text: String) -> Bool {
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
    @inlinable public var isNull: Bool {
        let e = entry
        guard e.kind == .scalar, e.style == .plain, e.tag < 0 || tag == "tag:yaml.org,2002:null" else { return false }
        switch e.b {
        case 0: return true
        case 1: return tape.text[Int(e.a)] == 0x7E  // ~
        case 4:
            // null, Null, NULL: compared as one 32-bit word (little-endian bytes).
            let t = tape.text, i = Int(e.a)
            let word = UInt32(t[i]) | UInt32(t[i + 1]) << 8 | UInt32(t[i + 2]) << 16 | UInt32(t[i + 3]) << 24
            return word == 0x6C6C_756E || word == 0x6C6C_754E || word == 0x4C4C_554E
        default: return false
        }
    }

    /// Where a mapping's first key is written (nil for an empty mapping or another node), read without
    /// making the mapping and its pair.
    @inlinable public var firstKeySpan: SourceSpan? {
        let e = entry
        let first = Int(target) + 1
        guard e.kind == .mapping, first < Int(e.b) else { return nil }
        let key = tape.entries[first]
        return SourceSpan(start: key.start, end: key.end)
    }

    @inlinable public var sequence: YAMLSequence? {
        entry.kind == .sequence ? YAMLSequence(tape: tape, collection: Int(target)) : nil
    }

    @inlinable public var mapping: YAMLMapping? {
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

@inlinable func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0 ..< count where a[i] != b[i] { return false }
    return true
}

/// Walking the tape (shared by the parser that writes it and the views that read it).
extension Array where Element == YAMLTape.Entry {
    /// The entry after `i`'s subtree: its next sibling, or its parent's end.
    @inlinable func next(_ i: Int) -> Int {
        let e = self[i]
        return e.kind == .sequence || e.kind == .mapping ? Int(e.b) : i + 1
    }

    /// The entry holding `i`'s content: `i` itself, or what an alias stands for.
    @inlinable func resolved(_ i: Int) -> Int {
        let e = self[i]
        return e.kind == .alias ? Int(e.a) : i
    }
}

/// A node named without keeping its document alive: for values that live only while the document
/// is being read (a decoder's field paths, copied at every key), where retaining the tape on each
/// copy cost more than the reading. Its holder must not outlive the document.
public struct YAMLNodeReference: Sendable {
    @usableFromInline unowned(unsafe) let tape: YAMLTape
    @usableFromInline let position: Int32
    @usableFromInline let target: Int32

    @inlinable public init(_ node: YAMLNode) {
        tape = node.tape
        position = node.position
        target = node.target
    }

    /// The node, holding its document again.
    @inlinable public var node: YAMLNode { YAMLNode(tape: tape, position: position, target: target) }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    @inlinable init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// The items of a sequence, in order (a forward collection over the tape).
public struct YAMLSequence: Collection, Sendable {
    @usableFromInline let tape: YAMLTape
    @usableFromInline let collection: Int

    @inlinable init(tape: YAMLTape, collection: Int) {
        self.tape = tape
        self.collection = collection
    }

    @inlinable public var startIndex: Int { collection + 1 }
    @inlinable public var endIndex: Int { Int(tape.entries[collection].b) }
    @inlinable public func index(after i: Int) -> Int { tape.next(i) }
    @inlinable public subscript(i: Int) -> YAMLNode { tape.node(i) }
}

/// The pairs of a mapping, in source order (a forward collection over the tape). A repeated key
/// is not among them: the parser reports it and keeps the first.
public struct YAMLMapping: Collection, Sendable {
    @usableFromInline let tape: YAMLTape
    @usableFromInline let collection: Int

    @inlinable init(tape: YAMLTape, collection: Int) {
        self.tape = tape
        self.collection = collection
    }

    @inlinable public var startIndex: Int { collection + 1 }
    @inlinable public var endIndex: Int { Int(tape.entries[collection].b) }
    @inlinable public func index(after i: Int) -> Int { tape.next(tape.next(i)) }
    @inlinable public subscript(i: Int) -> YAMLPair { YAMLPair(key: tape.node(i), value: tape.node(tape.next(i))) }
}
