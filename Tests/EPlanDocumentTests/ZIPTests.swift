@testable import EPlanDocument
import Foundation
import Testing

@Suite("ZIP archives")
struct ZIPTests {
    @Test("CRC-32 of the known check values", arguments: [
        ("", 0x0000_0000 as UInt32),
        ("a", 0xE8B7_BE43),
        ("123456789", 0xCBF4_3926),
        ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
    ])
    func crc(_ text: String, _ expected: UInt32) {
        #expect(CRC32.checksum(Array(text.utf8)) == expected)
    }

    static let entries = [
        ZIPArchive.Entry(path: "a.txt", bytes: Array("hello, zip\n".utf8)),
        ZIPArchive.Entry(path: "目录/说明.txt", bytes: Array("应急预案\n".utf8)),
        ZIPArchive.Entry(path: "empty", bytes: []),
        ZIPArchive.Entry(path: "bytes.bin", bytes: (0..<256).map { UInt8($0) } + [0x50, 0x4B, 0x05, 0x06]),
    ]

    @Test("the layout: local headers, central directory and end record, stored, UTF-8 names, 1980-01-01")
    func layout() throws {
        let bytes = try #require(ZIPArchive(Self.entries).bytes())
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        #expect(u32(0) == 0x0403_4B50)
        #expect(u16(6) == 0x0800, "general purpose bit 11: UTF-8 names")
        #expect(u16(8) == 0, "stored")
        #expect(u16(10) == 0 && u16(12) == 0x21, "00:00 on 1980-01-01")
        #expect(u32(14) == CRC32.checksum(Self.entries[0].bytes))
        let end = bytes.count - 22
        #expect(u32(end) == 0x0605_4B50)
        #expect(u16(end + 8) == Self.entries.count && u16(end + 10) == Self.entries.count)
        let directory = Int(u32(end + 16))
        #expect(u32(directory) == 0x0201_4B50)
        #expect(directory + Int(u32(end + 12)) == end, "the directory ends where the end record starts")
        #expect(ZIPArchive(Self.entries).bytes() == bytes, "the same entries give the same bytes")
    }

    @Test("Debian's unzip tests the archive without an error")
    func unzipAccepts() throws {
        let path = try Tools.write(try #require(ZIPArchive(Self.entries).bytes()), named: "t.zip")
        let test = try Tools.run(["unzip", "-t", path])
        #expect(test.status == 0, "\(test.output)\(test.errors)")
        #expect(test.output.contains("No errors detected"))
        let list = try Tools.run(["unzip", "-Z1", path])
        #expect(list.output.split(separator: "\n").map(String.init) == Self.entries.map(\.path))
    }

    @Test("Python's zipfile reads every entry back, with its name, date and bytes")
    func pythonReadsBack() throws {
        let path = try Tools.write(try #require(ZIPArchive(Self.entries).bytes()), named: "t.zip")
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                assert i.compress_type == zipfile.ZIP_STORED and i.flag_bits & 0x800 and i.date_time == (1980, 1, 1, 0, 0, 0), i
                print(i.filename, z.read(i).hex())
            """
        let run = try Tools.run(["python3", "-c", script, path])
        #expect(run.status == 0, "\(run.errors)")
        let expected = Self.entries.map { "\($0.path) " + $0.bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(run.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) == expected)
    }

    @Test("an empty archive is just the end record, and zipfile reads it")
    func empty() throws {
        let bytes = try #require(ZIPArchive().bytes())
        #expect(bytes == [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18))
        let path = try Tools.write(bytes, named: "empty.zip")
        let run = try Tools.run(["python3", "-c", "import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))", path])
        #expect(run.output == "0\n")
    }
}
