/// A ZIP archive writer, just enough for OOXML packages (`DOCXWriter`): stored (uncompressed)
/// entries with their CRC-32, a local header before each, the central directory and the end
/// record (APPNOTE.TXT 6.3, no ZIP64). Names are UTF-8 (general purpose bit 11) and every entry
/// carries the same DOS date, 1980-01-01 00:00, so the same entries always give the same bytes.
public struct ZIPArchive: Sendable {
    /// One file of the archive: its path inside the archive ("word/document.xml") and its bytes.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var bytes: [UInt8]

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    public private(set) var entries: [Entry] = []

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    public mutating func add(_ path: String, _ bytes: [UInt8]) {
        entries.append(Entry(path: path, bytes: bytes))
    }

    public mutating func add(_ path: String, text: String) {
        add(path, Array(text.utf8))
    }

    /// The archive's bytes, or nil when it does not fit a ZIP without ZIP64: more than 65,535
    /// entries, a name over 65,535 bytes, or an entry or the whole archive at 4 GiB or more.
    public func bytes() -> [UInt8]? {
        guard entries.count <= Int(UInt16.max) else { return nil }
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            guard name.count <= Int(UInt16.max), let size = UInt32(exactly: entry.bytes.count),
                  let offset = UInt32(exactly: out.count) else { return nil }
            let header = Header(crc: CRC32.checksum(entry.bytes), size: size, nameLength: UInt16(name.count))

            out.append(littleEndian: 0x0403_4B50 as UInt32)
            header.append(to: &out)
            out += name
            out += entry.bytes

            directory.append(littleEndian: 0x0201_4B50 as UInt32)
            directory.append(littleEndian: Self.madeBy)
            header.append(to: &directory)
            directory.append(littleEndian: 0 as UInt16)  // file comment length
            directory.append(littleEndian: 0 as UInt16)  // disk number start
            directory.append(littleEndian: 0 as UInt16)  // internal attributes
            directory.append(littleEndian: Self.externalAttributes)
            directory.append(littleEndian: offset)
            directory += name
        }
        guard let directoryOffset = UInt32(exactly: out.count), let directorySize = UInt32(exactly: directory.count),
              out.count + directory.count + 22 <= Int(UInt32.max) else { return nil }
        out += directory
        out.append(littleEndian: 0x0605_4B50 as UInt32)
        out.append(littleEndian: 0 as UInt16)  // number of this disk
        out.append(littleEndian: 0 as UInt16)  // disk where the central directory starts
        out.append(littleEndian: UInt16(entries.count))
        out.append(littleEndian: UInt16(entries.count))
        out.append(littleEndian: directorySize)
        out.append(littleEndian: directoryOffset)
        out.append(littleEndian: 0 as UInt16)  // archive comment length
        return out
    }

    /// Version made by: 2.0 on Unix. Debian's unzip reads the names of an archive made on MS-DOS
    /// as code page 437 whatever bit 11 says, so a Chinese name would come out garbled.
    static let madeBy: UInt16 = 3 << 8 | 20
    /// A regular file, rw-r--r-- (Unix mode in the high 16 bits).
    static let externalAttributes: UInt32 = 0o100644 << 16
    /// Version needed to extract: 2.0.
    static let versionNeeded: UInt16 = 20
    /// General purpose bit 11: the name is UTF-8.
    static let utf8Flag: UInt16 = 1 << 11
    /// 1980-01-01 in the DOS date format: (year - 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = 0 << 9 | 1 << 5 | 1

    /// The fields the local header and the central directory share, from "version needed" to
    /// "extra field length".
    struct Header {
        var crc: UInt32
        var size: UInt32
        var nameLength: UInt16

        func append(to out: inout [UInt8]) {
            out.append(littleEndian: ZIPArchive.versionNeeded)
            out.append(littleEndian: ZIPArchive.utf8Flag)
            out.append(littleEndian: 0 as UInt16)  // method: stored
            out.append(littleEndian: 0 as UInt16)  // time: 00:00:00
            out.append(littleEndian: ZIPArchive.dosDate)
            out.append(littleEndian: crc)
            out.append(littleEndian: size)  // compressed size
            out.append(littleEndian: size)  // uncompressed size
            out.append(littleEndian: nameLength)
            out.append(littleEndian: 0 as UInt16)  // extra field length
        }
    }
}

/// CRC-32 as ZIP, PNG and gzip use it (reflected polynomial 0xEDB88320), one table lookup a byte.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        for shift in stride(from: 0, to: T.bitWidth, by: 8) {
            append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}
