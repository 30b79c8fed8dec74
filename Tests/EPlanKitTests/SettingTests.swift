@testable import EPlanKit
import EPlanYAML
import Testing

/// Rules declare their settings as typed `Setting`s; config validation and docs read the
/// untyped list of the description.
@Suite("Rule settings")
struct SettingTests {
    static func configuration(_ rules: String) throws -> Configuration {
        let doc = decode("eplan: config/v1\nrules:\n\(rules)", file: "eplan.yaml")
        #expect(findings(doc.diagnostics) == [])
        guard case .config(let config) = doc.content else {
            Issue.record("not a configuration")
            return Configuration()
        }
        return config
    }

    @Test("a typed setting reads the configured value, else its default")
    func typedValues() throws {
        let config = try Self.configuration("  drill-overdue: {months: 24}\n  filing-late: {working-days: 10}\n")
        #expect(config.setting(DrillOverdue.months) == 24)
        #expect(config.setting(DrillOverdue.unitMonths) == 12)
        #expect(config.setting(DrillOverdue.unitMonthsByCategory) == 6)
        #expect(config.setting(FilingLate.workingDays) == 10)
        #expect(config.setting(EvaluationOverdue.months) == 36)
    }

    @Test("the YAML limits come from the yaml-limit settings, with the parser's defaults")
    func yamlLimits() throws {
        #expect(Configuration().yamlLimits == YAMLLimits())
        let config = try Self.configuration("  yaml-limit: {alias-nodes: 50, file-size: 1024}\n")
        #expect(config.yamlLimits == YAMLLimits(aliasNodes: 50, fileSize: 1024))
    }

    @Test("a description lists its rule's settings, in declaration order")
    func descriptions() {
        #expect(DrillOverdue.description.settings == [DrillOverdue.months.untyped, DrillOverdue.unitMonths.untyped,
                                                       DrillOverdue.unitMonthsByCategory.untyped])
        #expect(YAMLLimit.description.settings.map(\.name) == ["nesting", "alias-nodes", "file-size"])
        let withSettings = RuleCatalog.all.filter { !$0.settings.isEmpty }.map(\.id.rawValue)
        #expect(withSettings == ["yaml-limit", "evaluation-overdue", "drill-overdue", "filing-late"])
    }
}
