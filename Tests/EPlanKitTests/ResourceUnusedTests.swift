import EPlanKit
import Foundation
import Testing

/// `resource-unused` compares each plan's few resources with its own uses before hashing what is left
/// against every plan's uses: what counts is still whether any plan's action names the id.
@Suite("resource-unused across plans")
struct ResourceUnusedTests {
    /// A plan of region qs defining `defined` and with one action using each of `used`.
    static func plan(_ name: String, defines defined: [String], uses used: [String]) -> (String, [UInt8]) {
        let resources = defined.map { "  - {id: \($0), type: team, name: Team \($0)}" }.joined(separator: "\n")
        let actions = (["watch"] + used.indices.map { "use\($0)" }).enumerated().map { i, action in
            let resources = i == 0 ? "[]" : "[\(used[i - 1])]"
            return "  - {id: \(action), phase: response, who: emergency-management, how: Act, when: At once, resources: \(resources)}"
        }.joined(separator: "\n")
        let text = """
            eplan: plan/v1
            id: qs.\(name)
            title: Plan \(name)
            kind: special
            level: municipal
            region: qs
            owner: emergency-management
            version: "1"
            scope: {hazards: [flood]}
            actions:
            \(actions)
            resources:
            \(resources.isEmpty ? "  []" : resources)
            """
        return ("plans/\(name).yaml", Array(text.utf8))
    }

    static func unused(_ files: [(String, [UInt8])]) throws -> [String] {
        let workspace = try Workspace.inMemory(files)
        let options = LintOptions(cwd: "", jobs: 1, today: try #require(Day("2026-11-30")), onlyRules: [RuleID("resource-unused")])
        return Linter.analyze(workspace, options).result.active.map { "\($0.location.file):\($0.location.line) \($0.message)" }
    }

    @Test("an id no action names is reported where it is defined; one another plan uses is not")
    func acrossPlans() throws {
        let found = try Self.unused([
            Self.plan("a", defines: ["qs.own", "qs.lent", "qs.idle"], uses: ["qs.own"]),
            Self.plan("b", defines: [], uses: ["qs.lent"]),
        ])
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("plans/a.yaml:") == true && found.first?.contains("qs.idle") == true, "\(found)")
    }

    @Test("an id defined twice counts as used when either plan's actions use it")
    func definedTwice() throws {
        #expect(try Self.unused([
            Self.plan("a", defines: ["qs.shared"], uses: ["qs.shared"]),
            Self.plan("b", defines: ["qs.shared"], uses: []),
        ]) == [])
    }

    @Test("a plan with many resources and uses (compared through a set) gives the same answer")
    func manyResources() throws {
        let ids = (0 ..< 60).map { "qs.team\($0)" }
        let found = try Self.unused([Self.plan("big", defines: ids, uses: Array(ids.dropLast(2)))])
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.contains("qs.team58") || $0.contains("qs.team59") }, "\(found)")
    }
}

/// `resource-unresolved` resolves a plan's own resources without looking them up: a plan that defines
/// a resource is a plan that defines it (and no subject is retired), whichever plan defines the id first.
@Suite("resource-unresolved and a plan's own resources")
struct ResourceUnresolvedOwnTests {
    static func unresolved(_ files: [(String, [UInt8])]) throws -> [String] {
        let workspace = try Workspace.inMemory(files)
        let options = LintOptions(cwd: "", jobs: 1, today: try #require(Day("2026-11-30")), onlyRules: [RuleID("resource-unresolved")])
        return Linter.analyze(workspace, options).result.active.map { "\($0.location.file):\($0.location.line)" }
    }

    static func retired(_ file: (String, [UInt8])) -> (String, [UInt8]) {
        (file.0, Array(String(decoding: file.1, as: UTF8.self).replacingOccurrences(of: "version: \"1\"", with: "version: \"1\"\nstatus: retired").utf8))
    }

    @Test("a use of the plan's own resource resolves, even when a retired plan defined the id first")
    func ownFirstDefinedByRetired() throws {
        let retiredFirst = Self.retired(ResourceUnusedTests.plan("a", defines: ["qs.shared"], uses: []))
        #expect(String(decoding: retiredFirst.1, as: UTF8.self).contains("status: retired"))
        #expect(try Self.unresolved([retiredFirst, ResourceUnusedTests.plan("b", defines: ["qs.shared"], uses: ["qs.shared"])]) == [])
    }

    @Test("a use of another plan's resource resolves through the index: not to a plan only a retired one defines")
    func othersResources() throws {
        #expect(try Self.unresolved([
            ResourceUnusedTests.plan("a", defines: ["qs.lent"], uses: []),
            ResourceUnusedTests.plan("b", defines: ["qs.own"], uses: ["qs.own", "qs.lent", "qs.missing"]),
        ]) == ["plans/b.yaml:14"])
        #expect(try Self.unresolved([
            Self.retired(ResourceUnusedTests.plan("a", defines: ["qs.lent"], uses: [])),
            ResourceUnusedTests.plan("b", defines: [], uses: ["qs.lent"]),
        ]) == ["plans/b.yaml:12"])
        // Defined again by a plan in force: it exists, though the retired plan's definition came first.
        #expect(try Self.unresolved([
            Self.retired(ResourceUnusedTests.plan("a", defines: ["qs.lent"], uses: [])),
            ResourceUnusedTests.plan("b", defines: [], uses: ["qs.lent"]),
            ResourceUnusedTests.plan("c", defines: ["qs.lent"], uses: []),
        ]) == [])
    }
}
