@testable import EPlanKit
import EPlanYAML
import Foundation
import Testing

@Suite("Summary cache file")
struct SummaryCacheTests {
    let stampA = SummaryCache.Stamp(size: 10, modified: 1_000, inode: 7)
    let stampB = SummaryCache.Stamp(size: 20, modified: 2_000, inode: 8)
    let bytesA: [UInt8] = Array(0 ..< 200)
    let bytesB: [UInt8] = Array(repeating: 0x5A, count: 300)

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The cache of the folder.
    func cache(_ folder: String, key: String = "k") -> SummaryCache {
        SummaryCache(root: "/repo", configKey: key, enabled: true, folder: folder)
    }

    /// A cache holding two summaries, saved, and the path of its file.
    func saved(in folder: String) throws -> String {
        var c = cache(folder)
        c.store("/repo/a.yaml", stamp: stampA, summary: bytesA)
        c.store("/repo/b.yaml", stamp: stampB, summary: bytesB)
        c.save()
        let file = try #require(c.file)
        #expect(FileManager.default.fileExists(atPath: file))
        return file
    }

    @Test("summaries come back as stored, and only for the same stamp and configuration")
    func roundTrip() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try saved(in: dir)
        let loaded = cache(dir)
        #expect(loaded.summary("/repo/a.yaml", stamp: stampA).map(Array.init) == bytesA)
        #expect(loaded.summary("/repo/b.yaml", stamp: stampB).map(Array.init) == bytesB)
        #expect(loaded.isCurrent("/repo/a.yaml", stamp: stampA))
        #expect(loaded.summary("/repo/a.yaml", stamp: stampB) == nil, "a changed file's summary is not used")
        #expect(!loaded.isCurrent("/repo/a.yaml", stamp: stampB))
        #expect(cache(dir, key: "other").entries.isEmpty, "another configuration starts empty")

