import Foundation
import Testing

/// `eplan lsp` driven over pipes by real clients: a stdlib client that compares every file's
/// diagnostics with `eplan lint FILE`, pygls (PyPI) and headless Neovim. The clients are installed
/// by `make test-deps`; a test fails with that advice when one is missing.
@Suite("eplan lsp end to end")
struct LSPTests {
    static let scripts = "\(CLI.fixtures)/lsp"

    func require(_ check: [String], _ advice: String) throws {
        let found = try CLI.tool(check)
        if found.status != 0 { Issue.record("\(advice) (\(check.joined(separator: " ")) failed: \(found.stderr))") }
        try #require(found.status == 0)
    }

    @Test func diagnosticsAreThoseOfLintFileOnEveryFixture() throws {
        try require(["python3", "--version"], "python3 is needed")
        let repositories = ["\(CLI.packageRoot)/plans", "\(CLI.fixtures)/broken"]
            + ["clean", "vertical", "docking", "horizontal", "completeness", "management", "mistakes", "suppressions"].map {
                "\(CLI.packageRoot)/Tests/EPlanKitTests/Fixtures/rules/\($0)"
            }
        let run = try CLI.tool(["python3", "\(Self.scripts)/same_as_lint.py", CLI.binary] + repositories)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("documents compared, 0 different"))
    }

    @Test func aPyglsClientOpensEditsHoversCompletesAndFixes() throws {
        try require(["python3", "-c", "import pygls.lsp.client, lsprotocol"], "pygls is missing: run `make test-deps` (pip install --user 'pygls>=2,<3')")
        let run = try CLI.tool(["python3", "\(Self.scripts)/pygls_client.py", CLI.binary, "\(CLI.packageRoot)/plans", "qs/songling/traffic.yaml"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("OK"))
    }

    @Test func headlessNeovimShowsTheFindingsOfLint() throws {
        try require(["nvim", "--version"], "Neovim is missing: run `make test-deps` (apt-get install neovim)")
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = "\(folder)/diagnostics.json"
        let file = "\(CLI.fixtures)/broken/plans/flood.yaml"
        let run = try CLI.tool(["env", "EPLAN_BIN=\(CLI.binary)", "EPLAN_NVIM_FILE=\(file)", "EPLAN_NVIM_OUT=\(out)",
                                "nvim", "--headless", "--clean", "-n", "-c", "luafile \(Self.scripts)/nvim_diagnostics.lua"])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try #require(FileManager.default.contents(atPath: out), "Neovim wrote no diagnostics: \(run.stdout) \(run.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        #expect(result["error"] == nil, "\(result)")
        let codes = ((result["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }.sorted()
        // What `eplan lint FILE` finds in the same file.
        let lint = try CLI.run(["lint", "plans/flood.yaml", "--format", "json", "--today", "2026-11-30", "--lang", "en"],
                               in: "\(CLI.fixtures)/broken")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])
        let expected = ((report["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }.sorted()
        #expect(!expected.isEmpty)
        #expect(codes == expected)
        #expect(result["stored"] as? Int == expected.count)
    }

    @Test func theSubcommandExitsByTheProtocol() throws {
        // The input ends without shutdown and exit: status 1, nothing written.
        let ended = try CLI.run(["lsp"], in: CLI.packageRoot)
        #expect(ended.status == 1)
        #expect(ended.stdout.isEmpty)
        let help = try CLI.run(["lsp", "--help"], in: CLI.packageRoot)
        #expect(help.status == 0 && help.stdout.contains("eplan lsp --lang zh-CN"))
        let usage = try CLI.run(["lsp", "--lang", "fr"], in: CLI.packageRoot)
        #expect(usage.status == 2)
    }
}
