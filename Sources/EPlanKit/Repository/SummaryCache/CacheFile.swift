#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML
import Synchronization


/// The cache file, read with `pread`: its index when the cache is opened, the summaries only when a
/// run needs them (a file changed on disk meanwhile gives short reads, which fail the cache, never
/// the run — unlike a memory mapping, which would fault).
final class CacheFile: @unchecked Sendable {
    private let fd: Int32
    let size: Int
    /// Where the summaries start (after the header and the index); set once, while the file is opened.
    private(set) var blobStart = 0
    /// The summaries, once loaded; loaded before any thread reads them.
    private var blob: [UInt8]?

    /// Opens the cache file: not through a symbolic link, never blocking (a FIFO put there), and only a
    /// regular file owned by the user running eplan.
    init?(_ path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
              info.st_size > SummaryCache.headerSize else {
            close(fd)
            return nil
        }
        size = Int(info.st_size)
    }

    deinit {
        close(fd)
    }

    /// `count` bytes at `start` from the beginning of the file, or nil when they cannot all be read.
    func read(at start: Int, count: Int) -> [UInt8]? {
        guard start >= 0, count >= 0, start <= size, count <= size - start else { return nil }
        // Not zeroed first: every byte is read into, or the whole read fails.
        var ok = true
        let result = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count, let base = buffer.baseAddress {
                let n = pread(fd, base + done, count - done, off_t(start + done))
                if n <= 0 { ok = false; break }
                done += n
            }
            initialized = ok ? count : 0
        }
        return ok ? result : nil
    }

    func setIndexLength(_ length: Int) {
        blobStart = SummaryCache.headerSize + length
    }

    /// Where the folder listings are in the file; set once, while the file is opened.
    private var foldersRange: Range<Int>?

    func setFoldersSection(_ range: Range<Int>) {
        foldersRange = range
    }

    /// The folder listings as stored, to be written again unchanged.
    func foldersSection() -> [UInt8]? {
        foldersRange.flatMap { read(at: $0.lowerBound, count: $0.count) }
    }

    /// Where the file tree is in the file; set once, while the file is opened.
    private var treeRange: Range<Int>?

    func setTreeSection(_ range: Range<Int>) {
        treeRange = range
    }

    /// The file tree as stored, to be written again unchanged.
    func treeSection() -> [UInt8]? {
        treeRange.flatMap { read(at: $0.lowerBound, count: $0.count) }
    }

    /// True when `count` bytes at `offset` in the summaries lie inside the file.
    func contains(offset: Int, count: Int) -> Bool {
        offset >= 0 && count >= 0 && offset <= size - blobStart && count <= size - blobStart - offset
    }

    /// Reads all summaries into memory (once, before they are used from several threads).
    func loadSummaries() {
        if blob == nil { blob = read(at: blobStart, count: size - blobStart) ?? [] }
    }

    /// The bytes of one summary, when the summaries are loaded and hold them.
    func summary(at offset: Int, count: Int) -> ArraySlice<UInt8>? {
        guard let blob, offset >= 0, count >= 0, offset <= blob.count, count <= blob.count - offset else { return nil }
        return blob[offset ..< offset + count]
    }
}
