import CYAML
@testable import EPlanYAML
import Foundation
import Testing

/// The package root, found from this file's path.
private let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// `../shared` beside the project: present in CI, absent in a user's own clone.
private let testSuite = URL(fileURLWithPath: packageRoot).deletingLastPathComponent().path + "/shared/corpora/yaml-test-suite"
private let hasTestSuite = FileManager.default.fileExists(atPath: testSuite)

/// Whether libyaml's reader, left to itself, accepts every byte of `bytes`. The reader decodes all it
/// has (up to 16 KB) for the first token, except a character cut short by the end of the input, which
/// it reports only when the scanner asks for it: the tokens are scanned to the end or the first error.
private func readerAccepts(_ bytes: [UInt8]) -> Bool {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return false }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var token = yaml_token_t()
        while yaml_parser_scan(&parser, &token) == 1 {
            let end = token.type == YAML_STREAM_END_TOKEN
            yaml_token_delete(&token)
            if end { break }
        }
        return parser.error != YAML_READER_ERROR
    }
}

private func characters(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { DecodedInput.readerCharacters($0) }
}

/// UTF-8 of a code point, surrogates included (which `Unicode.Scalar` cannot hold).
private func utf8(_ value: UInt32) -> [UInt8] {
    switch value {
    case ..<0x80: return [UInt8(value)]
    case ..<0x800: return [0xC0 | UInt8(value >> 6), 0x80 | UInt8(value & 0x3F)]
    case ..<0x10000:
        return [0xE0 | UInt8(value >> 12), 0x80 | UInt8((value >> 6) & 0x3F), 0x80 | UInt8(value & 0x3F)]
    default:
        return [0xF0 | UInt8(value >> 18), 0x80 | UInt8((value >> 12) & 0x3F), 0x80 | UInt8((value >> 6) & 0x3F),
                0x80 | UInt8(value & 0x3F)]
    }
}

/// Everything a parse gives, written out: every node with its kind, style, tag, span and text; the
/// problems; the pairs salvaged from a broken file.
private func dump(_ document: YAMLDocument) -> String {
    var out = ""
    var budget = 200_000  // aliases are followed: a bomb must not take the test down
    func node(_ n: YAMLNode, depth: Int) {
        budget -= 1
        guard budget > 0, depth < 200 else { return }
        out += "\(String(repeating: " ", count: depth))\(n.kind) \(n.style.map { "\($0)" } ?? "-") \(n.tag ?? "-") \(n.span)"
        if let text = n.scalar { out += " \(text.debugDescription)" }
        out += "\n"
        if let items = n.sequence { for item in items { node(item, depth: depth + 1) } }
        if let pairs = n.mapping {
            for pair in pairs {
                node(pair.key, depth: depth + 1)
                node(pair.value, depth: depth + 1)
            }
        }
    }
    if let root = document.root { node(root, depth: 0) }
    for problem in document.problems {
        out += "problem \(problem.kind) \(problem.span) \(problem.message.text(.en)) | \(problem.help?.text(.en) ?? "")\n"
    }
    for pair in document.salvaged { out += "salvaged \(pair.key) \(pair.value) \(pair.keySpan)\n" }
    return out
}

/// The parse with libyaml's reader skipped must be the parse with it, whatever the input.
private func expectSameParse(_ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let direct = dump(YAMLParser.parse(bytes, limits: .default, readsDecoded: true))
    let throughReader = dump(YAMLParser.parse(bytes, limits: .default, readsDecoded: false))
    #expect(direct == throughReader, "\(name)", sourceLocation: sourceLocation)
}

@Suite("Input handed to libyaml's scanner already decoded")
struct DecodedInputTests {
    @Test("the reader is skipped with libyaml 0.2.x (whose reader this was written against), and only then")
    func supported() {
        let version = String(cString: yaml_get_version_string())
        #expect(DecodedInput.isSupported == version.hasPrefix("0.2."), "libyaml \(version)")
        #expect(characters(Array("a: b\n".utf8)) == 5)
        #expect(characters(Array("标题: 临县\r\n".utf8)) == 8)
    }

