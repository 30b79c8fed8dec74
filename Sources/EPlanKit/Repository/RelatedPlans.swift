/// A link between plans, as a 64-bit hash: an id, a region path or a resource id, each of its own kind.
/// Two plans sharing a tag may read each other in some cross-plan rule. A collision only makes a plan
/// look related when it is not (it is then read for nothing).
enum LinkTag {
    enum Kind: UInt64 {
        case id = 1, region = 2, resource = 3
    }

    /// A multiply-xorshift over 8-byte words: ids and paths are short, and a one-file run hashes some
    /// 300,000 of them (`WordHash`, made for whole files, took three times as long).
    static func of(_ kind: Kind, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = (UInt64(bytes.count) &+ kind.rawValue &* 0xC2B2_AE3D_27D4_EB4F) &* m
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* m
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 32)
    }

    static func of(_ kind: Kind, _ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(kind, UnsafeRawBufferPointer($0)) }
    }

    /// The tags of the paths above `path` (`a/b/c`: `a/b` and `a`).
    private static func above(_ kind: Kind, _ path: UnsafeRawBufferPointer) -> [UInt64] {
        var tags: [UInt64] = []
        var end = path.count
        while end > 0 {
            end -= 1
            if path[end] == UInt8(ascii: "/"), end > 0 { tags.append(of(kind, UnsafeRawBufferPointer(rebasing: path[..<end]))) }
        }
        return tags
    }

    static func above(_ kind: Kind, _ path: String) -> [UInt64] {
        var path = path
        return path.withUTF8 { above(kind, UnsafeRawBufferPointer($0)) }
    }
}

/// What a one-file lint reads of the repository: the plan it reports on and the plans that share a tag
/// with it (its parent and the parent's ancestors, plans naming it as parent, the plans of its region,
/// of the regions above and of the regions its agency references name, plans defining or using its
/// resources), found from the links the summary cache keeps beside each plan's summary (or, failing
/// those, from the summary) without decoding it; the inventories of those regions or defining those
/// resources; the regions document for its regions and those above (`regionPaths`); every other file
/// that is not a plan. The cross-plan rules then see a repository of these files only. A finding of
/// theirs in the reported file may come from what was left out (a parent unresolved, a resource
/// unused): such a run is done again over the whole repository (`Linter.analyze`), so the narrowed run
/// only ever stands when the rules find nothing in the file.
enum RelatedPlans {
    /// What a plan's summary says of its links.
    struct Scanned: Sendable {
        var id: UInt64?
        var parent: UInt64?
        var region: UInt64?
        /// Its id, its parent's and master's ids, its regions, its owner's region, the resources it
        /// defines and uses.
        var tags: [UInt64] = []

        /// As the summary cache keeps it beside the summary (`SummaryCache.Entry.links`), so that a
        /// one-file run reads no summary of a plan it leaves out: a word saying which of the id, parent
        /// and region follow (bits 0 – 2; bit 3 is always set, so that the list is never empty), those,
        /// then the tags.
        var words: [UInt64] {
            var words: [UInt64] = [8]
            words.reserveCapacity(4 + tags.count)
            for (bit, value) in [(UInt64(1), id), (2, parent), (4, region)] {
                guard let value else { continue }
                words[0] |= bit
                words.append(value)
            }
            words.append(contentsOf: tags)
            return words
        }
    }

