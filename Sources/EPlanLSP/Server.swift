import EPlanKit
import EPlanText
import EPlanYAML

/// A JSON-RPC error answered to a request (LSP 3.17 `ErrorCodes`).
struct RequestError: Error {
    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let serverNotInitialized = -32002

    var code: Int
    var message: Message
}

/// A document open in the editor.
struct OpenDocument {
    var uri: String
    var path: String
    /// The repository root it belongs to.
    var root: String
    var display: String
    var version: Int?
    var lines: TextLines
    /// The editor's text, decoded (nil for eplan.yaml, which is the repository's configuration).
    var document: SourceDocument?
    var isConfiguration: Bool
}

/// The language server: JSON-RPC messages in (`receive`), framed messages out (`output`). It keeps
/// the repositories of the open documents in memory, and after each batch of messages (`flush`) lints
/// the open documents of every repository that changed and publishes their findings.
public final class LanguageServer {
    public struct Settings: Sendable {
        /// `--lang`, when given: the language of everything the server says.
        public var language: Language?
        public var environment: [String: String]
        public var today: Day
        public var jobs: Int

        public init(language: Language?, environment: [String: String], today: Day, jobs: Int = 0) {
            self.language = language
            self.environment = environment
            self.today = today
            self.jobs = jobs
        }
    }

    enum State { case uninitialized, running, shuttingDown }

    let settings: Settings
    private let output: ([UInt8]) -> Void
    var state = State.uninitialized
    /// The status to exit with, once `exit` arrived: 0 after `shutdown`, else 1.
    public private(set) var exitStatus: Int32?
    var encoding = PositionEncoding.utf16
    /// `initializationOptions.lang`.
    var requestedLanguage: Language?
    var repositories: [String: Repository] = [:]
    var open: [String: OpenDocument] = [:]
    /// Repositories whose open documents must be linted again, and documents edited since the last publish.
    var dirty: Set<String> = []
    var edited: Set<String> = []
    /// What was last published for each document, to republish only what changed.
    var published: [String: JSONValue] = [:]
    /// The findings last published, by URI, for code actions.
    var findings: [String: [Diagnostic]] = [:]
    var watchFiles = false
    /// `EPLAN_TIMING` set: the time of each analysis on stderr.
    lazy var timing = settings.environment["EPLAN_TIMING"] != nil
    var nextID = 1

    public init(settings: Settings, output: @escaping ([UInt8]) -> Void) {
        self.settings = settings
        self.output = output
    }

    /// The language of a repository's messages: `--lang`, `initializationOptions.lang`, `EPLAN_LANG`,
    /// `lang:` of its eplan.yaml, the locale.
    func language(_ repository: Repository?) -> Language {
        Language.resolve(flag: settings.language ?? requestedLanguage, environment: settings.environment,
                         configured: repository?.configuration.language)
    }

    func send(_ value: JSONValue) {
        output(MessageFramer.frame(value.bytes))
    }

