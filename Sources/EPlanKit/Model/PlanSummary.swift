import EPlanText
import EPlanYAML

/// What cross-plan rules may read of a plan, their subjects' included: exactly what the summary
/// cache keeps of a file (`Repository/SummaryCache/`). Identity and links, the hazards, classes
/// and exclusions of its scope, the agencies and roles of its organization, its reporting limits,
/// the resources it defines and uses, the stages its actions cover, and the agency references that
/// name a region or that its own organization does not resolve. Nothing else: a cross-plan rule
/// that needs more of a plan does not compile, rather than passing every full run and failing in the
/// one-file runs that editors and pre-commit hooks make, or in a run whose unchanged files come from
/// the findings cache.
///
/// A summary is either a view of a plan parsed in this run or a plan read from the cache; both give
/// the same answers (a test encodes the one and compares it with the other).
public struct PlanSummary: Sendable {
    enum Source: Sendable {
        case parsed(Plan)
        case cached(CachedPlan)
    }

    let source: Source

    public init(_ plan: Plan) {
        source = .parsed(plan)
    }

    init(_ cached: CachedPlan) {
        source = .cached(cached)
    }

    /// The scope: hazards, severity classes and exclusions.
    public struct Scope: Sendable {
        public var span: SourceSpan
        public var firstKey: SourceSpan
        public var hazards: FieldList<String>?
        public var severities: FieldList<SeverityClass>?
        public var excluded: [Exclusion]
    }

    /// A member of the organization: its agency and role (not its duties).
    public struct Member: Sendable {
        public var span: SourceSpan
        public var agency: Field<AgencyRef>?
        public var role: Field<MemberRole>?

        public var effectiveRole: MemberRole { role?.value ?? .support }
    }

    /// Where a plan writes an agency reference (messages name the place).
    public enum AgencyPlace: Sendable, Equatable {
        case owner, commandOffice, member, reportingTo, responseLead, resourceHolder
        /// `who` of an action (with the action's id, when it has one).
        case actionWho(String?)
    }

    /// What cross-plan rules read of a plan's text beyond its parts: agency references with their
    /// place, every resource its actions name (with the action's id), every resource it defines.
    /// (Lists of small structs, not of tuples: an array of tuples is copied and destroyed element by
    /// element through the runtime's generic tuple witnesses.)
    public struct Details: Sendable {
        public var agencyReferences: [AgencyReference]
        public var resourceUses: [ResourceUse]
        /// The id and the whole entry's span of each resource defined with an id.
        public var resourceDefinitions: [DefinedResource]
    }

    /// An agency reference with where the plan writes it.
    public struct AgencyReference: Sendable {
        public var place: AgencyPlace
        public var field: Field<AgencyRef>
    }

    /// A resource an action names, with the action's id.
    public struct ResourceUse: Sendable {
        public var action: String?
        public var resource: Field<String>
    }

    /// A resource the plan defines with an id, and the whole entry's span.
    public struct DefinedResource: Sendable {
        public var id: String
        public var span: SourceSpan
    }

    /// The three blocks of details the summary cache keeps apart (see `details`).
    public struct DetailBlocks: Sendable {
        public var qualified: Details
        public var foreign: Details
        public var resources: Details
    }

    /// The organization: the command office and the members (not the command's name or lead).
    public struct Organization: Sendable {
        public var span: SourceSpan
        public var office: Field<AgencyRef>?
        public var members: [Member]
    }

    /// The reporting limits (not to whom).
    public struct Reporting: Sendable {
        public var span: SourceSpan
        public var firstKey: SourceSpan
        public var initial: Field<ReportingLimit>?
        public var written: Field<ReportingLimit>?
        public var followUp: Field<Duration>?
    }

    /// What other plans' rules read of the actions: the resources they use and the stages they cover.
    public struct Actions: Sendable {
        public var usedResources: [String]
        public var stages: Set<Stage>
    }

