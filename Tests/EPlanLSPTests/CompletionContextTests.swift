@testable import EPlanLSP
import Testing

@Suite("LSP completion context")
struct CompletionContextTests {
    func context(_ text: String) -> CompletionContext {
        let lines = text.components(separatedBy: "\n")
        return CompletionContext(lines: lines, row: lines.count - 1, prefixText: lines.last ?? "")
    }

    @Test func valuesAfterKeys() {
        #expect(context("eplan: plan/v1\nparent: qs.tr") == CompletionContext(slot: .value(key: "parent", parent: nil), prefix: "qs.tr"))
        #expect(context("parent: {id: qs.") == CompletionContext(slot: .value(key: "parent", parent: nil), prefix: "qs."))
        #expect(context("master: ") == CompletionContext(slot: .value(key: "master", parent: nil), prefix: ""))
        #expect(context("scope:\n  hazards: [flood, ea") == CompletionContext(slot: .value(key: "hazards", parent: "scope"), prefix: "ea"))
        #expect(context("scope:\n  hazards:\n    - fl") == CompletionContext(slot: .value(key: "hazards", parent: nil), prefix: "fl"))
        #expect(context("actions:\n  - id: a\n    who: pub") == CompletionContext(slot: .value(key: "who", parent: "actions"), prefix: "pub"))
    }

    @Test func keysByIndentation() {
        #expect(context("eplan: plan/v1\nti") == CompletionContext(slot: .key(parent: nil, inItem: false), prefix: "ti"))
        #expect(context("reporting:\n  initial: {I: 1h}\n  fo") == CompletionContext(slot: .key(parent: "reporting", inItem: false), prefix: "fo"))
        #expect(context("actions:\n  - id: a\n    ph") == CompletionContext(slot: .key(parent: "actions", inItem: true), prefix: "ph"))
        #expect(context("actions:\n  - ph") == CompletionContext(slot: .key(parent: "actions", inItem: true), prefix: "ph"))
        #expect(context("organization:\n  members:\n    - agency: x\n      du") == CompletionContext(slot: .key(parent: "members", inItem: true), prefix: "du"))
        #expect(context("organization:\n  command:\n    name: x\n  members:\n    - agency: x\n  co") == CompletionContext(slot: .key(parent: "organization", inItem: false), prefix: "co"))
    }
}
