#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML
import Synchronization

/// Per-file summaries of what cross-plan rules read from files that are not reported on, kept
/// between runs so that linting one changed file in a large repository does not parse every
/// other file. An entry is used only while the file's size, modification time and inode are
/// unchanged, and the whole cache only for the same eplan version and configuration; findings
/// are computed exactly as in a full run (reported files are always parsed in full).
///
/// The cache lives outside the repository (`$EPLAN_CACHE_DIR`, else `$XDG_CACHE_HOME/eplan`,
/// else `~/.cache/eplan`), so linting never writes into the plan repository.
struct SummaryCache {
    typealias Stamp = SourceReader.Stamp

    struct Entry {
        var stamp: Stamp
        var summary: Summary
    }

    /// A summary is either still in the cache file (read only when a run needs summaries) or new
    /// in this run.
    enum Summary {
        /// `checksum` (`SummaryCache.checksum` of the bytes) is checked before the bytes are used.
        case stored(offset: Int, length: Int, checksum: UInt64)
        case fresh([UInt8])
    }

    /// The file: an 8-byte index length, the index (key; path hash, stamp, offset, length and checksum
    /// of every entry; the folder listings and the file tree, each a block that can be stepped over),
    /// then the summaries. Reading the index touches only its own pages; a full run, which needs no
    /// summary, never reads the rest.
    static let format = "eplan-summaries-12"

    let file: String?
    /// Guards against a cache written by another version or for another configuration.
    let key: String
    /// Entries and folder listings are keyed by the FNV-1a hash of the path, not the path: a
    /// repository of 100,000 files would otherwise keep 160,000 path strings for the run. A hash
    /// collision cannot mislead: a summary is used only when the file's inode, size and mtime match,
    /// and a listing only when the folder's device and inode match.
    var entries: [UInt64: Entry] = [:]
    /// The listing of every folder of the repository as last read (see `FileSystem.listing`), decoded
    /// from the cache file when a walk asks for it (`loadFolders`).
    private(set) var folders: [UInt64: FileSystem.FolderListing] = [:]
    /// True when this run found every folder as the cache file lists it: the listings are then not
    /// kept in memory, and a save copies that part of the old file.
    private var foldersUnchanged = false
    /// The repository's files as last found, with the folders they were found in (see `FileTree`).
    private(set) var tree: FileTree?
    /// True when the stored tree still holds: a save copies it.
    private var treeUnchanged = false
    var changed = false
    private var source: CacheFile?

    /// The YAML files of a repository in path order, and every folder the walk read to find them with
    /// its identity and modification time. While every folder is unchanged (the time moves whenever an
    /// entry is added, removed or renamed) the files are the same, and a run needs no walk: it checks the
    /// folders. Kept only for walks where no folder holds a symbolic link (whose target can change
    /// unseen), and only for the same root and include/exclude settings (`key`).
    struct FileTree: Sendable {
        struct Folder: Sendable {
            var path: String
            var identity: FileIdentity
            var modified: Int
        }
        var key: String
        var folders: [Folder]
        var files: [String]

        /// True when every folder is still the one, unchanged, that the tree was found in.
        func holds(jobs: Int) -> Bool {
            !parallelMap(folders, jobs: jobs) { folder -> Bool in
                guard let now = FileSystem.folderStamp(folder.path) else { return false }
                return now.identity == folder.identity && now.modified == folder.modified
            }.contains(false)
        }
    }

    /// The cache of a repository root, loaded when present and valid.
    init(root: String, configKey: String, enabled: Bool, folder: String? = SummaryCache.folder()) {
        key = "\(Self.format)\u{0}\(EPlan.version)\u{0}\(configKey)"
        guard enabled, let folder else {
            file = nil
            return
        }
        let path = "\(folder)/\(Fingerprint.hex(Fingerprint.fnv1a(root))).bin"
        file = path
        if let opened = CacheFile(path), let loaded = try? Self.readIndex(opened, key: key) {
            (entries, tree) = loaded
            source = opened
        }
    }

    /// The files of the repository when the stored tree still holds (no walk needed), else nil.
    mutating func unchangedFiles(key: String, jobs: Int) -> [String]? {
        guard let tree, tree.key == key, tree.holds(jobs: jobs) else { return nil }
        treeUnchanged = true
        foldersUnchanged = true
        return tree.files
    }

