#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML
import Synchronization


// The cache file's format: what `save` writes and `readIndex` reads back.

extension SummaryCache {
    /// The header: the index's length and the index's checksum, 8 bytes each.
    static let headerSize = 16

    /// The coarsest timestamp granularity of the file systems eplan meets (FAT: 2 s), in nanoseconds.
    static let timestampGranularity = 2_000_000_000

    /// Removes temporary files that runs killed while writing left beside the cache file (their
    /// process is gone); a live run's temporary file is left alone.
    static func removeStaleTemporaries(of file: String) {
        let folder = FileSystem.parent(of: file)
        let prefix = FileSystem.baseName(file) + "."
        guard let listing = FileSystem.listing(of: folder, previous: nil, unless: { _ in false }) else { return }
        for entry in listing.entries where !entry.isDirectory && entry.name.hasPrefix(prefix) && entry.name.hasSuffix(".tmp") {
            let middle = entry.name.dropFirst(prefix.count).dropLast(4)
            guard let pid = Int32(middle), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink("\(folder)/\(entry.name)") }
        }
    }

    /// Writes the cache atomically; failures are ignored (the cache is only an accelerator).
    func save() {
        guard changed, let file else { return }
        // Git's "racy" rule: a file changed within the file system's timestamp granularity of now may
        // change again without its stamp moving; its fresh summary is not kept for its stamp (the next
        // run makes it again), only for its content when it has a findings record (checked by content).
        let racyFrom = FileSystem.now() - Self.timestampGranularity
        var kept: [(key: UInt64, entry: Entry)] = []
        // The records of the repository's files in the order a run asks for them (`keepOnly`; else as
        // they were), then any others: a run reads them front to back (`EntryTable`).
        for (key, var entry) in entries.all(first: order ?? entries.storedKeys) {
            if case .fresh = entry.summary, max(entry.stamp.modified, entry.stamp.changed) >= racyFrom {
                guard entry.findings != nil else { continue }
                entry.stamp = Stamp(size: -1, modified: 0, inode: 0, device: 0, changed: 0)  // matches no file
            }
            kept.append((key, entry))
        }
        var index = BinaryWriter()
        index.string(key)
        index.int(kept.count)
        // Fixed-width records (`Record`): a run reads them where they lie (`EntryTable`);
        // reading 10,000 entries written as varints took 30 M instructions.
        index.bytes.reserveCapacity(index.bytes.count + kept.count * Record.size + 64)
        var offset = 0
        // The plans' links, one section after the summaries (`Record.links`); those of entries kept from
        // the old file are copied when its section passes its checksum, else left out.
        let oldLinks = kept.contains { if case .stored = $0.entry.links { true } else { false } } ? source?.linksSection() : nil
        var links: [UInt64] = []
        func word(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { index.bytes += $0 }
        }
        func word(_ value: Int) { word(UInt64(bitPattern: Int64(value))) }
        for (pathKey, entry) in kept {
            let findingsOffset = offset + entry.summary.length
            word(pathKey)
            word(entry.stamp.size)
            word(entry.stamp.modified)
            word(entry.stamp.inode)
            word(entry.stamp.device)
            word(entry.stamp.changed)
            word(offset)
            word(entry.summary.length)
            word(entry.summary.checksum)
            word((entry.content == nil ? 0 : Record.hasContent) | (entry.findings == nil ? 0 : Record.hasFindings))
            word(entry.content?.a ?? 0)
            word(entry.content?.b ?? 0)
            word(entry.findings == nil ? 0 : findingsOffset)
            word(entry.findings?.length ?? 0)
            word(entry.findings?.checksum ?? 0)
            if let words = entry.links.flatMap({ Self.words(of: $0, in: oldLinks) }), let packed = Record.links(start: links.count, count: words.count) {
                word(packed)
                links += words
            } else {
                word(0 as UInt64)
            }
            offset = findingsOffset + (entry.findings?.length ?? 0)
        }
        if foldersUnchanged {
            // [0]: no listing (the next run reads every folder).
            index.block { w in if let stored = source?.foldersSection() { w.bytes += stored } else { w.bytes.append(0) } }
        } else {
            index.block { $0.array(folders.keys.sorted()) { w, pathKey in
                guard let listing = folders[pathKey] else { return }
                w.int(Int(bitPattern: UInt(pathKey)))
                w.int(Int(bitPattern: UInt(listing.identity.device)))
                w.int(Int(bitPattern: UInt(listing.identity.inode)))
                w.int(listing.modified)
                w.bool(listing.reusable)
                w.array(listing.entries) { w, entry in
                    w.string(entry.name)
                    w.bool(entry.isDirectory)
                    w.bool(entry.isLink)
                }
            } }
        }
        if treeUnchanged {
            index.block { w in if let stored = source?.treeSection() { w.bytes += stored } else { w.bytes.append(0) } }
        } else {
            index.block { w in
                w.optional(tree) { w, tree in
                    w.string(tree.key)
                    w.array(tree.folders) { w, folder in
                        w.string(folder.path)
                        w.int(Int(bitPattern: UInt(folder.identity.device)))
                        w.int(Int(bitPattern: UInt(folder.identity.inode)))
                        w.int(folder.modified)
                    }
                    w.array(tree.files) { w, path in w.string(path) }
                }
            }
        }
        // Where the links section is (after every summary and findings record), its length in words and checksum.
        let linkBytes = links.withUnsafeBytes { [UInt8]($0) }
        index.block { w in
            w.int(offset)
            w.int(links.count)
            w.int(Int(bitPattern: UInt(Self.checksum(linkBytes))))
        }
        let folder = FileSystem.parent(of: file)
        _ = FileSystem.makeFolders(folder)
        Self.removeStaleTemporaries(of: file)
        let temporary = "\(file).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else { return }
        var ok = true
        func put(_ buffer: UnsafeRawBufferPointer) {
            if ok { ok = FileSystem.writeAll(fd, buffer) }
        }
        // The header: the index's length and checksum (every section of the index is verified before use).
        var header = (UInt64(index.bytes.count).littleEndian, Self.checksum(index.bytes).littleEndian)
        withUnsafeBytes(of: &header) { put($0) }
        index.bytes.withUnsafeBytes { put($0) }
        for (_, entry) in kept where ok {
            for part in [entry.summary] + (entry.findings.map { [$0] } ?? []) {
                switch part {
                case .fresh(let bytes): bytes.withUnsafeBytes { put($0) }
                case .stored(let offset, let length, _):
                    guard let bytes = source?.summary(at: offset, count: length) else { ok = false; continue }
                    bytes.withUnsafeBytes { put($0) }
                }
            }
        }
        linkBytes.withUnsafeBytes { put($0) }
        close(fd)
        if !ok || rename(temporary, file) != 0 { unlink(temporary) }
    }

    static func readIndex(_ file: CacheFile, key: String) throws(BinaryReader.Truncated)
        -> (EntryTable, FileTree?) {
        guard let header = file.read(at: 0, count: Self.headerSize) else { throw BinaryReader.Truncated() }
        let length = header[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        let sum = header[8..<16].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length > 0, length < file.size, let indexBytes = file.read(at: Self.headerSize, count: length),
              Self.checksum(indexBytes) == sum else {
            throw BinaryReader.Truncated()
        }
        file.setIndexLength(length)
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        return try BinaryReader.reading(indexBytes) { (r: inout R) throws(T) in
            guard try r.string() == key else { return (EntryTable(), nil) }
            let count = try r.int()
            guard count >= 0, count <= (indexBytes.count - r.position) / Record.size else { throw T() }
            let start = indexBytes.startIndex + r.position
            let entries = EntryTable(records: indexBytes[start ..< start + count * Record.size], count: count, file: file)
            try r.skip(count * Record.size)
            // The folder listings are only stepped over: a run whose tree holds never reads them.
            let folders = try r.block()
            file.setFoldersSection(Self.headerSize + folders.lowerBound ..< Self.headerSize + folders.upperBound)
            let treeBlock = try r.block()
            file.setTreeSection(Self.headerSize + treeBlock.lowerBound ..< Self.headerSize + treeBlock.upperBound)
            let treeBytes = indexBytes[indexBytes.startIndex + treeBlock.lowerBound ..< indexBytes.startIndex + treeBlock.upperBound]
            let linksEnd = try r.blockEnd()
            let (linksOffset, linksCount, linksChecksum) = (try r.int(), try r.int(), UInt64(UInt(bitPattern: try r.int())))
            guard r.position == linksEnd, linksCount >= 0, linksCount <= Int.max / 8 else { throw T() }
            file.setLinksSection(offset: linksOffset, count: linksCount * 8, checksum: linksChecksum)
            let tree = try BinaryReader.reading(treeBytes) { (r: inout R) throws(T) -> FileTree? in
                try r.optional { (r: inout R) throws(T) -> FileTree in
                    let key = try r.string()
                    let folders = try r.array { (r: inout R) throws(T) -> FileTree.Folder in
                        let path = try r.string()
                        let identity = FileIdentity(device: UInt64(UInt(bitPattern: try r.int())),
                                                    inode: UInt64(UInt(bitPattern: try r.int())))
                        return FileTree.Folder(path: path, identity: identity, modified: try r.int())
                    }
                    return FileTree(key: key, folders: folders, files: try r.array { (r: inout R) throws(T) in try r.string() })
                }
            }
            guard r.isAtEnd else { throw T() }
            return (entries, tree)
        }
    }

    static func readFolders(_ bytes: ByteSlice) throws(BinaryReader.Truncated) -> [UInt64: FileSystem.FolderListing] {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        return try BinaryReader.reading(bytes) { (r: inout R) throws(T) in
            var folders: [UInt64: FileSystem.FolderListing] = [:]
            for (path, listing) in try r.array({ (r: inout R) throws(T) -> (UInt64, FileSystem.FolderListing) in
                let path = UInt64(UInt(bitPattern: try r.int()))
                let identity = FileIdentity(device: UInt64(UInt(bitPattern: try r.int())), inode: UInt64(UInt(bitPattern: try r.int())))
                let modified = try r.int(), reusable = try r.bool()
                let entries = try r.array { (r: inout R) throws(T) in FileSystem.DirectoryEntry(name: try r.string(), isDirectory: try r.bool(), isLink: try r.bool()) }
                return (path, FileSystem.FolderListing(identity: identity, modified: modified, entries: entries, reusable: reusable))
            }) {
                folders[path] = listing
            }
            guard r.isAtEnd else { throw T() }
            return folders
        }
    }
}

