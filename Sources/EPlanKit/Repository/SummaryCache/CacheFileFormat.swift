#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML
import Synchronization


// The cache file's format: what `save` writes and `readIndex` reads back.

extension SummaryCache {
    /// Writes the cache atomically; failures are ignored (the cache is only an accelerator).
    func save() {
        guard changed, let file else { return }
        source?.loadSummaries()  // summaries kept from the old file are copied into the new one
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
            index.int(offset)
            index.int(length)
            index.int(Int(bitPattern: UInt(entry.summary.checksum)))
            offset += length
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
        let temporary = "\(file).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        var ok = true
        func put(_ buffer: UnsafeRawBufferPointer) {
            if ok { ok = FileSystem.writeAll(fd, buffer) }
        }
        var header = UInt64(index.bytes.count).littleEndian
        withUnsafeBytes(of: &header) { put($0) }
        index.bytes.withUnsafeBytes { put($0) }
        for pathKey in pathKeys {
            guard ok, let entry = entries[pathKey] else { continue }
            switch entry.summary {
            case .fresh(let bytes): bytes.withUnsafeBytes { put($0) }
            case .stored(let offset, let length, _):
                guard let bytes = source?.summary(at: offset, count: length) else { ok = false; continue }
                bytes.withUnsafeBytes { put($0) }
            }
        }
        close(fd)
        if !ok || rename(temporary, file) != 0 { unlink(temporary) }
    }

    static func readIndex(_ file: CacheFile, key: String) throws(BinaryReader.Truncated)
        -> ([UInt64: Entry], FileTree?) {
        guard let header = file.read(at: 0, count: 8) else { throw BinaryReader.Truncated() }
        let length = header.reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, length < file.size, let indexBytes = file.read(at: 8, count: length) else {
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
                let stamp = Stamp(size: try r.int(), modified: try r.int(), inode: try r.int())
                let offset = try r.int(), length = try r.int(), checksum = UInt64(UInt(bitPattern: try r.int()))
                guard file.contains(offset: offset, count: length) else { throw T() }
                entries[path] = Entry(stamp: stamp, summary: .stored(offset: offset, length: length, checksum: checksum))
            }
            // The folder listings are only stepped over: a run whose tree holds never reads them.
            let folders = try r.block()
            file.setFoldersSection(8 + folders.lowerBound ..< 8 + folders.upperBound)
            let treeBlock = try r.block()
            file.setTreeSection(8 + treeBlock.lowerBound ..< 8 + treeBlock.upperBound)
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
                let entries = try r.array { (r: inout R) throws(T) in FileSystem.DirectoryEntry(name: try r.string(), isDirectory: try r.bool()) }
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
