import EPlanKit
import EPlanText

/// git as a subprocess, so that any revision syntax works.
enum Git {
    @discardableResult
    static func run(_ arguments: [String], failure: Message? = nil) throws -> String {
        String(decoding: try bytes(arguments, failure: failure), as: UTF8.self)
    }

    static func show(_ object: String, failure: Message? = nil) throws -> [UInt8] {
        try bytes(["show", object], failure: failure)
    }

    static func bytes(_ arguments: [String], failure: Message?) throws -> [UInt8] {
        let result: Subprocess.Result
        do {
            result = try Subprocess.run("git", arguments)
        } catch {
            throw CommandError(Message("cli.git-cannot-run", ["reason": .verbatim(error.reason)]))
        }
        guard result.status == 0 else {
            let said = String(String(decoding: result.error, as: UTF8.self)[...].trimmingWhitespaceSubstring)
            throw CommandError(failure ?? (said.isEmpty ? Message("cli.git-failed", ["arguments": .verbatim(arguments.joined(separator: " "))])
                                              : Message("cli.git-said", ["said": .verbatim(said)])))
        }
        return result.output
    }
}
