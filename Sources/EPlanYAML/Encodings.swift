/// Byte-level checks of a file's encoding: strict UTF-8, and the structure of GB18030 (of which GBK
/// is a part), to tell a file saved as GBK by WPS or Notepad from one that is merely damaged.
enum Encodings {
    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
    /// surrogates, values past U+10FFFF and cut-off sequences are ill-formed), or nil for valid UTF-8.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            guard (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2 ..< length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// True when the bytes are well-formed GB18030 and hold at least one multi-byte character:
    /// ASCII bytes, two-byte characters (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE) and four-byte
    /// ones (0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39).
    static func isMultiByteGB18030(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        var multiByte = false
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard (0x81...0xFE).contains(b), i + 1 < n else { return false }
            let second = bytes[i + 1]
            if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                i += 2
            } else if (0x30...0x39).contains(second) {
                guard i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) else { return false }
                i += 4
            } else {
                return false
            }
            multiByte = true
        }
        return multiByte
    }
}
