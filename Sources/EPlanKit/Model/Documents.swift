import EPlanText
import EPlanYAML

/// A list under a key: the key's span plus its entries.
public typealias FieldList<Element: Sendable> = Field<[Field<Element>]>

/// `parent: ID` or `parent: {id, version}`.
public struct ParentLink: Sendable {
    public var id: Field<String>
    /// The parent version this plan was last docked with, when recorded.
    public var version: Field<Version>?
    /// The `parent` key.
    public var span: SourceSpan
}

public struct Exclusion: Sendable {
    public var hazard: Field<String>?
    public var reason: Field<String>?
    public var span: SourceSpan
}

public struct Scope: Sendable {
    public var span: SourceSpan
    /// The first key of the `scope` mapping (where a missing key inside it is reported).
    public var firstKey: SourceSpan
    public var hazards: FieldList<String>?
    public var severities: FieldList<SeverityClass>?
    public var excluded: [Exclusion]
}

public struct Command: Sendable {
    public var span: SourceSpan
    public var name: Field<String>?
    public var lead: Field<String>?
    public var office: Field<AgencyRef>?
}

public struct Member: Sendable {
    public var span: SourceSpan
    public var agency: Field<AgencyRef>?
    public var role: Field<MemberRole>?
    public var duties: FieldList<String>?

    public var effectiveRole: MemberRole { role?.value ?? .support }
}

public struct Organization: Sendable {
    public var span: SourceSpan
    public var command: Command?
    public var members: [Member]
}

public struct Reporting: Sendable {
    public var span: SourceSpan
    /// The first key inside `reporting` (where a missing limit is located); the key itself when empty.
    public var firstKey: SourceSpan
    public var initial: Field<ReportingLimit>?
    public var written: Field<ReportingLimit>?
    public var followUp: Field<Duration>?
    public var to: Field<AgencyRef>?
}

public struct ResponseLevel: Sendable {
    public var span: SourceSpan
    public var level: Field<SeverityClass>?
    public var trigger: Field<String>?
    public var lead: FieldList<AgencyRef>?
}

public struct Action: Sendable {
    /// The action's first key: where a missing answer is reported.
    public var span: SourceSpan
    public var id: Field<String>?
    public var phase: Field<Phase>?
    /// Present but empty (`who:`, `who: []`) is an empty answer; absent is a missing one.
    public var who: FieldList<AgencyRef>?
    public var how: Field<String>?
    public var when: Field<String>?
    public var within: Field<Duration>?
    public var resources: FieldList<String>?
    public var hazards: FieldList<String>?
}

public struct Resource: Sendable {
    public var span: SourceSpan
    public var id: Field<String>?
    public var type: Field<ResourceType>?
    public var name: Field<String>?
    public var quantity: Field<Double>?
    public var unit: Field<String>?
    public var holder: Field<AgencyRef>?
}

public struct Drill: Sendable {
    public var span: SourceSpan
    public var date: Field<Day>?
    public var type: Field<DrillType>?
    public var findings: FieldList<String>?
}

public struct Revision: Sendable {
    public var span: SourceSpan
    public var version: Field<Version>?
    public var date: Field<Day>?
    public var reason: Field<String>?
}

public struct EventDates: Sendable {
    public var span: SourceSpan
    public var from: Field<Day>?
    public var to: Field<Day>?
}

/// One region of the regions document, with its full path (`qs/lin/shi`).
public struct Region: Sendable {
    public var span: SourceSpan
    public var id: Field<String>?
    public var path: String?
    public var name: Field<String>?
    public var level: Field<Level>?
    public var hazards: FieldList<String>?
    public var children: [Region]
}

/// The region tree (`eplan: regions/v1`).
public struct RegionsDocument: Sendable {
    public var file: String
    public var firstKey: SourceSpan
    public var regions: [Region]
}

/// Shared resources (`eplan: inventory/v1`).
public struct Inventory: Sendable {
    public var file: String
    public var firstKey: SourceSpan
    public var region: Field<String>?
    public var resources: [Resource]
}