    /// The folder listings of the cache file, for a walk (read once).
    mutating func loadFolders() -> [UInt64: FileSystem.FolderListing] {
        if folders.isEmpty, !foldersUnchanged, let bytes = source?.foldersSection() {
            folders = (try? Self.readFolders(bytes)) ?? [:]
        }
        return folders
    }

    /// Keeps the tree a walk found (nil: none can be kept).
    mutating func storeTree(_ found: FileTree?) {
        guard file != nil else { return }
        treeUnchanged = false
        tree = found
        changed = true
    }

    static func folder() -> String? {
        let env = EnvironmentValues()
        if let dir = env["EPLAN_CACHE_DIR"], !dir.isEmpty { return dir }
        if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return "\(xdg)/eplan" }
        if let home = env["HOME"], home.hasPrefix("/") { return "\(home)/.cache/eplan" }
        return nil
    }

    /// The key of a path in `entries` and `folders`.
    static func key(_ path: String) -> UInt64 {
        Fingerprint.fnv1a(path)
    }

    /// True when the cache holds a summary of the file as it is now.
    func isCurrent(_ path: String, stamp: Stamp) -> Bool {
        entries[Self.key(path)]?.stamp == stamp
    }

    /// The summary of the file as it is now, or nil (none, stale, or failing its checksum).
    func summary(_ path: String, stamp: Stamp) -> ArraySlice<UInt8>? {
        guard let entry = entries[Self.key(path)], entry.stamp == stamp else { return nil }
        switch entry.summary {
        case .fresh(let bytes): return bytes[...]
        case .stored(let offset, let length, let checksum):
            guard let bytes = source?.summary(at: offset, count: length),
                  Self.checksum(bytes) == checksum else { return nil }
            return bytes
        }
    }

    /// A checksum of a summary: a multiply-xorshift over 8-byte words (a one-file run checks every
    /// summary it reads; byte-wise FNV-1a took eight times as long).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            var i = 0
            while i + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                i += 8
            }
            while i < raw.count {
                hash = (hash ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3
                i += 1
            }
            return hash
        }
    }

    /// Keeps the folder listings of this run; the cache is rewritten when a folder was read anew or is gone.
    mutating func storeFolders(_ listings: [UInt64: FileSystem.FolderListing]) {
        guard file != nil else { return }
        _ = loadFolders()
        let same = listings.count == folders.count && listings.allSatisfy { key, listing in
            folders[key].map { $0.identity == listing.identity && $0.modified == listing.modified } ?? false
        }
        if same {
            folders = [:]
            foldersUnchanged = true
        } else {
            folders = listings
            foldersUnchanged = false
            changed = true
        }
    }

    /// Reads the summaries of the cache file, for a run that will use them (call before using it
    /// from several threads).
    func loadSummaries() {
        source?.loadSummaries()
    }

    mutating func store(_ path: String, stamp: Stamp, summary: [UInt8]) {
        entries[Self.key(path)] = Entry(stamp: stamp, summary: .fresh(summary))
        changed = true
    }

    /// Drops entries of files that no longer exist in the repository (`paths` are all that do).
    mutating func keepOnly<Paths: Sequence<String>>(_ paths: Paths) {
        // The same files as when the tree was stored, and that run kept only theirs: nothing to drop.
        guard !treeUnchanged else { return }
        let keys = paths.map(Self.key)
        guard keys.reduce(0, { $0 + (entries[$1] == nil ? 0 : 1) }) != entries.count else { return }
        let keep = Set(keys)
        entries = entries.filter { keep.contains($0.key) }
        changed = true
    }

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

    init?(_ path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 8 else {
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
        var result = [UInt8](repeating: 0, count: count)
        var done = 0
        let ok = result.withUnsafeMutableBytes { buffer -> Bool in
            while done < count, let base = buffer.baseAddress {
                let n = pread(fd, base + done, count - done, off_t(start + done))
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return ok ? result : nil
    }

    func setIndexLength(_ length: Int) {
        blobStart = 8 + length
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

// MARK: Summaries: what cross-plan rules read from a file that is not reported on

enum DocumentSummary {
    static func encode(_ document: SourceDocument) -> [UInt8] {
        var w = BinaryWriter()
        switch document.content {
        case .foreign: w.int(0)
        case .unreadable: w.int(1)
        case .plan(let plan): w.int(2); encode(plan, &w)
        case .regions(let regions):
            w.int(3)
            w.span(regions.firstKey)
            w.array(regions.regions) { w, r in encode(r, &w) }
        case .inventory(let inventory):
            w.int(4)
            w.span(inventory.firstKey)
            w.field(inventory.region) { w, v in w.string(v) }
            w.array(inventory.resources) { w, r in encode(r, &w) }
        case .config: w.int(5)
        }
        return w.bytes
    }

    static func decode(_ bytes: ArraySlice<UInt8>, path: String, display: String) -> SourceDocument? {
        try? BinaryReader.reading(bytes) { (r: inout BinaryReader) throws(BinaryReader.Truncated) -> SourceDocument? in
            let content: DocumentContent
            switch try r.int() {
            case 0: content = .foreign
            case 1: content = .unreadable
            case 2: content = .plan(try decodePlan(&r, in: bytes, file: display))
            case 3:
                let firstKey = try r.span()
                let regions = try r.array { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try decodeRegion(&r) }
                content = .regions(RegionsDocument(file: display, firstKey: firstKey, regions: regions))
            case 4:
                let firstKey = try r.span()
                let region = try r.field { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try r.string() }
                let resources = try r.array { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try decodeResource(&r) }
                content = .inventory(Inventory(file: display, firstKey: firstKey, region: region, resources: resources))
            case 5: content = .config(Configuration(file: display))
            default: return nil
            }
            guard r.isAtEnd else { return nil }
            return SourceDocument(path: path, display: display, content: content, diagnostics: [])
        } ?? nil
    }

    // Plans keep: identity, links, scope, organization agencies, reporting limits, resources
    // defined and resources used. Nothing else of another file reaches a reported finding.

    static func encode(_ p: Plan, _ w: inout BinaryWriter) {
        w.span(p.firstKey)
        w.field(p.id) { w, v in w.string(v) }
        w.field(p.kind) { w, v in w.enumCase(v) }
        w.field(p.level) { w, v in w.enumCase(v) }
        w.field(p.region) { w, v in w.string(v) }
        w.field(p.owner) { w, v in w.agency(v) }
        w.field(p.status) { w, v in w.enumCase(v) }
        w.field(p.version) { w, v in w.string(v.text) }
        w.optional(p.parent) { w, link in
            w.span(link.span)
            w.field(link.id) { w, v in w.string(v) }
            w.field(link.version) { w, v in w.string(v.text) }
        }
        w.field(p.master) { w, v in w.string(v) }
        w.field(p.resources) { w, list in w.array(list) { w, r in encode(r, &w) } }
        // Scope, organization, reporting and the resources actions use are blocks, decoded only for the
        // plans a run asks about (`DeferredPlanParts`).
        w.optional(p.scope) { w, scope in w.block { encode(scope, &$0) } }
        w.optional(p.organization) { w, o in w.block { encode(o, &$0) } }
        w.optional(p.reporting) { w, rep in w.block { encode(rep, &$0) } }
        let used = (p.actions?.value ?? []).flatMap { $0.resources?.value?.compactMap(\.value) ?? [] }
        w.optional(p.actions.map { _ in used }) { w, ids in w.block { $0.array(ids) { w, id in w.string(id) } } }
    }

    static func encode(_ s: Scope, _ w: inout BinaryWriter) {
        w.span(s.span)
        w.span(s.firstKey)
        w.field(s.hazards) { w, list in w.array(list) { w, h in w.field(h) { w, v in w.string(v) } } }
        w.field(s.severities) { w, list in w.array(list) { w, c in w.field(c) { w, v in w.enumCase(v) } } }
    }

    /// `bytes` are the whole summary that `r` reads (deferred parts keep slices of it).
    static func decodePlan(_ r: inout BinaryReader, in bytes: ArraySlice<UInt8>, file: String) throws(BinaryReader.Truncated) -> Plan {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let p = Plan(file: file, firstKey: try r.span())
        p.id = try r.field { (r: inout R) throws(T) in try r.string() }
        p.kind = try r.field { (r: inout R) throws(T) -> PlanKind in try r.enumCase() }
        p.level = try r.field { (r: inout R) throws(T) -> Level in try r.enumCase() }
        p.region = try r.field { (r: inout R) throws(T) in try r.string() }
        p.owner = try r.field { (r: inout R) throws(T) in try r.agency() }
        p.status = try r.field { (r: inout R) throws(T) -> PlanStatus in try r.enumCase() }
        p.version = try r.field { (r: inout R) throws(T) in Version(try r.string()) }
        p.parent = try r.optional { (r: inout R) throws(T) -> ParentLink in
            let span = try r.span()
            let id = try r.field { (r: inout R) throws(T) in try r.string() } ?? Field(nil, span: span)
            let version = try r.field { (r: inout R) throws(T) in Version(try r.string()) }
            return ParentLink(id: id, version: version, span: span)
        }
        p.master = try r.field { (r: inout R) throws(T) in try r.string() }
        p.resources = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) in try decodeResource(&r) }
        }
        func block(_ r: inout R) throws(T) -> ArraySlice<UInt8>? {
            try r.optional { (r: inout R) throws(T) in
                let range = try r.block()
                return bytes[(bytes.startIndex + range.lowerBound) ..< (bytes.startIndex + range.upperBound)]
            }
        }
        let parts = DeferredPlanParts.Blocks(scope: try block(&r), organization: try block(&r), reporting: try block(&r),
                                             usedResources: try block(&r))
        if parts.scope != nil || parts.organization != nil || parts.reporting != nil || parts.usedResources != nil {
            p.deferred = DeferredPlanParts(parts, firstKey: p.firstKey)
        }
        return p
    }

    static func encode(_ o: Organization, _ w: inout BinaryWriter) {
        w.span(o.span)
        w.optional(o.command?.office) { w, f in w.field(f) { w, v in w.agency(v) } }
        w.array(o.members) { w, m in
            w.span(m.span)
            w.field(m.agency) { w, v in w.agency(v) }
            w.field(m.role) { w, v in w.enumCase(v) }
        }
    }

    static func encode(_ rep: Reporting, _ w: inout BinaryWriter) {
        w.span(rep.span)
        w.span(rep.firstKey)
        for limit in [rep.initial, rep.written] {
            w.field(limit) { w, l in
                switch l {
                case .all(let d): w.int(0); w.duration(d)
                case .perClass(let map):
                    w.int(1)
                    w.array(map.keys.sorted()) { w, c in
                        w.enumCase(c)
                        w.field(map[c]) { w, d in w.duration(d) }
                    }
                }
            }
        }
    }

    static func decodeScope(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> Scope {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let span = try r.span(), firstKey = try r.span()
        let hazards = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) in
                try r.field { (r: inout R) throws(T) in try r.string() } ?? Field(nil, span: span)
            }
        }
        let severities = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) in
                try r.field { (r: inout R) throws(T) -> SeverityClass in try r.enumCase() } ?? Field(nil, span: span)
            }
        }
        return Scope(span: span, firstKey: firstKey, hazards: hazards, severities: severities, excluded: [])
    }

    /// The resources a plan's actions use, as one action (all that other files' rules read of actions).
    static func decodeUsedResources(_ r: inout BinaryReader, at span: SourceSpan) throws(BinaryReader.Truncated) -> Field<[Action]> {
        let used = try r.array { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try r.string() }
        var action = Action(span: span)
        action.resources = Field(used.map { Field($0, span: span) }, span: span)
        return Field([action], span: span)
    }

    static func decodeOrganization(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> Organization {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let span = try r.span()
        var org = Organization(span: span, command: nil, members: [])
        if let office = try r.optional({ (r: inout R) throws(T) in
            try r.field { (r: inout R) throws(T) in try r.agency() }
        }) {
            var command = Command(span: span)
            command.office = office
            org.command = command
        }
        org.members = try r.array { (r: inout R) throws(T) -> Member in
            var m = Member(span: try r.span())
            m.agency = try r.field { (r: inout R) throws(T) in try r.agency() }
            m.role = try r.field { (r: inout R) throws(T) -> MemberRole in try r.enumCase() }
            return m
        }
        return org
    }

    static func decodeReporting(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> Reporting {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        var rep = Reporting(span: try r.span())
        rep.firstKey = try r.span()
        var limits: [Field<ReportingLimit>?] = []
        for _ in 0..<2 {
            limits.append(try r.field { (r: inout R) throws(T) -> ReportingLimit? in
                if try r.int() == 0 { return ReportingLimit.all(try r.duration()) }
                var map: [SeverityClass: Field<Duration>] = [:]
                let pairs = try r.array { (r: inout R) throws(T) -> (SeverityClass?, Field<Duration>?) in
                    (try r.enumCase() as SeverityClass, try r.field { (r: inout R) throws(T) in try r.duration() })
                }
                for (c, d) in pairs { if let c, let d { map[c] = d } }
                return .perClass(map)
            })
        }
        rep.initial = limits[0]
        rep.written = limits[1]
        return rep
    }

    static func encode(_ r: Resource, _ w: inout BinaryWriter) {
        w.span(r.span)
        w.field(r.id) { w, v in w.string(v) }
    }

    static func decodeResource(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> Resource {
        var resource = Resource(span: try r.span())
        resource.id = try r.field { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try r.string() }
        return resource
    }

    static func encode(_ region: Region, _ w: inout BinaryWriter) {
        w.span(region.span)
        w.field(region.id) { w, v in w.string(v) }
        w.optional(region.path) { w, v in w.string(v) }
        w.field(region.level) { w, v in w.enumCase(v) }
        w.field(region.hazards) { w, list in w.array(list) { w, h in w.field(h) { w, v in w.string(v) } } }
        w.array(region.children) { w, c in encode(c, &w) }
    }

    static func decodeRegion(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> Region {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let span = try r.span()
        var region = Region(span: span, children: [])
        region.id = try r.field { (r: inout R) throws(T) in try r.string() }
        region.path = try r.optional { (r: inout R) throws(T) in try r.string() }
        region.level = try r.field { (r: inout R) throws(T) -> Level in try r.enumCase() }
        region.hazards = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) in try r.field { (r: inout R) throws(T) in try r.string() } ?? Field(nil, span: span) }
        }
        region.children = try r.array { (r: inout R) throws(T) in try decodeRegion(&r) }
        return region
    }
}

