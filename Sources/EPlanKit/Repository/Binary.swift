import EPlanYAML

/// A compact binary encoding for the summary cache: zigzag varints and length-prefixed UTF-8.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        int(utf8.count)
        bytes += utf8
    }

    /// An agency reference as its parts (read back without parsing).
    mutating func agency(_ ref: AgencyRef) {
        optional(ref.region) { w, region in w.string(region) }
        string(ref.agency)
    }

    /// A duration as minutes and text (read back without parsing).
    mutating func duration(_ d: Duration) {
        int(d.minutes)
        string(d.text)
    }

    mutating func span(_ s: SourceSpan) {
        int(s.start.line)
        int(s.start.column)
        int(s.end.line - s.start.line)
        int(s.end.column)
    }

    /// A present-or-absent value.
    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    /// A field: its span, and its value unless invalid.
    mutating func field<T>(_ field: Field<T>?, _ write: (inout BinaryWriter, T) -> Void) {
        optional(field) { w, f in
            w.span(f.span)
            w.optional(f.value, write)
        }
    }

    mutating func array<T>(_ items: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency makes the whole cache invalid (nil).
struct BinaryReader {
    struct Truncated: Error {}

    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func int() throws(Truncated) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Truncated() }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let decoded = Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
        return Int(decoded)
    }

    mutating func bool() throws(Truncated) -> Bool {
        guard position < bytes.count else { throw Truncated() }
        position += 1
        return bytes[position - 1] != 0
    }

    mutating func string() throws(Truncated) -> String {
        let count = try int()
        guard count >= 0, position + count <= bytes.count else { throw Truncated() }
        defer { position += count }
        return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
    }

    mutating func agency() throws(Truncated) -> AgencyRef {
        let region = try optional { (r: inout BinaryReader) throws(Truncated) in try r.string() }
        return AgencyRef(region: region, agency: try string())
    }

    mutating func duration() throws(Truncated) -> Duration {
        Duration(minutes: try int(), text: try string())
    }

    mutating func span() throws(Truncated) -> SourceSpan {
        let line = try int(), column = try int(), lines = try int(), endColumn = try int()
        return SourceSpan(start: SourceMark(line: line, column: column),
                          end: SourceMark(line: line + lines, column: endColumn))
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws(Truncated) -> T) throws(Truncated) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func field<T>(_ read: (inout BinaryReader) throws(Truncated) -> T?) throws(Truncated) -> Field<T>? {
        try optional { (r: inout BinaryReader) throws(Truncated) -> Field<T> in
            let span = try r.span()
            let value = try r.optional { (r: inout BinaryReader) throws(Truncated) -> T? in try read(&r) } ?? nil
            return Field(value, span: span)
        }
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws(Truncated) -> T) throws(Truncated) -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - position + 1 else { throw Truncated() }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try read(&self)) }
        return items
    }
}