    public var file: String {
        switch source { case .parsed(let p): p.file; case .cached(let c): c.file }
    }
    public var firstKey: SourceSpan {
        switch source { case .parsed(let p): p.firstKey; case .cached(let c): c.firstKey }
    }
    public var id: Field<String>? {
        switch source { case .parsed(let p): p.id; case .cached(let c): c.id }
    }
    public var kind: Field<PlanKind>? {
        switch source { case .parsed(let p): p.kind; case .cached(let c): c.kind }
    }
    public var level: Field<Level>? {
        switch source { case .parsed(let p): p.level; case .cached(let c): c.level }
    }
    public var region: Field<String>? {
        switch source { case .parsed(let p): p.region; case .cached(let c): c.region }
    }
    public var owner: Field<AgencyRef>? {
        switch source { case .parsed(let p): p.owner; case .cached(let c): c.owner }
    }
    public var status: Field<PlanStatus>? {
        switch source { case .parsed(let p): p.status; case .cached(let c): c.status }
    }
    public var version: Field<Version>? {
        switch source { case .parsed(let p): p.version; case .cached(let c): c.version }
    }
    public var parent: ParentLink? {
        switch source { case .parsed(let p): p.parent; case .cached(let c): c.parent }
    }
    /// The id `parent` names, read without copying the rest of the link (the vertical rules ask it of
    /// every plan they report on).
    public var parentID: String? {
        switch source { case .parsed(let p): p.parent?.id.value; case .cached(let c): c.parent?.id.value }
    }
    /// The `parent` key; the plan's first key when it has none.
    public var parentKey: SourceSpan {
        switch source { case .parsed(let p): p.parent?.span ?? p.firstKey; case .cached(let c): c.parent?.span ?? c.firstKey }
    }
    public var master: Field<String>? {
        switch source { case .parsed(let p): p.master; case .cached(let c): c.master }
    }
    /// The regions an event plan covers (`regions:`).
    public var regions: FieldList<String>? {
        switch source { case .parsed(let p): p.regions; case .cached(let c): c.regions }
    }

    /// The ids of the resources the plan defines (entries without a valid id left out).
    public var resourceIDs: [Field<String>] {
        switch source {
        case .parsed(let p): (p.resources?.value ?? []).compactMap { $0.id?.value == nil ? nil : $0.id }
        case .cached(let c): c.resourceIDs
        }
    }

    public var scope: Scope? {
        switch source {
        case .parsed(let p):
            p.scope.map { Scope(span: $0.span, firstKey: $0.firstKey, hazards: $0.hazards, severities: $0.severities, excluded: $0.excluded) }
        case .cached(let c): c.parts?.scope
        }
    }

    public var organization: Organization? {
        switch source {
        case .parsed(let p):
            p.organization.map { o in
                Organization(span: o.span, office: o.command?.office,
                             members: o.members.map { Member(span: $0.span, agency: $0.agency, role: $0.role) })
            }
        case .cached(let c): c.parts?.organization
        }
    }

    public var reporting: Reporting? {
        switch source {
        case .parsed(let p):
            p.reporting.map(Reporting.init)
        case .cached(let c): c.parts?.reporting
        }
    }

    /// nil when the plan has no `actions`.
    public var actions: Actions? {
        switch source {
        case .parsed(let p):
            p.actions.map { field in
                // By position: an action copied out of its list retains each of its texts.
                let actions = field.value ?? []
                var used: [String] = []
                for i in actions.indices {
                    for resource in actions[i].resources?.value ?? [] { if let id = resource.value { used.append(id) } }
                }
                return Actions(usedResources: used, stages: Set(p.coveredStages))
            }
        case .cached(let c): c.parts?.actions
        }
    }

    /// Which of a plan's agency references to go through.
    public enum AgencyReferences: Sendable {
        /// Those that name their region (`REGION:agency`).
        case qualified
        /// Those that the plan's own organization (command office and members, in its region) does not
        /// resolve: the only ones another plan's organization must answer for. None when the plan has no region.
        case outsideOwnOrganization
    }

    /// The plan's agency references of one kind, in file order of its parts: owner, command office,
    /// members, reporting.to, response-level leads, who of each action, resource holders. A cached plan
    /// keeps each kind apart (most plans have few of either).
    public func forEachAgencyReference(_ which: AgencyReferences, _ body: (AgencyPlace, Field<AgencyRef>) -> Void) {
        switch source {
        case .parsed(let p):
            p.forEachAgencyReference { place, field, kinds in
                if which == .qualified ? kinds.qualified : kinds.foreign { body(place, field) }
            }
        case .cached(let c):
            let block = which == .qualified ? c.parts?.qualifiedReferences : c.parts?.foreignReferences
            for reference in block?.agencyReferences ?? [] { body(reference.place, reference.field) }
        }
    }

    /// Every resource the plan's actions name, with the naming action's id, in file order.
    public func forEachResourceUse(_ body: (String?, Field<String>) -> Void) {
        switch source {
        case .parsed(let p):
            guard let actions = p.actions?.value else { return }
            for i in actions.indices {
                guard let entries = actions[i].resources?.value, !entries.isEmpty else { continue }
                let action = actions[i].id?.value
                for entry in entries { body(action, entry) }
            }
        case .cached(let c):
            for use in c.parts?.resources?.resourceUses ?? [] { body(use.action, use.resource) }
        }
    }