/// The parts of a plan read from its summary that most runs never look at, decoded on first use (from
/// any thread). Rules look at few plans besides the reported ones: the parents of reported plans, the
/// masters and specials of the regions they name.
final class DeferredPlanParts: Sendable {
    /// The bytes of each part (nil: the plan has no such part).
    struct Blocks: Sendable {
        var scope: ArraySlice<UInt8>?
        var organization: ArraySlice<UInt8>?
        var reporting: ArraySlice<UInt8>?
        var usedResources: ArraySlice<UInt8>?
    }

    private struct Decoded {
        var scope: Scope??
        var organization: Organization??
        var reporting: Reporting??
        var actions: Field<[Action]>??
    }

    private let blocks: Blocks
    private let firstKey: SourceSpan
    private let decoded = Mutex(Decoded())

    init(_ blocks: Blocks, firstKey: SourceSpan) {
        self.blocks = blocks
        self.firstKey = firstKey
    }

    var scope: Scope? { part(\.scope, blocks.scope) { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try DocumentSummary.decodeScope(&r) } }
    var organization: Organization? {
        part(\.organization, blocks.organization) { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try DocumentSummary.decodeOrganization(&r) }
    }
    var reporting: Reporting? {
        part(\.reporting, blocks.reporting) { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try DocumentSummary.decodeReporting(&r) }
    }
    var actions: Field<[Action]>? {
        part(\.actions, blocks.usedResources) { [firstKey] (r: inout BinaryReader) throws(BinaryReader.Truncated) in
            try DocumentSummary.decodeUsedResources(&r, at: firstKey)
        }
    }

    /// The part, decoded the first time. Its bytes passed the summary's checksum; a block that still
    /// fails to decode counts as absent.
    private func part<T: Sendable>(_ slot: WritableKeyPath<Decoded, T??>, _ bytes: ArraySlice<UInt8>?,
                         _ decode: (inout BinaryReader) throws(BinaryReader.Truncated) -> T) -> T? {
        decoded.withLock { state in
            if let known = state[keyPath: slot] { return known }
            let value = bytes.flatMap { try? BinaryReader.reading($0, decode) }
            state[keyPath: slot] = .some(value)
            return value
        }
    }
}
