import EPlanKit
import EPlanText
import EPlanYAML

/// A plan read from a file or from git (`REV:PATH`).
struct PlanSource {
    var plan: Plan
    var name: String

    /// The configuration of the repository holding the current folder (default when there is none).
    static let configuration = Workspace.configuration(near: FileSystem.currentDirectory())

    /// Hazard ids known here: the built-in ones and those the current repository's eplan.yaml adds.
    static let hazards = configuration.hazardVocabulary

    static func load(_ argument: String, shown: String? = nil) throws -> PlanSource {
        if FileSystem.exists(argument) {
            guard case .success(let bytes) = SourceReader.read(argument, limit: YAMLLimits.default.fileSize) else {
                throw CommandError(Message("cli.cannot-read", ["path": .verbatim(argument)]))
            }
            return try decode(bytes, name: shown ?? argument)
        }
        if let colon = argument.firstIndex(of: ":"), colon != argument.startIndex {
            let rev = String(argument[..<colon]), path = String(argument[argument.index(after: colon)...])
            _ = try Git.run(["rev-parse", "--verify", "--quiet", "\(rev)^{commit}"], failure: Message("cli.unknown-revision", ["rev": .verbatim(rev)]))
            let relative = path.hasPrefix("/") || path.hasPrefix("./") ? path : "./\(path)"
            let bytes: [UInt8]
            if let found = try? Git.show("\(rev):\(relative)") {
                bytes = found
            } else {
                bytes = try Git.show("\(rev):\(path)", failure: Message("cli.not-in-revision", ["path": .verbatim(path), "rev": .verbatim(rev)]))
            }
            return try decode(bytes, name: argument)
        }
        throw CommandError(Message("cli.no-such-file", ["path": .verbatim(argument)]))
    }

    static func decode(_ bytes: [UInt8], name: String) throws -> PlanSource {
        let yaml = YAMLParser.parse(bytes)
        let doc = DocumentDecoder.decode(yaml, path: name, display: name, named: true, hazards: hazards)
        if let problem = yaml.problems.first(where: { $0.kind == .syntax || $0.kind == .limit }) {
            throw CommandError(Message("cli.located", ["file": .verbatim(name), "line": .number(problem.span.start.line),
                                                      "column": .number(problem.span.start.column), "message": .message(problem.message)]))
        }
        guard let plan = doc.plan else {
            throw CommandError(Message("cli.not-a-plan", ["file": .verbatim(name)]))
        }
        return PlanSource(plan: plan, name: name)
    }
}
