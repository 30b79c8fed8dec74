import EPlanYAML
import Foundation

/// Writes a file all at once: a temporary file in the same folder, then rename(2),
/// so readers never see half a file. Refuses to replace an existing file unless asked.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ data: Data, to path: String, overwrite: Bool) throws {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard overwrite else {
                throw Failure(description: "\(path) exists; pass --force to overwrite it")
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw Failure(description: "\(path) is not a regular file; not overwriting it")
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        let template = (folder.isEmpty ? "." : folder) + "/.eplan-XXXXXX"
        var name = Array(template.utf8CString)
        let fd = mkstemp(&name)
        guard fd >= 0 else {
            throw Failure(description: "cannot write to \(folder.isEmpty ? "." : folder): \(SourceReader.errorText(errno))")
        }
        let temporary = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = true
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = Foundation.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += n
            }
        }
        fchmod(fd, 0o644)
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let reason = SourceReader.errorText(errno)
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(reason)")
        }
    }
}
