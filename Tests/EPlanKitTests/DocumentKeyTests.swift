import EPlanKit
import EPlanYAML
import Foundation
import Testing

/// The document keys of plan-format §4.1 (purpose, basis, principles, warning, termination, support,
/// contacts, annexes): read by `eplan export`, valid on every kind of plan, checked like the rest.
@Suite("Document keys (1.1)")
struct DocumentKeyTests {
    /// `validMaster` with `lines` after `version` (line 9 is the first of them).
    static func plan(_ lines: String) -> String {
        validMaster.replacingOccurrences(of: "version: \"2.0\"\n", with: "version: \"2.0\"\n" + lines)
    }

    static let complete = """
        purpose: 规范应急处置 <safely> & fast
        basis: [《中华人民共和国突发事件应对法》, 《突发事件应急预案管理办法》]
        principles:
          - 人民至上、生命至上
          - Prevention first
        warning:
          levels:
            - {level: blue, criteria: Rainstorm blue warning, issued-by: meteorology}
            - {level: red, criteria: A dam in danger}
        termination: The headquarters ends the response
        support:
          communications: [Satellite phones]
          public-order: [Police guard the shelters, Traffic control]
          x-note: ignored
        contacts:
          - {agency: emergency-management, role: Duty office, phone: 0351-6012345}
          - {name: Wang Jun, phone: 139 0351 2345}
        annexes:
          - {title: Danger zones, text: 37 valleys}

        """

    @Test("every document key decodes with no finding, keeping its values and places")
    func complete() throws {
        let doc = decode(Self.plan(Self.complete))
        #expect(findings(doc.diagnostics) == [])
        let plan = try #require(doc.plan)
        #expect(plan.purpose?.value == "规范应急处置 <safely> & fast")
        #expect(plan.purpose?.span.start.line == 9)
        #expect(plan.basis?.value?.compactMap(\.value) == ["《中华人民共和国突发事件应对法》", "《突发事件应急预案管理办法》"])
        #expect(plan.principles?.value?.count == 2)
        let levels = try #require(plan.warning?.levels?.value)
        #expect(levels.map { $0.level?.value } == [.blue, .red])
        #expect(levels[0].issuedBy?.value == "meteorology")
        #expect(levels[1].issuedBy == nil)
        #expect(levels[1].span.start.line == 17)
        #expect(plan.termination?.value == "The headquarters ends the response")
        let support = try #require(plan.support?.value)
        #expect(support.map { $0.area.value } == [.communications, .publicOrder])
        #expect(support[1].items?.value?.compactMap(\.value) == ["Police guard the shelters", "Traffic control"])
        let contacts = try #require(plan.contacts?.value)
        #expect(contacts[0].agency?.value?.agency == "emergency-management")
        #expect(contacts[0].phone?.value == "0351-6012345")
        #expect(contacts[1].name?.value == "Wang Jun")
        #expect(plan.annexes?.value?.first?.title?.value == "Danger zones")
    }

    @Test("a plan without them is unchanged: every key is optional")
    func optional() throws {
        let plan = try #require(decode(validMaster).plan)
        #expect(plan.purpose == nil && plan.basis == nil && plan.warning == nil && plan.support == nil)
        #expect(plan.contacts == nil && plan.annexes == nil && plan.termination == nil && plan.principles == nil)
        #expect(findings(Self.plan("purpose:\nsupport: ~\n")) == [], "a null value is an absent key")
    }

    @Test("wrong shapes are schema-type, bad values schema-value with the nearest suggestion", arguments: [
        ("purpose: [a, b]\n", ["schema-type 9:1"], nil),
        ("basis: 《突发事件应对法》\n", ["schema-type 9:1"], nil),
        ("principles: {a: b}\n", ["schema-type 9:1"], nil),
        ("warning: [blue]\n", ["schema-type 9:1"], nil),
        ("warning:\n  levels: {level: blue}\n", ["schema-type 10:3"], nil),
        ("warning:\n  levels:\n    - {level: bleu, criteria: x}\n", ["schema-value 11:8"], "did you mean 'blue'?"),
        ("warning:\n  levels:\n    - {level: purple, criteria: x}\n", ["schema-value 11:8"], nil),
        ("warning:\n  levels:\n    - {level: red}\n", ["schema-missing-key 11:8"], nil),
        ("warning:\n  level: []\n", ["schema-unknown-key 10:3"], "did you mean 'levels'?"),
        ("termination: {a: b}\n", ["schema-type 9:1"], nil),
        ("support: [communications]\n", ["schema-type 9:1"], nil),
        ("support:\n  comunications: [x]\n", ["schema-value 10:3"], "did you mean 'communications'?"),
        ("support:\n  medical: Ambulances\n", ["schema-type 10:3"], nil),
        ("contacts: {phone: '1'}\n", ["schema-type 9:1"], nil),
        ("contacts:\n  - {agency: x, phone: 0351-ABC}\n", ["schema-value 10:17"], "write digits, spaces and '-' only, e.g. '0351-1234567'"),
        ("contacts:\n  - {agency: x, phone: '+86 351 1234'}\n", ["schema-value 10:17"], nil),
        ("contacts:\n  - {agency: Fire Brigade, phone: '119'}\n", ["schema-value 10:6"], nil),
        ("contacts:\n  - {role: Duty, phone: '119'}\n", ["schema-missing-key 10:6"], nil),
        ("contacts:\n  - {name: Wang, role: Duty}\n", ["schema-missing-key 10:6"], nil),
        ("contacts:\n  - {name: Wang, phon: '1'}\n", ["schema-unknown-key 10:18"], "did you mean 'phone'?"),
        ("annexes:\n  - {title: Map}\n", ["schema-missing-key 10:6"], nil),
        ("annexes:\n  - Map\n", ["schema-type 10:5"], nil),
        ("purpos: x\n", ["schema-unknown-key 9:1"], "did you mean 'purpose'?"),
    ] as [(String, [String], String?)])
    func invalid(lines: String, expected: [String], help: String?) {
        let doc = decode(Self.plan(lines))
        #expect(findings(doc.diagnostics) == expected)
        if let help { #expect(doc.diagnostics.first?.help?.english == help) }
    }

    @Test("Chinese names of warning colours and support areas get the typing-mistake help")
    func chineseNames() {
        let doc = decode(Self.plan("warning:\n  levels:\n    - {level: 红色预警, criteria: x}\n"))
        #expect(findings(doc.diagnostics) == ["schema-value 11:8"])
        #expect(doc.diagnostics.first?.help?.english.contains("'red'") == true)
    }
}
