import EPlanText
import EPlanYAML

/// What a file turned out to hold.
///
/// The few large payloads are `indirect` (boxed): every case then holds one reference, so that copying
/// a document (the index and the rules do, for each of tens of thousands) is a retain rather than an
/// outlined copy of the largest payload, and a document takes a few bytes instead of the size of a
/// configuration.
public enum DocumentContent: Sendable {
    case plan(Plan)
    /// A plan of a file not reported on, read from the summary cache.
    case cachedPlan(PlanSummary)
    indirect case regions(RegionsDocument)
    indirect case inventory(Inventory)
    indirect case config(Configuration)
    /// An eplan file whose type could not be read or is not supported.
    case unreadable
    /// A file that could not be read whole (`yaml-syntax`, `yaml-limit`): what was read of it before the problem.
    indirect case broken(BrokenFile)
    /// YAML without a top-level `eplan:` key: not eplan's business (unless named explicitly).
    case foreign
}

/// One source file after reading, parsing and decoding.
public struct SourceDocument: Sendable {
    /// The path as given to the file system.
    public var path: String
    /// The path as reported: relative to the working folder, with `/` separators.
    public var display: String
    public var content: DocumentContent
    public var diagnostics: [Diagnostic]
    /// The inline suppression comments of the file.
    public var suppressions: [Suppression] = []

    /// True when the file is eplan's (it has an `eplan:` key) or could not be parsed at all.
    public var isReported: Bool {
        if case .foreign = content { return false }
        return true
    }

    public var plan: Plan? {
        if case .plan(let plan) = content { return plan }
        return nil
    }
}

public enum DocumentDecoder {
    static let documentTypes = ["plan/v1", "regions/v1", "inventory/v1", "config/v1"]

    /// Reads, parses and decodes one file. `named` is true when the user named the file itself,
    /// so a file without `eplan:` is reported rather than skipped.
    public static func load(path: String, display: String, named: Bool, limits: YAMLLimits,
                            hazards: Set<String>) -> SourceDocument {
        loadStamped(path: path, display: display, named: named, limits: limits, hazards: hazards).document
    }

    /// `load`, with the stamp of the file as it was read (nil when it could not be opened); a path below
    /// `base` is opened from it.
    public static func loadStamped(path: String, display: String, named: Bool, limits: YAMLLimits,
                                   hazards: Set<String>, base: SourceReader.Base? = nil) -> (document: SourceDocument, stamp: SourceReader.Stamp?) {
        let (read, stamp) = SourceReader.readStamped(path, limit: limits.fileSize, base: base)
        return (load(read, path: path, display: display, named: named, limits: limits, hazards: hazards), stamp)
    }

    /// The document of a file already read (or that could not be read: its finding).
    public static func load(_ read: Result<[UInt8], YAMLProblem>, path: String, display: String, named: Bool, limits: YAMLLimits,
                            hazards: Set<String>) -> SourceDocument {
        switch read {
        case .failure(let problem):
            var sink = DiagnosticSink(file: display)
            add(problem, to: &sink)
            return SourceDocument(path: path, display: display, content: .broken(BrokenFile()), diagnostics: sink.diagnostics)
        case .success(let bytes):
            return DocumentDecoder.read(bytes, path: path, display: display, named: named, limits: limits, hazards: hazards)
        }
    }

    /// Parses and decodes a file's bytes, and finds its suppression comments.
    public static func read(_ bytes: [UInt8], path: String, display: String, named: Bool, limits: YAMLLimits,
                            hazards: Set<String>) -> SourceDocument {
        let yaml = YAMLParser.parse(bytes, limits: limits)
        var document = decode(yaml, path: path, display: display, named: named, hazards: hazards)
        if document.isReported { document.suppressions = Suppression.scan(bytes, yaml: yaml) }
        return document
    }

    /// Decodes a parsed file. `type` (for the fuzzer) decodes it as that document type, whatever its `eplan:` key says.
    public static func decode(_ yaml: YAMLDocument, path: String, display: String, named: Bool,
                              hazards: Set<String>, as type: String? = nil) -> SourceDocument {
        var c = DecodeContext(file: display, hazards: hazards)
        for problem in yaml.problems { add(problem, to: &c.sink) }
        guard yaml.isComplete else {
            // Not read whole: reported (in a folder too, although its `eplan:` key may not have been seen);
            // what was read before the problem tells cross-plan rules what not to conclude.
            return SourceDocument(path: path, display: display, content: .broken(BrokenFile(yaml.salvaged)), diagnostics: c.sink.diagnostics)
        }
        let eplanPair = yaml.root?.pair("eplan")
        guard let root = yaml.root, let pairs = root.mapping, eplanPair != nil || type != nil else {
            guard named else {
                return SourceDocument(path: path, display: display, content: .foreign, diagnostics: [])
            }
            let at = yaml.root.map { c.firstKeySpan($0) } ?? SourceSpan(at: .start)
            let why = yaml.root.map {
                $0.mapping == nil ? Message("schema.not-eplan.top-level", ["shape": DecodeContext.shape($0)]) : Message("schema.not-eplan.no-eplan-key")
            } ?? Message("schema.not-eplan.empty")
            c.sink.add(.schemaMissingKey, Message("schema.not-eplan", ["why": .message(why)]), at: at,
                       help: Message("schema.not-eplan-help"))
            return SourceDocument(path: path, display: display, content: .unreadable, diagnostics: c.sink.diagnostics)
        }
        let eplanSpan = eplanPair.map { c.span($0) } ?? c.firstKeySpan(root)
        guard let type = type ?? eplanPair.flatMap({ c.text($0.value, "eplan", at: eplanSpan) }) else {
            return SourceDocument(path: path, display: display, content: .unreadable, diagnostics: c.sink.diagnostics)
        }
        let content: DocumentContent
        switch type {
        case "plan/v1":
            content = .plan(PlanDecoder.decode(root, pairs, &c))
        case "regions/v1": content = .regions(RegionsDecoder.decode(root, pairs, &c))
        case "inventory/v1": content = .inventory(InventoryDecoder.decode(root, pairs, &c))
        case "config/v1": content = .config(ConfigDecoder.decode(root, pairs, &c))
        default:
            c.sink.add(.schemaValue, Message("schema.document-type", ["type": .verbatim(type)]), at: eplanSpan,
                       help: Suggest.help(type, oneOf: documentTypes))
            content = .unreadable
        }
        c.reportUnlistedUnknownKeys()
        var diagnostics = c.sink.diagnostics
        if case .plan(let plan) = content, let id = plan.id?.value {
            for i in diagnostics.indices { diagnostics[i].plan = id }
        }
        return SourceDocument(path: path, display: display, content: content, diagnostics: diagnostics)
    }

    static func add(_ problem: YAMLProblem, to sink: inout DiagnosticSink) {
        let rule: RuleID
        var related: [RelatedLocation] = []
        switch problem.kind {
        case .syntax: rule = .yamlSyntax
        case .limit: rule = .yamlLimit
        case .extraDocument: rule = .schemaValue
        case .duplicateKey(let key, let first):
            rule = .yamlDuplicateKey
            related = [RelatedLocation(Location(file: sink.file, span: SourceSpan(at: first)), Message("schema.duplicate-key-first", ["key": .verbatim(key)]))]
        }
        sink.add(rule, problem.message, at: problem.span, help: problem.help, related: related)
    }
}
