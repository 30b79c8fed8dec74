/// Glob patterns of `include` / `exclude`, matched against paths relative to the repository root:
/// `*` matches within one path segment, `?` one character, `**` any number of segments.
/// A pattern that matches a folder matches everything below it.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let segments: [Substring]

    public init(_ pattern: String) {
        var p = pattern
        while p.hasPrefix("./") { p.removeFirst(2) }
        while p.hasSuffix("/") { p.removeLast() }
        self.pattern = pattern
        self.segments = p.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// True when `path` (or one of its ancestor folders) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for prefixLength in stride(from: parts.count, through: 1, by: -1)
        where Glob.match(segments[...], parts[..<prefixLength]) {
            return true
        }
        return false
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var p = path
            while true {
                if match(rest, p) { return true }
                guard !p.isEmpty else { return false }
                p = p.dropFirst()
            }
        }
        guard let head = path.first else { return false }
        return matchSegment(Array(first.unicodeScalars)[...], Array(head.unicodeScalars)[...])
            && match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var pi = p.startIndex, si = s.startIndex
        var starP: Int?, starS = 0
        while si < s.endIndex {
            if pi < p.endIndex, p[pi] == "?" || p[pi] == s[si] {
                pi += 1
                si += 1
            } else if pi < p.endIndex, p[pi] == "*" {
                starP = pi
                starS = si
                pi += 1
            } else if let sp = starP {
                pi = sp + 1
                starS += 1
                si = starS
            } else {
                return false
            }
        }
        while pi < p.endIndex, p[pi] == "*" { pi += 1 }
        return pi == p.endIndex
    }
}