    @Test("every code point: accepted and counted exactly when libyaml's reader accepts it")
    func everyCodePoint() {
        // In blocks of 256 code points; a block either side rejects is checked one code point at a time.
        var disagreements: [String] = []
        var block: UInt32 = 0
        while block <= 0x10FF {
            let values = (block << 8) ... (block << 8 | 0xFF)
            let bytes = values.flatMap(utf8)
            let count = characters(bytes)
            if count != nil, readerAccepts(bytes) {
                if count != values.count { disagreements.append("block \(block): \(count ?? -1) characters") }
            } else {
                for value in values {
                    let one = utf8(value)
                    let counted = characters(one)
                    if (counted != nil) != readerAccepts(one) || (counted != nil && counted != 1) {
                        disagreements.append(String(value, radix: 16))
                    }
                }
            }
            block += 1
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test("malformed UTF-8 (any lead byte with any second byte, cut short, overlong) is left to the reader")
    func malformed() {
        var cases: [[UInt8]] = (0 ... 255).map { [UInt8($0)] }
        for lead in 0x80 ... 0xFF {
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            for second in 0 ... 255 {
                cases.append([UInt8(lead), UInt8(second)] + Array(repeating: 0x80, count: width - 2))
                cases.append([UInt8(lead), UInt8(second)] + Array(repeating: 0xBF, count: width - 2))
            }
            cases.append([UInt8(lead)] + Array(repeating: 0x80, count: width - 2))  // one byte short
            cases.append(Array("a: ".utf8) + [UInt8(lead)])  // cut at the end of the input
        }
        var disagreements: [String] = []
        for bytes in cases where (characters(bytes) != nil) != readerAccepts(bytes) {
            disagreements.append(bytes.map { String($0, radix: 16) }.joined(separator: " "))
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        // The eight-bytes-at-a-time path stops at a control character or DEL anywhere in a word.
        for position in 0 ..< 16 {
            for bad: UInt8 in [0x00, 0x01, 0x1F, 0x7F, 0x80] {
                var bytes = [UInt8](repeating: 0x61, count: 16)
                bytes[position] = bad
                #expect(characters(bytes) == nil, "\(bad) at \(position)")
            }
            var fine = [UInt8](repeating: 0x61, count: 16)
            fine[position] = 0x0A
            #expect(characters(fine) == 16)
        }
    }

    @Test("plans, fixtures and edge cases parse the same with the reader and without it")
    func sameParse() throws {
        let edges: [(String, [UInt8])] = [
            ("Chinese", Array("title: 临县防汛预案\nname: 临县 x: y\n".utf8)),
            ("CRLF", Array("a: 1\r\nb:\r\n  - c\r\n".utf8)),
            ("CR alone", Array("a: 1\rb: 2\r".utf8)),
            ("no final line break", Array("a: [1, 2]\nb: \"x".utf8)),
            ("tabs", Array("a:\t1\nb:\n\t- c\n".utf8)),
            ("BOM", [0xEF, 0xBB, 0xBF] + Array("a: b\nc: [d]\n".utf8)),
            ("BOM inside", Array("a: b\n\u{FEFF}c: d\n".utf8)),
            ("NEL and NBSP", Array("a: b\u{85}c\u{A0}d\n".utf8)),
            ("emoji", Array("a: \"🚒 \\U0001F692\"\n# 🚑\n".utf8)),
            ("NUL", Array("a: b\n".utf8) + [0] + Array("c: d\n".utf8)),
            ("GBK", Array("a: ".utf8) + [0xC7, 0xE0, 0xC9, 0xBD] + Array("\n".utf8)),
            ("control", Array("a: b\u{7}c\n".utf8)),
            ("DEL", Array("a: b\u{7F}c\n".utf8)),
            ("C1 control", Array("a: b\u{80}c\n".utf8)),
            ("noncharacter", Array("a: b\u{FFFE}c\n".utf8)),
            ("document end", Array("a: 1\n---\nb: 2\n...\n".utf8)),
            ("ends in a key", Array("a: 1\nb".utf8)),
            ("short", Array("-".utf8)),
            ("one character", Array("x".utf8)),
            ("block scalar", Array("a: |\n  line one\n  第二行\n\nb: >-\n  folded\n  text\n".utf8)),
            ("deep", Array((String(repeating: "[", count: 300) + String(repeating: "]", count: 300)).utf8)),
        ]
        for (name, bytes) in edges { expectSameParse(bytes, name) }
        // Every plan of the sample repository and every fixture.
        var files: [String] = []
        for folder in ["plans", "Tests"] {
            let enumerator = FileManager.default.enumerator(atPath: "\(packageRoot)/\(folder)")
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { files.append("\(packageRoot)/\(folder)/\(path)") }
            }
        }
        #expect(files.count > 100)
        for path in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            expectSameParse(bytes, path)
        }
    }

    @Test("every file of the YAML test suite parses the same with the reader and without it",
          .enabled(if: hasTestSuite, "../shared/corpora/yaml-test-suite is not beside this clone (it is in CI)"))
    func yamlTestSuite() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: testSuite).filter { $0.hasSuffix(".yaml") }
        #expect(files.count > 100)
        var skipped = 0
        for name in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(testSuite)/\(name)")))
            if characters(bytes) == nil { skipped += 1 }
            expectSameParse(bytes, name)
        }
        // Nearly all of the suite is text the reader passes unchanged: the skipping path is what is tested.
        #expect(skipped < files.count / 10)
    }
}
