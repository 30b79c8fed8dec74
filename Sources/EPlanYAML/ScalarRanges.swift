/// Where a document's scalars are written in the source, for telling a YAML comment from text that
/// merely contains `#` (suppression comments): a `#` inside one of these ranges is part of a scalar.
///
/// A range runs from a scalar's first character (its opening quote, or its tag or anchor) up to,
/// not including, the mark just past it (the closing quote). A block scalar (`|`, `>`) starts on the
/// line after its header, since a comment may follow the header's indicators (`how: |  # note`),
/// and ends where the first less-indented line starts.
///
/// The ranges are those of the scalars on the tape: the first document's, without a repeated key
/// and its value (the parser leaves those off). A document that could not be read whole has a
/// partial tape or none; its other text is then not known to be scalar text.
public struct ScalarRanges: Sendable {
    /// In source order; they do not overlap.
    private let ranges: [SourceSpan]

    init(_ tape: YAMLTape?) {
        guard let tape else {
            ranges = []
            return
        }
        var ranges: [SourceSpan] = []
        for entry in tape.entries where entry.kind == .scalar {
            var start = entry.start
            if entry.style == .literal || entry.style == .folded {
                start = SourceMark(line: start.line + 1, column: 1)
            }
            if start < entry.end { ranges.append(SourceSpan(start: start, end: entry.end)) }
        }
        // Entries are in document order; a block scalar's header line, left out above, keeps it so.
        if !zip(ranges, ranges.dropFirst()).allSatisfy({ $0.start < $1.start }) {
            ranges.sort { $0.start < $1.start }
        }
        self.ranges = ranges
    }

    /// The number of ranges (the scalars that are not empty).
    public var count: Int { ranges.count }

    /// True when the character at `mark` (1-based line, column in Unicode scalars) lies inside a scalar.
    public func contains(_ mark: SourceMark) -> Bool {
        // The last range starting at or before the mark is the only one that can hold it.
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].start <= mark { low = middle + 1 } else { high = middle }
        }
        return low > 0 && mark < ranges[low - 1].end
    }
}

extension YAMLDocument {
    /// Where the scalars of the document's tape are written (none when nothing was read).
    public var scalarRanges: ScalarRanges {
        ScalarRanges(root?.tape)
    }
}