/// A plan kept outside the repository, declared in `eplan.yaml`.
public struct ExternalPlan: Sendable {
    public var span: SourceSpan
    public var id: Field<String>?
    public var kind: Field<PlanKind>?
    public var level: Field<Level>?
    public var version: Field<Version>?
    public var region: Field<String>?
    public var hazards: FieldList<String>?
    public var severities: FieldList<SeverityClass>?
    public var reporting: Reporting?
    /// What the plan is called (for the graph and the report; no rule reads it).
    public var title: Field<String>?
}

/// How a rule is configured in `eplan.yaml`: its severity (nil = off) and its settings.
public struct RuleConfiguration: Sendable {
    public var span: SourceSpan
    public var enabled: Bool
    public var severity: Severity?
    public var settings: [String: Int]
    /// `region-no-master: {depth: LEVEL}`: the lowest level that needs a master plan.
    public var depth: Level?
}

/// Repository settings (`eplan: config/v1`, `eplan.yaml` at the root).
public struct Configuration: Sendable {
    public var file: String?
    public var include: [String]?
    public var exclude: [String] = []
    public var depth: Level = .township
    /// Symbolic links leading outside the repository: not read and reported (`stay`), or followed.
    public var links: LinkPolicy = .stay
    public var external: [ExternalPlan] = []
    /// Extra hazard ids by category.
    public var extraHazards: [String: [String]] = [:]
    /// Working days: the statutory calendar plus `calendar: {holidays, workdays}`.
    public var calendar = WorkingCalendar.statutory
    public var rules: [RuleID: RuleConfiguration] = [:]
    /// `lang:`: the language of messages for this repository, unless `--lang` or `EPLAN_LANG` says otherwise.
    public var language: Language?

    public init(file: String? = nil) {
        self.file = file
    }

    /// Every hazard id this repository knows: the built-in ones plus `hazards:` of the config.
    public var hazardVocabulary: Set<String> {
        Set(HazardCatalog.builtIn).union(extraHazards.values.joined())
    }

    /// The lowest level that must have master plans: `rules: {region-no-master: {depth: ...}}`, else `depth:`.
    public var effectiveDepth: Level {
        rules[RuleID("region-no-master")]?.depth ?? depth
    }

    /// A rule setting from `rules:`, else its default.
    public func setting<R: Rule>(_ setting: Setting<R>) -> Int {
        rules[R.description.id]?.settings[setting.name] ?? setting.defaultValue
    }

    public var yamlLimits: YAMLLimits {
        YAMLLimits(nesting: setting(YAMLLimit.nesting),
                   aliasNodes: setting(YAMLLimit.aliasNodes),
                   fileSize: setting(YAMLLimit.fileSize))
    }
}

/// What eplan does with a symbolic link whose target lies outside the repository (`links:` in eplan.yaml).
public enum LinkPolicy: String, Sendable, CaseIterable {
    /// Not read, and reported (`link-outside`): a pull request cannot make eplan print a file of the machine.
    case stay
    /// Read like any file (the behaviour before 1.1).
    case follow
}

// MARK: What the published document says besides the model (plan-format §4.1, `eplan export`)

/// One level of the plan's warning system (`warning.levels[]`).
public struct WarningLevel: Sendable {
    public var span: SourceSpan
    public var level: Field<WarningColour>?
    public var criteria: Field<String>?
    /// Who issues it: the plan's words (an agency id or a name).
    public var issuedBy: Field<String>?
}

/// `warning:` (预警).
public struct Warning: Sendable {
    public var span: SourceSpan
    public var levels: Field<[WarningLevel]>?
}

/// One area of `support:` (应急保障) and what the plan says about it.
public struct SupportEntry: Sendable {
    /// The area key; its value is nil when the key is not a known area.
    public var area: Field<SupportArea>
    public var items: FieldList<String>?
}

/// One entry of `contacts:`: an agency of the plan or a person's name, a role and a phone number.
public struct Contact: Sendable {
    public var span: SourceSpan
    public var agency: Field<AgencyRef>?
    public var name: Field<String>?
    public var role: Field<String>?
    public var phone: Field<String>?
}

/// One entry of `annexes:` (附件).
public struct Annex: Sendable {
    public var span: SourceSpan
    public var title: Field<String>?
    public var text: Field<String>?
}
