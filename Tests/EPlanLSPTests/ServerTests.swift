import EPlanKit
@testable import EPlanLSP
import EPlanText
import Foundation
import Testing

/// Drives the server in-process: framed messages in, the framed answers read back.
final class Session {
    var framer = MessageFramer()
    var received: [JSONValue] = []
    var server: LanguageServer!
    var nextID = 0

    init(language: Language? = .en) {
        server = LanguageServer(settings: .init(language: language, environment: [:], today: Day("2026-11-30")!, jobs: 1)) { [unowned self] bytes in
            for frame in self.framer.feed(bytes) {
                guard case .message(let body) = frame, let value = try? JSONParser.parse(body).get() else {
                    Issue.record("the server wrote a bad frame")
                    continue
                }
                self.received.append(value)
            }
        }
    }

    func send(_ text: String) {
        var input = MessageFramer()
        for frame in input.feed(MessageFramer.frame(Array(text.utf8))) { server.receive(frame) }
    }

    func send(_ value: JSONValue) {
        server.receive(.message(value.bytes))
    }

    @discardableResult
    func request(_ method: String, _ params: JSONValue) -> JSONValue? {
        nextID += 1
        send(.object([("jsonrpc", .string("2.0")), ("id", .int(nextID)), ("method", .string(method)), ("params", params)]))
        server.flush()
        return received.last { $0["id"] == .int(nextID) && $0["method"] == nil }
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    func published(_ uri: String) -> [JSONValue]? {
        received.last { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri }?["params"]?["diagnostics"]?.array
    }

    func initialize() {
        _ = request("initialize", .object([("capabilities", .object([]))]))
        notify("initialized", .object([]))
    }

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func position(_ line: Int, _ character: Int) -> JSONValue {
        .object([("line", .int(line)), ("character", .int(character))])
    }

    static func at(_ uri: String, _ line: Int, _ character: Int) -> JSONValue {
        .object([("textDocument", .object([("uri", .string(uri))])), ("position", position(line, character))])
    }
}

@Suite("LSP server")
struct ServerTests {
    let file = Session.packageRoot + "/plans/qs/songling/traffic.yaml"
    var uri: String { FileURI.uri(file) }