        // Saving again keeps the summaries that were only mapped, and drops files that are gone.
        var next = loaded
        next.store("/repo/c.yaml", stamp: stampA, summary: [1, 2, 3])
        next.keepOnly(["/repo/b.yaml", "/repo/c.yaml"])
        next.save()
        let again = cache(dir)
        #expect(again.entries.count == 2)
        #expect(again.summary("/repo/b.yaml", stamp: stampB).map(Array.init) == bytesB)
        #expect(again.summary("/repo/c.yaml", stamp: stampA).map(Array.init) == [1, 2, 3])
    }

    @Test("summaries are read in place from the mapped file, and a save carries those it did not use")
    func mappedSummaries() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try saved(in: dir)
        let opened = SummaryCache(root: "/repo", configKey: "k", enabled: true, folder: dir)
        #expect(opened.isCurrent("/repo/a.yaml", stamp: stampA))
        let slice = try #require(opened.summary("/repo/a.yaml", stamp: stampA))
        #expect(Array(slice) == bytesA)
        #expect(Array(slice[slice.startIndex + 10 ..< slice.startIndex + 13]) == [10, 11, 12], "slices keep the indices of their base")
        // Saving after a change still carries the summaries it never read.
        var next = opened
        next.store("/repo/c.yaml", stamp: stampB, summary: [9])
        next.save()
        #expect(cache(dir).summary("/repo/a.yaml", stamp: stampA).map(Array.init) == bytesA)
        #expect(cache(dir).summary("/repo/b.yaml", stamp: stampB).map(Array.init) == bytesB)
        #expect(cache(dir).summary("/repo/c.yaml", stamp: stampB).map(Array.init) == [9])
        // A slice outlives the cache that gave it (it keeps the mapping).
        #expect(Array(slice) == bytesA)
    }

    @Test("more caches open at once than the guard has slots for: the others are read whole, and all answer")
    func manyOpenAtOnce() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try saved(in: dir)
        // The guard registers 16 mappings; the 17th cache and later are read into memory instead.
        let caches = (0 ..< 24).map { _ in cache(dir) }
        for opened in caches {
            #expect(opened.summary("/repo/a.yaml", stamp: stampA).map(Array.init) == bytesA)
            #expect(opened.summary("/repo/b.yaml", stamp: stampB).map(Array.init) == bytesB)
        }
    }

    @Test("a cache file truncated while mapped reads as zeros: its summaries fail their checksum, the process lives")
    func truncatedWhileMapped() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Summaries of several pages each: reading past the end of a truncated file's last page faults.
        let large = (0 ..< 20_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var c = cache(dir)
        c.store("/repo/a.yaml", stamp: stampA, summary: large)
        c.store("/repo/b.yaml", stamp: stampB, summary: large.reversed())
        c.save()
        let file = try #require(c.file)
        // The guard has 16 slots, which tests running alongside (`manyOpenAtOnce`) may hold for a moment:
        // a cache opened then is read whole. Opened again until it is mapped.
        var opened = SummaryCache(root: "/repo", configKey: "k", enabled: true, folder: dir)
        for _ in 0 ..< 200 where opened.source?.isMapped != true {
            usleep(10_000)
            opened = SummaryCache(root: "/repo", configKey: "k", enabled: true, folder: dir)
        }
        #expect(opened.source?.isMapped == true)
        #expect(opened.summary("/repo/b.yaml", stamp: stampB).map(Array.init) == large.reversed(), "read once: its pages are mapped")
        // Another program cuts the file short (eplan itself only ever replaces it).
        #expect(truncate(file, off_t(SummaryCache.headerSize)) == 0)
        // Reading past the new end raises SIGBUS in the kernel; the guard maps zeros there instead.
        #expect(opened.summary("/repo/a.yaml", stamp: stampA) == nil)
        #expect(opened.summary("/repo/b.yaml", stamp: stampB) == nil)
        // The next run finds a file too short for an index and starts empty.
        #expect(cache(dir).entries.isEmpty)
    }

    @Test("a cache of one, two or a few entries finds each of them through its table, and no other", arguments: [1, 2, 3, 17])
    func fewEntries(count: Int) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = (0 ..< count).map { "/repo/few/p\($0).yaml" }
        var first = cache(dir)
        for (i, path) in paths.enumerated() { first.store(path, stamp: stampA, summary: [UInt8(i)]) }
        first.save()
        let opened = cache(dir)
        #expect(opened.entries.count == count)
        for (i, path) in paths.enumerated() { #expect(opened.summary(path, stamp: stampA).map(Array.init) == [UInt8(i)]) }
        for i in 0 ..< 50 { #expect(opened.entries[SummaryCache.key("/repo/few/q\(i).yaml")] == nil) }
        #expect(opened.entries[0] == nil && opened.entries[.max] == nil)
    }

    @Test("records are saved in the order of the run's files; a file's position there finds its record, another falls back to the key")
    func recordOrder() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = (0 ..< 50).map { "/repo/o/p\($0).yaml" }.reversed().map(\.self)
        var first = cache(dir)
        for (i, path) in paths.enumerated() { first.store(path, stamp: stampA, summary: [UInt8(i)]) }
        first.keepOnly(paths)
        first.save()
        let opened = cache(dir)
        #expect(opened.entries.storedKeys == paths.map(SummaryCache.key))
        for (i, path) in paths.enumerated() {
            #expect(opened.summary(path, stamp: stampA, at: i).map(Array.init) == [UInt8(i)])
            #expect(opened.summary(path, stamp: stampA, at: (i + 7) % paths.count).map(Array.init) == [UInt8(i)], "another file's position")
            #expect(opened.summary(path, stamp: stampA, at: 10_000).map(Array.init) == [UInt8(i)], "a position past the records")
            #expect(opened.isCurrent(path, stamp: stampA, at: -1))
        }
        #expect(opened.summary("/repo/o/none.yaml", stamp: stampA, at: 0) == nil)
        // A save given no order keeps the stored one; new entries come after it.
        var next = opened
        next.store("/repo/o/new.yaml", stamp: stampB, summary: [9])
        next.save()
        #expect(cache(dir).entries.storedKeys == paths.map(SummaryCache.key) + [SummaryCache.key("/repo/o/new.yaml")])
    }

    @Test("entries are found in the stored records through a table of their keys, changed, removed and counted")
    func entryTable() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = (0 ..< 500).map { "/repo/plans/p\($0).yaml" }
        var first = cache(dir)
        for (i, path) in paths.enumerated() {
            first.store(path, stamp: SummaryCache.Stamp(size: i, modified: 1_000 + i, inode: i), summary: [UInt8(i % 256)])
        }
        first.save()
        var opened = cache(dir)
        #expect(opened.entries.count == 500)
        for (i, path) in paths.enumerated() {
            #expect(opened.summary(path, stamp: SummaryCache.Stamp(size: i, modified: 1_000 + i, inode: i)).map(Array.init) == [UInt8(i % 256)])
        }
        #expect(opened.entries[SummaryCache.key("/repo/plans/none.yaml")] == nil)
        for i in 0 ..< 500 { #expect(opened.entries[SummaryCache.key("/repo/other/p\(i).yaml")] == nil) }
        #expect(opened.entries[0] == nil && opened.entries[.max] == nil, "keys outside the records' range")
        #expect(opened.entries.all.map(\.key) == paths.map(SummaryCache.key).sorted())
        // Changes lie over the records: one replaced, one added, the rest dropped but for ten.
        opened.store(paths[7], stamp: stampA, summary: [7, 7])
        opened.store("/repo/new.yaml", stamp: stampB, summary: [1])
        #expect(opened.entries.count == 501)
        opened.keepOnly(Array(paths.prefix(10)) + ["/repo/new.yaml"])
        #expect(opened.entries.count == 11)
        opened.save()
        let again = cache(dir)
        #expect(again.entries.count == 11)
        #expect(again.summary(paths[7], stamp: stampA).map(Array.init) == [7, 7])
        #expect(again.summary("/repo/new.yaml", stamp: stampB).map(Array.init) == [1])
        #expect(again.summary(paths[20], stamp: SummaryCache.Stamp(size: 20, modified: 1_020, inode: 20)) == nil)
    }

    @Test("folder listings survive a save that did not read them again")
    func foldersCarriedOver() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let listing = FileSystem.FolderListing(identity: FileIdentity(device: 1, inode: 2), modified: 3,
                                               entries: [FileSystem.DirectoryEntry(name: "a.yaml", isDirectory: false)],
                                               reusable: true)
        var first = cache(dir)
        first.storeFolders([SummaryCache.key("/repo"): listing])
        first.store("/repo/a.yaml", stamp: stampA, summary: bytesA)
        first.save()
        // Same folders, a changed file: the listings are copied from the old file, not kept in memory.
        var second = cache(dir)
        #expect(second.folders.isEmpty, "listings are read only when a walk asks for them")
        #expect(second.loadFolders().count == 1)
        second.storeFolders([SummaryCache.key("/repo"): listing])
        #expect(second.folders.isEmpty)
        second.store("/repo/a.yaml", stamp: stampB, summary: bytesB)
        second.save()
        var third = cache(dir)
        #expect(third.summary("/repo/a.yaml", stamp: stampB).map(Array.init) == bytesB)
        let kept = try #require(third.loadFolders()[SummaryCache.key("/repo")])
        #expect(kept.identity == listing.identity && kept.modified == 3 && kept.entries == listing.entries)
    }

    @Test("the file tree is used while every folder is unchanged, and only for the same key")
    func fileTree() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repo = "\(dir)/repo"
        try FileManager.default.createDirectory(atPath: "\(repo)/sub", withIntermediateDirectories: true)
        // Folders as the tree keeps them: relative to the root (`.`: the root).
        func stamp(_ relative: String) throws -> SummaryCache.FileTree.Folder {
            var info = stat()
            #expect(stat("\(repo)/\(relative)", &info) == 0)
            return SummaryCache.FileTree.Folder(path: relative, identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
                                                modified: SourceReader.Stamp(info).modified)
        }
        let root = SourceReader.Base(repo)
        let files = ["\(repo)/a.yaml", "\(repo)/sub/b.yaml"]
        var first = cache(dir)
        first.storeTree(SummaryCache.FileTree(key: "k1", folders: [try stamp("."), try stamp("sub")], files: files))
        first.save()
        var second = cache(dir)
        #expect(second.unchangedFiles(key: "k1", jobs: 2, root: root) == files)
        #expect(second.unchangedFiles(key: "other", jobs: 2, root: root) == nil, "other include/exclude settings walk again")
        second.store("/x.yaml", stamp: stampA, summary: [1])
        second.save()  // a save that did not walk keeps the tree
        var third = cache(dir)
        #expect(third.unchangedFiles(key: "k1", jobs: 1, root: root) == files)
        var closed = cache(dir)
        #expect(closed.unchangedFiles(key: "k1", jobs: 1, root: SourceReader.Base(repo, opened: false)) == files,
                "a root that could not be held open: its folders are looked up by their whole paths")
        // A file added to a subfolder moves its modification time: the tree no longer holds.
        usleep(10_000)
        #expect(FileManager.default.createFile(atPath: "\(repo)/sub/c.yaml", contents: Data()))
        var fourth = cache(dir)
        #expect(fourth.unchangedFiles(key: "k1", jobs: 2, root: root) == nil)
        var closedAgain = cache(dir)
        #expect(closedAgain.unchangedFiles(key: "k1", jobs: 2, root: SourceReader.Base(repo, opened: false)) == nil)
        try FileManager.default.removeItem(atPath: "\(repo)/sub")
        var fifth = cache(dir)
        #expect(fifth.unchangedFiles(key: "k1", jobs: 1, root: root) == nil, "a folder that is gone")
    }

    @Test("a walk keeps its folders relative to the root, and the tree it makes holds from the root")
    func foldersBelowRoot() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/qs/flood", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: "\(dir)/qs/flood/a.yaml", contents: Data()))
        let walked = Discovery(root: dir, configuration: Configuration()).files(below: dir, keepListings: true)
        let folders = try #require(walked.folders)
        #expect(folders.map(\.path).sorted() == [".", "qs", "qs/flood"])
        let tree = SummaryCache.FileTree(key: "k", folders: folders, files: walked.files)
        #expect(tree.holds(jobs: 1, root: SourceReader.Base(dir)))
        #expect(tree.holds(jobs: 1, root: SourceReader.Base(dir, opened: false)))
    }

    @Test("a plan's links come back with its entry and across saves; a damaged links section gives none, the summaries stay")
    func links() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var c = cache(dir)
        let links = RelatedPlans.Scanned(id: 11, parent: 12, region: 13, tags: [14, 15]).words
        c.store("/repo/a.yaml", stamp: stampA, summary: bytesA, links: links)
        c.store("/repo/b.yaml", stamp: stampB, summary: bytesB)
        c.save()
        var loaded = cache(dir)
        #expect(loaded.linked("/repo/a.yaml", stamp: stampA) == nil, "the section is read only when asked for")
        loaded.readLinks()
        let a = try #require(loaded.linked("/repo/a.yaml", stamp: stampA))
        #expect(loaded.words(of: a.links) == links)
        #expect(loaded.deferred(a.summary).read().map(Array.init) == bytesA, "the summary read when needed")
        #expect(loaded.linked("/repo/a.yaml", stamp: stampB) == nil, "a changed file's links are not used")
        #expect(loaded.linked("/repo/b.yaml", stamp: stampB) == nil, "an entry without links")
        // A save that did not read the section carries a's links to the new file.
        var next = cache(dir)
        next.store("/repo/c.yaml", stamp: stampB, summary: [9], links: RelatedPlans.Scanned(id: 1, tags: []).words)
        next.save()
        var again = cache(dir)
        again.readLinks()
        #expect(again.linked("/repo/a.yaml", stamp: stampA).map { again.words(of: $0.links) } == links)
        #expect(again.linked("/repo/c.yaml", stamp: stampB)?.links.id == 1)
        // The section is the file's last part: a garbled byte fails its checksum, for every entry.
        let file = try #require(again.file)
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        data[data.count - 3] ^= 0x40
        try data.write(to: URL(fileURLWithPath: file))
        var damaged = cache(dir)
        damaged.readLinks()
        #expect(damaged.linked("/repo/a.yaml", stamp: stampA) == nil)
        #expect(damaged.linked("/repo/c.yaml", stamp: stampB) == nil)
        #expect(damaged.summary("/repo/a.yaml", stamp: stampA).map(Array.init) == bytesA)
    }

    @Test("a damaged summary fails its checksum and is not used; the others still are")
    func damagedSummary() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try saved(in: dir)
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        let bRange = try #require(data.range(of: Data(bytesB)))  // where b's summary is stored
        data[bRange.lowerBound + 100] ^= 0xFF
        try data.write(to: URL(fileURLWithPath: file))
        let loaded = cache(dir)
        #expect(loaded.summary("/repo/b.yaml", stamp: stampB) == nil)
        #expect(loaded.summary("/repo/a.yaml", stamp: stampA).map(Array.init) == bytesA)
    }

    @Test("a truncated or garbled file is an empty cache, never a crash", arguments: [0, 3, 8, 20, 100, 400])
    func truncated(keep: Int) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try saved(in: dir)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        try data.prefix(keep).write(to: URL(fileURLWithPath: file))
        let loaded = cache(dir)
        #expect(loaded.summary("/repo/a.yaml", stamp: stampA) == nil || keep >= data.count)
        #expect(loaded.summary("/repo/b.yaml", stamp: stampB) == nil)
        try (Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) + data.dropFirst(8)).write(to: URL(fileURLWithPath: file))
        #expect(cache(dir).entries.isEmpty)
    }
}

