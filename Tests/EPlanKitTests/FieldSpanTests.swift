@testable import EPlanKit
import EPlanYAML
import Testing

/// A field keeps its span in one word (`PackedSpan`); spans that do not fit are kept aside. Either
/// way the span read back is the one given, and equal spans make equal fields.
@Suite("Field spans")
struct FieldSpanTests {
    static func span(_ line: Int, _ from: Int, _ endLine: Int, _ to: Int) -> SourceSpan {
        SourceSpan(start: SourceMark(line: line, column: from), end: SourceMark(line: endLine, column: to))
    }

    @Test("spans read back as given, packed or kept aside", arguments: [
        span(1, 1, 1, 1), span(3, 5, 3, 17), span(134_217_727, 262_143, 134_217_727, 262_143),
        span(134_217_728, 1, 134_217_728, 2), span(2, 262_144, 2, 262_145), span(7, 1, 9, 4),
        span(5, 9, 4, 2), span(0, 0, 0, 0), span(-3, -1, -3, 5), span(Int(Int32.max), 3, Int(Int32.max), 4),
    ])
    func roundTrip(_ span: SourceSpan) {
        let field = Field("x", span: span)
        #expect(field.span == span)
        #expect(field == Field("x", span: span))
        var changed = field
        changed.span = Self.span(2, 3, 4, 5)
        #expect(changed.span == Self.span(2, 3, 4, 5))
        #expect(changed != field)
    }
}