    func open(_ session: Session, text: String) {
        session.notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("yaml")), ("version", .int(1)), ("text", .string(text)),
        ]))]))
        session.server.flush()
    }

    @Test func protocolErrorsAreAnsweredAndTheServerGoesOn() {
        let session = Session()
        session.send("{not json")
        #expect(session.received.last?["error"]?["code"]?.int == -32700)
        #expect(session.received.last?["id"] == .null)
        session.send("[1]")
        #expect(session.received.last?["error"]?["code"]?.int == -32600)
        session.send(#"{"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"}"#)
        #expect(session.received.last?["error"]?["code"]?.int == -32600)
        // Before initialize, requests are refused with ServerNotInitialized.
        #expect(session.request("textDocument/hover", Session.at(uri, 0, 0))?["error"]?["code"]?.int == -32002)
        session.initialize()
        #expect(session.request("no/suchMethod", .null)?["error"]?["code"]?.int == -32601)
        #expect(session.request("textDocument/hover", .object([("textDocument", .string("x"))]))?["error"]?["code"]?.int == -32602)
        session.server.receive(.invalid(Message("lsp.frame.no-length")))
        #expect(session.received.last?["error"]?["code"]?.int == -32700)
        // Unknown notifications and cancellations are ignored.
        let count = session.received.count
        session.notify("$/cancelRequest", .object([("id", .int(1))]))
        session.notify("custom/thing", .array([]))
        #expect(session.received.count == count)
        #expect(session.request("shutdown", .null)?["result"] == .null)
        #expect(session.request("textDocument/hover", Session.at(uri, 0, 0))?["error"]?["code"]?.int == -32600)
        session.notify("exit", .null)
        #expect(session.server.exitStatus == 0)
    }

    @Test func exitWithoutShutdownIsStatusOne() {
        let session = Session()
        session.initialize()
        session.notify("exit", .null)
        #expect(session.server.exitStatus == 1)
    }

    @Test func initializeOffersTheClientsPositionEncoding() {
        let session = Session()
        let answer = session.request("initialize", .object([("capabilities", .object([("general", .object([
            ("positionEncodings", .array([.string("utf-8"), .string("utf-16")])),
        ]))]))]))
        #expect(answer?["result"]?["capabilities"]?["positionEncoding"]?.string == "utf-8")
        let plain = Session()
        #expect(plain.request("initialize", .object([]))?["result"]?["capabilities"]?["positionEncoding"]?.string == "utf-16")
        #expect(plain.request("initialize", .object([]))?["error"] != nil)
    }

    @Test func editsArePublishedAndQuickFixesOffered() throws {
        let session = Session()
        session.initialize()
        let original = try String(contentsOfFile: file, encoding: .utf8)
        open(session, text: original)
        #expect(session.published(uri) == [])
        // An incremental edit: 'qs.traffic' becomes 'qs.trafic' (line 14: `parent: {id: qs.traffic, ...}`).
        session.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(2))])),
            ("contentChanges", .array([.object([
                ("range", .object([("start", Session.position(13, 17)), ("end", Session.position(13, 19))])), ("text", .string("f")),
            ])])),
        ]))
        session.server.flush()
        let diagnostics = try #require(session.published(uri))
        let unresolved = try #require(diagnostics.first { $0["code"]?.string == "parent-unresolved" })
        #expect(unresolved["source"]?.string == "eplan")
        #expect(unresolved["severity"]?.int == 1)
        #expect(unresolved["range"]?["start"] == Session.position(13, 0))
        #expect(unresolved["message"]?.string?.contains("help: did you mean 'qs.traffic'?") == true)
        let actions = try #require(session.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(uri))])),
            ("range", unresolved["range"]!), ("context", .object([("diagnostics", .array([unresolved]))])),
        ]))?["result"]?.array)
        let fix = try #require(actions.first { $0["isPreferred"]?.bool == true })
        let edits = fix["edit"]?["changes"]?[uri]?.array
        #expect(edits?.first?["newText"]?.string == "qs.traffic")
        // Only the misspelt id is replaced.
        #expect(edits?.first?["range"] == .object([("start", Session.position(13, 13)), ("end", Session.position(13, 22))]))
        #expect(actions.contains { $0["edit"]?["changes"]?[uri]?.array?.first?["newText"]?.string?.contains("# eplan-disable-next-line parent-unresolved -- ") == true })
        // A full-text change back clears the finding.
        session.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(3))])),
            ("contentChanges", .array([.object([("text", .string(original))])])),
        ]))
        session.server.flush()
        #expect(session.published(uri) == [])
    }

    @Test func hoverDefinitionReferencesAndCompletionOnParentIDs() throws {
        let session = Session()
        session.initialize()
        open(session, text: try String(contentsOfFile: file, encoding: .utf8))
        let hover = try #require(session.request("textDocument/hover", Session.at(uri, 13, 16))?["result"])
        let text = try #require(hover["contents"]?["value"]?.string)
        #expect(text.contains("**qs.traffic**") && text.contains("special plan, municipal level, version 3.0"))
        #expect(text.contains("qs/traffic.yaml"))
        let definition = try #require(session.request("textDocument/definition", Session.at(uri, 13, 16))?["result"])
        #expect(definition["uri"]?.string == FileURI.uri(Session.packageRoot + "/plans/qs/traffic.yaml"))
        // The parent's children include this plan.
        let references = try #require(session.request("textDocument/references", .object([
            ("textDocument", .object([("uri", .string(uri))])), ("position", Session.position(13, 16)),
            ("context", .object([("includeDeclaration", .bool(false))])),
        ]))?["result"]?.array)
        #expect(references.contains { $0["uri"]?.string == uri })
        let completion = try #require(session.request("textDocument/completion", Session.at(uri, 13, 15))?["result"]?["items"]?.array)
        #expect(completion.contains { $0["label"]?.string == "qs.traffic" })
        #expect(completion.allSatisfy { $0["label"]?.string?.contains("q") == true })
        // With nothing typed, the likely parents come first: a plan of the same kind one region up, then its master.
        let original = try String(contentsOfFile: file, encoding: .utf8)
        session.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri))])),
            ("contentChanges", .array([.object([("text", .string(original.replacingOccurrences(of: "parent: {id: qs.traffic, version: \"3.0\"}", with: "parent: ")))])])),
        ]))
        let likely = try #require(session.request("textDocument/completion", Session.at(uri, 13, 8))?["result"]?["items"]?.array)
        #expect(likely.prefix(2).compactMap { $0["label"]?.string } == ["qs.traffic", "qs.master"])
        let masters = try #require(session.request("textDocument/completion", Session.at(uri, 14, 8))?["result"]?["items"]?.array)
        #expect(masters.first?["label"]?.string == "qs.songling.master")
        // Hover in Chinese on a hazard names it both ways.
        let zh = Session(language: .zhCN)
        zh.initialize()
        open(zh, text: try String(contentsOfFile: file, encoding: .utf8))
        let hazard = try #require(zh.request("textDocument/hover", Session.at(uri, 16, 14))?["result"]?["contents"]?["value"]?.string)
        #expect(hazard.contains("road-traffic") && hazard.contains("道路交通"))
    }

    @Test func keyCompletionLeavesOutTheKeysWritten() throws {
        let session = Session()
        session.initialize()
        open(session, text: "eplan: plan/v1\nid: qs.x\ntitle: X\n\nkind: special\n")
        let items = try #require(session.request("textDocument/completion", Session.at(uri, 3, 0))?["result"]?["items"]?.array)
        let labels = Set(items.compactMap { $0["label"]?.string })
        #expect(labels.contains("level") && labels.contains("scope"), "\(labels)")
        #expect(labels.isDisjoint(with: ["eplan", "id", "title", "kind"]), "\(labels)")
    }

    @Test func malformedDocumentsNeverStopTheServer() throws {
        let session = Session()
        session.initialize()
        for text in ["", "\u{0}\u{1}", "eplan: plan/v1\nparent: [[[[", String(repeating: "[", count: 10_000), "- a\n- b", "eplan: plan/v1\nid: 😀\n\u{85}x: \"\\ud800\""] {
            open(session, text: text)
            #expect(session.published(uri) != nil)
            _ = session.request("textDocument/hover", Session.at(uri, 1, 3))
            _ = session.request("textDocument/completion", Session.at(uri, 1, 3))
            _ = session.request("textDocument/codeAction", .object([
                ("textDocument", .object([("uri", .string(uri))])),
                ("range", .object([("start", Session.position(0, 0)), ("end", Session.position(99, 0))])),
            ]))
        }
        // Edits with ranges out of the text are clamped.
        session.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(9))])),
            ("contentChanges", .array([.object([
                ("range", .object([("start", Session.position(50, 3)), ("end", Session.position(2, 0))])), ("text", .string("x")),
            ])])),
        ]))
        session.server.flush()
        #expect(session.request("shutdown", .null)?["result"] == .null)
    }

    @Test func editsThatKeepTheIndexPatchItAndOthersRebuildIt() throws {
        let session = Session()
        session.initialize()
        let original = try String(contentsOfFile: file, encoding: .utf8)
        open(session, text: original)
        let repository = try #require(session.server.repositories.values.first)
        #expect(!repository.patchedIndex)
        func change(_ text: String) {
            session.notify("textDocument/didChange", .object([
                ("textDocument", .object([("uri", .string(uri))])), ("contentChanges", .array([.object([("text", .string(text))])])),
            ]))
            session.server.flush()
        }
        // Every position moves and the title changes: the index is patched, and it says what a new build says.
        change("# a comment\n" + original.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: X "))
        #expect(repository.patchedIndex)
        let patched = session.published(uri)
        #expect(repository.analysis?.index.plan("qs.songling.traffic")?.id?.span.start.line == 4)
        // A parent changed is still patched (only the lookups' parents named are counted again).
        change(original.replacingOccurrences(of: "{id: qs.traffic,", with: "{id: qs.trafic,"))
        #expect(repository.patchedIndex)
        #expect(session.published(uri)?.contains { $0["code"]?.string == "parent-unresolved" } == true)
        #expect(repository.analysis?.lookups.namedAsParent.contains("qs.trafic") == true)
        // A new id is patched in too, while no other plan has it.
        change(original.replacingOccurrences(of: "\nid: qs.songling.traffic", with: "\nid: qs.songling.traffic2"))
        #expect(repository.patchedIndex)
        #expect(repository.analysis?.index.plan("qs.songling.traffic2")?.file == "qs/songling/traffic.yaml")
        #expect(repository.analysis?.index.plan("qs.songling.traffic") == nil)
        // Another plan's id: a duplicate, which only a build reports.
        change(original.replacingOccurrences(of: "\nid: qs.songling.traffic", with: "\nid: qs.traffic"))
        #expect(!repository.patchedIndex)
        // (The finding lands on the later file in path order, qs/traffic.yaml.)
        #expect(repository.analysis?.index.diagnostics.contains { $0.rule.rawValue == "duplicate-id" && $0.location.file == "qs/traffic.yaml" } == true)
        // The file was in a duplicate-id finding: built anew once more, and the same as the first patch.
        change("# a comment\n" + original.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: X "))
        #expect(!repository.patchedIndex)
        #expect(session.published(uri) == patched)
    }

    @Test func aParentsNewVersionRepublishesTheChildWithAQuickFix() throws {
        let session = Session()
        session.initialize()
        let parentFile = Session.packageRoot + "/plans/qs/traffic.yaml"
        let parentURI = FileURI.uri(parentFile)
        let parentText = try String(contentsOfFile: parentFile, encoding: .utf8)
        open(session, text: try String(contentsOfFile: file, encoding: .utf8))
        session.notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(parentURI)), ("languageId", .string("yaml")), ("version", .int(1)), ("text", .string(parentText)),
        ]))]))
        session.server.flush()
        #expect(session.published(uri) == [])
        session.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(parentURI)), ("version", .int(2))])),
            ("contentChanges", .array([.object([("text", .string(parentText.replacingOccurrences(of: "\nversion: \"3.0\"", with: "\nversion: \"4.0\"")))])])),
        ]))
        session.server.flush()
        let stale = try #require(session.published(uri)?.first { $0["code"]?.string == "parent-stale" })
        let actions = try #require(session.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(uri))])), ("range", stale["range"]!),
            ("context", .object([("diagnostics", .array([stale]))])),
        ]))?["result"]?.array)
        let dock = try #require(actions.first { $0["title"]?.string?.contains("4.0") == true })
        let edit = try #require(dock["edit"]?["changes"]?[uri]?.array?.first)
        #expect(edit["newText"]?.string == "\"4.0\"")
        #expect(edit["range"] == .object([("start", Session.position(13, 34)), ("end", Session.position(13, 39))]))
        // Hover on an agency names its role and duties in the region's master plan.
        let agency = try #require(session.request("textDocument/hover", Session.at(uri, 21, 16))?["result"]?["contents"]?["value"]?.string)
        #expect(agency.contains("public-security") && agency.contains("qs.songling.master"))
    }

    @Test func anOpenedFileTheWalkDoesNotFindIsADocumentOnlyWhileOpen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-lsp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/drafts", withIntermediateDirectories: true)
        try "eplan: config/v1\nexclude: [\"drafts/**\"]\n".write(toFile: folder + "/eplan.yaml", atomically: true, encoding: .utf8)
        let plan = "eplan: plan/v1\nid: a.master\n"
        try plan.write(toFile: folder + "/master.yaml", atomically: true, encoding: .utf8)
        try plan.write(toFile: folder + "/drafts/copy.yaml", atomically: true, encoding: .utf8)
        let session = Session()
        session.initialize()
        let draft = FileURI.uri(folder + "/drafts/copy.yaml")
        session.notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(draft)), ("languageId", .string("yaml")), ("version", .int(1)), ("text", .string(plan)),
        ]))]))
        session.server.flush()
        // Named, it is linted, and while open it is a document of the repository (its id is the walked plan's too).
        #expect(session.published(draft)?.contains { $0["code"]?.string == "schema-missing-key" } == true)
        let repository = try #require(session.server.repositories.values.first)
        #expect(repository.document("drafts/copy.yaml") != nil)
        session.notify("textDocument/didClose", .object([("textDocument", .object([("uri", .string(draft))]))]))
        session.server.flush()
        #expect(repository.document("drafts/copy.yaml") == nil)
        #expect(repository.document("master.yaml") != nil)
    }

    @Test(arguments: [("utf-16", 10), ("utf-8", 14)])
    func incrementalEditsCountInTheNegotiatedEncoding(_ encoding: String, _ character: Int) throws {
        let session = Session()
        _ = session.request("initialize", .object([("capabilities", .object([("general", .object([
            ("positionEncodings", .array([.string(encoding)])),
        ]))]))]))
        session.notify("initialized", .object([]))
        open(session, text: "eplan: plan/v1\ntitle: 洪😀x\n")
        // 'x' is UTF-16 unit 10 and UTF-8 byte 14 of line 1 (t i t l e : space 洪 😀).
        session.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(2))])),
            ("contentChanges", .array([.object([
                ("range", .object([("start", Session.position(1, character)), ("end", Session.position(1, character + 1))])), ("text", .string("y")),
            ])])),
        ]))
        session.server.flush()
        let text = try #require(session.server.open[uri]?.lines.bytes)
        #expect(String(decoding: text, as: UTF8.self) == "eplan: plan/v1\ntitle: 洪😀y\n")
    }

    @Test func filesChangedOnDiskArePickedUp() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-lsp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Session.packageRoot + "/plans", toPath: folder)
        let child = folder + "/qs/songling/traffic.yaml", parent = folder + "/qs/traffic.yaml"
        let session = Session()
        session.initialize()
        let childURI = FileURI.uri(child)
        session.notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(childURI)), ("languageId", .string("yaml")), ("version", .int(1)),
            ("text", .string(try String(contentsOfFile: child, encoding: .utf8))),
        ]))]))
        session.server.flush()
        #expect(session.published(childURI) == [])
        // Another program gives the parent a new version.
        let text = try String(contentsOfFile: parent, encoding: .utf8)
        try text.replacingOccurrences(of: "\nversion: \"3.0\"", with: "\nversion: \"4.0\"").write(toFile: parent, atomically: true, encoding: .utf8)
        session.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([
            .object([("uri", .string(FileURI.uri(parent))), ("type", .int(2))]),
        ]))]))
        session.server.flush()
        #expect(session.published(childURI)?.contains { $0["code"]?.string == "parent-stale" } == true)
        // Without a notification, the idle check finds a change by its stamp.
        try text.replacingOccurrences(of: "\nversion: \"3.0\"", with: "\nversion: \"3.0\" # same\n").write(toFile: parent, atomically: true, encoding: .utf8)
        session.server.idle()
        #expect(session.published(childURI) == [])
        // And deleted: the child's parent is then unresolved.
        try FileManager.default.removeItem(atPath: parent)
        session.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([
            .object([("uri", .string(FileURI.uri(parent))), ("type", .int(3))]),
        ]))]))
        session.server.flush()
        #expect(session.published(childURI)?.contains { $0["code"]?.string == "parent-unresolved" } == true)
    }
}
