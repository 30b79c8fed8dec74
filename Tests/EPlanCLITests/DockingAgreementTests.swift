import Foundation
import Testing

/// `eplan diff` (docking) and `eplan lint` read one docking model, so they cannot disagree: every
/// finding of a docking rule has its diff item (`weaker` or `missing`), and every `weaker` item its
/// finding. Checked on every plan of every rule fixture repository and of the sample plans/ whose
/// parent is in the repository (an external parent is docked with its file, `--against`).
@Suite("Docking: diff and lint agree")
struct DockingAgreementTests {
    static let repositories: [String] = {
        let families = "\(CLI.packageRoot)/Tests/EPlanKitTests/Fixtures/rules"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: families)) ?? []
        return names.sorted().map { "\(families)/\($0)" } + ["\(CLI.packageRoot)/plans"]
    }()

    struct Finding: Hashable, CustomStringConvertible {
        var rule: String
        /// What it is about: a reporting key, a hazard, or "version".
        var key: String
        var description: String { "\(rule) \(key)" }
    }

    @Test("every docking finding has its diff item, every weaker item its finding", arguments: repositories)
    func agree(repository: String) throws {
        let lint = try CLI.run(["lint", "--format", "json", "--today", "2026-11-30", "--show-suppressed"], in: repository)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])
        let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
        var findings: [String: Set<Finding>] = [:]  // plan file -> docking findings
        for d in diagnostics {
            guard let rule = d["rule"] as? String, let file = d["file"] as? String, let message = d["message"] as? String,
                  ["reporting-looser", "scope-narrower", "parent-stale"].contains(rule) else { continue }
            findings[file, default: []].insert(Finding(rule: rule, key: Self.key(rule, message)))
        }
        let files = try Self.planFiles(repository)
        #expect(!files.isEmpty)
        var docked = 0
        for file in files {
            let diff = try CLI.run(["diff", file, "--format", "json"], in: repository)
            // A plan without a parent, or whose parent is unknown, has nothing to dock with; an external
            // parent's entry holds too little to dock with, and diff asks for its file (plan-format §7).
            guard diff.status == 0 else {
                if !diff.stderr.contains("is an external plan") {
                    #expect(findings[file] == nil, "\(file): docking findings \(findings[file] ?? []) but diff says \(diff.stderr)")
                }
                continue
            }
            docked += 1
            let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
            let items = json["items"] as? [[String: String]] ?? []
            var expected: Set<Finding> = []
            var allowed: Set<Finding> = []
            for item in items {
                guard let aspect = item["aspect"], let key = item["key"], let status = item["status"] else { continue }
                switch (aspect, status) {
                case (_, "weaker") where aspect.hasPrefix("reporting."):
                    expected.insert(Finding(rule: "reporting-looser", key: String(aspect.dropFirst("reporting.".count))))
                case ("parent-version", "weaker"):
                    expected.insert(Finding(rule: "parent-stale", key: "version"))
                case (_, "weaker"):
                    Issue.record("\(file): a weaker \(aspect) item that no rule checks")
                case (_, "missing") where aspect.hasPrefix("reporting."):
                    allowed.insert(Finding(rule: "reporting-looser", key: String(aspect.dropFirst("reporting.".count))))
                case ("hazard", "missing"):
                    allowed.insert(Finding(rule: "scope-narrower", key: key))
                default:
                    break
                }
            }
            let found = findings[file] ?? []
            #expect(expected.isSubset(of: found), "\(file): weaker items without findings: \(expected.subtracting(found))")
            #expect(found.isSubset(of: expected.union(allowed)), "\(file): findings without items: \(found.subtracting(expected.union(allowed)))")
        }
        #expect(docked > 0, "no plan of \(repository) docks with a parent")
    }

    /// The reporting key, hazard or "version" a docking finding is about, from its message.
    static func key(_ rule: String, _ message: String) -> String {
        switch rule {
        case "scope-narrower":
            return message.components(separatedBy: "omits hazard '").dropFirst().first?.components(separatedBy: "'").first ?? "?"
        case "reporting-looser":
            return ["follow-up", "initial", "written"].first { message.contains("reporting.\($0)") || message.contains("'\($0)'") } ?? "?"
        default:
            return "version"
        }
    }

    /// The plan files of a repository, relative to it.
    static func planFiles(_ repository: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: repository)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".yaml"), let text = try? String(contentsOfFile: "\(repository)/\(path)", encoding: .utf8),
                  text.contains("eplan: plan/v1") else { continue }
            files.append(path)
        }
        return files.sorted()
    }
}
