import EPlanText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a source file safely: only regular files, never more than the size limit, never blocking
/// on a FIFO or a device. Every failure is a `YAMLProblem` located at 1:1.
public enum SourceReader {
    public enum Entry: Sendable, Equatable {
        case regularFile
        case directory
        case other
        case missing(String)
    }

    /// What `path` is, following symbolic links.
    public static func entry(_ path: String) -> Entry {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing(errorText(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// What identifies a file's content for caches: size, modification time (ns) and inode.
    /// What identifies a file's content without reading it: device, inode, size, and the
    /// modification and change times (the change time moves on every write and cannot be set back,
    /// so an edit with its modification time put back, or a file removed and written again with the
    /// same size, time and inode, still changes the stamp).
    public struct Stamp: Sendable, Hashable {
        public var size: Int
        /// Modification time, in nanoseconds since 1970.
        public var modified: Int
        public var inode: Int
        public var device: Int
        /// Change time (ctime), in nanoseconds since 1970.
        public var changed: Int

        public init(size: Int, modified: Int, inode: Int, device: Int = 0, changed: Int = 0) {
            self.size = size
            self.modified = modified
            self.inode = inode
            self.device = device
            self.changed = changed
        }

        /// From what `stat`/`fstat` returned.
        public init(_ info: stat) {
            size = Int(info.st_size)
            #if canImport(Darwin)
            modified = Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
            changed = Int(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int(info.st_ctimespec.tv_nsec)
            #else
            modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
            #endif
            inode = Int(info.st_ino)
            device = Int(truncatingIfNeeded: info.st_dev)
        }

        /// The stamp of the file at `path` (symbolic links followed), or nil; a path below `base` is
        /// looked up from it.
        public init?(_ path: String, base: Base? = nil) {
            var info = stat()
            guard Base.resolve(base, path, { fstatat($0, $1, &info, 0) }) == 0 else { return nil }
            self.init(info)
        }
    }

    /// A folder held open (a repository's root) so that paths below it are looked up from it: the
    /// kernel then walks only their part below the folder. A `stat` of each of the 10,361 files and
    /// 5,887 folders of the 10,000-plan benchmark repository took 31.0 ms from its root against 35.6 ms
    /// by absolute path (one thread). Any other path, and every path when the folder could not be
    /// opened, is looked up as it is; the answers are the same either way (the kernel resolves
    /// `..` and links from the folder as it would on the way to it).
    public final class Base: @unchecked Sendable {  // (its buffer is written once, in `init`, and only read after)
        private let descriptor: Int32
        /// The folder's path (with a terminating NUL) and its length: a buffer of its own, not an array,
        /// so that threads reading it at every file do not retain and release one shared buffer.
        private let prefix: UnsafeMutablePointer<CChar>
        private let prefixLength: Int

        /// `opened: false` leaves the folder closed, as when it cannot be opened (for tests).
        public init(_ folder: String, opened: Bool = true) {
            // (A folder that cannot be opened for reading gives -1: its paths are then looked up as they are.)
            descriptor = opened ? open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
            let path = folder.utf8CString
            prefixLength = path.count - 1
            prefix = .allocate(capacity: path.count)
            path.withUnsafeBufferPointer { prefix.initialize(from: $0.baseAddress!, count: path.count) }
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
            prefix.deallocate()
        }

        /// `body` called with this folder's descriptor and `relative`, a path relative to the folder (as
        /// `FileSystem.relative` gives it: `.` for the folder itself); when the folder could not be opened,
        /// with the working directory's and the whole path. (An absolute path is looked up as it is.)
        public func resolve<R>(relative: String, _ body: (Int32, UnsafePointer<CChar>) -> R) -> R {
            if descriptor >= 0 { return relative.withCString { body(descriptor, $0) } }
            let whole = relative.utf8.first == UInt8(ascii: "/") ? relative : String(cString: prefix) + "/" + relative
            return whole.withCString { body(AT_FDCWD, $0) }
        }

        /// `body` called with a folder descriptor and `path` relative to it: `base`'s when `path` is below
        /// it, else the working directory's (`AT_FDCWD`) and `path` itself. (A base of `/` is never used:
        /// a path below it has nothing to skip.)
        public static func resolve<R>(_ base: Base?, _ path: String, _ body: (Int32, UnsafePointer<CChar>) -> R) -> R {
            // (withCString: the implicit conversion copies the path into a new array each time)
            path.withCString { p in
                if let base, base.descriptor >= 0, base.prefixLength > 1, strncmp(p, base.prefix, base.prefixLength) == 0,
                   p[base.prefixLength] == 0x2F, p[base.prefixLength + 1] != 0 {
                    return body(base.descriptor, p + base.prefixLength + 1)
                }
                return body(AT_FDCWD, p)
            }
        }
    }

    public static func read(_ path: String, limit: Int) -> Result<[UInt8], YAMLProblem> {
        readStamped(path, limit: limit).bytes
    }

    /// The bytes of the file and, when it could be opened, its stamp (taken from the open file); a path
    /// below `base` is opened from it.
    public static func readStamped(_ path: String, limit: Int, base: Base? = nil) -> (bytes: Result<[UInt8], YAMLProblem>, stamp: Stamp?) {
        var stamp: Stamp?
        let fd = Base.resolve(base, path) { openat($0, $1, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        let bytes = read(fd, limit: limit, stamp: &stamp)
        return (bytes, stamp)
    }

    private static func read(_ fd: Int32, limit: Int, stamp: inout Stamp?) -> Result<[UInt8], YAMLProblem> {
        let at = SourceSpan(at: .start)
        guard fd >= 0 else {
            return .failure(YAMLProblem(.syntax, Message("yaml.cannot-read", ["error": .message(errorMessage(errno))]), at: at,
                                        help: Message("yaml.cannot-read-help")))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            return .failure(YAMLProblem(.syntax, Message("yaml.cannot-read", ["error": .message(errorMessage(errno))]), at: at))
        }
        stamp = Stamp(info)
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(YAMLProblem(.syntax, Message("yaml.not-regular"), at: at,
                                        help: Message("yaml.not-regular-help")))
        }
        let size = Int(info.st_size)
        if size > limit {
            return .failure(tooLarge(size, limit))
        }
        // Read up to one byte past the limit, in case the file grew since fstat.
        let capacity = min(size, limit) + 1
        // Not zeroed first: only the bytes read count.
        var count = 0
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            while count < capacity, let base = buffer.baseAddress {
                let n = systemRead(fd, base + count, capacity - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                count += n
                // The read asked for one byte more than fstat counted and got exactly those: the file
                // ends there, and no further call is made to learn it (one system call in five per file).
                if count == size { break }
            }
            initialized = count
        }
        if failure != 0 {
            return .failure(YAMLProblem(.syntax, Message("yaml.cannot-read", ["error": .message(errorMessage(failure))]), at: at))
        }
        if count > limit { return .failure(tooLarge(count, limit)) }
        return .success(bytes)
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> YAMLProblem {
        YAMLProblem(.limit, Message("yaml.file-size", ["limit": .message(sizeMessage(limit)), "size": .message(sizeMessage(size))]),
                    at: SourceSpan(at: .start),
                    help: Message("yaml.file-size-help"))
    }

    /// A size as `describe(bytes:)` writes it, as a message.
    public static func sizeMessage(_ bytes: Int) -> Message {
        if bytes >= 1024 * 1024, bytes % (1024 * 1024) == 0 { return Message("yaml.size-mib", ["n": .number(bytes / (1024 * 1024))]) }
        return Message("yaml.size-bytes", ["n": .number(bytes)])
    }

    public static func describe(bytes: Int) -> String {
        if bytes >= 1024 * 1024, bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        return "\(bytes) bytes"
    }

    /// The system's error text (`errorText`) as a message: in English as the system writes it, in
    /// Chinese translated for the errors a file read meets, with the system's words after it.
    public static func errorMessage(_ code: Int32) -> Message {
        let system: [String: MessageArgument] = ["system": .verbatim(errorText(code))]
        switch code {
        case ENOENT: return Message("yaml.errno.enoent", system)
        case EACCES: return Message("yaml.errno.eacces", system)
        case EPERM: return Message("yaml.errno.eperm", system)
        case EISDIR: return Message("yaml.errno.eisdir", system)
        case ENOTDIR: return Message("yaml.errno.enotdir", system)
        case ELOOP: return Message("yaml.errno.eloop", system)
        case ENAMETOOLONG: return Message("yaml.errno.enametoolong", system)
        case EIO: return Message("yaml.errno.eio", system)
        case EMFILE, ENFILE: return Message("yaml.errno.emfile", system)
        default: return Message("yaml.errno.other", system)
        }
    }

    public static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
