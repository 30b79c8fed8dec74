import EPlanYAML

/// A compact binary encoding for the summary cache: zigzag varints and length-prefixed UTF-8.
struct BinaryWriter {
    var bytes: [UInt8] = []
    /// Inside `tabled`: the strings written so far, each once (nil outside), and their positions.
    private var tableStrings: [String]?
    private var tablePositions: [String: Int] = [:]

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// A case of a small enumeration, as its position among the cases.
    mutating func enumCase<E: BinaryCase>(_ value: E) {
        int(E.ordered.firstIndex(of: value) ?? 0)
    }

    mutating func string(_ value: String) {
        if tableStrings != nil {
            // One hash lookup for a string seen before and for a new one alike.
            let (position, inserted) = tablePositions.insertIfAbsent(tablePositions.count, for: value)
            if inserted { tableStrings!.append(value) }
            return int(position)
        }
        // The UTF-8 in place (no array made per string).
        var text = value
        text.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
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

    /// A plan's `parent`: its span, id and docked version.
    mutating func parentLink(_ link: ParentLink) {
        span(link.span)
        field(link.id) { w, v in w.string(v) }
        field(link.version) { w, v in w.string(v.text) }
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

    /// A length-prefixed block, which a reader can step over (`BinaryReader.block`) and read later.
    mutating func block(_ write: (inout BinaryWriter) -> Void) {
        var inner = BinaryWriter()
        write(&inner)
        int(inner.bytes.count)
        bytes += inner.bytes
    }

    /// A block (as `block`) inside `tabled` whose strings go to the enclosing table.
    mutating func tableBlock(_ write: (inout BinaryWriter) -> Void) {
        var inner = BinaryWriter()
        swap(&inner.tableStrings, &tableStrings)
        swap(&inner.tablePositions, &tablePositions)
        write(&inner)
        swap(&inner.tableStrings, &tableStrings)
        swap(&inner.tablePositions, &tablePositions)
        int(inner.bytes.count)
        bytes += inner.bytes
    }

    mutating func array<T>(_ items: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }

    /// What `write` writes, with every string written once in a table ahead of it and referred to by
    /// its position (`BinaryReader.tabled` reads it): a regions document, an inventory or a plan's
    /// details name the same hazards, agencies, units and resources many times, and reading them
    /// then makes each string once.
    mutating func tabled(_ write: (inout BinaryWriter) -> Void) {
        var inner = BinaryWriter()
        inner.tableStrings = []
        write(&inner)
        array(inner.tableStrings ?? []) { w, text in w.string(text) }
        bytes += inner.bytes
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency makes the whole cache invalid (nil). It reads
/// borrowed bytes in place (see `reading(_:_:)`): a run reads tens of thousands of summaries.
struct BinaryReader {
    struct Truncated: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    /// Inside `tabled`: the table of strings that strings refer to.
    private var table: [String]?

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads `bytes` with `body`, which must not keep the reader.
    static func reading<Bytes: Collection<UInt8>, T>(
        _ bytes: Bytes, _ body: (inout BinaryReader) throws(Truncated) -> T
    ) throws(Truncated) -> T {
        let result: Result<T, Truncated>? = bytes.withContiguousStorageIfAvailable { buffer in
            var reader = BinaryReader(buffer)
            do throws(Truncated) { return .success(try body(&reader)) } catch { return .failure(error) }
        }
        guard let result else { return try reading(Array(bytes), body) }
        return try result.get()
    }

    var isAtEnd: Bool { position >= bytes.count }

    @inline(__always)
    mutating func int() throws(Truncated) -> Int {
        // Most values (lines, columns, lengths, counts) fit one byte.
        guard position < bytes.count else { throw Truncated() }
        let first = bytes[position]
        position += 1
        var result = UInt64(first)
        if first >= 0x80 {
            result &= 0x7F
            var shift: UInt64 = 7
            while true {
                guard position < bytes.count, shift < 64 else { throw Truncated() }
                let byte = bytes[position]
                position += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
        }
        let decoded = Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
        return Int(decoded)
    }

    @inline(__always)
    mutating func bool() throws(Truncated) -> Bool {
        guard position < bytes.count else { throw Truncated() }
        position += 1
        return bytes[position - 1] != 0
    }

    mutating func string() throws(Truncated) -> String {
        if let table {
            let at = try int()
            guard table.indices.contains(at) else { throw Truncated() }
            return table[at]
        }
        return String(decoding: try inlineString(), as: UTF8.self)
    }

    /// The bytes of a string written outside a table (its length, then its UTF-8), stepped over.
    private mutating func inlineString() throws(Truncated) -> UnsafeBufferPointer<UInt8> {
        let count = try int()
        guard count >= 0, position + count <= bytes.count else { throw Truncated() }
        defer { position += count }
        return UnsafeBufferPointer(rebasing: bytes[position..<(position + count)])
    }

    /// A string written outside a table, as its `LinkTag` of `kind` (no string made).
    mutating func stringTag(_ kind: LinkTag.Kind) throws(Truncated) -> UInt64 {
        guard table == nil else { throw Truncated() }
        return LinkTag.of(kind, UnsafeRawBufferPointer(try inlineString()))
    }

    /// The length of a list that `BinaryWriter.array` wrote (its items follow).
    mutating func count() throws(Truncated) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - position + 1 else { throw Truncated() }
        return count
    }

    /// Steps over `count` bytes.
    mutating func skip(_ count: Int) throws(Truncated) {
        guard count >= 0, count <= bytes.count - position else { throw Truncated() }
        position += count
    }

    /// A case written by `BinaryWriter.enumCase`.
    mutating func enumCase<E: BinaryCase>() throws(Truncated) -> E {
        let index = try int()
        guard E.ordered.indices.contains(index) else { throw Truncated() }
        return E.ordered[index]
    }

    /// Steps over a block written by `BinaryWriter.block`; returns where its bytes are (offsets from the start).
    mutating func block() throws(Truncated) -> Range<Int> {
        let end = try blockEnd()
        defer { position = end }
        return position ..< end
    }

    /// Where a block written by `BinaryWriter.block` ends; its bytes are read next.
    mutating func blockEnd() throws(Truncated) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - position else { throw Truncated() }
        return position + count
    }

    /// What `BinaryWriter.parentLink` wrote.
    mutating func parentLink() throws(Truncated) -> ParentLink {
        let span = try span()
        let id = try field { (r: inout BinaryReader) throws(Truncated) in try r.string() } ?? Field(nil, span: span)
        let version = try field { (r: inout BinaryReader) throws(Truncated) in Version(try r.string()) }
        return ParentLink(id: id, version: version, span: span)
    }

    mutating func agency() throws(Truncated) -> AgencyRef {
        let region = try optional { (r: inout BinaryReader) throws(Truncated) in try r.string() }
        return AgencyRef(region: region, agency: try string())
    }

    mutating func duration() throws(Truncated) -> Duration {
        Duration(minutes: try int(), text: try string())
    }

    @inline(__always)
    mutating func span() throws(Truncated) -> SourceSpan {
        let line = try int(), column = try int(), lines = try int(), endColumn = try int()
        return SourceSpan(start: SourceMark(line: line, column: column),
                          end: SourceMark(line: line + lines, column: endColumn))
    }

    @inline(__always)
    mutating func optional<T>(_ read: (inout BinaryReader) throws(Truncated) -> T) throws(Truncated) -> T? {
        try bool() ? try read(&self) : nil
    }

    @inline(__always)
    mutating func field<T>(_ read: (inout BinaryReader) throws(Truncated) -> T?) throws(Truncated) -> Field<T>? {
        try optional { (r: inout BinaryReader) throws(Truncated) -> Field<T> in
            let span = try r.span()
            let value = try r.optional { (r: inout BinaryReader) throws(Truncated) -> T? in try read(&r) } ?? nil
            return Field(value, span: span)
        }
    }

    /// Reads what `BinaryWriter.tabled` wrote.
    mutating func tabled<T>(_ read: (inout BinaryReader) throws(Truncated) -> T) throws(Truncated) -> T {
        guard table == nil else { throw Truncated() }  // never nested
        table = try array { (r: inout BinaryReader) throws(Truncated) in try r.string() }
        defer { table = nil }
        return try read(&self)
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws(Truncated) -> T) throws(Truncated) -> [T] {
        let count = try count()
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try read(&self)) }
        return items
    }
}

/// A small enumeration stored as its position among `ordered` (the cases, kept once).
protocol BinaryCase: Equatable {
    static var ordered: [Self] { get }
}

extension PlanKind: BinaryCase { static let ordered = allCases }
extension Level: BinaryCase { static let ordered = allCases }
extension PlanStatus: BinaryCase { static let ordered = allCases }
extension SeverityClass: BinaryCase { static let ordered = allCases }
extension MemberRole: BinaryCase { static let ordered = allCases }
extension ResourceType: BinaryCase { static let ordered = allCases }
extension Stage: BinaryCase { static let ordered = allCases }
extension UnitCategory: BinaryCase { static let ordered = allCases }
extension DrillType: BinaryCase { static let ordered = allCases }
