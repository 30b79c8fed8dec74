import EPlanText

/// "Did you mean" suggestions by edit distance (Levenshtein with adjacent transpositions).
public enum Suggest {
    /// The candidate nearest to `word`, when it is close enough to be a likely typo.
    ///
    /// Candidates are often every id of a large repository (an unresolved parent is compared with
    /// 10,000 plan ids): an ASCII candidate is measured and lowercased in place, without a lowercased
    /// copy and an array made of every one, and most are passed over on their length alone (47 M
    /// instructions for one suggestion among 10,000 ids before, 22 M after).
    ///
    /// An ASCII candidate of a close length is then passed over when more of the word's letters are
    /// missing from it than the distance allows (each edit accounts for at most one missing letter,
    /// so their number is a lower bound of the distance): ids of one repository share their lengths,
    /// and this count costs a tenth of a distance.
    public static func nearest<S: Sequence>(_ word: String, in candidates: S) -> String? where S.Element == String {
        let lowerWord = word.lowercased()
        let w = Array(lowerWord.unicodeScalars)
        var best: (String, Int)?
        var c: [Unicode.Scalar] = []
        var rows = DistanceRows()
        // How often each ASCII letter occurs in the word (nil when the word is not all ASCII), and the
        // copy each candidate uses up.
        let letters: [Int16]? = w.allSatisfy(\.isASCII) ? w.reduce(into: [Int16](repeating: 0, count: 128)) { $0[Int($1.value)] += 1 } : nil
        var left = [Int16](repeating: 0, count: 128)
        for candidate in candidates {
            let asciiCount: Int? = candidate.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.contains { $0 >= 0x80 } ? nil : bytes.count
            } ?? nil
            if asciiCount == nil { c = Array(candidate.lowercased().unicodeScalars) }
            let count = asciiCount ?? c.count
            let allowed = min(3, max(1, (max(w.count, count) + 1) / 4))
            guard abs(w.count - count) <= allowed else { continue }
            if asciiCount != nil {
                if let letters, missingLetters(of: letters, total: w.count, in: candidate, scratch: &left) > allowed { continue }
                c.removeAll(keepingCapacity: true)
                for byte in candidate.utf8 { c.append(Unicode.Scalar(lowercased(byte))) }
            }
            let d = distance(w, c, cap: allowed, rows: &rows)
            // Likely right only when something of the word stays ('4' is no typo of 'I'), or one holds the
            // other ('V' of 'IV').
            guard d <= allowed, (d < w.count && d < c.count) || candidate.lowercased().contains(lowerWord) else { continue }
            if let (name, score) = best, d > score || (d == score && candidate >= name) { continue }
            best = (candidate, d)
        }
        return best?.0
    }

    /// How many of the word's letters (`letters`: counts of each lowercased ASCII letter, `total` in
    /// all) an ASCII candidate lacks, each occurrence matched at most once, the candidate lowercased.
    static func missingLetters(of letters: [Int16], total: Int, in candidate: String, scratch: inout [Int16]) -> Int {
        var matched = 0
        scratch.withUnsafeMutableBufferPointer { left in
            letters.withUnsafeBufferPointer { left.baseAddress!.update(from: $0.baseAddress!, count: 128) }
            for byte in candidate.utf8 {
                let lower = Int(lowercased(byte))
                if left[lower] > 0 {
                    left[lower] -= 1
                    matched += 1
                }
            }
        }
        return total - matched
    }

    /// An ASCII byte in lower case (`A`–`Z` to `a`–`z`; others as they are).
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// The three rows `distance` works in, kept from one candidate to the next.
    struct DistanceRows {
        var previous2: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []
    }

    /// Optimal-string-alignment distance; stops early once every cell exceeds `cap`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int) -> Int {
        var rows = DistanceRows()
        return distance(a, b, cap: cap, rows: &rows)
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int, rows: inout DistanceRows) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        rows.previous2.removeAll(keepingCapacity: true)
        rows.previous2.append(contentsOf: repeatElement(0, count: b.count + 1))
        rows.previous.removeAll(keepingCapacity: true)
        rows.previous.append(contentsOf: 0...b.count)
        rows.current.removeAll(keepingCapacity: true)
        rows.current.append(contentsOf: repeatElement(0, count: b.count + 1))
        for i in 1...a.count {
            rows.current[0] = i
            var rowMin = rows.current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows.previous[j] + 1, rows.current[j - 1] + 1, rows.previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows.previous2[j - 2] + 1)
                }
                rows.current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > cap { return rowMin }
            swap(&rows.previous2, &rows.previous)
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[b.count]
    }

    /// Suggestions from one candidate list, remembered per word: many findings share a typo.
    /// The candidate list is made on the first question (most runs ask none).
    struct Memo {
        private let makeCandidates: () -> [String]
        private var candidates: [String]?
        private var known: [String: String?] = [:]

        init(candidates: @escaping @autoclosure () -> [String]) {
            self.makeCandidates = candidates
        }

        subscript(word: String) -> String? {
            mutating get {
                if let hit = known[word] { return hit }
                let list = candidates ?? makeCandidates()
                candidates = list
                let result = Suggest.nearest(word, in: list)
                known[word] = result
                return result
            }
        }
    }

    /// "did you mean 'x'?" or nil. With `terms`, the candidates are terms of that category, named in
    /// Chinese by their display name and id.
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S, terms: Term.Category? = nil) -> Message?
    where S.Element == String {
        nearest(word, in: candidates).map { Message("schema.did-you-mean", ["name": argument($0, terms)]) }
    }

    /// "use one of: a, b, c" (the candidates as terms of `terms`, when given).
    public static func useOneOf(_ candidates: [String], terms: Term.Category? = nil) -> Message {
        Message("schema.use-one-of", ["values": .list(candidates.map { argument($0, terms) })])
    }

    /// "did you mean 'x'?", else "use one of: ..." with every candidate.
    public static func help(_ word: String, oneOf candidates: [String], terms: Term.Category? = nil) -> Message {
        didYouMean(word, in: candidates, terms: terms) ?? useOneOf(candidates, terms: terms)
    }

    private static func argument(_ id: String, _ terms: Term.Category?) -> MessageArgument {
        terms.map { .term(Term($0, id)) } ?? .verbatim(id)
    }
}
