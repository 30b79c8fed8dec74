import EPlanText
/// Limits that keep a hostile file from costing unbounded time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Deepest allowed nesting of collections.
    public var nesting: Int
    /// Most nodes that aliases may stand for, over the whole document.
    public var aliasNodes: Int
    /// Largest file read, in bytes.
    public var fileSize: Int

    public init(nesting: Int = 64, aliasNodes: Int = 100_000, fileSize: Int = 8 * 1024 * 1024) {
        self.nesting = nesting
        self.aliasNodes = aliasNodes
        self.fileSize = fileSize
    }

    public static let `default` = YAMLLimits()
}

/// What went wrong while reading YAML. The EPlanKit layer turns each into a finding.
public struct YAMLProblem: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not well-formed YAML, not UTF-8, or not readable.
        case syntax
        /// A mapping repeats a key; `first` is where the key first appeared.
        case duplicateKey(key: String, first: SourceMark)
        /// Nesting, alias expansion or file size past a limit.
        case limit
        /// A second (third, ...) document in the stream.
        case extraDocument
    }

    public var kind: Kind
    public var message: Message
    public var span: SourceSpan
    public var help: Message?

    public init(_ kind: Kind, _ message: Message, at span: SourceSpan, help: Message? = nil) {
        self.kind = kind
        self.message = message
        self.span = span
        self.help = help
    }

}

/// The first document of a YAML stream (its nodes on a `YAMLTape`), and every problem met reading it.
public struct YAMLDocument: Sendable {
    /// nil when the stream holds no document (an empty file, only comments) or reading stopped early.
    public var root: YAMLNode?
    public var problems: [YAMLProblem]
    /// When a problem stopped the reading: the top-level pairs of scalars read before it (see
    /// `YAMLSalvagedPair`); empty otherwise.
    public var salvaged: [YAMLSalvagedPair] = []

    public init(root: YAMLNode?, problems: [YAMLProblem]) {
        self.root = root
        self.problems = problems
    }

    /// True when the tree is trustworthy: no syntax or limit problem stopped the reading.
    public var isComplete: Bool {
        !problems.contains { $0.kind == .syntax || $0.kind == .limit }
    }
}

/// A top-level `key: value` pair of scalars that libyaml read to the end before a problem stopped the
/// reading of the file. Linters take what they can from a file that is half broken, but only this.
public struct YAMLSalvagedPair: Sendable, Equatable {
    public var key: String
    public var value: String
    public var keySpan: SourceSpan
}