extension SummaryCache {
    /// An entry of the index as 16 little-endian 64-bit words: the path's key, the stamp (size,
    /// modified, inode, device, changed), the summary (offset, length, checksum), flags, the content
    /// hash (two words), the findings record (offset, length, checksum), and the plan's links (`links`).
    enum Record {
        static let size = 128
        static let hasContent: UInt64 = 1
        static let hasFindings: UInt64 = 2

        /// The last word: where a plan's links are in the links section, as the index of their first
        /// word (the high 40 bits) and their number (the low 24); 0: none. Nil when they do not fit.
        static func links(start: Int, count: Int) -> UInt64? {
            guard count > 0, count < 1 << 24, start >= 0, start < 1 << 40 else { return nil }
            return UInt64(start) << 24 | UInt64(count)
        }

        /// The summary and links of the record at `start` when its stamp is `stamp` and it has links (see
        /// `EntryTable.linked`); nil otherwise, and when its summary does not lie inside the file.
        static func linked(_ raw: UnsafeRawBufferPointer, at start: Int, stamp: Stamp, in file: CacheFile) -> (summary: Summary, links: Links)? {
            func word(_ i: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + i * 8, as: UInt64.self)) }
            func int(_ i: Int) -> Int { Int(Int64(bitPattern: word(i))) }
            guard word(15) != 0, Self.stamp(raw, at: start) == stamp, file.contains(offset: int(6), count: int(7)) else { return nil }
            return (.stored(offset: int(6), length: int(7), checksum: word(8)), links(word(15)))
        }

        /// Where the links are, from the record's last word (not 0).
        private static func links(_ packed: UInt64) -> Links {
            .stored(start: Int(packed >> 24), count: Int(packed & 0xFF_FFFF))
        }

        /// The stamp of the record at `start`.
        private static func stamp(_ raw: UnsafeRawBufferPointer, at start: Int) -> Stamp {
            func int(_ i: Int) -> Int { Int(Int64(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + i * 8, as: UInt64.self)))) }
            return Stamp(size: int(1), modified: int(2), inode: int(3), device: int(4), changed: int(5))
        }

        /// The entry of the record at `start`, nil when its parts do not lie inside the file (a damaged
        /// entry is no entry). The words are read where they lie, only those the entry needs.
        static func entry(_ raw: UnsafeRawBufferPointer, at start: Int, in file: CacheFile) -> Entry? {
            func word(_ i: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + i * 8, as: UInt64.self)) }
            func int(_ i: Int) -> Int { Int(Int64(bitPattern: word(i))) }
            let stamp = Self.stamp(raw, at: start)
            guard file.contains(offset: int(6), count: int(7)) else { return nil }
            var entry = Entry(stamp: stamp, summary: .stored(offset: int(6), length: int(7), checksum: word(8)))
            let flags = word(9)
            if flags & hasContent != 0 { entry.content = ContentHash(a: word(10), b: word(11)) }
            if flags & hasFindings != 0 {
                guard file.contains(offset: int(12), count: int(13)) else { return nil }
                entry.findings = .stored(offset: int(12), length: int(13), checksum: word(14))
            }
            if word(15) != 0 { entry.links = links(word(15)) }
            return entry
        }
    }
}

extension SummaryCache.Summary {
    var length: Int {
        switch self {
        case .fresh(let bytes): return bytes.count
        case .stored(_, let length, _): return length
        }
    }

    var checksum: UInt64 {
        switch self {
        case .fresh(let bytes): return SummaryCache.checksum(bytes)
        case .stored(_, _, let checksum): return checksum
        }
    }
}
