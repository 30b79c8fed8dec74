/// What the generator reads out of Swift sources: the rules a file declares and the order of the
/// rules a catalogue lists.
public enum RuleScan {
    /// The protocols that make a struct a rule.
    public static let ruleProtocols: Set<String> = ["Rule", "DecoderRule"]

    /// The rules `source` declares, in order: top-level, non-generic `struct Name: ... Rule ...`
    /// (or `DecoderRule`), whatever other conformances or modifiers come with it.
    public static func ruleDeclarations(in source: String) -> [String] {
        let tokens = Tokens.of(CodeText.blanking(source))
        var rules: [String] = []
        var depth = 0
        for (k, token) in tokens.enumerated() {
            switch token {
            case "{": depth += 1
            case "}": depth -= 1
            case "struct" where depth == 0 && k + 2 < tokens.count && tokens[k + 2] == ":":
                if conformances(tokens, from: k + 3).contains(where: ruleProtocols.contains) { rules.append(tokens[k + 1]) }
            default: break
            }
        }
        return rules
    }

    /// The names of the protocols listed from `start` up to the body's `{` or a `where` clause
    /// (`EPlanKit.Rule` counts as `Rule`; generic arguments are skipped).
    static func conformances(_ tokens: [String], from start: Int) -> [String] {
        var names: [String] = []
        var current: String?
        var angles = 0
        for token in tokens[start...] {
            if angles == 0 && (token == "{" || token == "where") { break }
            switch token {
            case "<": angles += 1
            case ">": angles -= 1
            case "," where angles == 0:
                current.map { names.append($0) }
                current = nil
            default:
                if angles == 0, let first = token.unicodeScalars.first, first != "@", first.properties.isXIDStart || first == "_" {
                    current = token
                }
            }
        }
        current.map { names.append($0) }
        return names
    }

    /// The rules a catalogue file lists in `rules: [any Rule] = [A(), B(), ...]`, in order;
    /// nil when the file has no such list.
    public static func catalogOrder(in source: String) -> [String]? {
        let tokens = Tokens.of(CodeText.blanking(source))
        guard let start = listStart(tokens) else { return nil }
        var names: [String] = []
        var k = start
        while k < tokens.count && tokens[k] != "]" {
            if k + 2 < tokens.count && tokens[k + 1] == "(" && tokens[k + 2] == ")" {
                names.append(tokens[k])
                k += 3
            } else {
                k += 1
            }
        }
        return names
    }

    /// The index just past the `[` that opens the value of `static let rules`.
    private static func listStart(_ tokens: [String]) -> Int? {
        guard tokens.count > 2 else { return nil }
        for k in 0..<(tokens.count - 2) where tokens[k] == "let" && tokens[k + 1] == "rules" {
            guard let equals = tokens[(k + 2)...].firstIndex(of: "="), tokens.index(after: equals) < tokens.count,
                  tokens[equals + 1] == "[" else { return nil }
            return equals + 2
        }
        return nil
    }
}
