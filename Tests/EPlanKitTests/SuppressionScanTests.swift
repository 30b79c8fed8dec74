import EPlanKit
import EPlanYAML
import Testing

/// Suppression comments are YAML comments (rules.md 1.1): the scan reads the file with the parser's
/// knowledge of where scalars are written.
@Suite("Suppression comments")
struct SuppressionScanTests {
    /// The suppressions of a text, as the decoder finds them (parsed first, then scanned).
    static func scan(_ text: String) -> [Suppression] {
        let bytes = Array(text.utf8)
        return Suppression.scan(bytes, yaml: YAMLParser.parse(bytes))
    }

    /// "scope line:column rule,rule [reason]" for each suppression.
    static func describe(_ text: String) -> [String] {
        scan(text).map { s in
            "\(s.scope.rawValue) \(s.span.start.line):\(s.span.start.column) \(s.rules.joined(separator: ","))"
                + (s.reason.map { " [\($0)]" } ?? "")
        }
    }

    @Test("a file without 'eplan-disable' has none (the fast path)")
    func fastPath() {
        #expect(Self.scan("a: 1 # a comment\n").isEmpty)
        #expect(Suppression.scan([]).isEmpty)
    }

    @Test("end-of-line, next-line and file-wide comments, with and without a reason")
    func scopes() {
        let text = """
            owner: water-bureau   # eplan-disable-line agency-unknown -- renamed in the 2026 reform
            # eplan-disable-next-line hazard-overlap
            scope: {hazards: [flood]}
            # eplan-disable-file drill-overdue -- plan retires on 2027-01-01
            """
        #expect(Self.describe(text) == [
            "eplan-disable-line 1:23 agency-unknown [renamed in the 2026 reform]",
            "eplan-disable-next-line 2:1 hazard-overlap",
            "eplan-disable-file 4:1 drill-overdue [plan retires on 2027-01-01]",
        ])
        #expect(Self.scan(text).map(\.targetLine) == [1, 3, nil])
    }

    @Test("text inside a quoted scalar is not a comment")
    func quotedText() {
        #expect(Self.describe("how: \"Survey sites # eplan-disable-line agency-unknown\"\n").isEmpty)
        #expect(Self.describe("how: 'Survey sites # eplan-disable-line agency-unknown'\n").isEmpty)
        // In a flow mapping, the rest of the line is not read as rule names either.
        #expect(Self.describe("""
            actions:
              - {id: survey, how: "Survey sites # eplan-disable-line agency-unknown", resources: []}
            """).isEmpty)
        // A quoted key.
        #expect(Self.describe("\"note # eplan-disable-line agency-unknown\": 1\n").isEmpty)
    }

    @Test("a real comment after a quoted scalar that contains ' #' is one")
    func commentAfterQuotedHash() {
        #expect(Self.describe("title: \"Plan #1 # 2026\"  # eplan-disable-line schema-unknown-key\n")
            == ["eplan-disable-line 1:26 schema-unknown-key"])
        #expect(Self.describe("title: 'a # b' # eplan-disable-line schema-unknown-key\n")
            == ["eplan-disable-line 1:16 schema-unknown-key"])
        // In a flow mapping, after the quoted value and the closing brace.
        #expect(Self.describe("""
            actions:
              - {id: a, how: "Call # 110", resources: []}  # eplan-disable-line agency-unknown
            """) == ["eplan-disable-line 2:48 agency-unknown"])
    }

    @Test("a '#' not after white space does not start a comment")
    func hashInsidePlainText() {
        #expect(Self.describe("how: Survey#eplan-disable-line agency-unknown\n").isEmpty)
        #expect(Self.describe("how: a # eplan-disable-line agency-unknown\n") == ["eplan-disable-line 1:8 agency-unknown"])
        #expect(Self.describe("how: a\t# eplan-disable-line agency-unknown\n") == ["eplan-disable-line 1:8 agency-unknown"])
    }

    @Test("a multi-line quoted scalar hides a line that starts with '#'")
    func multiLineQuoted() {
        let text = """
            how: "Survey the sites
              # eplan-disable-line agency-unknown
              and report"
            # eplan-disable-next-line resource-unresolved
            resources: [x]
            """
        #expect(Self.describe(text) == ["eplan-disable-next-line 4:1 resource-unresolved"])
    }

    @Test("block scalars: their lines are text; the header's comment and the lines after them are comments")
    func blockScalars() {
        let text = """
            a:
              how: |  # eplan-disable-line schema-type
                Survey the sites
                # eplan-disable-line agency-unknown

                  # eplan-disable-next-line agency-unknown
              # eplan-disable-next-line drill-overdue
              why: >-
                Folded # eplan-disable-line agency-unknown
                # eplan-disable-file agency-unknown
            # eplan-disable-file evaluation-overdue
            b: 1
            """
        #expect(Self.describe(text) == [
            "eplan-disable-line 2:11 schema-type",
            "eplan-disable-next-line 7:3 drill-overdue",
            "eplan-disable-file 11:1 evaluation-overdue",
        ])
    }

    @Test("a block scalar at the end of the file")
    func blockScalarAtEnd() {
        #expect(Self.describe("how: |\n  # eplan-disable-line agency-unknown\n").isEmpty)
        #expect(Self.describe("how: |\n  text\n# eplan-disable-file agency-unknown") == ["eplan-disable-file 3:1 agency-unknown"])
    }

    @Test("flow collections: a comment between items, a quoted item with ' #'")
    func flowCollections() {
        let text = """
            resources: [a, "b # eplan-disable-line resource-unresolved",  # eplan-disable-line resource-unresolved
              c,  # eplan-disable-line resource-unused
              'd # eplan-disable-line x']
            scope: {hazards: [flood], note: "# eplan-disable-line y"}  # eplan-disable-line scope-narrower
            """
        #expect(Self.describe(text) == [
            "eplan-disable-line 1:63 resource-unresolved",
            "eplan-disable-line 2:7 resource-unused",
            "eplan-disable-line 4:60 scope-narrower",
        ])
    }

    @Test("rule lists: commas with or without white space; the reason is not read as rules")
    func ruleLists() {
        for list in ["drill-overdue,evaluation-overdue", "drill-overdue, evaluation-overdue",
                     "drill-overdue , evaluation-overdue", "drill-overdue\t,\tevaluation-overdue", "drill-overdue,,evaluation-overdue,"] {
            let found = Self.scan("a: 1  # eplan-disable-file \(list) -- a reason, with -- in it\n")
            #expect(found.map(\.rules) == [["drill-overdue", "evaluation-overdue"]], "\(list)")
            #expect(found.map(\.reason) == ["a reason, with -- in it"], "\(list)")
        }
        #expect(Self.describe("a: 1  # eplan-disable-line drill-overdue --\n") == ["eplan-disable-line 1:7 drill-overdue"])
        #expect(Self.describe("a: 1  # eplan-disable-line drill-overdue\t--\tplanned\n")
            == ["eplan-disable-line 1:7 drill-overdue [planned]"])
        #expect(Self.describe("a: 1  # eplan-disable-line -- no rule\n") == ["eplan-disable-line 1:7  [no rule]"])
        // '--' inside a word is not the separator.
        #expect(Self.describe("a: 1  # eplan-disable-line drill--overdue\n") == ["eplan-disable-line 1:7 drill--overdue"])
        // Not a suppression: another word, or the directive glued to more text.
        #expect(Self.describe("a: 1  # eplan-disable-lines drill-overdue\n").isEmpty)
        #expect(Self.describe("a: 1  # see eplan-disable-line drill-overdue\n").isEmpty)
    }

    @Test("lines and columns are the parser's: BOM, CRLF, CR, Chinese text, a Unicode line separator")
    func marks() {
        #expect(Self.describe("\u{FEFF}a: 1 # eplan-disable-line x\n") == ["eplan-disable-line 1:6 x"])
        #expect(Self.describe("a: 1\r\nb: 2 # eplan-disable-line x\r\nc: 3\r# eplan-disable-line y\r")
            == ["eplan-disable-line 2:6 x", "eplan-disable-line 4:1 y"])
        #expect(Self.describe("title: 临县预案 # eplan-disable-line x\n") == ["eplan-disable-line 1:13 x"])
        // libyaml counts LS (U+2028) as a line break: the quoted scalar after it is on line 2.
        let text = "a: [1,\u{2028}\"x # eplan-disable-line y\"]  # eplan-disable-line z\n"
        let yaml = YAMLParser.parse(Array(text.utf8))
        #expect(yaml.problems.isEmpty)
        #expect(yaml.root?["a"]?.sequence.flatMap { Array($0).last }?.start == SourceMark(line: 2, column: 1))
        #expect(Self.describe(text) == ["eplan-disable-line 2:30 z"])
    }

    @Test("a file that is not valid YAML is scanned as text (a best effort)")
    func invalidYAML() {
        let text = "how: \"unclosed # eplan-disable-line agency-unknown\nwho: [a # eplan-disable-line x\n"
        #expect(!YAMLParser.parse(Array(text.utf8)).isComplete)
        #expect(Self.describe(text) == ["eplan-disable-line 1:16 agency-unknown", "eplan-disable-line 2:9 x"])
        // Without the parse, the scan is textual too.
        #expect(Suppression.scan(Array("how: \"a # eplan-disable-line x\"\n".utf8)).map(\.rules) == [["x\""]])
    }

    @Test("scalar ranges: quoted, plain and block scalars, empty values")
    func scalarRanges() {
        let yaml = YAMLParser.parse(Array("a: \"x # y\"\nb: plain text # c\nc:\nd: |\n  line\ne: 1\n".utf8))
        let ranges = yaml.scalarRanges
        #expect(ranges.contains(SourceMark(line: 1, column: 4)))  // the opening quote
        #expect(ranges.contains(SourceMark(line: 1, column: 10)))  // the closing quote
        #expect(!ranges.contains(SourceMark(line: 1, column: 11)))
        #expect(ranges.contains(SourceMark(line: 2, column: 13)))  // the last 't' of text
        #expect(!ranges.contains(SourceMark(line: 2, column: 14)))
        #expect(!ranges.contains(SourceMark(line: 2, column: 15)))  // the comment
        #expect(!ranges.contains(SourceMark(line: 3, column: 3)))  // the empty value of c
        #expect(!ranges.contains(SourceMark(line: 4, column: 5)))  // the block scalar's header
        #expect(ranges.contains(SourceMark(line: 5, column: 1)))
        #expect(ranges.contains(SourceMark(line: 6, column: 1)))  // the key 'e'
        #expect(!ranges.contains(SourceMark(line: 6, column: 2)))
        #expect(YAMLParser.parse(Array("{[".utf8)).scalarRanges.count == 0)
    }
}
