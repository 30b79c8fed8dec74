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
        /// Where the records of each bucket of keys begin (a bucket: the keys sharing their top `bucketBits`
        /// bits), and where the last one ends. The keys are hashes, spread evenly, so a bucket holds about
        /// one record: a lookup reads that record, not the 14 of a search by halves in 1.3 MB at 10,000
        /// files (each a cache miss).
        private let bucketStarts: [UInt32]
        private let bucketBits: Int
        /// What this run changed, by key (nil: removed).
        private var changes: [UInt64: Entry?] = [:]
        /// How many entries there are.
        private(set) var count: Int

        init() {
            records = ByteSlice([])
            recordCount = 0
            file = nil
            count = 0
            bucketStarts = []
            bucketBits = 0
        }

        /// `recordCount` records at the start of `records`, read from `file`.
        init(records: ByteSlice, count: Int, file: CacheFile) {
            self.records = records
            recordCount = count
            self.file = file
            self.count = count
            // About one bucket per record; the records are sorted, so each bucket's are consecutive.
            let bits = count < 2 ? 0 : min(Int.bitWidth - (count - 1).leadingZeroBitCount, 32)
            bucketBits = bits
            bucketStarts = count == 0 || count >= Int(UInt32.max) ? [] : records.withUnsafeBytes { raw in
                var starts = [UInt32](repeating: UInt32(count), count: (1 << bits) + 1)
                var bucket = 0
                for i in 0 ..< count {
                    let own = Self.bucket(of: Self.key(in: raw, at: i), bits: bits)
                    while bucket <= own {
                        starts[bucket] = UInt32(i)
                        bucket += 1
                    }
                }
                return starts
            }
        }

        /// The bucket of a key: its top `bits` bits.
        private static func bucket(of key: UInt64, bits: Int) -> Int {
            bits == 0 ? 0 : Int(truncatingIfNeeded: key >> UInt64(64 - bits))
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

        /// Where the record with this key is (among the records of its bucket).
        private func position(of key: UInt64) -> Int? {
            guard !bucketStarts.isEmpty else { return nil }
            let bucket = Self.bucket(of: key, bits: bucketBits)
            let (start, end) = (Int(bucketStarts[bucket]), Int(bucketStarts[bucket + 1]))
            return records.withUnsafeBytes { raw in
                for i in start ..< end where Self.key(in: raw, at: i) == key { return i }
                return nil
            }
        }
    }
}
