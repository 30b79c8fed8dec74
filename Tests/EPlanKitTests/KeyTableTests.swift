import Testing
@testable import EPlanKit
import EPlanYAML

/// `KeyTable.match` finds a name by a hash of its bytes: every name of every table must be found as
/// its own key, and nothing else (near misses, prefixes, other cases, other tables' names) may be.
@Suite("key tables")
struct KeyTableTests {
    /// The scalars of a YAML flow sequence of `texts`, each double-quoted.
    private func scalars(_ texts: [String]) -> [YAMLNode] {
        let yaml = "[" + texts.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
        guard let sequence = YAMLParser.parse(Array(yaml.utf8)).root?.sequence else { return [] }
        return Array(sequence)
    }

    /// Every name of `E` matches its case with its bit; every text of `others` that is not a name matches nothing.
    private func check<E: ByteNamed & CaseIterable>(_ type: E.Type, others: [String]) {
        let cases = Array(E.allCases)
        let names = cases.map(\.rawValue)
        for (i, node) in scalars(names).enumerated() {
            let (key, bit) = E.table.match(node)
            #expect(key == cases[i] && bit == 1 << UInt64(i), "\(E.self): '\(names[i])' matched \(String(describing: key))")
        }
        var misses = Set(others)
        for name in names {
            misses.formUnion([name + "x", String(name.dropLast()), String(name.dropFirst()), name.uppercased(),
                              String(name.dropLast()) + (name.last == "z" ? "y" : "z"), " " + name, name + " "])
        }
        misses.subtract(names)
        misses.insert("")
        let missList = misses.sorted()
        for (i, node) in scalars(missList).enumerated() {
            let (key, bit) = E.table.match(node)
            #expect(key == nil && bit == 0, "\(E.self): '\(missList[i])' matched \(String(describing: key))")
        }
    }

    @Test("every name of every table is found, and nothing else")
    func everyTable() {
        // Each table also meets the names of the others: most share lengths and first letters.
        let all = Keys.plan + Keys.parent + Keys.scope + Keys.organization + Keys.command + Keys.member + Keys.reporting
            + Keys.responseLevel + Keys.action + Keys.resource + Keys.drill + Keys.revision
            + PlanKind.allCases.map(\.rawValue) + Level.allCases.map(\.rawValue) + SeverityClass.allCases.map(\.rawValue)
            + Phase.allCases.map(\.rawValue) + ResourceType.allCases.map(\.rawValue)
        check(PlanKey.self, others: all)
        check(ParentKey.self, others: all)
        check(ScopeKey.self, others: all)
        check(OrganizationKey.self, others: all)
        check(CommandKey.self, others: all)
        check(MemberKey.self, others: all)
        check(ReportingKey.self, others: all)
        check(ResponseLevelKey.self, others: all)
        check(ActionKey.self, others: all)
        check(ResourceKey.self, others: all)
        check(DrillKey.self, others: all)
        check(RevisionKey.self, others: all)
        check(PlanKind.self, others: all)
        check(Level.self, others: all)
        check(PlanStatus.self, others: all)
        check(UnitCategory.self, others: all)
        check(PlanForm.self, others: all)
        check(WarningColour.self, others: all)
        check(SupportArea.self, others: all)
        check(SeverityClass.self, others: all)
        check(Phase.self, others: all)
        check(MemberRole.self, others: all)
        check(ResourceType.self, others: all)
        check(DrillType.self, others: all)
        check(LinkPolicy.self, others: all)
    }
}