    /// Every resource the plan defines with an id: the id and the entry's span, in file order.
    public func forEachResourceDefinition(_ body: (String, SourceSpan) -> Void) {
        switch source {
        case .parsed(let p):
            guard let resources = p.resources?.value else { return }
            for i in resources.indices { if let id = resources[i].id?.value { body(id, resources[i].span) } }
        case .cached(let c):
            for definition in c.parts?.resources?.resourceDefinitions ?? [] { body(definition.id, definition.span) }
        }
    }

    /// `forEachResourceDefinition` and then `forEachResourceUse`, reading a cached plan's resources once.
    public func forEachResource(defined: (String, SourceSpan) -> Void, used: (String?, Field<String>) -> Void) {
        switch source {
        case .parsed:
            forEachResourceDefinition(defined)
            forEachResourceUse(used)
        case .cached(let c):
            guard let resources = c.parts?.resources else { return }
            for definition in resources.resourceDefinitions { defined(definition.id, definition.span) }
            for use in resources.resourceUses { used(use.action, use.resource) }
        }
    }

    /// The details as the summary cache keeps them: the qualified agency references, those outside
    /// the plan's own organization, and the resources.
    var details: DetailBlocks {
        var qualified = Details(agencyReferences: [], resourceUses: [], resourceDefinitions: [])
        var foreign = qualified
        var resources = qualified
        if case .parsed(let p) = source {
            // A parsed plan's references in one pass, both kinds at once.
            p.forEachAgencyReference { place, field, kinds in
                if kinds.qualified { qualified.agencyReferences.append(AgencyReference(place: place, field: field)) }
                if kinds.foreign { foreign.agencyReferences.append(AgencyReference(place: place, field: field)) }
            }
        } else {
            forEachAgencyReference(.qualified) { qualified.agencyReferences.append(AgencyReference(place: $0, field: $1)) }
            forEachAgencyReference(.outsideOwnOrganization) { foreign.agencyReferences.append(AgencyReference(place: $0, field: $1)) }
        }
        forEachResourceUse { resources.resourceUses.append(ResourceUse(action: $0, resource: $1)) }
        forEachResourceDefinition { resources.resourceDefinitions.append(DefinedResource(id: $0, span: $1)) }
        return DetailBlocks(qualified: qualified, foreign: foreign, resources: resources)
    }

    /// The agencies of the plan's own organization: the command office and every member (an agency
    /// may appear twice), with their regions resolved.
    public var organizationAgencyList: [AgencyKey] {
        switch source {
        case .parsed(let p): return p.organizationAgencyList
        case .cached(let c):
            guard let region = c.region?.value, let organization = c.parts?.organization else { return [] }
            return AgencyKey.list(in: region, office: organization.office, members: organization.members.map(\.agency))
        }
    }

    /// `in-force` unless the plan says otherwise (or says something invalid).
    public var effectiveStatus: PlanStatus { status?.value ?? .inForce }
    public var isRetired: Bool { effectiveStatus == .retired }
    public var isInForce: Bool { effectiveStatus == .inForce }

    /// The plan as a message names it: "plan 'qs.lin.flood'" / "预案 qs.lin.flood", or "this plan".
    var named: MessageArgument { .message(id?.value.map { Message("plan.named", ["id": .verbatim($0)]) } ?? Message("plan.this")) }

    /// A finding in this plan's file, tagged with its id.
    func finding(_ rule: RuleID, _ message: Message, at span: SourceSpan, help: Message? = nil,
                 related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(rule, message, at: Location(file: file, span: span), help: help, related: related, plan: id?.value)
    }

}

/// A plan read from the summary cache: identity and links decoded at once, the other parts when a
/// rule first asks for them (`DeferredPlanParts`).
final class CachedPlan: Sendable {
    let file: String
    let firstKey: SourceSpan
    let id: Field<String>?
    let kind: Field<PlanKind>?
    let level: Field<Level>?
    let region: Field<String>?
    let owner: Field<AgencyRef>?
    let status: Field<PlanStatus>?
    let version: Field<Version>?
    let parent: ParentLink?
    let master: Field<String>?
    let regions: FieldList<String>?
    let resourceIDs: [Field<String>]
    let parts: DeferredPlanParts?

