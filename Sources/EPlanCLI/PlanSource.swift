import EPlanKit
import EPlanYAML

/// A plan read from a file or from git (`REV:PATH`).
struct PlanSource {
    var plan: Plan
    var name: String

    /// Hazard ids known here: the built-in ones and those the current repository's eplan.yaml adds.
    static let hazards = Workspace.configuration(near: FileSystem.currentDirectory()).hazardVocabulary

    static func load(_ argument: String, shown: String? = nil) throws -> PlanSource {
        if FileSystem.exists(argument) {
            guard case .success(let bytes) = SourceReader.read(argument, limit: YAMLLimits.default.fileSize) else {
                throw CommandError("cannot read \(argument)")
            }
            return try decode(bytes, name: shown ?? argument)
        }
        if let colon = argument.firstIndex(of: ":"), colon != argument.startIndex {
            let rev = String(argument[..<colon]), path = String(argument[argument.index(after: colon)...])
            _ = try Git.run(["rev-parse", "--verify", "--quiet", "\(rev)^{commit}"], failure: "unknown git revision '\(rev)'")
            let relative = path.hasPrefix("/") || path.hasPrefix("./") ? path : "./\(path)"
            let bytes: [UInt8]
            if let found = try? Git.show("\(rev):\(relative)") {
                bytes = found
            } else {
                bytes = try Git.show("\(rev):\(path)", failure: "'\(path)' is not in revision '\(rev)'")
            }
            return try decode(bytes, name: argument)
        }
        throw CommandError("no such file: \(argument)")
    }

    static func decode(_ bytes: [UInt8], name: String) throws -> PlanSource {
        let yaml = YAMLParser.parse(bytes)
        let doc = DocumentDecoder.decode(yaml, path: name, display: name, named: true, hazards: hazards)
        if let problem = yaml.problems.first(where: { $0.kind == .syntax || $0.kind == .limit }) {
            throw CommandError("\(name):\(problem.span.start.line):\(problem.span.start.column): \(problem.message)")
        }
        guard let plan = doc.plan else {
            throw CommandError("\(name) is not a plan (it needs 'eplan: plan/v1')")
        }
        return PlanSource(plan: plan, name: name)
    }
}
