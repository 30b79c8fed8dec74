extension SummaryCache {
    /// The cache's entries by path key: the records of the cache file's index, read where they lie
    /// (found through a table of their keys, each decoded when asked for), and the entries this run
    /// added, changed or removed. A one-file run asks for every entry once; building a dictionary of
    /// them first took 15 M instructions at 10,000 files.
    struct EntryTable {
        /// The records (`Record`): those of the repository's files in path order, then any others
        /// (`SummaryCache.save`). A run asks for its files in path order, so it reads the records, and
        /// the plans' links after them, front to back; in the order of their keys, each was a cache miss.
        private let records: ByteSlice
        private let recordCount: Int
        private let file: CacheFile?
        /// Each record's position plus one, at the slot its key hashes to or the next free one after it
        /// (0: a free slot); at least twice as many slots as records. Built when the file is opened.
        private let slots: [UInt32]
        /// The number of bits of a slot number (the table has `1 << slotBits` slots).
        private let slotBits: Int
        /// What this run changed, by key (nil: removed).
        private var changes: [UInt64: Entry?] = [:]
        /// How many entries there are.
        private(set) var count: Int

        init() {
            records = ByteSlice([])
            recordCount = 0
            file = nil
            count = 0
            slots = []
            slotBits = 0
        }

        /// `recordCount` records at the start of `records`, read from `file`.
        init(records: ByteSlice, count: Int, file: CacheFile) {
            let usable = count < Int(UInt32.max) / 4 ? count : 0
            self.records = records
            recordCount = usable
            self.file = file
            self.count = usable
            let bits = Int.bitWidth - (2 * max(usable, 1) - 1).leadingZeroBitCount
            slotBits = bits
            slots = records.withUnsafeBytes { raw in
                var slots = [UInt32](repeating: 0, count: 1 << bits)
                let mask = (1 << bits) - 1
                for i in 0 ..< usable {
                    let key = Self.key(in: raw, at: i)
                    var slot = Self.slot(of: key, bits: bits)
                    // A key stored twice (a damaged file) keeps its first record.
                    while slots[slot] != 0, Self.key(in: raw, at: Int(slots[slot]) - 1) != key { slot = (slot + 1) & mask }
                    if slots[slot] == 0 { slots[slot] = UInt32(i + 1) }
                }
                return slots
            }
        }

        /// The first slot a key is looked for at: its top bits after a multiplication that spreads them.
        private static func slot(of key: UInt64, bits: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }

        var isEmpty: Bool { count == 0 }

        subscript(key: UInt64) -> Entry? {
            get { entry(key) }
            set {
                // A stored record counts as there even when its parts lie outside the file (it reads as nil).
                let existed = changes[key].map { $0 != nil } ?? (position(of: key) != nil)
                changes.updateValue(newValue, forKey: key)
                count += (newValue == nil ? 0 : 1) - (existed ? 1 : 0)
            }
        }

        /// The entry with this key; `hint`: where its record is likely to be (see `position`).
        func entry(_ key: UInt64, at hint: Int? = nil) -> Entry? {
            if !changes.isEmpty, let change = changes[key] { return change }
            guard let file, let i = position(of: key, hint: hint) else { return nil }
            return records.withUnsafeBytes { Record.entry($0, at: i * Record.size, in: file) }
        }

        /// The keys of the records in the order they are stored.
        var storedKeys: [UInt64] {
            (0 ..< recordCount).map(key(at:))
        }

        /// Every entry, by key in increasing order.
        var all: [(key: UInt64, entry: Entry)] { all(first: []) }

        /// Every entry: those with the keys of `first` in that order, then the others by key.
        func all(first: [UInt64]) -> [(key: UInt64, entry: Entry)] {
            var placed = Set<UInt64>(minimumCapacity: first.count)
            var all = first.compactMap { key in placed.insert(key).inserted ? self[key].map { (key, $0) } : nil }
            all += keys.subtracting(placed).sorted().compactMap { key in self[key].map { (key, $0) } }
            return all
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
        func linked(_ key: UInt64, stamp: Stamp, at hint: Int? = nil) -> (summary: Summary, links: Links)? {
            if !changes.isEmpty, let change = changes[key] {
                guard let entry = change, entry.stamp == stamp, let links = entry.links else { return nil }
                return (entry.summary, links)
            }
            guard let file, let i = position(of: key, hint: hint) else { return nil }
            return records.withUnsafeBytes { Record.linked($0, at: i * Record.size, stamp: stamp, in: file) }
        }

        /// Where the record with this key is. A run that asks for its files in the order the records
        /// were saved in (`SummaryCache.keepOnly`) gives each file's position as `hint`: that record
        /// is read first, and the table only when it holds another key.
        private func position(of key: UInt64, hint: Int? = nil) -> Int? {
            guard recordCount > 0 else { return nil }
            let mask = (1 << slotBits) - 1
            return records.withUnsafeBytes { raw in
                if let hint, hint >= 0, hint < recordCount, Self.key(in: raw, at: hint) == key { return hint }
                var slot = Self.slot(of: key, bits: slotBits)
                while slots[slot] != 0 {
                    let i = Int(slots[slot]) - 1
                    if Self.key(in: raw, at: i) == key { return i }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }
}
