#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML
import Synchronization

/// Per-file summaries of what cross-plan rules read from files that are not reported on, kept
/// between runs so that linting one changed file in a large repository does not parse every
/// other file. A summary is used for a file not reported on only while the file's size,
/// modification time and inode are unchanged, and the whole cache only for the same eplan version
/// and configuration.
///
/// The same entries are the findings cache of lint runs: an entry made by a lint run also keeps the
/// hash of the file's content and the file's local findings (`FindingsRecord`). A reported file
/// whose content hashes the same (its stamp does not count) brings its summary and those findings
/// instead of being parsed; the cross-plan rules run again over every plan.
///
/// The cache lives outside the repository (`$EPLAN_CACHE_DIR`, else `$XDG_CACHE_HOME/eplan`,
/// else `~/.cache/eplan`), so linting never writes into the plan repository.
struct SummaryCache {
    typealias Stamp = SourceReader.Stamp

    struct Entry {
        var stamp: Stamp
        var summary: Summary
        /// The findings cache's part: the content the summary and the findings were made from, and
        /// the findings (`FindingsRecord`); nil for an entry made without them.
        var content: ContentHash?
        var findings: Summary?
        /// A plan's links (`RelatedPlans.Scanned.words`), which a one-file run reads instead of the
        /// summary to decide whether it needs the plan; nil for other files.
        var links: Links?

        init(stamp: Stamp, summary: Summary, content: ContentHash? = nil, findings: Summary? = nil, links: Links? = nil) {
            self.stamp = stamp
            self.summary = summary
            self.content = content
            self.findings = findings
            self.links = links
        }
    }

    /// A plan's links: where they are in the cache file's links section (in words), or new in this run.
    enum Links {
        case stored(start: Int, count: Int)
        case fresh([UInt64])
    }

    /// A summary found current by its stamp, its bytes read (and checked against their checksum) only
    /// when they are needed: a one-file run reads the summaries of the plans it leaves out not at all.
    struct Deferred: Sendable {
        private enum Bytes {
            case read(ByteSlice)
            case stored(offset: Int, length: Int, checksum: UInt64, source: CacheFile)
        }
        private let bytes: Bytes

        init(_ bytes: ByteSlice) {
            self.bytes = .read(bytes)
        }

        fileprivate init(_ part: Summary, source: CacheFile?) {
            switch part {
            case .fresh(let fresh): bytes = .read(ByteSlice(fresh))
            case .stored(let offset, let length, let checksum):
                // A stored part with no file behind it reads as nothing.
                bytes = source.map { .stored(offset: offset, length: length, checksum: checksum, source: $0) } ?? .read(ByteSlice([]))
            }
        }

        /// The bytes; nil when they fail their checksum.
        func read() -> ByteSlice? {
            switch bytes {
            case .read(let slice): return slice
            case .stored(let offset, let length, let checksum, let source):
                guard let slice = source.summary(at: offset, count: length), SummaryCache.checksum(slice) == checksum else { return nil }
                return slice
            }
        }
    }

    /// A summary is either still in the cache file (read only when a run needs summaries) or new
    /// in this run.
    enum Summary {
        /// `checksum` (`SummaryCache.checksum` of the bytes) is checked before the bytes are used.
        case stored(offset: Int, length: Int, checksum: UInt64)
        case fresh([UInt8])
    }

    /// The file: the index's length and checksum (8 bytes each), the index (key; the number of entries
    /// and a fixed-width `Record` for each: path hash, stamp, where its summary and findings are, their
    /// checksums; the folder listings and the file tree, each a block that can be stepped over), then
    /// the summaries. The file is mapped: reading the index touches only its own pages; a full run,
    /// which needs no summary, never reads the rest.
    static let format = "eplan-summaries-33"

