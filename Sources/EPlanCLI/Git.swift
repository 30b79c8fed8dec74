import EPlanKit

/// git as a subprocess, so that any revision syntax works.
enum Git {
    @discardableResult
    static func run(_ arguments: [String], failure: String? = nil) throws -> String {
        String(decoding: try bytes(arguments, failure: failure), as: UTF8.self)
    }

    static func show(_ object: String, failure: String? = nil) throws -> [UInt8] {
        try bytes(["show", object], failure: failure)
    }

    static func bytes(_ arguments: [String], failure: String?) throws -> [UInt8] {
        let result: Subprocess.Result
        do {
            result = try Subprocess.run("git", arguments)
        } catch {
            throw CommandError("cannot run git: \(error.reason)")
        }
        guard result.status == 0 else {
            let said = String(String(decoding: result.error, as: UTF8.self)[...].trimmingWhitespaceSubstring)
            throw CommandError(failure ?? (said.isEmpty ? "git \(arguments.joined(separator: " ")) failed" : "git: \(said)"))
        }
        return result.output
    }
}