    func respond(_ id: JSONValue, result: JSONValue) {
        send(.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)]))
    }

    func respond(_ id: JSONValue, error: RequestError) {
        send(.object([("jsonrpc", .string("2.0")), ("id", id),
                      ("error", .object([("code", .int(error.code)), ("message", .string(error.message.text(language(nil))))]))]))
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    /// Takes one frame of input.
    public func receive(_ frame: Frame) {
        switch frame {
        case .invalid(let why):
            respond(.null, error: RequestError(code: RequestError.parseError, message: why))
        case .message(let body):
            switch JSONParser.parse(body) {
            case .failure(let problem):
                respond(.null, error: RequestError(code: RequestError.parseError,
                                                   message: Message("lsp.error.parse", ["offset": .number(problem.offset)])))
            case .success(let message):
                if case .array(let batch) = message {
                    // JSON-RPC batches are not part of LSP; each element is answered on its own.
                    if batch.isEmpty { respond(.null, error: RequestError(code: RequestError.invalidRequest, message: Message("lsp.error.invalid-request"))) }
                    for element in batch { handle(element) }
                } else {
                    handle(message)
                }
            }
        }
    }

    private func handle(_ message: JSONValue) {
        guard message.isObject else {
            respond(.null, error: RequestError(code: RequestError.invalidRequest, message: Message("lsp.error.invalid-request")))
            return
        }
        let id = message["id"]
        if let id {
            switch id {
            case .number, .string: break
            default:
                respond(.null, error: RequestError(code: RequestError.invalidRequest, message: Message("lsp.error.invalid-request")))
                return
            }
        }
        guard let method = message["method"]?.string else {
            // A response to a request of ours (registerCapability): nothing to do.
            if id != nil, message["result"] != nil || message["error"] != nil { return }
            respond(id ?? .null, error: RequestError(code: RequestError.invalidRequest, message: Message("lsp.error.invalid-request")))
            return
        }
        let params = message["params"] ?? .null
        if let id {
            do {
                respond(id, result: try request(method, params))
            } catch let error as RequestError {
                respond(id, error: error)
            } catch {
                respond(id, error: RequestError(code: RequestError.invalidParams, message: Message("lsp.error.invalid-params", ["method": .verbatim(method)])))
            }
        } else {
            notification(method, params)
        }
    }

    private func request(_ method: String, _ params: JSONValue) throws -> JSONValue {
        switch state {
        case .uninitialized where method != "initialize":
            throw RequestError(code: RequestError.serverNotInitialized, message: Message("lsp.error.not-initialized"))
        case .shuttingDown:
            throw RequestError(code: RequestError.invalidRequest, message: Message("lsp.error.shutting-down"))
        default: break
        }
        switch method {
        case "initialize":
            guard state == .uninitialized else {
                throw RequestError(code: RequestError.invalidRequest, message: Message("lsp.error.initialized-twice"))
            }
            return initialize(params)
        case "shutdown":
            state = .shuttingDown
            return .null
        case "textDocument/hover":
            flush()
            return try at(params) { hover($0, $1) } ?? .null
        case "textDocument/definition":
            flush()
            return try at(params) { definition($0, $1) } ?? .null
        case "textDocument/references":
            flush()
            return try at(params) { references($0, $1, includeDeclaration: params["context"]?["includeDeclaration"]?.bool ?? false) } ?? .null
        case "textDocument/completion":
            flush()
            return try at(params) { completion($0, $1) } ?? .array([])
        case "textDocument/codeAction":
            flush()
            guard let uri = params["textDocument"]?["uri"]?.string, let range = Range(params["range"]) else { throw invalidParams(method) }
            guard let document = open[uri] else { return .array([]) }
            return codeActions(document, range)
        default:
            throw RequestError(code: RequestError.methodNotFound, message: Message("lsp.error.method-not-found", ["method": .verbatim(method)]))
        }
    }

    func invalidParams(_ method: String) -> RequestError {
        RequestError(code: RequestError.invalidParams, message: Message("lsp.error.invalid-params", ["method": .verbatim(method)]))
    }

    /// Runs a position request on the open document it names.
    private func at(_ params: JSONValue, _ body: (OpenDocument, Position) -> JSONValue?) throws -> JSONValue? {
        guard let uri = params["textDocument"]?["uri"]?.string, let position = Position(params["position"]) else {
            throw invalidParams("textDocument/position")
        }
        guard let document = open[uri] else { return nil }
        return body(document, position)
    }

    private func notification(_ method: String, _ params: JSONValue) {
        if method == "exit" {
            exitStatus = state == .shuttingDown ? 0 : 1
            return
        }
        guard state == .running else { return }  // before initialize (and after shutdown) notifications are dropped
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "textDocument/didSave": didSave(params)
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
        default: break  // $/cancelRequest, $/setTrace and notifications this server does not know
        }
    }

    // MARK: Lifecycle

    private func initialize(_ params: JSONValue) -> JSONValue {
        state = .running
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        encoding = offered.compactMap { PositionEncoding(rawValue: $0) }.first ?? .utf16
        if let lang = params["initializationOptions"]?["lang"]?.string { requestedLanguage = Language.parse(lang) }
        watchFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool ?? false
        let capabilities: JSONValue = .object([
            ("positionEncoding", .string(encoding.rawValue)),
            ("textDocumentSync", .object([
                ("openClose", .bool(true)),
                ("change", .int(2)),
                ("save", .object([("includeText", .bool(false))])),
            ])),
            ("hoverProvider", .bool(true)),
            ("definitionProvider", .bool(true)),
            ("referencesProvider", .bool(true)),
            ("completionProvider", .object([
                ("triggerCharacters", .array([":", " ", "/", ".", "-", "["].map { .string($0) })),
                ("resolveProvider", .bool(false)),
            ])),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
        ])
        return .object([
            ("capabilities", capabilities),
            ("serverInfo", .object([("name", .string("eplan")), ("version", .string(EPlan.version))])),
        ])
    }

    private func registerWatchers() {
        guard watchFiles else { return }
        let watchers: JSONValue = .array(["**/*.yaml", "**/*.yml"].map { .object([("globPattern", .string($0))]) })
        send(.object([
            ("jsonrpc", .string("2.0")), ("id", .string("eplan-\(nextID)")), ("method", .string("client/registerCapability")),
            ("params", .object([("registrations", .array([.object([
                ("id", .string("eplan-watch")), ("method", .string("workspace/didChangeWatchedFiles")),
                ("registerOptions", .object([("watchers", watchers)])),
            ])]))])),
        ]))
        nextID += 1
    }

    // MARK: Documents

    private func repository(for path: String) -> Repository {
        let root = Workspace.findRoot(targets: [path], cwd: FileSystem.parent(of: path))
        if let known = repositories[root] { return known }
        let repository = Repository(root: root)
        repositories[root] = repository
        return repository
    }

    /// The real path of a document's file (its folder resolved when the file is not on disk yet).
    private func realPath(_ path: String) -> String {
        if let real = FileSystem.realPath(path) { return real }
        let folder = FileSystem.realPath(FileSystem.parent(of: path)) ?? FileSystem.parent(of: path)
        return folder + "/" + FileSystem.baseName(path)
    }

    private func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string,
              let filePath = FileURI.path(uri) else { return }
        let path = realPath(filePath)
        let repository = repository(for: path)
        let display = repository.display(path)
        if repository.clientRoot == nil, filePath != path, filePath.hasSuffix("/" + display) {
            repository.clientRoot = String(filePath.dropLast(display.count + 1))
        }
        let isConfiguration = display == repository.configurationDisplay
        let document = OpenDocument(uri: uri, path: path, root: repository.root, display: display, version: item["version"]?.int,
                                    lines: TextLines(text), document: nil, isConfiguration: isConfiguration)
        open[uri] = document
        update(uri)
    }

    /// The open document's text changed: decode it again and put it into its repository.
    private func update(_ uri: String) {
        guard var document = open[uri], let repository = repositories[document.root] else { return }
        if document.isConfiguration {
            repository.setConfiguration(document.lines.bytes, path: document.path) { old in
                if let editing = open.values.first(where: { $0.root == repository.root && $0.display == old.display && !$0.isConfiguration }) {
                    return repository.decode(editing.lines.bytes, path: editing.path)
                }
                return DocumentDecoder.load(path: old.path, display: old.display, named: false,
                                            limits: repository.configuration.yamlLimits, hazards: repository.configuration.hazardVocabulary)
            }
        } else {
            let decoded = repository.decode(document.lines.bytes, path: document.path)
            document.document = decoded
            open[uri] = document
            repository.store(decoded)
        }
        dirty.insert(document.root)
        edited.insert(uri)
    }

    private func didChange(_ params: JSONValue) {
        let clock = ContinuousClock()
        let started = clock.now
        defer { if timing { FileSystem.writeStandardError("eplan lsp timing: didChange \(clock.now - started)\n") } }
        guard let uri = params["textDocument"]?["uri"]?.string, var document = open[uri],
              let changes = params["contentChanges"]?.array else { return }
        var bytes = document.lines.bytes
        for change in changes {
            guard let text = change["text"]?.string else { continue }
            if let range = Range(change["range"]) {
                let lines = TextLines(bytes)
                let start = lines.offset(of: range.start, encoding)
                let end = max(start, lines.offset(of: range.end, encoding))
                bytes.replaceSubrange(start..<end, with: Array(text.utf8))
            } else {
                bytes = Array(text.utf8)
            }
        }
        document.lines = TextLines(bytes)
        document.version = params["textDocument"]?["version"]?.int ?? document.version
        open[uri] = document
        update(uri)
    }

    private func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = open.removeValue(forKey: uri),
              let repository = repositories[document.root] else { return }
        // The file is what the disk holds again.
        if document.isConfiguration {
            repository.reload()
        } else {
            repository.refreshFromDisk(document.path)
        }
        published[uri] = nil
        findings[uri] = nil
        notify("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array([]))]))
        dirty.insert(document.root)
    }

    private func didSave(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = open[uri] else { return }
        if let text = params["text"]?.string {
            var changed = document
            changed.lines = TextLines(text)
            open[uri] = changed
            update(uri)
        }
    }

    private func didChangeWatchedFiles(_ params: JSONValue) {
        for change in params["changes"]?.array ?? [] {
            guard let uri = change["uri"]?.string, let filePath = FileURI.path(uri) else { continue }
            diskChanged(realPath(filePath), created: change["type"]?.int == 1)
        }
    }

    /// Looks for files changed on disk by another program (for clients that do not report them): called
    /// when no input has come for a while. Lints and publishes what changed.
    public func idle() {
        guard state == .running else { return }
        for repository in repositories.values.sorted(by: { $0.root < $1.root }) {
            for path in repository.changedOnDisk() { diskChanged(path, created: false) }
        }
        flush()
    }

    private func diskChanged(_ path: String, created: Bool) {
        for repository in repositories.values where path == repository.root || path.hasPrefix(repository.root + "/") {
            let display = repository.display(path)
            // An open document is the editor's: the disk does not overrule it (its stamp is noted, so that the
            // change is not seen again).
            if open.values.contains(where: { $0.root == repository.root && $0.display == display }) {
                repository.noteStamp(display)
                continue
            }
            if display == repository.configurationDisplay {
                repository.reload()
                for document in open.values where document.root == repository.root { update(document.uri) }
            } else {
                repository.refreshFromDisk(path, created: created)
            }
            dirty.insert(repository.root)
        }
    }

    // MARK: Diagnostics

    /// Lints the repositories that changed and publishes the findings of their open documents: always
    /// for a document edited since the last publish, for the others when their findings changed.
    public func flush() {
        guard !dirty.isEmpty else { return }
        let roots = dirty
        dirty = []
        let edits = edited
        edited = []
        for root in roots.sorted() {
            guard let repository = repositories[root] else { continue }
            let documents = open.values.filter { $0.root == root }
            guard !documents.isEmpty else { continue }
            let reported = Set(documents.map(\.display))
            let options = LintOptions(paths: [], cwd: root, jobs: settings.jobs, today: settings.today)
            var byFile: [String: [Diagnostic]] = [:]
            let clock = ContinuousClock()
            let started = clock.now
            let analysis = repository.analyze(reporting: reported, options)
            if timing { FileSystem.writeStandardError("eplan lsp timing: analyze \(clock.now - started)\n") }
            defer { if timing { FileSystem.writeStandardError("eplan lsp timing: analyze and publish \(clock.now - started)\n") } }
            if let analysis {
                for diagnostic in analysis.result.active { byFile[diagnostic.location.file, default: []].append(diagnostic) }
            } else {
                byFile[repository.configurationDisplay] = repository.configurationProblems
            }
            let language = language(repository)
            var sources = SourceCache(repository: repository, open: documents)
            for document in documents.sorted(by: { $0.uri < $1.uri }) {
                let mine = byFile[document.display] ?? []
                let diagnostics: JSONValue = .array(mine.map { lspDiagnostic($0, document, language, &sources) })
                findings[document.uri] = mine
                guard edits.contains(document.uri) || published[document.uri] != diagnostics else { continue }
                published[document.uri] = diagnostics
                var params: [(String, JSONValue)] = [("uri", .string(document.uri))]
                if let version = document.version { params.append(("version", .int(version))) }
                params.append(("diagnostics", diagnostics))
                notify("textDocument/publishDiagnostics", .object(params))
            }
        }
    }

    func lspDiagnostic(_ d: Diagnostic, _ document: OpenDocument, _ language: Language, _ sources: inout SourceCache) -> JSONValue {
        var message = d.message.text(language)
        if let help = d.help { message += "\n" + Message("report.help-line", ["help": .message(help)]).text(language) }
        var members: [(String, JSONValue)] = [
            ("range", document.lines.range(of: d.location.span, encoding).json),
            ("severity", .int(d.severity == .error ? 1 : d.severity == .warning ? 2 : 3)),
            ("code", .string(d.rule.rawValue)),
            ("source", .string("eplan")),
            ("message", .string(message)),
        ]
        if !d.related.isEmpty {
            members.append(("relatedInformation", .array(d.related.compactMap { related in
                guard let location = sources.location(related.location.file, related.location.span, encoding) else { return nil }
                return .object([("location", location), ("message", .string(related.message.text(language)))])
            })))
        }
        return .object(members)
    }
}

