extension SummaryCache {
    /// The cache's entries by path key: the records of the cache file's index, read where they lie
    /// (sorted by key, found by binary search, each decoded when asked for), and the entries this run
    /// added, changed or removed. A one-file run asks for every entry once; building a dictionary of
    /// them first took 15 M instructions at 10,000 files.
    struct EntryTable {
        /// The records (`Record`), sorted by key; empty for a new cache.
        private let records: ByteSlice
        private let recordCount: Int
        private let file: CacheFile?
        /// What this run changed, by key (nil: removed).
        private var changes: [UInt64: Entry?] = [:]
        /// How many entries there are.
        private(set) var count: Int

        init() {
            records = ByteSlice([])
            recordCount = 0
            file = nil
            count = 0
        }

        /// `recordCount` records at the start of `records`, read from `file`.
        init(records: ByteSlice, count: Int, file: CacheFile) {
            self.records = records
            recordCount = count
            self.file = file
            self.count = count
        }

        var isEmpty: Bool { count == 0 }

        subscript(key: UInt64) -> Entry? {
            get {
                if !changes.isEmpty, let change = changes[key] { return change }
                return stored(key)
            }
            set {
                // A stored record counts as there even when its parts lie outside the file (it reads as nil).
                let existed = changes[key].map { $0 != nil } ?? (position(of: key) != nil)
                changes.updateValue(newValue, forKey: key)
                count += (newValue == nil ? 0 : 1) - (existed ? 1 : 0)
            }
        }

        /// Every entry, by key in increasing order.
        var all: [(key: UInt64, entry: Entry)] {
            keys.sorted().compactMap { key in self[key].map { (key, $0) } }
        }

        /// Removes the entries whose keys are not in `keep`.
        mutating func keepOnly(_ keep: Set<UInt64>) {
            for key in keys where !keep.contains(key) { self[key] = nil }
        }

        /// The keys of the records and of the changes.
        private var keys: Set<UInt64> {
            var keys = Set(changes.keys)
            for i in 0 ..< recordCount { keys.insert(key(at: i)) }
            return keys
        }

        private func key(at i: Int) -> UInt64 {
            records.withUnsafeBytes { Self.key(in: $0, at: i) }
        }

        /// The key of the `i`th record (its first word).
        private static func key(in raw: UnsafeRawBufferPointer, at i: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * Record.size, as: UInt64.self))
        }

        /// The summary and links of the entry with this key, when it is of a file with this stamp and has
        /// links; for a stored entry, read from its record without making the whole entry (a one-file run
        /// asks this of every plan in the repository).
        func linked(_ key: UInt64, stamp: Stamp) -> (summary: Summary, links: Links)? {
            if !changes.isEmpty, let change = changes[key] {
                guard let entry = change, entry.stamp == stamp, let links = entry.links else { return nil }
                return (entry.summary, links)
            }
            guard let file, let i = position(of: key) else { return nil }
            return records.withUnsafeBytes { Record.linked($0, at: i * Record.size, stamp: stamp, in: file) }
        }

        /// The stored entry with this key (nil: none, or one whose parts lie outside the file).
        private func stored(_ key: UInt64) -> Entry? {
            guard let file, let i = position(of: key) else { return nil }
            return records.withUnsafeBytes { Record.entry($0, at: i * Record.size, in: file) }
        }

        /// Where the record with this key is (binary search: the records are sorted by key).
        private func position(of key: UInt64) -> Int? {
            records.withUnsafeBytes { raw in
                var low = 0, high = recordCount
                while low < high {
                    let middle = (low + high) / 2
                    let found = Self.key(in: raw, at: middle)
                    if found == key { return middle }
                    if found < key { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }
}
