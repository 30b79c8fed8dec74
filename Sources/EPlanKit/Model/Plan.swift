import EPlanYAML

/// One emergency plan (`eplan: plan/v1`), as decoded from a file read in this run. Every field
/// keeps where it was written. Immutable: the decoder fills in `PlanFields` and makes the plan from
/// them, so the index, the lookups and rules on several threads share one copy safely.
///
/// Rules see the plans of the files they report on (`RuleContext.subjects`) as `Plan`; every other
/// plan reaches them as a `PlanSummary`, which holds only what the summary cache keeps.
public final class Plan: Sendable {
    /// The fields as decoded, kept whole: making a plan moves them in (assigning each field copied it
    /// and released the original, some seventy reference counts per plan).
    private let fields: PlanFields

    public var file: String { fields.file }
    /// The plan's first key (its first line): where missing top-level keys are reported.
    public var firstKey: SourceSpan { fields.firstKey }
    public var id: Field<String>? { fields.id }
    public var title: Field<String>? { fields.title }
    public var kind: Field<PlanKind>? { fields.kind }
    public var level: Field<Level>? { fields.level }
    public var region: Field<String>? { fields.region }
    public var owner: Field<AgencyRef>? { fields.owner }
    public var status: Field<PlanStatus>? { fields.status }
    public var version: Field<Version>? { fields.version }
    public var issued: Field<Day>? { fields.issued }
    public var filed: Field<Day>? { fields.filed }
    public var evaluated: Field<Day>? { fields.evaluated }
    public var parent: ParentLink? { fields.parent }
    public var master: Field<String>? { fields.master }
    public var scope: Scope? { fields.scope }
    public var organization: Organization? { fields.organization }
    public var reporting: Reporting? { fields.reporting }
    public var responseLevels: Field<[ResponseLevel]>? { fields.responseLevels }
    public var actions: Field<[Action]>? { fields.actions }
    public var resources: Field<[Resource]>? { fields.resources }
    public var drills: Field<[Drill]>? { fields.drills }
    public var revisions: Field<[Revision]>? { fields.revisions }
    /// The regions of a joint plan.
    public var regions: FieldList<String>? { fields.regions }
    public var eventDates: EventDates? { fields.eventDates }
    /// What kind of unit keeps a unit plan (plan-format §4.1); nil when not written (`enterprise`).
    public var category: Field<UnitCategory>? { fields.category }
    /// The form of a unit plan (plan-format §4.1); nil when not written (`comprehensive`).
    public var form: Field<PlanForm>? { fields.form }
    /// What the published document says besides the model (plan-format §4.1; `eplan export`).
    public var purpose: Field<String>? { fields.purpose }
    public var basis: FieldList<String>? { fields.basis }
    public var principles: FieldList<String>? { fields.principles }
    public var warning: Warning? { fields.warning }
    public var termination: Field<String>? { fields.termination }
    public var support: Field<[SupportEntry]>? { fields.support }
    public var contacts: Field<[Contact]>? { fields.contacts }
    public var annexes: Field<[Annex]>? { fields.annexes }

    public init(_ f: consuming PlanFields) {
        fields = f
    }

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