    init(file: String, firstKey: SourceSpan, id: Field<String>?, kind: Field<PlanKind>?, level: Field<Level>?,
         region: Field<String>?, owner: Field<AgencyRef>?, status: Field<PlanStatus>?, version: Field<Version>?,
         parent: ParentLink?, master: Field<String>?, regions: FieldList<String>?, resourceIDs: [Field<String>], parts: DeferredPlanParts?) {
        self.file = file
        self.firstKey = firstKey
        self.id = id
        self.kind = kind
        self.level = level
        self.region = region
        self.owner = owner
        self.status = status
        self.version = version
        self.parent = parent
        self.master = master
        self.regions = regions
        self.resourceIDs = resourceIDs
        self.parts = parts
    }
}

extension PlanSummary.Reporting {
    /// An external plan's reporting limits (eplan.yaml), as a summary.
    init(_ r: Reporting) {
        self.init(span: r.span, firstKey: r.firstKey, initial: r.initial, written: r.written, followUp: r.followUp)
    }
}

extension SourceDocument {
    /// The plan the file holds, parsed or from the cache, as other plans' rules may see it.
    public var planSummary: PlanSummary? {
        switch content {
        case .plan(let plan): return PlanSummary(plan)
        case .cachedPlan(let summary): return summary
        default: return nil
        }
    }
}

extension Plan {
    /// Every agency reference of the plan with a value, in file order of its parts (owner, command
    /// office, members, reporting.to, response-level leads, who of each action, resource holders), with
    /// the kinds it is of (`PlanSummary.AgencyReferences`): `qualified` when it names its region,
    /// `foreign` when the plan's own organization does not resolve it (never, in a plan without a
    /// region). Lists are read by position: copying an action or a member out of its list retains all of it.
    func forEachAgencyReference(_ body: (PlanSummary.AgencyPlace, Field<AgencyRef>, (qualified: Bool, foreign: Bool)) -> Void) {
        let region = fields.region?.value
        let members = fields.organization?.members ?? []
        // The organization's agencies with their regions resolved, listed once (reading them out of the
        // members at each reference copied them each time); none without a region.
        let own = organizationAgencyList
        func visit(_ place: PlanSummary.AgencyPlace, _ field: Field<AgencyRef>) {
            guard let ref = field.value else { return }
            let foreign = region.map { !own.contains(ref, in: $0) } ?? false
            body(place, field, (qualified: ref.region != nil, foreign: foreign))
        }
        if let owner = fields.owner { visit(.owner, owner) }
        if let office = fields.organization?.command?.office { visit(.commandOffice, office) }
        for i in members.indices { if let agency = members[i].agency { visit(.member, agency) } }
        if let to = fields.reporting?.to { visit(.reportingTo, to) }
        if let levels = fields.responseLevels?.value {
            for i in levels.indices { for lead in levels[i].lead?.value ?? [] { visit(.responseLead, lead) } }
        }
        if let actions = fields.actions?.value {
            for i in actions.indices {
                guard let who = actions[i].who?.value, !who.isEmpty else { continue }
                let place = PlanSummary.AgencyPlace.actionWho(actions[i].id?.value)
                for field in who { visit(place, field) }
            }
        }
        if let resources = fields.resources?.value {
            for i in resources.indices { if let holder = resources[i].holder { visit(.resourceHolder, holder) } }
        }
    }

    /// The stages the plan's actions cover, each once, in the order they first appear. Read by
    /// position: an action copied out of its list retains each of its texts.
    var coveredStages: [Stage] {
        let actions = fields.actions?.value ?? []
        var stages: [Stage] = []
        for i in actions.indices {
            if let stage = actions[i].phase?.value?.stage, !stages.contains(stage) { stages.append(stage) }
        }
        return stages
    }

    /// What other plans' rules read of this plan (its `PlanSummary`), as values of their own: identity,
    /// links, the parts (scope, the organization's agencies, reporting, the stages and resources of
    /// the actions) and the details (agency references, resources used and defined). A lint run keeps
    /// this of a plan whose own rules have run and lets the plan go, so that the plans of a large
    /// repository do not sit in memory whole. It answers as the plan does and encodes to the same
    /// summary, byte for byte (a test checks both).
    func keptForOtherPlans() -> PlanSummary {
        let whole = PlanSummary(self)
        let parts = DeferredPlanParts(scope: whole.scope, organization: whole.organization, reporting: whole.reporting,
                                      actions: whole.actions, details: whole.details)
        return PlanSummary(CachedPlan(file: fields.file, firstKey: fields.firstKey, id: fields.id, kind: fields.kind, level: fields.level, region: fields.region,
                                      owner: fields.owner, status: fields.status, version: fields.version, parent: fields.parent, master: fields.master,
                                      regions: fields.regions, resourceIDs: whole.resourceIDs, parts: parts))
    }
}
