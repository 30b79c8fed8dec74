#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder that paths below it are looked up from: `stat` of such a path walks only the part below
/// the folder (from the folder's open descriptor), not every folder from `/` again. A run stats every
/// file and folder of the repository to know its cached summaries current: tens of thousands of
/// lookups, most of whose cost was the walk down to the repository.
public final class StatBase: Sendable {
    private let fd: Int32
    /// The folder's path with a `/` after it, as C characters (no terminator).
    private let prefix: [CChar]

    /// Opens `folder` (an absolute, resolved path); nil when it cannot be opened.
    public init?(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.fd = fd
        prefix = (folder.hasSuffix("/") ? folder : folder + "/").utf8.map { CChar(bitPattern: $0) }
    }

    deinit {
        close(fd)
    }

    /// `stat` of `path` (symbolic links followed): from the folder when the path lies below it.
    public func stat(_ path: String, _ info: inout stat) -> Bool {
        path.withCString { c in
            let below = prefix.withUnsafeBufferPointer { p in
                strlen(c) > p.count && memcmp(c, p.baseAddress!, p.count) == 0
            }
            return below ? fstatat(fd, c + prefix.count, &info, 0) == 0 : statPath(c, &info) == 0
        }
    }
}

/// `stat` of a C path (the function, which `StatBase.stat` hides inside the class).
private func statPath(_ path: UnsafePointer<CChar>, _ info: inout stat) -> Int32 {
    stat(path, &info)
}

extension SourceReader.Stamp {
    /// The stamp of the file at `path` (symbolic links followed), looked up from `base`, or nil.
    public init?(_ path: String, from base: StatBase) {
        var info = stat()
        guard base.stat(path, &info) else { return nil }
        self.init(info)
    }
}
