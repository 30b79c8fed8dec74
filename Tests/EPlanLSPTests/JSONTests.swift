import EPlanLSP
import Testing

@Suite("LSP JSON")
struct JSONTests {
    @Test func parsesObjects() {
        #expect(try JSONParser.parse(#"{"a": [1, 2.5, true, null, "x"]}"#).get() == .object([("a", .array([.number(1), .number(2.5), .bool(true), .null, .string("x")]))]))
    }
}
