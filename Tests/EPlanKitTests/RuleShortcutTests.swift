import EPlanKit
import Testing

/// Rules that answer from a cheaper question than the one a report or `eplan diff` asks (for speed)
/// must get the same answer: each shortcut is compared with the full answer on every fixture
/// repository and on plans/.
@Suite("Rule shortcuts")
struct RuleShortcutTests {
    static func index(_ repository: String) throws -> (RepositoryIndex, RegionLookups) {
        let workspace = try Workspace.load(Workspace.Request(paths: [], cwd: repository))
        let index = RepositoryIndex(documents: workspace.documents, configuration: workspace.configuration)
        return (index, RegionLookups(index))
    }

    @Test("a looser limit is found without making the limits exactly when making them finds one",
          arguments: OneFileTests.repositories)
    func looserLimit(repository: String) throws {
        let (index, _) = try Self.index(repository)
        var compared = 0
        for plan in index.plans {
            guard let id = plan.parent?.id.value, let parent = index.target(id) else { continue }
            let docking = Docking(child: plan, parent: parent, index: index)
            let reported = docking.limits.contains { limit in
                limit.status == .weaker || (limit.key != .followUp && limit.status == .missing)
            }
            #expect(docking.hasLooserLimit == reported, "\(plan.file)")
            compared += docking.limits.isEmpty ? 0 : 1
        }
        #expect(compared > 0 || !repository.hasSuffix("/docking"), "no limits compared in \(repository)")
    }

    @Test("a region's required hazard is covered exactly when the coverage table lists it",
          arguments: OneFileTests.repositories)
    func coverage(repository: String) throws {
        let (index, lookups) = try Self.index(repository)
        var required = 0, uncovered = 0
        let regions = Set(index.regionByPath.keys).union(lookups.masters.keys).union(lookups.specials.keys)
        for region in regions.sorted() {
            let coverage = RegionCoverage(region: region, index: index, lookups: lookups)
            let table = coverage.coveredBy
            for (hazard, _) in coverage.required {
                #expect(coverage.covers(hazard) == (table[hazard] != nil), "\(region) \(hazard)")
                required += 1
                uncovered += coverage.covers(hazard) ? 0 : 1
            }
            for hazard in table.keys { #expect(coverage.covers(hazard), "\(region) \(hazard)") }
        }
        #expect(required > 0 || !repository.hasSuffix("/horizontal"), "no hazard required in \(repository)")
        #expect(uncovered > 0 || !repository.hasSuffix("/horizontal"), "every hazard covered in \(repository)")
    }
}

@Suite("Region paths")
struct RegionPathTests {
    /// The answer of the general comparison (characters, canonical equivalence), which ASCII paths skip.
    static func byCharacters(_ ancestor: String, of path: String) -> Bool {
        path.count > ancestor.count && path.hasPrefix(ancestor) && path.dropFirst(ancestor.count).first == "/"
    }

    @Test("an ancestor is a proper prefix followed by '/', on bytes for ASCII paths as on characters")
    func ancestor() {
        let cases: [(String, String, Bool)] = [
            ("qs", "qs/lin", true), ("qs", "qs/lin/dz", true), ("qs/lin", "qs/lin/dz", true),
            ("qs", "qs", false), ("qs/lin", "qs", false), ("qs", "qsx/lin", false), ("q", "qs/lin", false),
            ("qs/li", "qs/lin", false), ("", "/qs", true), ("", "qs", false), ("qs", "qs/", true), ("qs", "", false),
            ("青山", "青山/临江", true), ("青山", "青山县/临江", false), ("qs", "qs/临江", true), ("青山/临江", "青山", false),
            // Canonically equivalent spellings: the same region by characters, so not the ASCII shortcut.
            ("caf\u{E9}", "cafe\u{301}/x", true), ("cafe\u{301}", "caf\u{E9}/x", true),
            // A combining mark after the slash: the character there is not "/".
            ("qs", "qs/\u{301}x", false),
        ]
        for (ancestor, path, expected) in cases {
            #expect(RepositoryIndex.isAncestor(ancestor, of: path) == expected, "\(ancestor) of \(path)")
            #expect(Self.byCharacters(ancestor, of: path) == expected, "\(ancestor) of \(path) by characters")
        }
    }
}