    /// The links of the plan whose summary (`DocumentSummary.encode`) is `bytes`; nil when it is not a
    /// plan's or cannot be read.
    static func scan(_ bytes: ByteSlice) -> Scanned? {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let scanned = try? BinaryReader.reading(bytes) { (r: inout R) throws(T) -> Scanned? in
            guard try r.int() == 2 else { return nil }
            var plan = Scanned()
            plan.tags.reserveCapacity(32)
            _ = try r.span()  // first key
            plan.id = try r.field { (r: inout R) throws(T) in try r.stringTag(.id) }?.value
            _ = try r.field { (r: inout R) throws(T) in try r.int() }  // kind
            _ = try r.field { (r: inout R) throws(T) in try r.int() }  // level
            plan.region = try r.field { (r: inout R) throws(T) in try r.stringTag(.region) }?.value
            // The owner: `REGION:agency` names a region.
            let owner = try r.field { (r: inout R) throws(T) -> UInt64? in
                let region = try r.optional { (r: inout R) throws(T) in try r.stringTag(.region) }
                _ = try r.stringTag(.id)
                return region
            }
            if let region = owner?.value { plan.tags.append(region) }
            _ = try r.field { (r: inout R) throws(T) in try r.int() }  // status
            _ = try r.field { (r: inout R) throws(T) in try r.stringTag(.id) }  // version
            if try r.bool() {  // the parent link: span, id, version
                _ = try r.span()
                plan.parent = try r.field { (r: inout R) throws(T) in try r.stringTag(.id) }?.value
                _ = try r.field { (r: inout R) throws(T) in try r.stringTag(.id) }
            }
            if let master = try r.field({ (r: inout R) throws(T) in try r.stringTag(.id) })?.value { plan.tags.append(master) }
            // Lists are read into the tags directly (no array made of each).
            func fields(_ kind: LinkTag.Kind, _ r: inout R, into tags: inout [UInt64]) throws(T) {
                for _ in 0 ..< (try r.count()) {
                    if let tag = try r.field({ (r: inout R) throws(T) in try r.stringTag(kind) })?.value { tags.append(tag) }
                }
            }
            if try r.bool() {  // the regions field: span, then the list when there is one
                _ = try r.span()
                if try r.bool() { try fields(.region, &r, into: &plan.tags) }
            }
            try fields(.resource, &r, into: &plan.tags)
            // The blocks of the scope, organization, reporting and actions, each when present; the actions
            // name the resources the plan uses, read where they lie. The details follow (not read).
            for part in 0 ..< 4 {
                guard try r.bool() else { continue }
                guard part == 3 else { _ = try r.block(); continue }
                let end = try r.blockEnd()
                for _ in 0 ..< (try r.count()) { plan.tags.append(try r.stringTag(.resource)) }
                try r.skip(end - r.position)
            }
            if let id = plan.id { plan.tags.append(id) }
            if let parent = plan.parent { plan.tags.append(parent) }
            if let region = plan.region { plan.tags.append(region) }
            return plan
        }
        return scanned ?? nil
    }

    /// The links the summary cache keeps for a file (`SummaryCache.Entry.links`): a plan's, as `scan`
    /// finds them in its summary; an inventory's, its region and the resources it defines (a one-file run
    /// reads an inventory only when it defines a resource the reported plan names, or belongs to one of
    /// its regions); nil for other files, which every one-file run reads.
    static func links(of document: SourceDocument, summary: [UInt8]) -> Scanned? {
        switch document.content {
        case .plan, .cachedPlan: return scan(ByteSlice(summary))
        case .inventory(let inventory):
            var links = Scanned()
            if let region = inventory.region?.value { links.tags.append(LinkTag.of(.region, region)) }
            for resource in inventory.resources {
                if let id = resource.id?.value { links.tags.append(LinkTag.of(.resource, id)) }
            }
            return links
        default: return nil
        }
    }

    /// The tags a reported plan's related plans share with it: its own links (as `scan` finds them)
    /// and the regions above its regions and those its agency references name.
    static func wanted(by plan: PlanSummary) -> Set<UInt64> {
        var tags: Set<UInt64> = []
        for id in [plan.id?.value, plan.parent?.id.value, plan.master?.value].compactMap({ $0 }) { tags.insert(LinkTag.of(.id, id)) }
        for region in regions(of: plan) {
            tags.insert(LinkTag.of(.region, region))
            tags.formUnion(LinkTag.above(.region, region))
        }
        plan.forEachResource(defined: { id, _ in tags.insert(LinkTag.of(.resource, id)) },
                             used: { _, field in if let id = field.value { tags.insert(LinkTag.of(.resource, id)) } })
        for id in plan.actions?.usedResources ?? [] { tags.insert(LinkTag.of(.resource, id)) }
        return tags
    }

    /// The regions a reported plan names: its own, its owner's, those of its `regions` and those its
    /// agency references name.
    static func regions(of plan: PlanSummary) -> [String] {
        var regions = [plan.region?.value, plan.owner?.value?.region].compactMap { $0 }
        regions += (plan.regions?.value ?? []).compactMap(\.value)
        plan.forEachAgencyReference(.qualified) { _, field in if let region = field.value?.region { regions.append(region) } }
        return regions
    }

