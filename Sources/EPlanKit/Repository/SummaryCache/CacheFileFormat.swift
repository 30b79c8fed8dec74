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
        source?.loadSummaries()  // summaries kept from the old file are copied into the new one
        // Git's "racy" rule: a file changed within the file system's timestamp granularity of now may
        // change again without its stamp moving; its fresh summary is not kept for its stamp (the next
        // run makes it again), only for its content when it has a findings record (checked by content).
        let racyFrom = FileSystem.now() - Self.timestampGranularity
        var entries = entries
        for (key, entry) in entries {
            guard case .fresh = entry.summary, max(entry.stamp.modified, entry.stamp.changed) >= racyFrom else { continue }
            if entry.findings != nil {
                entries[key]?.stamp = Stamp(size: -1, modified: 0, inode: 0, device: 0, changed: 0)  // matches no file
            } else {
                entries[key] = nil
            }
        }
        let pathKeys = entries.keys.sorted()
        var index = BinaryWriter()
        index.string(key)
        index.int(pathKeys.count)
        var offset = 0
        for pathKey in pathKeys {
            guard let entry = entries[pathKey] else { continue }
            let length = entry.summary.length
            index.int(Int(bitPattern: UInt(pathKey)))
            index.int(entry.stamp.size)
            index.int(entry.stamp.modified)
            index.int(entry.stamp.inode)
            index.int(entry.stamp.device)
            index.int(entry.stamp.changed)
            index.int(offset)
            index.int(length)
            index.int(Int(bitPattern: UInt(entry.summary.checksum)))
            offset += length
            index.optional(entry.content) { w, content in
                w.int(Int(bitPattern: UInt(content.a)))
                w.int(Int(bitPattern: UInt(content.b)))
            }
            index.optional(entry.findings) { w, findings in
                w.int(offset)
                w.int(findings.length)
                w.int(Int(bitPattern: UInt(findings.checksum)))
            }
            offset += entry.findings?.length ?? 0
        }
        if foldersUnchanged {
            index.block { $0.bytes += source?.foldersSection() ?? [0] }  // [0]: no listing (the next run reads every folder)
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
            index.block { $0.bytes += source?.treeSection() ?? [0] }
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
        var header = (UInt64(index.bytes.count).littleEndian, Self.checksum(index.bytes[...]).littleEndian)
        withUnsafeBytes(of: &header) { put($0) }
        index.bytes.withUnsafeBytes { put($0) }
        for pathKey in pathKeys {
            guard ok, let entry = entries[pathKey] else { continue }
            for part in [entry.summary] + (entry.findings.map { [$0] } ?? []) {
                switch part {
                case .fresh(let bytes): bytes.withUnsafeBytes { put($0) }
                case .stored(let offset, let length, _):
                    guard let bytes = source?.summary(at: offset, count: length) else { ok = false; continue }
                    bytes.withUnsafeBytes { put($0) }
                }
            }
        }
        close(fd)
        if !ok || rename(temporary, file) != 0 { unlink(temporary) }
    }

    static func readIndex(_ file: CacheFile, key: String) throws(BinaryReader.Truncated)
        -> ([UInt64: Entry], FileTree?) {
        guard let header = file.read(at: 0, count: Self.headerSize) else { throw BinaryReader.Truncated() }
        let length = header[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        let sum = header[8..<16].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length > 0, length < file.size, let indexBytes = file.read(at: Self.headerSize, count: length),
              Self.checksum(indexBytes[...]) == sum else {
            throw BinaryReader.Truncated()
        }
        file.setIndexLength(length)
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        return try BinaryReader.reading(indexBytes) { (r: inout R) throws(T) in
            guard try r.string() == key else { return ([:], nil) }
            var entries: [UInt64: Entry] = [:]
            let count = try r.int()
            entries.reserveCapacity(max(0, min(count, 10_000_000)))
            for _ in 0..<max(0, count) {
                let path = UInt64(UInt(bitPattern: try r.int()))
                let stamp = Stamp(size: try r.int(), modified: try r.int(), inode: try r.int(), device: try r.int(), changed: try r.int())
                let offset = try r.int(), length = try r.int(), checksum = UInt64(UInt(bitPattern: try r.int()))
                guard file.contains(offset: offset, count: length) else { throw T() }
                let content = try r.optional { (r: inout R) throws(T) in
                    ContentHash(a: UInt64(UInt(bitPattern: try r.int())), b: UInt64(UInt(bitPattern: try r.int())))
                }
                let findings = try r.optional { (r: inout R) throws(T) -> Summary in
                    let offset = try r.int(), length = try r.int(), checksum = UInt64(UInt(bitPattern: try r.int()))
                    guard file.contains(offset: offset, count: length) else { throw T() }
                    return .stored(offset: offset, length: length, checksum: checksum)
                }
                entries[path] = Entry(stamp: stamp, summary: .stored(offset: offset, length: length, checksum: checksum),
                                      content: content, findings: findings)
            }
            // The folder listings are only stepped over: a run whose tree holds never reads them.
            let folders = try r.block()
            file.setFoldersSection(Self.headerSize + folders.lowerBound ..< Self.headerSize + folders.upperBound)
            let treeBlock = try r.block()
            file.setTreeSection(Self.headerSize + treeBlock.lowerBound ..< Self.headerSize + treeBlock.upperBound)
            let tree = try BinaryReader.reading(indexBytes[treeBlock]) { (r: inout R) throws(T) -> FileTree? in
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

    static func readFolders(_ bytes: [UInt8]) throws(BinaryReader.Truncated) -> [UInt64: FileSystem.FolderListing] {
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

extension SummaryCache.Summary {
    var length: Int {
        switch self {
        case .fresh(let bytes): return bytes.count
        case .stored(_, let length, _): return length
        }
    }

    var checksum: UInt64 {
        switch self {
        case .fresh(let bytes): return SummaryCache.checksum(bytes[...])
        case .stored(_, _, let checksum): return checksum
        }
    }
}
