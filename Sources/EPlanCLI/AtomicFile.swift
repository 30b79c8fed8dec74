import EPlanKit
import EPlanText
import EPlanYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file all at once: a temporary file in the same folder, then rename(2),
/// so readers never see half a file. Refuses to replace an existing file unless asked.
/// A file or folder it cannot write is a `CommandError`.
enum AtomicFile {
    static func write(_ text: String, to path: String, overwrite: Bool) throws(CommandError) {
        try write(Array(text.utf8), to: path, overwrite: overwrite)
    }

    static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(CommandError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard overwrite else {
                throw CommandError(Message("cli.exists", ["path": .verbatim(path)]))
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw CommandError(Message("cli.not-regular", ["path": .verbatim(path)]))
            }
        }
        let folder = path.contains("/") ? FileSystem.parent(of: path) : ""
        let template = (folder.isEmpty ? "." : folder) + "/.eplan-XXXXXX"
        var name = Array(template.utf8CString)
        let fd = mkstemp(&name)
        guard fd >= 0 else {
            throw CommandError(Message("cli.cannot-write-in", ["folder": .verbatim(folder.isEmpty ? "." : folder),
                                                              "reason": .verbatim(SourceReader.errorText(errno))]))
        }
        let temporary = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = FileSystem.writeAll(fd, bytes)
        fchmod(fd, 0o644)
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let reason = SourceReader.errorText(errno)
            unlink(temporary)
            throw CommandError(Message("cli.cannot-write", ["path": .verbatim(path), "reason": .verbatim(reason)]))
        }
    }

    /// Writes a report (`--output`, `--report`, `--write-baseline`, `report --out`): an existing file is
    /// replaced, since a report is output and a CI job reruns (cli.md 1.1 "Files eplan writes") — unless
    /// it is an eplan document, which no report may replace.
    static func writeReport(_ text: String, to path: String) throws(CommandError) {
        try writeReport(Array(text.utf8), to: path)
    }

    /// A report of bytes (`eplan export`'s documents: DOCX is a ZIP archive).
    static func writeReport(_ bytes: [UInt8], to path: String) throws(CommandError) {
        if isEplanDocument(path) { throw CommandError(Message("cli.report-is-plan", ["path": .verbatim(path)])) }
        try write(bytes, to: path, overwrite: true)
    }

    /// Whether the file's first 4 KB hold a top-level `eplan:` line (a plan, regions, inventory or eplan.yaml).
    static func isEplanDocument(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
        guard n > 0 else { return false }
        let text = String(decoding: buffer.prefix(n), as: UTF8.self)
        return text.split(separator: "\n").contains { $0.hasPrefix("eplan:") || $0.hasPrefix("\u{FEFF}eplan:") }
    }

    /// `mkdir -p`, or a failure saying which folder could not be made.
    static func makeFolders(_ path: String) throws(CommandError) {
        guard path.isEmpty || FileSystem.makeFolders(path) else {
            throw CommandError(Message("cli.cannot-create-folder", ["path": .verbatim(path), "reason": .verbatim(SourceReader.errorText(errno))]))
        }
    }
}