    let file: String?
    /// Guards against a cache written by another version or for another configuration.
    let key: String
    /// Entries and folder listings are keyed by a 64-bit hash of the path (`key`), not the path: a
    /// repository of 100,000 files would otherwise keep 160,000 path strings for the run. A hash
    /// collision cannot mislead: a summary is used only when the file's inode, size and mtime match,
    /// and a listing only when the folder's device and inode match.
    var entries = EntryTable()
    /// The listing of every folder of the repository as last read (see `FileSystem.listing`), decoded
    /// from the cache file when a walk asks for it (`loadFolders`).
    private(set) var folders: [UInt64: FileSystem.FolderListing] = [:]
    /// True when this run found every folder as the cache file lists it: the listings are then not
    /// kept in memory, and a save copies that part of the old file.
    private(set) var foldersUnchanged = false
    /// The repository's files as last found, with the folders they were found in (see `FileTree`).
    private(set) var tree: FileTree?
    /// True when the stored tree still holds: a save copies it.
    private(set) var treeUnchanged = false
    var changed = false
    private(set) var source: CacheFile?
    /// The order of the run's files (their keys), for a save (`keepOnly`); nil: the stored order.
    private(set) var order: [UInt64]?
    /// The links section of the cache file, once checked against its checksum (`readLinks`).
    private var storedLinks: ByteSlice?


    /// The cache of a repository root, loaded when present and valid.
    init(root: String, configKey: String, enabled: Bool, folder: String? = SummaryCache.folder()) {
        key = "\(Self.format)\u{0}\(EPlan.version)\u{0}\(configKey)"
        guard enabled, let folder else {
            file = nil
            return
        }
        let path = "\(folder)/\(Fingerprint.hex(Fingerprint.fnv1a(root))).bin"
        file = path
        guard let opened = CacheFile(path) else { return }
        do {
            (entries, tree) = try Self.readIndex(opened, key: key)
            source = opened
        } catch {
            // A damaged index is not used (the next save writes a sound one); said only when asked.
            if EnvironmentValues()["EPLAN_TIMING"] != nil {
                FileSystem.writeStandardError("eplan timing: the summary cache \(path) is damaged: not used, rebuilt\n")
            }
        }
    }

    /// The files of the repository when the stored tree still holds (no walk needed), else nil.
    mutating func unchangedFiles(key: String, jobs: Int, root: SourceReader.Base) -> [String]? {
        guard let tree, tree.key == key, tree.holds(jobs: jobs, root: root) else { return nil }
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

    /// The key of a path in `entries` and `folders`: `WordHash` of its bytes, 8 at a time. Byte-wise
    /// FNV-1a, a chain of dependent multiplications, was 1.1 % of a one-file run's samples, this about 0.15 %.
    static func key(_ path: String) -> UInt64 {
        var path = path  // withUTF8 needs var; a native string is not copied
        return path.withUTF8 { WordHash(UnsafeRawBufferPointer($0)).a }
    }

    /// True when the cache holds a summary of the file as it is now.
    /// (`at`: the file's position in the run's files, where its record is likely to be: `EntryTable`.)
    func isCurrent(_ path: String, stamp: Stamp, at hint: Int? = nil) -> Bool {
        entries.entry(Self.key(path), at: hint)?.stamp == stamp
    }

    /// The summary of the file as it is now, or nil (none, stale, or failing its checksum).
    func summary(_ path: String, stamp: Stamp, at hint: Int? = nil) -> ByteSlice? {
        guard let entry = entries.entry(Self.key(path), at: hint), entry.stamp == stamp else { return nil }
        return bytes(of: entry.summary)
    }

    /// Checks the cache file's links section, for a run that reads plans' links (`linked`).
    mutating func readLinks() {
        if storedLinks == nil { storedLinks = source?.linksSection() }
    }

    /// The links of the plan in the file as it is now, and where its summary is (`deferred` makes it
    /// readable); nil when the cache has no current entry with links for it (or the links section was
    /// not read or failed). Nothing is copied: the tags stay in the links section (`withLinksSection`),
    /// and the cache file is not referenced (counting references to one object from both threads at
    /// every file passed its cache line between the cores).
    func linked(_ path: String, stamp: Stamp, at hint: Int? = nil) -> (links: RelatedPlans.Linked, summary: Summary)? {
        guard let (summary, links) = entries.linked(Self.key(path), stamp: stamp, at: hint) else { return nil }
        return linked(links).map { ($0, summary) }
    }

    /// A plan's links as `linked` gives them; nil when they lie outside the links section (or it was
    /// not read) or are not links.
    func linked(_ links: Links) -> RelatedPlans.Linked? {
        switch links {
        case .fresh(let words): return RelatedPlans.Scanned(words: words).map(RelatedPlans.Linked.init)
        case .stored(let start, let count):
            guard let section = storedLinks, Self.holds(section, start: start, count: count) else { return nil }
            return section.withUnsafeBytes { RelatedPlans.Linked(section: $0, start: start, count: count) }
        }
    }

    /// Calls `body` with the links section's bytes (checked by `readLinks`; none when it was not read).
    func withLinksSection<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard let storedLinks else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return storedLinks.withUnsafeBytes(body)
    }

