import EPlanYAML

/// One emergency plan (`eplan: plan/v1`), as decoded from a file read in this run. Every field
/// keeps where it was written. Immutable: the decoder fills in `PlanFields` and makes the plan from
/// them, so the index, the lookups and rules on several threads share one copy safely.
///
/// Rules see the plans of the files they report on (`RuleContext.subjects`) as `Plan`; every other
/// plan reaches them as a `PlanSummary`, which holds only what the summary cache keeps.
@dynamicMemberLookup
public final class Plan: Sendable {
    /// The fields as decoded, kept whole: making a plan moves them in (assigning each field copied it
    /// and released the original, some seventy reference counts per plan). Each reads as a property of
    /// the plan (`plan.id`, `plan.actions`).
    @usableFromInline let fields: PlanFields

    public init(_ f: consuming PlanFields) {
        fields = f
    }

    @inlinable public subscript<T>(dynamicMember field: KeyPath<PlanFields, T>) -> T { fields[keyPath: field] }

    /// `in-force` unless the plan says otherwise (or says something invalid).
    public var effectiveStatus: PlanStatus { fields.status?.value ?? .inForce }

    /// What other plans' rules may read of this plan.
    public var summary: PlanSummary { PlanSummary(self) }
}

/// The fields of a plan: filled in while it is decoded, then kept whole by `Plan`, which reads them as
/// its own properties.
public struct PlanFields: Sendable {
    public var file: String
    /// The plan's first key (its first line): where missing top-level keys are reported.
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
    /// The regions of a joint plan.
    public var regions: FieldList<String>?
    public var eventDates: EventDates?
    /// What kind of unit keeps a unit plan (plan-format §4.1); nil when not written (`enterprise`).
    public var category: Field<UnitCategory>?
    /// The form of a unit plan (plan-format §4.1); nil when not written (`comprehensive`).
    public var form: Field<PlanForm>?
    /// What the published document says besides the model (plan-format §4.1; `eplan export`).
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
