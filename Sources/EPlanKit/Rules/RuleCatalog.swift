/// Every rule of the contract, in the order of rules.md: the single source for config validation,
/// `--rule`/`--disable`, `eplan rules`, the rule reference and the example tests.
public enum RuleCatalog {
    public static let rules: [any Rule] = [
        YAMLSyntax(), YAMLDuplicateKey(), YAMLLimit(), SchemaMissingKey(), SchemaUnknownKey(), SchemaType(),
        SchemaValue(), DuplicateID(),
        ParentMissing(), ParentUnresolved(), ParentLevel(), ParentRegion(), ParentCycle(), ParentRetired(),
        ParentStale(), ParentNotCounterpart(), MasterMissing(), MasterUnresolved(), MasterMismatch(),
        RegionUnknown(), LevelMismatch(), RegionNoMaster(),
        HazardUncovered(), HazardOverlap(), DepartmentalPlanMissing(), AgencyUnknown(),
        ActionIncomplete(), PhaseUncovered(), ResourceUnresolved(), ResourceUnused(), HazardOutOfScope(),
        ReportingLooser(), SeverityUnhandled(), ScopeNarrower(),
        EvaluationOverdue(), DrillOverdue(), DrillFindingsOpen(), FilingLate(),
        UnusedSuppression(),
    ]

    public static let all: [RuleDescription] = rules.map { type(of: $0).description }

    public static let byID: [RuleID: RuleDescription] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}