    /// The paths of the regions document a one-file run reads for the reported plan: the regions it
    /// names and those above them. Rules look regions up by path for the plans they report on only.
    static func regionPaths(for plan: PlanSummary) -> Set<String> {
        var paths: Set<String> = []
        for region in regions(of: plan) {
            paths.insert(region)
            var path = Substring(region)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !path.isEmpty { paths.insert(String(path)) }
            }
        }
        return paths
    }

    /// Which of `count` plans (`plan` gives each by position; nil: not a plan) are related to the
    /// reported plan: those sharing a tag of `wanted`, after the reported plan's ancestors (its parent,
    /// the parent's parent...) have added their own parent and region to it. `section`: the summary
    /// cache's links section, where stored tags are (`Linked.Tags.stored`).
    static func related(count: Int, _ plan: (Int) -> Linked?, section: UnsafeRawBufferPointer,
                        wanted: Set<UInt64>, parent: String?) -> [Bool] {
        var wanted = wanted
        // The chain is short: each step looks for the parent among all plans (a table of 10,000 ids
        // would cost more than the few passes).
        var next = parent.map { LinkTag.of(.id, $0) }
        var seen: Set<UInt64> = []
        while let id = next, seen.insert(id).inserted {
            next = nil
            for position in 0 ..< count {
                guard let ancestor = plan(position), ancestor.id == id else { continue }
                if let parent = ancestor.parent {
                    wanted.insert(parent)
                    next = next ?? parent
                }
                if let region = ancestor.region { wanted.insert(region) }
            }
        }
        // A filter of 1,024 bits turns most tags away; the others are searched by halves in the sorted
        // tags (some 250,000 tags are looked up, and `Set` hashes each again).
        let sorted = wanted.sorted()
        var filter = [UInt64](repeating: 0, count: 16)
        for tag in sorted { filter[Int(tag & 1023) >> 6] |= 1 << (tag & 63) }
        func isWanted(_ tag: UInt64) -> Bool {
            guard filter[Int(tag & 1023) >> 6] & (1 << (tag & 63)) != 0 else { return false }
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < tag { low = middle + 1 } else { high = middle }
            }
            return low < sorted.count && sorted[low] == tag
        }
        var result = [Bool](repeating: false, count: count)
        for position in 0 ..< count {
            guard let links = plan(position) else { continue }
            result[position] = links.anyTag(in: section, isWanted)
        }
        return result
    }

    /// A plan's links as a one-file run looks at them (`SummaryCache.linked`): the id, parent and
    /// region by which the reported plan's ancestors are found, and where its tags are. A run looks at
    /// the links of 10,000 plans and keeps none: their tags are read where the cache file has them.
    struct Linked: Sendable {
        enum Tags: Sendable {
            /// Words of the summary cache's links section (`SummaryCache.withLinksSection`).
            case stored(start: Int, count: Int)
            /// Made in this run.
            case own([UInt64])
        }
        var id: UInt64?
        var parent: UInt64?
        var region: UInt64?
        var tags: Tags

        init(_ scanned: Scanned) {
            (id, parent, region, tags) = (scanned.id, scanned.parent, scanned.region, .own(scanned.tags))
        }

        /// The links in the `count` words from word `start` of the links section `section` (all inside
        /// it); nil when they are not a list `Scanned.words` writes.
        init?(section: UnsafeRawBufferPointer, start: Int, count: Int) {
            func word(_ i: Int) -> UInt64 {
                UInt64(littleEndian: section.loadUnaligned(fromByteOffset: (start + i) * 8, as: UInt64.self))
            }
            guard let head = Self.head(count: count, word: word) else { return nil }
            (id, parent, region) = (head.id, head.parent, head.region)
            tags = .stored(start: start + head.tags, count: count - head.tags)
        }

        /// What `count` words (`word` gives each by position) written by `Scanned.words` say before the
        /// tags: the id, parent and region, and the position of the first tag; nil when they are not
        /// such a list.
        static func head(count: Int, word: (Int) -> UInt64) -> (id: UInt64?, parent: UInt64?, region: UInt64?, tags: Int)? {
            guard count > 0 else { return nil }
            let flags = word(0)
            guard flags & ~7 == 8, 1 + (flags & 7).nonzeroBitCount <= count else { return nil }
            var next = 1
            func field(_ bit: UInt64) -> UInt64? {
                guard flags & bit != 0 else { return nil }
                defer { next += 1 }
                return word(next)
            }
            let id = field(1)
            let parent = field(2)
            let region = field(4)
            return (id, parent, region, next)
        }

        /// True when `wanted` accepts one of the tags (`section`: the links section stored tags are in).
        func anyTag(in section: UnsafeRawBufferPointer, _ wanted: (UInt64) -> Bool) -> Bool {
            switch tags {
            case .own(let tags):
                return tags.contains(where: wanted)
            case .stored(let start, let count):
                for i in start ..< start + count
                where wanted(UInt64(littleEndian: section.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) {
                    return true
                }
                return false
            }
        }
    }
}

extension RelatedPlans.Scanned {
    /// The links `words` wrote; nil when they are not such a list.
    init?(words: [UInt64]) {
        guard let head = RelatedPlans.Linked.head(count: words.count, word: { words[$0] }) else { return nil }
        self.init(id: head.id, parent: head.parent, region: head.region, tags: Array(words[head.tags...]))
    }
}