    /// The summary `linked` located, to be read when needed.
    func deferred(_ summary: Summary) -> Deferred {
        Deferred(summary, source: source)
    }

    /// The words of a plan's links, nil when they lie outside the (checked) links section.
    static func words(of links: Links, in section: ByteSlice?) -> [UInt64]? {
        switch links {
        case .fresh(let words): return words
        case .stored(let start, let count):
            guard let section, holds(section, start: start, count: count) else { return nil }
            return section.withUnsafeBytes { raw in
                (start ..< start + count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
            }
        }
    }

    /// True when `count` words from word `start` lie inside the links section.
    private static func holds(_ section: ByteSlice, start: Int, count: Int) -> Bool {
        start >= 0 && count > 0 && start <= section.count / 8 - count
    }

    /// A checksum of a summary (a one-file run checks every summary it reads; byte-wise FNV-1a took
    /// eight times as long as `WordHash`).
    static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.withContiguousStorageIfAvailable { WordHash(UnsafeRawBufferPointer($0)).a } ?? checksum(Array(bytes))
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

    /// Keeps a file's summary, with its content's hash and findings record when the run made them.
    mutating func store(_ path: String, stamp: Stamp, summary: [UInt8], findings: (ContentHash, [UInt8])? = nil, links: [UInt64]? = nil) {
        entries[Self.key(path)] = Entry(stamp: stamp, summary: .fresh(summary), content: findings?.0, findings: findings.map { .fresh($0.1) },
                                        links: links.map { .fresh($0) })
        changed = true
    }

    /// The summary and the findings record of a file whose content hashes to `content`, or nil (none,
    /// made from other content, or failing a checksum).
    func findings(_ path: String, content: ContentHash, at hint: Int? = nil) -> (summary: ByteSlice, findings: ByteSlice, stamp: Stamp)? {
        guard let entry = entries.entry(Self.key(path), at: hint), entry.content == content, let findings = entry.findings,
              let summaryBytes = bytes(of: entry.summary), let findingsBytes = bytes(of: findings) else { return nil }
        return (summaryBytes, findingsBytes, entry.stamp)
    }

    /// Gives a file found through its content (`findings`) its current stamp.
    mutating func restamp(_ path: String, _ stamp: Stamp) {
        guard entries[Self.key(path)] != nil else { return }
        entries[Self.key(path)]?.stamp = stamp
        changed = true
    }

    /// Gives a file found through its content (`findings`) its findings record made anew for this run's day.
    mutating func redate(_ path: String, findings: [UInt8]) {
        guard entries[Self.key(path)] != nil else { return }
        entries[Self.key(path)]?.findings = .fresh(findings)
        changed = true
    }

    /// The bytes of a stored or fresh part, checked against its checksum.
    private func bytes(of part: Summary) -> ByteSlice? {
        switch part {
        case .fresh(let bytes): return ByteSlice(bytes)
        case .stored(let offset, let length, let checksum):
            guard let bytes = source?.summary(at: offset, count: length), Self.checksum(bytes) == checksum else { return nil }
            return bytes
        }
    }

    /// Drops entries of files that no longer exist in the repository (`paths` are all that do, in the
    /// order the run asks for them: a save writes their records in that order, `EntryTable`).
    mutating func keepOnly<Paths: Sequence<String>>(_ paths: Paths) {
        // The same files as when the tree was stored, and that run kept only theirs: nothing to drop,
        // and the records stay in their order.
        guard !treeUnchanged else { return }
        let keys = paths.map(Self.key)
        order = keys
        guard keys.reduce(0, { $0 + (entries[$1] == nil ? 0 : 1) }) != entries.count else { return }
        entries.keepOnly(Set(keys))
        changed = true
    }
}
