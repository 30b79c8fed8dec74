import EPlanText

/// "Did you mean" suggestions by edit distance (Levenshtein with adjacent transpositions).
public enum Suggest {
    /// The candidate nearest to `word`, when it is close enough to be a likely typo.
    public static func nearest<S: Sequence>(_ word: String, in candidates: S) -> String? where S.Element == String {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            let allowed = min(3, max(1, (max(w.count, c.count) + 1) / 4))
            guard abs(w.count - c.count) <= allowed else { continue }
            let d = distance(w, c, cap: allowed)
            // Likely right only when something of the word stays ('4' is no typo of 'I'), or one holds the
            // other ('V' of 'IV').
            guard d <= allowed, (d < w.count && d < c.count) || candidate.lowercased().contains(word.lowercased()) else { continue }
            if let (name, score) = best, d > score || (d == score && candidate >= name) { continue }
            best = (candidate, d)
        }
        return best?.0
    }

    /// Optimal-string-alignment distance; stops early once every cell exceeds `cap`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > cap { return rowMin }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
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
