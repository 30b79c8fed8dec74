/// A position in a source file: 1-based line, 1-based column counted in Unicode scalars.
public struct SourceMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored in 32 bits: every field of every plan keeps a span, so this halves their cost.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static let start = SourceMark(line: 1, column: 1)

    public static func < (a: SourceMark, b: SourceMark) -> Bool {
        (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn)
    }

    public var description: String { "\(line):\(column)" }
}

/// A range in a source file, from `start` up to (not including) `end`.
public struct SourceSpan: Sendable, Hashable {
    public var start: SourceMark
    public var end: SourceMark

    public init(start: SourceMark, end: SourceMark) {
        self.start = start
        self.end = end
    }

    public init(at mark: SourceMark) {
        self.init(start: mark, end: mark)
    }
}

/// How a scalar was written; plain scalars may mean null.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One node of a YAML document with its source span. Mappings keep source order.
/// The file a node belongs to is the `path` of its `YAMLDocument`.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var span: SourceSpan
    public var tag: String?

    public init(_ content: Content, span: SourceSpan, tag: String? = nil) {
        self.content = content
        self.span = span
        self.tag = tag
    }

    public var start: SourceMark { span.start }

    /// The scalar's text, whatever its style; nil for collections.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// True for `~`, `null`, `Null`, `NULL` and the empty plain scalar (YAML's null), unless tagged `!!str`.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = content, tag == nil || tag == "tag:yaml.org,2002:null" else {
            return false
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value under a scalar key of a mapping (first match), or nil.
    public subscript(key: String) -> YAMLNode? {
        pair(key)?.value
    }

    public func pair(_ key: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalar == key }
    }

    /// Words for messages: "a string", "a list", "a mapping", "null".
    public var shapeName: String {
        switch content {
        case .scalar: return isNull ? "nothing (null)" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