/// A summary read back from the cache answers what the plan parsed in full answers through
/// `PlanSummary`: encoding reads a plan through that type, so a summary decoded and encoded
/// again gives the same bytes only when nothing it exposes was lost on the way.
@Suite("Plan summaries")
struct PlanSummaryTests {
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    /// Every eplan file of the sample plans/ and of the rule fixtures.
    static let files: [String] = {
        var result: [String] = []
        for folder in ["plans", "Tests/EPlanKitTests/Fixtures/rules"] {
            let base = packageRoot.appendingPathComponent(folder).path
            let enumerator = FileManager.default.enumerator(atPath: base)
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".yaml") { result.append("\(base)/\(path)") }
            }
        }
        return result.sorted()
    }()

    @Test("a tabled block writes each string once and reads it back; a position outside the table fails")
    func tabledStrings() throws {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let texts = ["flood", "mountain-torrent", "flood", "县应急管理局", "mountain-torrent"]
        var tabled = BinaryWriter()
        tabled.tabled { w in for text in texts { w.string(text) } }
        var plain = BinaryWriter()
        for text in texts { plain.string(text) }
        #expect(tabled.bytes.count < plain.bytes.count, "repeated strings are written once")
        let readBack = { (bytes: [UInt8]) throws(T) -> [String] in
            try R.reading(bytes) { (r: inout R) throws(T) in
                try r.tabled { (r: inout R) throws(T) in try texts.map { _ throws(T) in try r.string() } }
            }
        }
        #expect(try readBack(tabled.bytes) == texts)
        var outside = tabled.bytes
        outside[outside.count - 1] = 9  // the last position, now past the table's three strings
        #expect(throws: T.self) { try readBack(outside) }
        #expect(throws: T.self, "a table inside a table is refused") {
            try R.reading(tabled.bytes) { (r: inout R) throws(T) in try r.tabled { (r: inout R) throws(T) in try r.tabled { _ throws(T) in 0 } } }
        }
    }

    /// Every file of `files`, decoded (its display path is its path).
    static var documents: [SourceDocument] {
        files.map { DocumentDecoder.load(path: $0, display: $0, named: false, limits: .default, hazards: Set(HazardCatalog.builtIn)) }
    }

    @Test("every plan, regions document and inventory survives the cache whole")
    func roundTrip() throws {
        var plans = 0
        for document in Self.documents {
            let path = document.path
            let bytes = DocumentSummary.encode(document)
            let cached = try #require(DocumentSummary.decode(ByteSlice(bytes), path: path, display: path), "\(path)")
            #expect(DocumentSummary.encode(cached) == bytes, "\(path) changed on its way through the cache")
            guard let parsed = document.plan, let summary = cached.planSummary else { continue }
            plans += 1
            guard case .cachedPlan = cached.content else {
                Issue.record("\(path): a plan comes back as a cached plan")
                continue
            }
            // Every answer compared directly, beside the bytes (an encoder that drops a part drops it both times).
            #expect(Self.describe(summary) == Self.describe(parsed.summary), "\(path)")
        }
        #expect(plans > 40)
    }

    @Test("a regions document read for some paths holds those regions and the ones above, each as read whole; a region without a path stays")
    func regionsRead() throws {
        func paths(_ regions: [Region], into found: inout [String: (String?, Level?, [String?]?, Int)]) {
            for region in regions {
                if let path = region.path { found[path] = (region.name?.value, region.level?.value, region.hazards?.value?.map(\.value), region.children.count) }
                paths(region.children, into: &found)
            }
        }
        var documents = 0
        for document in Self.documents {
            guard case .regions(let whole) = document.content else { continue }
            documents += 1
            let bytes = ByteSlice(DocumentSummary.encode(document))
            var all: [String: (String?, Level?, [String?]?, Int)] = [:]
            paths(whole.regions, into: &all)
            // A deep region and its parent asked for: the region, the ones above it, nothing else.
            guard let deep = all.keys.max(by: { $0.split(separator: "/").count < $1.split(separator: "/").count }) else { continue }
            let keep = Set([deep] + (1 ..< deep.split(separator: "/").count).map { deep.split(separator: "/")[..<$0].joined(separator: "/") })
            let read = try #require(DocumentSummary.decode(bytes, path: document.path, display: document.path, regions: keep))
            guard case .regions(let part) = read.content else {
                Issue.record("\(document.path): not a regions document")
                continue
            }
            var found: [String: (String?, Level?, [String?]?, Int)] = [:]
            paths(part.regions, into: &found)
            #expect(Set(found.keys) == keep.intersection(all.keys), "\(document.path)")
            for (path, entry) in found {
                let full = try #require(all[path])
                #expect(entry.0 == full.0 && entry.1 == full.1 && entry.2 == full.2, "\(document.path): \(path)")
            }
            let none = try #require(DocumentSummary.decode(bytes, path: document.path, display: document.path, regions: []))
            if case .regions(let nothing) = none.content { #expect(nothing.regions.allSatisfy { $0.path == nil }, "\(document.path)") }
        }
        #expect(documents > 0)
    }

    @Test("a plan kept for other plans answers as the whole plan does, and its summary is the same bytes")
    func keptForOtherPlans() throws {
        var plans = 0
        for document in Self.documents {
            let path = document.path
            guard let whole = document.plan else { continue }
            plans += 1
            let kept = whole.keptForOtherPlans()
            #expect(Self.describe(kept) == Self.describe(whole.summary), "\(path)")
            var slim = document
            slim.content = .cachedPlan(kept)
            #expect(DocumentSummary.encode(slim) == DocumentSummary.encode(document), "\(path)")
            // It holds none of the plan (else nothing was saved).
            if case .parsed = kept.source { Issue.record("\(path): the kept summary holds the whole plan") }
        }
        #expect(plans > 40)
    }

    /// Everything a summary answers, with places, as text.
    static func describe(_ s: PlanSummary) -> String {
        func f<T>(_ field: Field<T>?) -> String {
            field.map { "\($0.value.map { "\($0)" } ?? "nil")@\($0.span.start.line):\($0.span.start.column)-\($0.span.end.line):\($0.span.end.column)" } ?? "-"
        }
        func list<T>(_ field: FieldList<T>?) -> String {
            field.map { "\(f(Field("", span: $0.span)))[" + ($0.value ?? []).map { f($0) }.joined(separator: ",") + "]" } ?? "-"
        }
        func limit(_ field: Field<ReportingLimit>?) -> String {
            guard let field, let value = field.value else { return f(field.map { Field<String>(nil, span: $0.span) }) }
            return f(Field("", span: field.span)) + SeverityClass.allCases.map { "\($0):\(value.limit(for: $0).map { "\($0)" } ?? "-")" }.joined()
        }
        var out = [s.file, "\(s.firstKey)", f(s.id), f(s.kind), f(s.level), f(s.region), f(s.owner), f(s.status), f(s.version),
                   s.parent.map { "\(f($0.id)) \(f($0.version)) \($0.span)" } ?? "-", f(s.master),
                   s.resourceIDs.map { f($0) }.joined(separator: ","), list(s.regions)]
        out.append(s.scope.map {
            "\($0.span) \($0.firstKey) \(list($0.hazards)) \(list($0.severities)) "
                + $0.excluded.map { "\($0.span) \(f($0.hazard)) \(f($0.reason))" }.joined(separator: ",")
        } ?? "-")
        out.append(s.organization.map { o in
            "\(o.span) \(f(o.office)) " + o.members.map { "\($0.span) \(f($0.agency)) \(f($0.role))" }.joined(separator: ",")
        } ?? "-")
        out.append(s.reporting.map { "\($0.span) \($0.firstKey) \(limit($0.initial)) \(limit($0.written)) \(f($0.followUp))" } ?? "-")
        out.append(s.actions.map { "\($0.usedResources) \(Stage.allCases.filter($0.stages.contains))" } ?? "-")
        var details: [String] = []
        s.forEachAgencyReference(.outsideOwnOrganization) { place, field in details.append("\(place) \(f(field))") }
        s.forEachAgencyReference(.qualified) { place, field in details.append("qualified \(place) \(f(field))") }
        s.forEachResourceUse { action, resource in details.append("\(action ?? "-") uses \(f(resource))") }
        s.forEachResourceDefinition { id, span in details.append("\(id) defined at \(span)") }
        out.append(details.joined(separator: ","))
        return out.joined(separator: "\n")
    }
}

extension SummaryCache {
    /// The words `RelatedPlans.Scanned.words` wrote for the links `linked` found, their tags read where
    /// they are.
    func words(of linked: RelatedPlans.Linked) -> [UInt64] {
        let tags: [UInt64]
        switch linked.tags {
        case .own(let own): tags = own
        case .stored(let start, let count):
            tags = withLinksSection { raw in
                (start ..< start + count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
            }
        }
        return RelatedPlans.Scanned(id: linked.id, parent: linked.parent, region: linked.region, tags: tags).words
    }
}
