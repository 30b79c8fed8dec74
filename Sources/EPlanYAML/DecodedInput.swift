internal import CYAML

/// libyaml's reader decodes its input one character at a time into a buffer of its own, checking
/// each character, before the scanner sees it: a ninth of a cold lint run's instructions. UTF-8 that
/// the reader would accept comes out of that step byte for byte unchanged, so when eplan has checked
/// the input the same way (a tight loop, a fraction of the cost) it hands the scanner its bytes as the
/// reader's finished buffer, and the reader has nothing left to do. Input the reader would stop at
/// (invalid UTF-8, control characters) goes through the reader, which says where and why.
///
/// This fills fields of `yaml_parser_t` that libyaml's reader owns: it is done only for the libyaml
/// versions whose reader is known (0.2.x), and the parser gets its own buffer back before it is freed.
struct DecodedInput: ~Copyable {
    /// The input with NUL bytes after it: the scanner's end of input, and room for its look-ahead
    /// (up to four characters) past that end.
    private let storage: UnsafeMutableBufferPointer<UInt8>
    /// Characters in the input, as the reader would count them (plus one for the final NUL).
    private let characters: Int
    private static let padding = 8

    /// Whether this libyaml's reader is the one this type was written against.
    static let isSupported: Bool = {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        yaml_get_version(&major, &minor, &patch)
        return major == 0 && minor == 2
    }()

    /// The input ready for the scanner, or nil when libyaml's reader must see it (it would report a
    /// problem, or this libyaml is not known).
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard Self.isSupported, let count = Self.readerCharacters(bytes) else { return nil }
        storage = .allocate(capacity: bytes.count + Self.padding)
        if let base = bytes.baseAddress, let target = storage.baseAddress {
            target.initialize(from: base, count: bytes.count)
        }
        storage.baseAddress!.advanced(by: bytes.count).initialize(repeating: 0, count: Self.padding)
        characters = count + 1
    }

    deinit {
        storage.deallocate()
    }

    /// Runs `body` with `parser` (initialised, its input set) reading this input as its decoded buffer;
    /// the parser's own buffer is put back afterwards, so that `yaml_parser_delete` frees what it allocated.
    func withParser<R>(_ parser: inout yaml_parser_t, _ body: (inout yaml_parser_t) -> R) -> R {
        let own = parser.buffer
        let start = storage.baseAddress!
        parser.buffer.start = start
        parser.buffer.pointer = start
        parser.buffer.last = start.advanced(by: storage.count - Self.padding + 1)
        parser.buffer.end = start.advanced(by: storage.count)
        parser.unread = characters
        // The reader returns at once when the input has ended and its raw buffer is empty (it is:
        // nothing was read into it).
        parser.eof = 1
        defer { parser.buffer = own }
        return body(&parser)
    }

    /// The number of characters in `bytes` when libyaml's reader would accept every one of them
    /// unchanged: well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF) of the
    /// characters YAML allows (tab, line feed, carriage return, U+0020–U+007E, U+0085, U+00A0–U+D7FF,
    /// U+E000–U+FFFD, U+10000–U+10FFFF). Nil at the first byte it would stop at.
    static func readerCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return 0 }
        var i = 0
        var characters = 0
        while i < n {
            // Eight ASCII bytes at a time while none is a control character or DEL. Each test flags the
            // lowest byte that fails it exactly (a borrow may flag bytes above it too): the bytes below
            // the lowest flagged one pass, and that one is looked at alone.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let below = (word &- 0x2020_2020_2020_2020) & ~word  // a byte under 0x20
                let notDEL = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let del = (notDEL &- 0x0101_0101_0101_0101) & ~notDEL  // a byte 0x7F
                let flagged = (word | below | del) & 0x8080_8080_8080_8080  // or not ASCII
                if flagged != 0 {
                    let passed = flagged.trailingZeroBitCount >> 3
                    i += passed
                    characters += passed
                    break
                }
                i += 8
                characters += 8
            }
            guard i < n else { break }
            let byte = base[i]
            if byte < 0x80 {
                guard byte >= 0x20 ? byte != 0x7F : (byte == 0x0A || byte == 0x09 || byte == 0x0D) else { return nil }
                i += 1
            } else if byte < 0xC2 {
                return nil  // a continuation byte out of place, or an overlong two-byte form
            } else if byte < 0xE0 {
                guard i + 1 < n, base[i + 1] & 0xC0 == 0x80 else { return nil }
                let value = UInt32(byte & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                guard value >= 0xA0 || value == 0x85 else { return nil }  // C1 controls
                i += 2
            } else if byte < 0xF0 {
                guard i + 2 < n, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 else { return nil }
                let value = UInt32(byte & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                guard value >= 0x800, value < 0xD800 || (value >= 0xE000 && value <= 0xFFFD) else { return nil }
                i += 3
            } else if byte < 0xF5 {
                guard i + 3 < n, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80, base[i + 3] & 0xC0 == 0x80 else {
                    return nil
                }
                let value = UInt32(byte & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12
                    | UInt32(base[i + 2] & 0x3F) << 6 | UInt32(base[i + 3] & 0x3F)
                guard value >= 0x10000, value <= 0x10FFFF else { return nil }
                i += 4
            } else {
                return nil
            }
            characters += 1
        }
        return characters
    }
}
