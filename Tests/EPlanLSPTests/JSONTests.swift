import EPlanLSP
import Testing

@Suite("LSP JSON")
struct JSONTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.5e2, true, false, null, "x"], "b": {}} "#).get()
        #expect(value == .object([("a", .array([.number(1), .number(-250), .bool(true), .bool(false), .null, .string("x")])), ("b", .object([]))]))
        #expect(value["a"]?.array?.first?.int == 1)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""\u6d2a\u6d9d \ud83d\ude00 \"q\" \\ \/ \n\t""#).get()
        #expect(value == .string("洪涝 😀 \"q\" \\ / \n\t"))
        // A lone surrogate cannot be held in a String: it becomes U+FFFD, the rest stays.
        #expect(try JSONParser.parse(#""a\ud800b""#).get() == .string("a\u{FFFD}b"))
        #expect(try JSONParser.parse(#""\udc00""#).get() == .string("\u{FFFD}"))
        #expect(try JSONParser.parse(#""\ud83d\u0041""#).get() == .string("\u{FFFD}A"))
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":}", "{1:2}", "tru", "nul", "01", "1.", "-", "1e", ".5",
        "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"a\u{01}b\"", "[1] x", "{\"a\":1,}", "NaN", "Infinity", "'a'",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text).get() }
    }

    @Test func nestingBombsAreRefusedWithoutRecursingDeep() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep).get() }
        let objects = String(repeating: "{\"a\":", count: 50_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(objects).get() }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONParser.parse(fine).get()) != nil)
    }

    @Test func survivesRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[]\":,\\u0123456789abcdefnulltrue -.eE\u{00}\u{7F}".utf8) + [0xFF, 0xC3, 0xE6, 0xF0]
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            _ = JSONParser.parse(bytes)  // must return, whatever it returns
        }
    }

    @Test func invalidUTF8InStringsBecomesReplacementCharacters() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        #expect(try JSONParser.parse(bytes).get() == .string("a\u{FFFD}b"))
    }

    @Test func serializesAndReadsBack() throws {
        let value: JSONValue = .object([("s", .string("引号\"\n\u{01}😀")), ("n", .int(42)), ("f", .number(0.5)), ("a", .array([.null, .bool(true)]))])
        #expect(value.text == #"{"s":"引号\"\n\u0001😀","n":42,"f":0.5,"a":[null,true]}"#)
        #expect(try JSONParser.parse(value.bytes).get() == value)
    }
}
