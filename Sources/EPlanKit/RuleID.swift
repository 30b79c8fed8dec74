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
    public var info: RuleInfo? { RuleCatalog.byID[self] }

    public static let yamlSyntax = RuleID("yaml-syntax")
    public static let yamlDuplicateKey = RuleID("yaml-duplicate-key")
    public static let yamlLimit = RuleID("yaml-limit")
    public static let schemaMissingKey = RuleID("schema-missing-key")
    public static let schemaUnknownKey = RuleID("schema-unknown-key")
    public static let schemaType = RuleID("schema-type")
    public static let schemaValue = RuleID("schema-value")
    public static let duplicateID = RuleID("duplicate-id")
}

public enum RuleGroup: String, Sendable, CaseIterable {
    case schema, vertical, horizontal, completeness, docking, management, suppression
}

/// A numeric setting a rule reads from `eplan.yaml` (`rules: {id: {setting: N}}`).
public struct RuleSetting: Sendable, Hashable {
    public var name: String
    public var defaultValue: Int
    public var summary: String
}

/// What the contract (rules.md) says of a rule: id, default severity, group, one-line summary, settings.
public struct RuleInfo: Sendable, Hashable {
    public var id: RuleID
    public var severity: Severity
    public var group: RuleGroup
    public var summary: String
    public var settings: [RuleSetting]

    init(_ id: String, _ severity: Severity, _ group: RuleGroup, _ summary: String, settings: [RuleSetting] = []) {
        self.id = RuleID(id)
        self.severity = severity
        self.group = group
        self.summary = summary
        self.settings = settings
    }
}

/// Every rule id of the contract. Config validation, `--rule`/`--disable` and reports read it;
/// a rule's checks live with the code that emits it.
public enum RuleCatalog {
    public static let all: [RuleInfo] = [
        RuleInfo("yaml-syntax", .error, .schema, "the file is well-formed UTF-8 YAML and can be read"),
        RuleInfo("yaml-duplicate-key", .error, .schema, "no mapping repeats a key"),
        RuleInfo("yaml-limit", .error, .schema, "nesting, alias expansion and file size stay within limits", settings: [
            RuleSetting(name: "nesting", defaultValue: 64, summary: "deepest nesting of collections"),
            RuleSetting(name: "alias-nodes", defaultValue: 100_000, summary: "most nodes that aliases may stand for in a document"),
            RuleSetting(name: "file-size", defaultValue: 8 * 1024 * 1024, summary: "largest file read, in bytes"),
        ]),
        RuleInfo("schema-missing-key", .error, .schema, "every required key is present"),
        RuleInfo("schema-unknown-key", .error, .schema, "every key is defined by the format or starts with 'x-'"),
        RuleInfo("schema-type", .error, .schema, "every value has the right YAML shape"),
        RuleInfo("schema-value", .error, .schema, "every value is valid: enums, ids, dates, durations, versions, one document per file"),
        RuleInfo("duplicate-id", .error, .schema, "plan, resource and action ids are unique"),
        RuleInfo("parent-missing", .error, .vertical, "a plan whose kind requires a parent names one"),
        RuleInfo("parent-unresolved", .error, .vertical, "the parent is a plan of the repository or an external plan"),
        RuleInfo("parent-level", .error, .vertical, "the parent is at a higher level"),
        RuleInfo("parent-region", .error, .vertical, "the parent's region is an ancestor of the plan's region"),
        RuleInfo("parent-cycle", .error, .vertical, "parent links do not form a cycle"),
        RuleInfo("parent-retired", .warning, .vertical, "an in-force plan's parent is in force"),
        RuleInfo("parent-stale", .warning, .vertical, "the recorded parent version is the parent's current version"),
        RuleInfo("parent-not-counterpart", .warning, .vertical, "a special plan docks with the parent region's special plan for its hazard"),
        RuleInfo("master-missing", .error, .vertical, "a plan whose kind requires a master names one"),
        RuleInfo("master-unresolved", .error, .vertical, "the master is a plan of the repository or an external master"),
        RuleInfo("master-mismatch", .error, .vertical, "the master is a master plan of the same region"),
        RuleInfo("region-unknown", .error, .vertical, "every region reference is in the regions document"),
        RuleInfo("level-mismatch", .error, .vertical, "a plan's level is its region's level"),
        RuleInfo("region-no-master", .error, .vertical, "every region down to the configured depth has an in-force master plan"),
        RuleInfo("hazard-uncovered", .error, .horizontal, "every hazard a region faces is covered by an in-force plan of that region"),
        RuleInfo("hazard-overlap", .warning, .horizontal, "no two special plans of a region cover the same hazard"),
        RuleInfo("departmental-plan-missing", .warning, .horizontal, "every lead agency of a master plan has a departmental plan"),
        RuleInfo("agency-unknown", .error, .horizontal, "every agency reference names an agency of the plan or of its region's master plan"),
        RuleInfo("action-incomplete", .error, .completeness, "every action says who, how, when and with what resources"),
        RuleInfo("phase-uncovered", .error, .completeness, "a plan has actions before, during and after the incident"),
        RuleInfo("resource-unresolved", .error, .completeness, "every resource an action lists is defined"),
        RuleInfo("resource-unused", .note, .completeness, "every resource a plan defines is used by some action"),
        RuleInfo("hazard-out-of-scope", .warning, .completeness, "an action's hazards are in its plan's scope"),
        RuleInfo("reporting-looser", .error, .docking, "reporting limits are no looser than the parent's"),
        RuleInfo("severity-unhandled", .error, .docking, "every severity class is handled somewhere on each chain of plans"),
        RuleInfo("scope-narrower", .warning, .docking, "a special plan handles its parent's hazards that its region faces, or excludes them"),
        RuleInfo("evaluation-overdue", .warning, .management, "a plan was evaluated within the interval", settings: [
            RuleSetting(name: "months", defaultValue: 36, summary: "months between evaluations"),
        ]),
        RuleInfo("drill-overdue", .warning, .management, "a plan was drilled within the interval", settings: [
            RuleSetting(name: "months", defaultValue: 36, summary: "months between drills of government plans"),
            RuleSetting(name: "unit-months", defaultValue: 12, summary: "months between drills of unit plans"),
        ]),
        RuleInfo("drill-findings-open", .warning, .management, "drill findings are worked into a revision"),
        RuleInfo("filing-late", .warning, .management, "a plan is filed with the higher authority in time", settings: [
            RuleSetting(name: "working-days", defaultValue: 20, summary: "working days (Monday to Friday) allowed for filing"),
        ]),
        RuleInfo("unused-suppression", .note, .suppression, "every inline suppression suppresses something"),
    ]

    public static let byID: [RuleID: RuleInfo] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}
