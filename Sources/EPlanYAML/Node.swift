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
