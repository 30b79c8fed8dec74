import EPlanYAML
import Foundation
import Testing

/// Paths below a repository's root are looked up from the root held open (`SourceReader.Base`):
/// the answers must be those of the absolute paths, and every other path must be looked up as it is.
@Suite("Source reader: paths from the root")
struct SourceReaderBaseTests {
    /// A folder with `a/x.yaml`, `a/b/y.yaml`, a sibling `a2/z.yaml`, and a link `a/up` to `..`.
    static func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-base-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(root)/a/b", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(root)/a2", withIntermediateDirectories: true)
        try Data("eplan: plan/v1\n".utf8).write(to: URL(fileURLWithPath: "\(root)/a/x.yaml"))
        try Data("eplan: plan/v1\nid: y\n".utf8).write(to: URL(fileURLWithPath: "\(root)/a/b/y.yaml"))
        try Data("z: 1\n".utf8).write(to: URL(fileURLWithPath: "\(root)/a2/z.yaml"))
        try FileManager.default.createSymbolicLink(atPath: "\(root)/a/up", withDestinationPath: "..")
        return root
    }

    @Test("which paths are looked up from the root: those below it, not the root or a folder that only starts alike")
    func relative() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let base = SourceReader.Base("\(root)/a")
        func fromBase(_ path: String) -> String? {
            SourceReader.Base.resolve(base, path) { descriptor, relative in
                descriptor == AT_FDCWD ? nil : String(cString: relative)
            }
        }
        #expect(fromBase("\(root)/a/x.yaml") == "x.yaml")
        #expect(fromBase("\(root)/a/b/y.yaml") == "b/y.yaml")
        #expect(fromBase("\(root)/a") == nil)
        #expect(fromBase("\(root)/a/") == nil)
        #expect(fromBase("\(root)/a2/z.yaml") == nil)
        #expect(fromBase("\(root)/x.yaml") == nil)
        #expect(fromBase("relative/x.yaml") == nil)
        #expect(SourceReader.Base.resolve(nil, "\(root)/a/x.yaml") { descriptor, _ in descriptor } == AT_FDCWD)
        // A folder that cannot be opened: every path is looked up as it is.
        let missing = SourceReader.Base("\(root)/missing")
        #expect(SourceReader.Base.resolve(missing, "\(root)/missing/x.yaml") { descriptor, _ in descriptor } == AT_FDCWD)
    }

    @Test("stamps and reads from the root are those of the absolute paths, links and '..' included")
    func sameAnswers() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let base = SourceReader.Base("\(root)/a")
        let paths = ["\(root)/a/x.yaml", "\(root)/a/b/y.yaml", "\(root)/a2/z.yaml", "\(root)/a/up/a2/z.yaml",
                     "\(root)/a/b/../x.yaml", "\(root)/a/missing.yaml", "\(root)/a/b"]
        for path in paths {
            #expect(SourceReader.Stamp(path, base: base) == SourceReader.Stamp(path), "\(path)")
            let (fromBase, stampFromBase) = SourceReader.readStamped(path, limit: 1 << 20, base: base)
            let (plain, stamp) = SourceReader.readStamped(path, limit: 1 << 20)
            #expect(stampFromBase == stamp, "\(path)")
            switch (fromBase, plain) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(path)")
            case (.failure(let a), .failure(let b)): #expect(a == b, "\(path)")
            default: Issue.record("\(path): read from the root \(fromBase), by absolute path \(plain)")
            }
        }
        #expect(SourceReader.Stamp("\(root)/a/b/y.yaml", base: base)?.size == 21)
        #expect(SourceReader.Stamp("\(root)/a/missing.yaml", base: base) == nil)
    }
}
