/// A 128-bit hash of a file's content, the findings cache's key for the file (with the cache's own key
/// for eplan's version and configuration). Not cryptographic: it tells an edited file from the one
/// the findings were made from, which a stamp (size, times, inode) alone cannot promise.
struct ContentHash: Hashable, Sendable {
    var a: UInt64
    var b: UInt64

    init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }

    init(_ bytes: [UInt8]) {
        let hash = bytes.withUnsafeBytes { WordHash($0) }
        (a, b) = (hash.a, hash.b)
    }
}

/// Two 64-bit hashes of a byte string in one pass: four multiply-xorshift lanes over 8-byte words
/// (independent, so the processor runs them side by side: one lane over every word took three
/// times as long), folded into two results with the length and the last bytes.
struct WordHash {
    let a: UInt64
    let b: UInt64

    init(_ raw: UnsafeRawBufferPointer) {
        let m1: UInt64 = 0x9E37_79B9_7F4A_7C15, m2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var l0: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(raw.count), l1: UInt64 = 0x1319_8A2E_0370_7344
        var l2: UInt64 = 0xA409_3822_299F_31D0, l3: UInt64 = 0x082E_FA98_EC4E_6C89
        var i = 0
        while i + 32 <= raw.count {
            l0 = (l0 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* m1
            l1 = (l1 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))) &* m2
            l2 = (l2 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))) &* m1
            l3 = (l3 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))) &* m2
            l0 ^= l0 >> 29
            l1 ^= l1 >> 31
            l2 ^= l2 >> 27
            l3 ^= l3 >> 33
            i += 32
        }
        while i + 8 <= raw.count {
            l0 = (l0 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* m1
            l0 ^= l0 >> 29
            i += 8
        }
        var tail: UInt64 = 0x80
        var shift: UInt64 = 8
        while i < raw.count {
            tail |= UInt64(raw[i]) << shift
            shift += 8
            i += 1
        }
        l1 = (l1 ^ tail) &* m2
        l1 ^= l1 >> 31
        var a = (l0 ^ (l1 &* m1) ^ (l2 >> 17) ^ (l3 &* m2)) &* m1
        a ^= a >> 32
        var b = (l1 ^ (l0 &* m2) ^ (l3 >> 19) ^ (l2 &* m1) ^ UInt64(raw.count)) &* m2
        b ^= b >> 29
        self.a = a
        self.b = b
    }
}
