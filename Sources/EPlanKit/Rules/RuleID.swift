/// A stable rule id (kebab-case), as used in config, suppressions, baselines and reports.
public struct RuleID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public static func < (a: RuleID, b: RuleID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }

    /// The catalogue entry, or nil for an id the contract does not define.
    public var info: RuleDescription? { RuleCatalog.byID[self] }

    public static let yamlSyntax = RuleID("yaml-syntax")
    public static let yamlDuplicateKey = RuleID("yaml-duplicate-key")
    public static let yamlLimit = RuleID("yaml-limit")
    public static let schemaMissingKey = RuleID("schema-missing-key")
    public static let schemaUnknownKey = RuleID("schema-unknown-key")
    public static let schemaType = RuleID("schema-type")
    public static let schemaValue = RuleID("schema-value")
    public static let duplicateID = RuleID("duplicate-id")
    public static let unusedSuppression = RuleID("unused-suppression")
    public static let linkOutside = RuleID("link-outside")
}

public enum RuleGroup: String, Sendable, CaseIterable {
    case schema, vertical, horizontal, completeness, docking, management, suppression
}

/// A numeric setting a rule reads from `eplan.yaml` (`rules: {id: {setting: N}}`), untyped: what
/// config validation, the rule reference and `eplan explain` list. Rules declare `Setting`s.
public struct RuleSetting: Sendable, Hashable {
    public var name: String
    public var defaultValue: Int
    public var summary: String
}

/// A numeric setting of the rule `R`, declared once as a static value of the rule
/// (`static let months = Setting<EvaluationOverdue>("months", default: 36, summary: ...)`), listed in
/// its description and read with `context.setting(Self.months)`: a misspelt setting does not compile.
public struct Setting<R: Rule>: Sendable {
    public let name: String
    public let defaultValue: Int
    public let summary: String

    public init(_ name: String, default defaultValue: Int, summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// The entry of the rule's description.
    public var untyped: RuleSetting {
        RuleSetting(name: name, defaultValue: defaultValue, summary: summary)
    }
}
