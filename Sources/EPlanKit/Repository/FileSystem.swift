#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML

/// The few file-system operations eplan needs, on POSIX calls (fast, no Foundation overhead).
public enum FileSystem {
    public static func writeStandardError(_ text: String) {
        writeAll(2, Array(text.utf8))
    }

    public static func writeStandardOutput(_ text: String) {
        writeAll(1, Array(text.utf8))
    }

    /// Writes every byte (short writes and interruptions continued); false on an error.
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    @discardableResult
    public static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let n = write(fd, base + offset, buffer.count - offset)
            if n <= 0 {
                if n < 0, errno == EINTR { continue }
                return false  // an error, or no progress
            }
            offset += n
        }
        return true
    }

    /// Reads what is there (up to `count` bytes, at least one unless at the end): empty at the end of
    /// input, nil on an error. Interruptions are retried.
    public static func readSome(_ fd: Int32, count: Int = 65536) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: max(1, count))
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            buffer.removeLast(buffer.count - n)
            return buffer
        }
    }

    public static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// The canonical absolute path (symlinks resolved), or nil when the path does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func absolute(_ path: String, from cwd: String) -> String {
        path.hasPrefix("/") ? path : (cwd == "/" ? "/\(path)" : "\(cwd)/\(path)")
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    public static func isRegularFile(_ path: String) -> Bool {
        SourceReader.entry(path) == .regularFile
    }

    /// True when the path itself is a symbolic link.
    public static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    public static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// True when `path` is `folder` or lies below it (both absolute, as `realPath` gives them).
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// `path` relative to `base` (both absolute and canonical), with `..` where needed.
    public static func relative(_ path: String, to base: String) -> String {
        var path = path, base = base  // withUTF8 needs var; native strings are not copied
        return path.withUTF8 { p in base.withUTF8 { b in relative(p, to: b) } }
    }

    private static func relative(_ p: UnsafeBufferPointer<UInt8>, to b: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/")
        // memcmp: the generic `elementsEqual` took 500 instructions a path, 17 M for 10,000 files.
        func same(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
            count == 0 || memcmp(x.baseAddress!, y.baseAddress!, count) == 0
        }
        if p.count == b.count, same(p, b, count: p.count) { return "." }
        // Below `base` (the common case, once per file of a run): cut the bytes.
        let cut = b.count == 1 && b[0] == slash ? 1 : b.count + 1
        if p.count > cut, p[cut - 1] == slash, same(p, b, count: cut - 1) {
            return String(decoding: UnsafeBufferPointer(rebasing: p[cut...]), as: UTF8.self)
        }
        let pc = p.split(separator: slash), bc = b.split(separator: slash)
        var common = 0
        while common < pc.count, common < bc.count, pc[common].elementsEqual(bc[common]) { common += 1 }
        var out: [UInt8] = []
        for _ in common..<bc.count { out += [0x2E, 0x2E, slash] }  // "../"
        for part in pc[common...] { out += part; out.append(slash) }
        out.removeLast()
        return String(decoding: out, as: UTF8.self)
    }

    /// The common folder of absolute paths.
    public static func commonFolder(_ paths: [String]) -> String {
        guard var common = paths.first?.split(separator: "/", omittingEmptySubsequences: true) else { return "/" }
        for path in paths.dropFirst() {
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            var n = 0
            while n < common.count, n < parts.count, common[n] == parts[n] { n += 1 }
            common = Array(common[..<n])
        }
        return "/" + common.joined(separator: "/")
    }

    struct DirectoryEntry: Sendable, Equatable {
        var name: String
        var isDirectory: Bool
        /// A symbolic link (`isDirectory` then says what it leads to).
        var isLink = false
    }

    /// What a folder holds, with the folder's identity and modification time when it was read.
    struct FolderListing: Sendable {
        var identity: FileIdentity
        var modified: Int
        var entries: [DirectoryEntry]
        /// False when an entry is a symbolic link (or of unknown type): what it points at may change
        /// without the folder changing, so such a listing is never reused.
        var reusable: Bool
    }

    /// A folder's identity (device and inode) and the later of its modification and change times
    /// (the change time also moves when its permissions change); nil when it is not a folder.
    static func folderStamp(_ folder: String, base: SourceReader.Base? = nil) -> (identity: FileIdentity, modified: Int)? {
        var info = stat()
        guard SourceReader.Base.resolve(base, folder, { fstatat($0, $1, &info, 0) }) == 0 else { return nil }
        return folderStamp(info)
    }

    /// The identity and time of the folder at `relative` to `base`'s folder (`.`: that folder).
    static func folderStamp(relative: String, base: SourceReader.Base) -> (identity: FileIdentity, modified: Int)? {
        var info = stat()
        guard base.resolve(relative: relative, { fstatat($0, $1, &info, 0) }) == 0 else { return nil }
        return folderStamp(info)
    }

    private static func folderStamp(_ info: stat) -> (identity: FileIdentity, modified: Int)? {
        guard info.st_mode & S_IFMT == S_IFDIR else { return nil }
        let stamp = SourceReader.Stamp(info)
        return (FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), max(stamp.modified, stamp.changed))
    }

    /// The time now, in nanoseconds since 1970 (the clock file times are in).
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    /// The entries of a folder (without `.` and `..`), symlinks resolved to what they point at, unless
    /// `skip` says no to the folder's identity (device and inode). `previous` is reused when the
    /// folder is the same one, unchanged since (its modification time moves whenever an entry is
    /// added, removed or renamed). A link that cannot be resolved counts as a file, so reading it
    /// reports why. A folder below `base` is looked up from it.
    static func listing(of folder: String, previous: FolderListing?, base: SourceReader.Base? = nil,
                        unless skip: (FileIdentity) -> Bool, failed: (Int32) -> Void = { _ in }) -> FolderListing? {
        guard let (identity, modified) = folderStamp(folder, base: base), !skip(identity) else { return nil }
        if let previous, previous.reusable, previous.identity == identity, previous.modified == modified {
            return previous
        }
        let descriptor = SourceReader.Base.resolve(base, folder) { openat($0, $1, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0, let dir = fdopendir(descriptor) else {
            failed(errno)
            if descriptor >= 0 { close(descriptor) }
            return nil
        }
        defer { closedir(dir) }
        var listing = FolderListing(identity: identity, modified: modified, entries: [], reusable: true)
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            var isDirectory = type == UInt8(DT_DIR)
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                isDirectory = SourceReader.entry("\(folder)/\(name)") == .directory
                listing.reusable = false
            }
            listing.entries.append(DirectoryEntry(name: name, isDirectory: isDirectory, isLink: type == UInt8(DT_LNK)))
        }
        return listing
    }
}

struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
}

/// The process environment without Foundation.
struct EnvironmentValues {
    subscript(name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

extension FileSystem {
    /// `mkdir -p`.
    public static func makeFolders(_ path: String) -> Bool {
        if SourceReader.entry(path) == .directory { return true }
        let parent = parent(of: path)
        if parent != path, parent != "/", parent != "." { _ = makeFolders(parent) }
        return mkdir(path, 0o755) == 0 || SourceReader.entry(path) == .directory
    }
}
