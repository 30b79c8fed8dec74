#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML
import Synchronization


/// The cache file, mapped into memory when opened: the index is read from the mapping, and a run
/// that needs summaries decodes them in place (reading 14 MB of summaries took 7 – 14 ms on this
/// machine, mapping them 1 ms). A file truncated meanwhile reads as zeros past its end, which fails
/// the index's and each summary's checksum: the cache fails, never the run (see `eplan_map_guarded`).
/// Where the file cannot be mapped it is read whole.
final class CacheFile: @unchecked Sendable {
    let size: Int
    /// The whole file.
    private let bytes: ByteSlice
    /// True when the file is mapped (under the bus-error guard), false when it was read whole.
    let isMapped: Bool
    /// Where the summaries start (after the header and the index); set once, while the file is opened.
    private(set) var blobStart = 0

    /// Opens the cache file: not through a symbolic link, never blocking (a FIFO put there), and only a
    /// regular file owned by the user running eplan.
    init?(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
              info.st_size > SummaryCache.headerSize else {
            return nil
        }
        size = Int(info.st_size)
        if let mapping = ByteStorage(mapping: fd, size: size) {
            bytes = ByteSlice(mapping)
            isMapped = true
        } else if let read = Self.readWhole(fd, size: size) {
            bytes = ByteSlice(read)
            isMapped = false
        } else {
            return nil
        }
    }

    /// The file's `size` bytes read with `pread`, or nil when they cannot all be read.
    private static func readWhole(_ fd: Int32, size: Int) -> [UInt8]? {
        var ok = true
        let result = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size, let base = buffer.baseAddress {
                let n = pread(fd, base + done, size - done, off_t(done))
                if n <= 0 { ok = false; break }
                done += n
            }
            initialized = ok ? size : 0
        }
        return ok ? result : nil
    }

    /// `count` bytes at `start` from the beginning of the file, or nil when the file does not hold them.
    func read(at start: Int, count: Int) -> ByteSlice? {
        guard start >= 0, count >= 0, start <= size, count <= size - start else { return nil }
        return bytes[start ..< start + count]
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
    func foldersSection() -> ByteSlice? {
        foldersRange.flatMap { read(at: $0.lowerBound, count: $0.count) }
    }

    /// Where the file tree is in the file; set once, while the file is opened.
    private var treeRange: Range<Int>?

    func setTreeSection(_ range: Range<Int>) {
        treeRange = range
    }

    /// The file tree as stored, to be written again unchanged.
    func treeSection() -> ByteSlice? {
        treeRange.flatMap { read(at: $0.lowerBound, count: $0.count) }
    }

    /// Where the plans' links are (in the summaries' part of the file) and their checksum; set once,
    /// while the file is opened.
    private var links: (offset: Int, count: Int, checksum: UInt64)?

    func setLinksSection(offset: Int, count: Int, checksum: UInt64) {
        links = (offset, count, checksum)
    }

    /// The links section, when the file holds it and it passes its checksum.
    func linksSection() -> ByteSlice? {
        guard let links, let section = summary(at: links.offset, count: links.count),
              SummaryCache.checksum(section) == links.checksum else { return nil }
        return section
    }

    /// True when `count` bytes at `offset` in the summaries lie inside the file.
    func contains(offset: Int, count: Int) -> Bool {
        offset >= 0 && count >= 0 && offset <= size - blobStart && count <= size - blobStart - offset
    }

    /// The bytes of one summary (offsets from the start of the summaries), when the file holds them.
    func summary(at offset: Int, count: Int) -> ByteSlice? {
        guard contains(offset: offset, count: count) else { return nil }
        return bytes[blobStart + offset ..< blobStart + offset + count]
    }
}
