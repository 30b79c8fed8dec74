/// Swift source with its comments and string literals blanked out (replaced by spaces, line
/// breaks kept), so that a scan for declarations sees code only: a `struct X: Rule` in a doc
/// comment or in an example's YAML is no rule. Handles nested block comments, multi-line and raw
/// strings, and interpolations (which may hold strings of their own).
struct CodeText {
    private let source: [UInt8]
    private var code: [UInt8]
    private var i = 0

    private init(_ text: String) {
        source = Array(text.utf8)
        code = source
    }

    /// The bytes of `text`, comments and string literals blanked.
    static func blanking(_ text: String) -> [UInt8] {
        var scanner = CodeText(text)
        scanner.scanCode(inInterpolation: false)
        return scanner.code
    }

    private func byte(_ offset: Int) -> UInt8? {
        i + offset < source.count ? source[i + offset] : nil
    }

    /// Code up to the end, or up to the `)` that closes an interpolation (left unconsumed).
    private mutating func scanCode(inInterpolation: Bool) {
        var depth = 0
        while let c = byte(0) {
            switch c {
            case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "/"): skipLineComment()
            case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "*"): skipBlockComment()
            case UInt8(ascii: "\""): skipString()
            case UInt8(ascii: "#") where startsRawString(): skipString()
            case UInt8(ascii: "("):
                depth += 1
                i += 1
            case UInt8(ascii: ")"):
                if inInterpolation && depth == 0 { return }
                depth -= 1
                i += 1
            default: i += 1
            }
        }
    }

    private mutating func skipLineComment() {
        let start = i
        while let c = byte(0), c != UInt8(ascii: "\n") { i += 1 }
        blank(start..<i)
    }

    private mutating func skipBlockComment() {
        let start = i
        var depth = 0
        while byte(0) != nil {
            if byte(0) == UInt8(ascii: "/") && byte(1) == UInt8(ascii: "*") {
                depth += 1
                i += 2
            } else if byte(0) == UInt8(ascii: "*") && byte(1) == UInt8(ascii: "/") {
                depth -= 1
                i += 2
                if depth == 0 { break }
            } else {
                i += 1
            }
        }
        blank(start..<i)
    }

    /// `#`s followed by a quote: a raw string.
    private func startsRawString() -> Bool {
        var n = 0
        while byte(n) == UInt8(ascii: "#") { n += 1 }
        return byte(n) == UInt8(ascii: "\"")
    }

    /// True when `count` `#`s stand at `offset`.
    private func hashes(_ count: Int, at offset: Int) -> Bool {
        (0..<count).allSatisfy { byte(offset + $0) == UInt8(ascii: "#") }
    }

    private func tripleQuote(at offset: Int) -> Bool {
        (0..<3).allSatisfy { byte(offset + $0) == UInt8(ascii: "\"") }
    }

    /// A string literal from its opening `#`s or quote to past its closing delimiter.
    private mutating func skipString() {
        let start = i
        var hashCount = 0
        while byte(0) == UInt8(ascii: "#") {
            hashCount += 1
            i += 1
        }
        let multiline = tripleQuote(at: 0)
        let quotes = multiline ? 3 : 1
        i += quotes
        while let c = byte(0) {
            if c == UInt8(ascii: "\\") && hashes(hashCount, at: 1) {
                i += 1 + hashCount
                if byte(0) == UInt8(ascii: "(") {
                    i += 1
                    scanCode(inInterpolation: true)
                }
                i += 1
            } else if c == UInt8(ascii: "\"") && (!multiline || tripleQuote(at: 0)) && hashes(hashCount, at: quotes) {
                i += quotes + hashCount
                break
            } else if c == UInt8(ascii: "\n") && !multiline {
                break
            } else {
                i += 1
            }
        }
        blank(start..<min(i, source.count))
    }

    private mutating func blank(_ range: Range<Int>) {
        for k in range where code[k] != UInt8(ascii: "\n") { code[k] = UInt8(ascii: " ") }
    }
}

/// The identifiers and punctuation of blanked code, in order (numbers and operators split into
/// single bytes: the scans here only look at names, braces, brackets, colons and commas).
enum Tokens {
    static func of(_ code: [UInt8]) -> [String] {
        var tokens: [String] = []
        var k = 0
        while k < code.count {
            let c = code[k]
            if isIdentifier(c) {
                let start = k
                while k < code.count && isIdentifier(code[k]) { k += 1 }
                tokens.append(String(decoding: code[start..<k], as: UTF8.self))
            } else {
                if c > 0x20 { tokens.append(String(UnicodeScalar(c))) }
                k += 1
            }
        }
        return tokens
    }

    /// Letters, digits, `_`, and every byte of a non-ASCII scalar.
    private static func isIdentifier(_ c: UInt8) -> Bool {
        c >= 0x80 || c == UInt8(ascii: "_") || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }
}
