import EPlanYAML
import Foundation
import Testing

@Suite("Looking files up from a folder")
struct StatBaseTests {
    @Test("a path below the folder, the folder's own path, a path elsewhere and a missing one stat as with stat(2)")
    func sameAsStat() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-statbase-\(UUID().uuidString)").path
        let other = root + "-other"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: other) }
        try FileManager.default.createDirectory(atPath: root + "/a/b", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try Data("x: 1\n".utf8).write(to: URL(fileURLWithPath: root + "/a/b/plan.yaml"))
        try Data("y: 22\n".utf8).write(to: URL(fileURLWithPath: other + "/plan.yaml"))
        let base = try #require(StatBase(root))
        for path in [root + "/a/b/plan.yaml", root + "/a", other + "/plan.yaml", root] {
            #expect(SourceReader.Stamp(path, from: base) == SourceReader.Stamp(path), "\(path)")
            #expect(SourceReader.Stamp(path, from: base) != nil, "\(path)")
        }
        #expect(SourceReader.Stamp(root + "/a/missing.yaml", from: base) == nil)
        // A path that only starts like the folder's is not below it.
        #expect(SourceReader.Stamp(other + "/plan.yaml", from: base)?.size == 6)
        #expect(StatBase(root + "/a/b/plan.yaml") == nil, "a file is no folder to look up from")
    }
}
