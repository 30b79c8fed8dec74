import CMapping

/// Bytes that the cache's readers decode in place: part of the cache file's memory mapping, or of a
/// copy of bytes made in this run. Slices share their storage (like `ArraySlice`, indices are offsets
/// into the whole storage), which lives as long as any slice of it: a cached plan's deferred parts keep
/// the bytes of its summary.
struct ByteSlice: RandomAccessCollection, Sendable {
    typealias Index = Int
    typealias Element = UInt8
    typealias SubSequence = ByteSlice
    typealias Indices = Range<Int>

    private let storage: ByteStorage
    let startIndex: Int
    let endIndex: Int

    /// A copy of `bytes`.
    init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        self.init(ByteStorage(copying: bytes))
    }

    /// All of `storage`.
    init(_ storage: ByteStorage) {
        self.storage = storage
        startIndex = 0
        endIndex = storage.count
    }

    private init(_ storage: ByteStorage, _ bounds: Range<Int>) {
        self.storage = storage
        startIndex = bounds.lowerBound
        endIndex = bounds.upperBound
    }

    subscript(position: Int) -> UInt8 {
        precondition(position >= startIndex && position < endIndex, "ByteSlice index out of range")
        return storage.base[position]
    }

    subscript(bounds: Range<Int>) -> ByteSlice {
        precondition(bounds.lowerBound >= startIndex && bounds.upperBound <= endIndex, "ByteSlice range out of range")
        return ByteSlice(storage, bounds)
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withContiguousStorageIfAvailable { try body(UnsafeRawBufferPointer($0)) }!
    }

    func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try withExtendedLifetime(storage) {
            try body(UnsafeBufferPointer(start: storage.base + startIndex, count: endIndex - startIndex))
        }
    }
}

/// The memory behind `ByteSlice`s: a read-only mapping of a file (unmapped when the last slice goes),
/// or bytes allocated and copied.
final class ByteStorage: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    private let mapped: Bool

    init<Bytes: Collection<UInt8>>(copying bytes: Bytes) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = buffer.initialize(from: bytes)
        base = UnsafePointer(buffer.baseAddress!)
        count = bytes.count
        mapped = false
    }

    /// The first `size` bytes of the open file `fd`, mapped (see `eplan_map_guarded`: a file truncated
    /// meanwhile reads as zeros past its end, which fails the checksums), or nil.
    init?(mapping fd: Int32, size: Int) {
        guard size > 0, let address = eplan_map_guarded(fd, size) else { return nil }
        base = address.assumingMemoryBound(to: UInt8.self)
        count = size
        mapped = true
    }

    deinit {
        if mapped {
            eplan_unmap_guarded(base, count)
        } else {
            UnsafeMutablePointer(mutating: base).deallocate()
        }
    }
}