/// The lines of the files findings and answers point into: open documents from the editor's text,
/// others read from disk once per answer.
struct SourceCache {
    let repository: Repository
    let open: [OpenDocument]
    private var read: [String: TextLines?] = [:]

    init(repository: Repository, open: [OpenDocument]) {
        self.repository = repository
        self.open = open
    }

    /// The URI and lines of a file given by its display path.
    mutating func lines(_ display: String) -> (uri: String, lines: TextLines)? {
        if let document = open.first(where: { $0.display == display }) { return (document.uri, document.lines) }
        let path = display.hasPrefix("/") ? display : repository.root + "/" + display
        if read[display] == nil {
            if case .success(let bytes) = SourceReader.read(path, limit: 64 * 1024 * 1024) {
                read[display] = TextLines(bytes)
            } else {
                read[display] = .some(nil)
            }
        }
        guard let lines = read[display] ?? nil else { return nil }
        // The URI as the client spells the repository's folder (its path may hold a symbolic link).
        let shown = display.hasPrefix("/") ? display : (repository.clientRoot ?? repository.root) + "/" + display
        return (FileURI.uri(shown), lines)
    }

    mutating func location(_ display: String, _ span: SourceSpan, _ encoding: PositionEncoding) -> JSONValue? {
        guard let (uri, lines) = lines(display) else { return nil }
        return .object([("uri", .string(uri)), ("range", lines.range(of: span, encoding).json)])
    }
}
