import Foundation
import Testing

@Suite("eplan new pre-fills duties")
struct NewPrefillTests {
    @Test("new pre-fills the duties the parent assigns to this region's agencies (REGION:slug members)")
    func newCopiesAssignedDuties() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = "\(folder)/repo"
        try FileManager.default.copyItem(atPath: "\(CLI.packageRoot)/plans", toPath: repo)
        let parentFile = "\(repo)/qs/lin/flood.yaml"
        let parent = try String(contentsOfFile: parentFile, encoding: .utf8)
        let assigned = "  members:\n    - agency: qs/lin/shi:emergency-management\n      duties:\n        - Transfer residents of the river banks\n"
        let edited = parent.replacingOccurrences(of: "  members:\n", with: assigned)
        #expect(edited != parent)
        try edited.write(toFile: parentFile, atomically: true, encoding: .utf8)
        let run = try CLI.run(["new", "special", "--region", "qs/lin/shi", "--hazard", "mountain-torrent", "--today", "2026-11-30"], in: repo)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: "\(repo)/qs/lin/shi/mountain-torrent.yaml", encoding: .utf8)
        #expect(text.contains("    - agency: emergency-management\n      duties:\n        - Transfer residents of the river banks\n"), "\(text)")
    }
}
