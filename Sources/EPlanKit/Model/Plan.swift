import EPlanYAML

/// One emergency plan (`eplan: plan/v1`), as decoded from a file read in this run. Every field
/// keeps where it was written. Immutable: the decoder fills in `PlanFields` and makes the plan from
/// them, so the index, the lookups and rules on several threads share one copy safely.
///
/// Rules see the plans of the files they report on (`RuleContext.subjects`) as `Plan`; every other
/// plan reaches them as a `PlanSummary`, which holds only what the summary cache keeps.
public final class Plan: Sendable {
    public let file: String
    /// The plan's first key (its first line): where missing top-level keys are reported.
    public let firstKey: SourceSpan
    public let id: Field<String>?
    public let title: Field<String>?
    public let kind: Field<PlanKind>?
    public let level: Field<Level>?
    public let region: Field<String>?
    public let owner: Field<AgencyRef>?
    public let status: Field<PlanStatus>?
    public let version: Field<Version>?
    public let issued: Field<Day>?
    public let filed: Field<Day>?
    public let evaluated: Field<Day>?
    public let parent: ParentLink?
    public let master: Field<String>?
    public let scope: Scope?
    public let organization: Organization?
    public let reporting: Reporting?
    public let responseLevels: Field<[ResponseLevel]>?
    public let actions: Field<[Action]>?
    public let resources: Field<[Resource]>?
    public let drills: Field<[Drill]>?
    public let revisions: Field<[Revision]>?
    /// The regions of a joint plan.
    public let regions: FieldList<String>?
    public let eventDates: EventDates?
    /// What kind of unit keeps a unit plan (plan-format §4.1); nil when not written (`enterprise`).
    public let category: Field<UnitCategory>?
    /// The form of a unit plan (plan-format §4.1); nil when not written (`comprehensive`).
    public let form: Field<PlanForm>?
    /// What the published document says besides the model (plan-format §4.1; `eplan export`).
    public let purpose: Field<String>?
    public let basis: FieldList<String>?
    public let principles: FieldList<String>?
    public let warning: Warning?
    public let termination: Field<String>?
    public let support: Field<[SupportEntry]>?
    public let contacts: Field<[Contact]>?
    public let annexes: Field<[Annex]>?

    public init(_ f: consuming PlanFields) {
        file = f.file
        firstKey = f.firstKey
        id = f.id
        title = f.title
        kind = f.kind
        level = f.level
        region = f.region
        owner = f.owner
        status = f.status
        version = f.version
        issued = f.issued
        filed = f.filed
        evaluated = f.evaluated
        parent = f.parent
        master = f.master
        scope = f.scope
        organization = f.organization
        reporting = f.reporting
        responseLevels = f.responseLevels
        actions = f.actions
        resources = f.resources
        drills = f.drills
        revisions = f.revisions
        regions = f.regions
        eventDates = f.eventDates
        category = f.category
        form = f.form
        purpose = f.purpose
        basis = f.basis
        principles = f.principles
        warning = f.warning
        termination = f.termination
        support = f.support
        contacts = f.contacts
        annexes = f.annexes
    }

    /// `in-force` unless the plan says otherwise (or says something invalid).
    public var effectiveStatus: PlanStatus { status?.value ?? .inForce }

    /// What other plans' rules may read of this plan.
    public var summary: PlanSummary { PlanSummary(self) }
}

/// The fields of a plan while it is being decoded (see `Plan`).
public struct PlanFields: Sendable {
    public var file: String
    public var firstKey: SourceSpan
    public var id: Field<String>?
    public var title: Field<String>?
    public var kind: Field<PlanKind>?
    public var level: Field<Level>?
    public var region: Field<String>?
    public var owner: Field<AgencyRef>?
    public var status: Field<PlanStatus>?
    public var version: Field<Version>?
    public var issued: Field<Day>?
    public var filed: Field<Day>?
    public var evaluated: Field<Day>?
    public var parent: ParentLink?
    public var master: Field<String>?
    public var scope: Scope?
    public var organization: Organization?
    public var reporting: Reporting?
    public var responseLevels: Field<[ResponseLevel]>?
    public var actions: Field<[Action]>?
    public var resources: Field<[Resource]>?
    public var drills: Field<[Drill]>?
    public var revisions: Field<[Revision]>?
    public var regions: FieldList<String>?
    public var eventDates: EventDates?
    public var category: Field<UnitCategory>?
    public var form: Field<PlanForm>?
    public var purpose: Field<String>?
    public var basis: FieldList<String>?
    public var principles: FieldList<String>?
    public var warning: Warning?
    public var termination: Field<String>?
    public var support: Field<[SupportEntry]>?
    public var contacts: Field<[Contact]>?
    public var annexes: Field<[Annex]>?

    public init(file: String, firstKey: SourceSpan) {
        self.file = file
        self.firstKey = firstKey
    }
}
