import EPlanText
import EPlanYAML

/// Everything cross-plan rules look up, built once per run in one pass over the documents:
/// plans and resources by id, the region tree by path, external plans. Lookups are hash-based,
/// so rules stay linear in the number of plans.
public struct RepositoryIndex: Sendable {
    /// Where a resource id is defined: its id's span and the document holding it (the index keeps
    /// the place, not a copy of the resource; 20 bytes for each of hundreds of thousands of ids).
    public struct ResourceDefinition: Sendable {
        public var span: SourceSpan
        /// The position of the defining plan in `plans`, or of the inventory in `inventories`.
        var owner: Int32
        var inInventory: Bool
    }

    /// The plan that defines a resource (nil: an inventory).
    public func definingPlan(of definition: ResourceDefinition) -> PlanSummary? {
        definition.inInventory ? nil : plans[Int(definition.owner)]
    }

    /// The file that defines a resource.
    public func file(of definition: ResourceDefinition) -> String {
        definition.inInventory ? inventories[Int(definition.owner)].file : plans[Int(definition.owner)].file
    }

    public struct RegionEntry: Sendable {
        public var region: Region
        public var path: String
        public var parentPath: String?
        public var file: String
    }

    public let configuration: Configuration
    /// Every readable plan, in (file, line) order, as other plans' rules may see it.
    public private(set) var plans: [PlanSummary] = []
    /// The first plan of each id (later duplicates are findings, not entries).
    public private(set) var planByID: [String: Int] = [:]
    public private(set) var externalByID: [String: ExternalPlan] = [:]
    public private(set) var resourceByID: [String: ResourceDefinition] = [:]
    /// The ids whose first definition (`resourceByID`) is in a retired plan and that a plan not retired
    /// or an inventory defines again: they exist (rules.md: retired plans take part in no cross-plan rule).
    public private(set) var resourcesRedefined: Set<String> = []
    public private(set) var inventories: [Inventory] = []
    /// The regions document, when the repository has one.
    public private(set) var regionsDocument: RegionsDocument?
    public private(set) var regionByPath: [String: RegionEntry] = [:]
    /// Findings that only the whole repository reveals (duplicate ids, a second regions document).
    public private(set) var diagnostics: [Diagnostic] = []
    /// Files that could not be read whole (`yaml-syntax`, `yaml-limit`), in file order.
    public private(set) var brokenFiles: [String] = []
    /// The ids those files were read to have: a link to one is not "unresolved" (rules.md 1.1).
    public private(set) var brokenPlanIDs: Set<String> = []
    /// The regions of those of them that are plans (not retired): coverage conclusions about these
    /// regions are withheld, since the file may hold what seems missing.
    public private(set) var brokenRegions: Set<String> = []

    /// Builds the index; with more than one job its three parts (plans, resources, regions) and
    /// `alongside` are built side by side.
    public init(documents: [SourceDocument], configuration: Configuration, jobs: Int = 1,
                alongside: @Sendable () -> Void = {}) {
        self.configuration = configuration
        // Two external entries with one id: the first counts, the later is a duplicate (1.1).
        var externals: [String: ExternalPlan] = [:]
        var externalDuplicates: [Diagnostic] = []
        let configFile = configuration.file ?? "eplan.yaml"
        for external in configuration.external {
            guard let field = external.id, let id = field.value else { continue }
            if let first = externals[id] {
                let at = first.id?.span ?? first.span
                externalDuplicates.append(Diagnostic(
                    .duplicateID, Message("repo.duplicate-external", ["id": .verbatim(id), "file": .verbatim(configFile), "line": .number(at.start.line)]),
                    at: Location(file: configFile, span: field.span), help: Message("repo.duplicate-external-help"),
                    related: [RelatedLocation(Location(file: configFile, span: at), Message("repo.duplicate-external-first", ["id": .verbatim(id)]))]))
            } else {
                externals[id] = external
            }
        }
        externalByID = externals
        let externalsByID = externals
        // Each part takes the documents in file order (a file holds one document): plans, and resources of
        // plans and inventories (one id space, the later in (file, line) order being the duplicate).
        // (Documents are read in place, by position: copying one retains each of its parts.)
        let inFileOrder = documents.indices.dropFirst().allSatisfy { documents[$0 - 1].display <= documents[$0].display }
            ? documents : documents.sorted { $0.display < $1.display }
        let planSlot = ResultSlots<PlanPart>(count: 1)
        let resourceSlot = ResultSlots<ResourcePart>(count: 1)
        let regionSlot = ResultSlots<RegionPart>(count: 1)
        let planTask: @Sendable () -> Void = {
            planSlot.store(PlanPart(inFileOrder, externals: externalsByID, configFile: configuration.file), at: 0)
        }
        let resourceTask: @Sendable () -> Void = { resourceSlot.store(ResourcePart(inFileOrder), at: 0) }
        let regionTask: @Sendable () -> Void = { regionSlot.store(RegionPart(inFileOrder), at: 0) }
        withoutActuallyEscaping(alongside) { alongside in
            // The longest first, the shortest last (threads take them in this order): at 100,000 plans the
            // resources take some 140 ms, the caller's work alongside (the region lookups) 100, the plans
            // 66, the regions 37. Against the order plans, resources, regions, alongside, the phase went
            // from a median of 212 ms to 185 (warm, twelve runs of each side by side).
            sideBySide([resourceTask, alongside, planTask, regionTask], jobs: jobs)
        }
        // Every task has run: each slot holds its part.
        let (planPart, resourcePart, regionPart) = (planSlot.value(at: 0)!, resourceSlot.value(at: 0)!, regionSlot.value(at: 0)!)
        plans = planPart.plans
        planByID = planPart.planByID
        (brokenFiles, brokenPlanIDs, brokenRegions) = (planPart.brokenFiles, planPart.brokenPlanIDs, planPart.brokenRegions)
        resourceByID = resourcePart.resourceByID
        resourcesRedefined = resourcePart.redefined
        inventories = resourcePart.inventories
        regionsDocument = regionPart.regionsDocument
        regionByPath = regionPart.regionByPath
        diagnostics = externalDuplicates + planPart.diagnostics + resourcePart.diagnostics + regionPart.diagnostics
    }

    public func plan(_ id: String) -> PlanSummary? {
        planByID[id].map { plans[$0] }
    }

    /// Plans by id.
    private struct PlanPart: Sendable {
        var plans: [PlanSummary] = []
        var planByID: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        var brokenFiles: [String] = []
        var brokenPlanIDs: Set<String> = []
        var brokenRegions: Set<String> = []

        init(_ documents: [SourceDocument], externals: [String: ExternalPlan], configFile: String?) {
            plans.reserveCapacity(documents.count)
            planByID.reserveCapacity(documents.count)
            for position in documents.indices {
                if case .broken(let broken) = documents[position].content {
                    brokenFiles.append(documents[position].display)
                    guard broken.isPlan, broken.status != .retired else { continue }
                    if let id = broken.id { brokenPlanIDs.insert(id) }
                    if let region = broken.region { brokenRegions.insert(region) }
                    continue
                }
                guard let plan = documents[position].planSummary else { continue }
                let index = plans.count
                plans.append(plan)
                guard let field = plan.id, let id = field.value else { continue }
                let (first, inserted) = planByID.insertIfAbsent(index, for: id)
                if !inserted {
                    let other = plans[first]
                    let at = other.id?.span ?? other.firstKey
                    diagnostics.append(Diagnostic(
                        .duplicateID, Message("repo.duplicate-plan", ["id": .verbatim(id), "file": .verbatim(other.file), "line": .number(at.start.line)]),
                        at: Location(file: plan.file, span: field.span), help: Message("repo.duplicate-plan-help"),
                        related: [RelatedLocation(Location(file: other.file, span: at), Message("repo.duplicate-plan-first", ["id": .verbatim(id)]))],
                        plan: id))
                } else if let external = externals[id], let file = configFile {
                    // The plan counts; the finding points at the external entry (1.1).
                    diagnostics.append(Diagnostic(
                        .duplicateID, Message("repo.external-is-plan", ["id": .verbatim(id), "file": .verbatim(plan.file),
                                                                         "line": .number(field.span.start.line)]),
                        at: Location(file: file, span: external.id?.span ?? external.span),
                        help: Message("repo.external-is-plan-help"),
                        related: [RelatedLocation(Location(file: plan.file, span: field.span), Message("plan.named", ["id": .verbatim(id)]))]))
                }
            }
        }
    }

    /// Resources of plans and inventories by id; owners are positions among the plans (or inventories) in file order.
    private struct ResourcePart: Sendable {
        var resourceByID: [String: ResourceDefinition] = [:]
        var redefined: Set<String> = []
        var inventories: [Inventory] = []
        var diagnostics: [Diagnostic] = []
        /// The file, id and retirement of each plan, by position.
        private var plans: [(file: String, id: String?, retired: Bool)] = []

        init(_ documents: [SourceDocument]) {
            // Sized once: growing a table of hundreds of thousands of ids holds the old and the new one at a time.
            resourceByID.reserveCapacity(documents.indices.reduce(0) { total, position in
                switch documents[position].content {
                case .plan(let plan): return total + (plan.resources?.value?.count ?? 0)
                case .cachedPlan(let summary): return total + summary.resourceIDs.count
                case .inventory(let inventory): return total + inventory.resources.count
                default: return total
                }
            })
            for position in documents.indices {
                switch documents[position].content {
                case .plan(let plan):
                    plans.append((plan.file, plan.id?.value, plan.isRetired))
                    // By index: only the id is read, the rest of each resource is not copied.
                    let resources = plan.resources?.value ?? []
                    for i in resources.indices { add(resources[i].id, owner: plans.count - 1, inInventory: false) }
                case .cachedPlan(let summary):
                    plans.append((summary.file, summary.id?.value, summary.isRetired))
                    for id in summary.resourceIDs { add(id, owner: plans.count - 1, inInventory: false) }
                case .inventory(let inventory):
                    inventories.append(inventory)
                    for i in inventory.resources.indices {
                        add(inventory.resources[i].id, owner: inventories.count - 1, inInventory: true)
                    }
                default:
                    break
                }
            }
            plans = []
        }

        private func file(of definition: ResourceDefinition) -> String {
            definition.inInventory ? inventories[Int(definition.owner)].file : plans[Int(definition.owner)].file
        }

        private mutating func add(_ resourceID: Field<String>?, owner: Int, inInventory: Bool) {
            guard let field = resourceID, let id = field.value else { return }
            let definition = ResourceDefinition(span: field.span, owner: Int32(clamping: owner), inInventory: inInventory)
            let (first, inserted) = resourceByID.insertIfAbsent(definition, for: id)
            if inserted { return }
            if !first.inInventory, plans[Int(first.owner)].retired, inInventory || !plans[owner].retired { redefined.insert(id) }
            let (at, firstFile) = (first.span, file(of: first))
            diagnostics.append(Diagnostic(
                .duplicateID, Message("repo.duplicate-resource", ["id": .verbatim(id), "file": .verbatim(firstFile), "line": .number(at.start.line)]),
                at: Location(file: file(of: definition), span: field.span), help: Message("repo.duplicate-resource-help"),
                related: [RelatedLocation(Location(file: firstFile, span: at), Message("repo.duplicate-resource-first", ["id": .verbatim(id)]))],
                plan: inInventory ? nil : plans[owner].id))
        }
    }

    /// The region tree by path.
    private struct RegionPart: Sendable {
        var regionsDocument: RegionsDocument?
        var regionByPath: [String: RegionEntry] = [:]
        var diagnostics: [Diagnostic] = []

        init(_ documents: [SourceDocument]) {
            for position in documents.indices {
                if case .regions(let regions) = documents[position].content { add(regions) }
            }
        }

        private mutating func add(_ document: RegionsDocument) {
            if let first = regionsDocument {
                diagnostics.append(Diagnostic(
                    .schemaValue, Message("repo.second-regions-document", ["file": .verbatim(first.file)]),
                    at: Location(file: document.file, span: document.firstKey),
                    help: Message("repo.second-regions-document-help"),
                    related: [RelatedLocation(Location(file: first.file, span: first.firstKey), Message("repo.second-regions-document-first"))]))
                return
            }
            regionsDocument = document
            // Room for every entry at once: an entry is some 300 bytes, and growing the table one doubling
            // at a time touched 3 MB more at 4,000 regions.
            func count(_ regions: [Region]) -> Int { regions.reduce(regions.count) { $0 + count($1.children) } }
            regionByPath.reserveCapacity(count(document.regions))
            // In document order (a stack of entries still to visit, each level pushed reversed), so that
            // of two entries with one path the first counts (1.1; the decoder reports the later one).
            // A later entry's children are still read: each has its own path.
            var pending: [(Region, String?)] = []
            for region in document.regions.reversed() { pending.append((region, nil)) }
            while let (region, parentPath) = pending.popLast() {
                guard let path = region.path else { continue }
                _ = regionByPath.insertIfAbsent(RegionEntry(region: region, path: path, parentPath: parentPath, file: document.file), for: path)
                for child in region.children.reversed() { pending.append((child, path)) }
            }
        }
    }
}

/// A plan a link can point at: one of the repository's, or an `external` entry of eplan.yaml.
/// (Both payloads are references: an enum with a tuple payload was copied and destroyed through the
/// runtime's generic value witnesses, at every docking the rules make.)
public enum PlanTarget: Sendable {
    case local(PlanSummary)
    case externalEntry(ExternalTarget)

    /// An external entry of the configuration file `file`.
    public static func external(_ plan: ExternalPlan, file: String) -> PlanTarget {
        .externalEntry(ExternalTarget(plan, file: file))
    }

    /// An external entry with the configuration file that holds it.
    public final class ExternalTarget: Sendable {
        public let plan: ExternalPlan
        public let file: String

        init(_ plan: ExternalPlan, file: String) {
            self.plan = plan
            self.file = file
        }
    }

    public var id: String? {
        switch self {
        case .local(let p): return p.id?.value
        case .externalEntry(let x): return x.plan.id?.value
        }
    }

    public var kind: PlanKind? {
        switch self {
        case .local(let p): return p.kind?.value
        case .externalEntry(let x): return x.plan.kind?.value
        }
    }

    public var level: Level? {
        switch self {
        case .local(let p): return p.level?.value
        case .externalEntry(let x): return x.plan.level?.value
        }
    }

    public var region: String? {
        switch self {
        case .local(let p): return p.region?.value
        case .externalEntry(let x): return x.plan.region?.value
        }
    }

    public var version: Field<Version>? {
        switch self {
        case .local(let p): return p.version
        case .externalEntry(let x): return x.plan.version
        }
    }

    /// The hazards it handles (a plan's `scope.hazards`, an external entry's `hazards`).
    public var hazards: [String] {
        switch self {
        case .local(let p): return p.scope?.hazards?.value?.compactMap(\.value) ?? []
        case .externalEntry(let x): return x.plan.hazards?.value?.compactMap(\.value) ?? []
        }
    }

    /// The severity classes it handles; all four when not stated.
    public var severities: Set<SeverityClass> {
        Set(handledClasses)
    }

    /// The classes of `severities` in order (`I` first), found without building a set: every plan's
    /// reporting limits are compared class by class.
    public var handledClasses: [SeverityClass] {
        let list: FieldList<SeverityClass>?
        switch self {
        case .local(let p): list = p.scope?.severities
        case .externalEntry(let x): list = x.plan.severities
        }
        guard let values = list?.value else { return SeverityClass.allCases }
        return SeverityClass.allCases.filter { c in values.contains { $0.value == c } }
    }

    public var reporting: PlanSummary.Reporting? {
        switch self {
        case .local(let p): return p.reporting
        case .externalEntry(let x): return x.plan.reporting.map(PlanSummary.Reporting.init)
        }
    }

    public var plan: PlanSummary? {
        if case .local(let p) = self { return p }
        return nil
    }

    public var isExternal: Bool { plan == nil }

    /// External plans have no status: they count as in force.
    public var status: PlanStatus {
        plan?.effectiveStatus ?? .inForce
    }

    /// Where it is declared: the plan's id, or the external entry in eplan.yaml.
    public var location: Location {
        switch self {
        case .local(let p): return Location(file: p.file, span: p.id?.span ?? p.firstKey)
        case .externalEntry(let x): return Location(file: x.file, span: x.plan.id?.span ?? x.plan.span)
        }
    }

    /// "plan 'x'" or "external plan 'x'".
    public var name: String {
        isExternal ? "external plan '\(id ?? "?")'" : "plan '\(id ?? "?")'"
    }

    /// The plan as a message names it: "plan 'x'" / "external plan 'x'" (预案 x / 外部预案 x).
    public var named: MessageArgument {
        .message(Message(isExternal ? "plan.external" : "plan.named", ["id": .verbatim(id ?? "?")]))
    }
}

/// An agency in a region: `fire-rescue` of `qs/lin`.
public struct AgencyKey: Sendable, Hashable {
    public var region: String
    public var agency: String

    /// Sets of agencies are checked once per reference of every plan: the hash takes the agency's
    /// name only (one string instead of two; equality still compares both).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(agency)
    }
}

extension AgencyRef {
    /// The agency with its region resolved against the region of the plan that writes the ref.
    public func resolved(in region: String) -> AgencyKey {
        AgencyKey(region: self.region ?? region, agency: agency)
    }
}

extension RepositoryIndex {
    /// The plan or external entry with this id.
    public func target(_ id: String) -> PlanTarget? {
        if let plan = plan(id) { return .local(plan) }
        if let external = externalByID[id] { return .external(external, file: configuration.file ?? "eplan.yaml") }
        return nil
    }

    /// Every plan id and external id, for suggestions.
    public var allPlanIDs: [String] {
        Array(planByID.keys) + externalByID.keys.filter { planByID[$0] == nil }
    }

    /// Plans that take part in cross-plan rules (retired plans are ignored by every one of them).
    public var activePlans: [PlanSummary] {
        plans.filter { !$0.isRetired }
    }

    /// True when `ancestor` is a proper ancestor of `path` in the region tree (`qs` of `qs/lin`).
    public static func isAncestor(_ ancestor: String, of path: String) -> Bool {
        // ASCII paths (nearly all) on their bytes: counting characters and offsetting by them took
        // 1,100 instructions a call (`parent-region` asks it of every plan).
        var (a, p) = (ancestor, path)
        let ascii = a.withUTF8 { ab in
            p.withUTF8 { pb -> Bool? in
                guard ab.allSatisfy({ $0 < 0x80 }), pb.allSatisfy({ $0 < 0x80 }) else { return nil }
                return pb.count > ab.count && pb[ab.count] == UInt8(ascii: "/") && ab.indices.allSatisfy { pb[$0] == ab[$0] }
            }
        }
        if let ascii { return ascii }
        return path.count > ancestor.count && path.hasPrefix(ancestor) && path.dropFirst(ancestor.count).first == "/"
    }
}

/// Lookups by region that several rules share, built once per run in one pass.
public struct RegionLookups: Sendable {
    /// In-force master plans by region.
    public var masters: [String: [PlanSummary]] = [:]
    /// Regions whose master is an external entry with that region.
    public var externalMasterRegions: Set<String> = []
    /// External master entries by region.
    public var externalMasters: [String: [ExternalPlan]] = [:]
    /// In-force special plans by region.
    public var specials: [String: [PlanSummary]] = [:]
    /// External special plans by region ("" for entries without a region).
    public var externalSpecials: [String: [ExternalPlan]] = [:]
    /// Owners of in-force departmental plans.
    public var departmentalOwners: Set<AgencyKey> = []
    /// The ids that some in-force plan names as its parent.
    public var namedAsParent: Set<String> = []

    public init(_ index: RepositoryIndex) {
        self.init(plans: index.plans, configuration: index.configuration)
    }

    /// From the plans in file order (as the index holds them), so that it can be built beside the index.
    public init(plans: [PlanSummary], configuration: Configuration) {
        for plan in plans where plan.isInForce {
            if let parent = plan.parentID { namedAsParent.insert(parent) }
            guard let kind = plan.kind?.value, let region = plan.region?.value else { continue }
            switch kind {
            case .master:
                masters[region, default: []].append(plan)
            case .special:
                specials[region, default: []].append(plan)
            case .departmental:
                if let owner = plan.owner?.value { departmentalOwners.insert(owner.resolved(in: region)) }
            default:
                break
            }
        }
        for external in configuration.external {
            switch external.kind?.value {
            case .master:
                if let region = external.region?.value {
                    externalMasterRegions.insert(region)
                    externalMasters[region, default: []].append(external)
                }
            case .special: externalSpecials[external.region?.value ?? "", default: []].append(external)
            default: break
            }
        }
    }

    /// The agencies of the organizations of the region's in-force master plans; nil when it has none.
    /// Computed when asked (a one-file run asks about few regions and reads few organizations).
    public func masterAgencies(_ region: String) -> [AgencyKey]? {
        masters[region].map { $0.flatMap(\.organizationAgencyList) }
    }

    /// True when the region has an in-force master plan (an external master counts).
    public func hasMaster(_ region: String) -> Bool {
        masters[region] != nil || externalMasterRegions.contains(region)
    }
}

/// What a region must cover and what covers it, as `hazard-uncovered` defines it: required are the
/// hazards of its risk profile and of its master plans' scopes (an external master's `hazards` are its
/// scope); covering are its in-force special plans (and external ones), and in townships and
/// communities its master plans too. `eplan report` draws the same thing.
public struct RegionCoverage: Sendable {
    public var level: Level?
    /// Required hazards in order (risk profile first), each with where a finding about it lands.
    public var required: [(hazard: String, location: Location)] = []
    /// What covers: the hazards of each covering plan (or external entry) and its id, in order.
    private var covering: [(hazards: FieldList<String>?, id: String?)] = []

    /// Hazard -> ids of the plans (or external entries) that cover it.
    public var coveredBy: [String: [String]] {
        var result: [String: [String]] = [:]
        for (list, id) in covering {
            for h in list?.value?.compactMap(\.value) ?? [] { result[h, default: []].append(id ?? "?") }
        }
        return result
    }

    /// True when some covering plan (or external entry) lists the hazard: `coveredBy[hazard] != nil`
    /// without building the table (`hazard-uncovered` asks it of every region's few required hazards).
    public func covers(_ hazard: String) -> Bool {
        covering.contains { $0.hazards?.value?.contains { $0.value == hazard } == true }
    }

    /// Borrowing the index and lookups: `hazard-uncovered` makes one of these per region (see `Docking.init`).
    public init(region: String, index: borrowing RepositoryIndex, lookups: borrowing RegionLookups) {
        let masters = lookups.masters[region] ?? []
        let externalMasters = lookups.externalMasters[region] ?? []
        let configFile = index.configuration.file ?? "eplan.yaml"
        level = index.regionByPath[region]?.region.level?.value ?? masters.first?.level?.value
        // A region requires a few hazards: a scan of those found costs less than a set of them (hashing
        // took 18 M instructions for the 3,946 regions of the 10,000-plan repository). A long list is hashed.
        var seen: Set<String>?
        func require(_ list: FieldList<String>?, _ file: String) {
            for hazard in list?.value ?? [] {
                guard let h = hazard.value else { continue }
                if seen == nil, required.count > 32 { seen = Set(required.map(\.hazard)) }
                if seen != nil {
                    guard seen!.insert(h).inserted else { continue }
                } else if required.contains(where: { $0.hazard == h }) {
                    continue
                }
                required.append((h, Location(file: file, span: hazard.span)))
            }
        }
        func cover(_ list: FieldList<String>?, by id: String?) {
            covering.append((list, id))
        }
        if let entry = index.regionByPath[region] { require(entry.region.hazards, entry.file) }
        for master in masters { require(master.scope?.hazards, master.file) }
        for external in externalMasters { require(external.hazards, configFile) }
        for special in lookups.specials[region] ?? [] { cover(special.scope?.hazards, by: special.id?.value) }
        for external in lookups.externalSpecials[region] ?? [] { cover(external.hazards, by: external.id?.value) }
        if let level, level >= .township {
            for master in masters { cover(master.scope?.hazards, by: master.id?.value) }
            for external in externalMasters { cover(external.hazards, by: external.id?.value) }
        }
    }
}

extension Plan {
    /// The agencies of the plan's own organization: the command office and every member (an agency
    /// may appear twice).
    public var organizationAgencyList: [AgencyKey] {
        guard let region = fields.region?.value, let organization = fields.organization else { return [] }
        return AgencyKey.list(in: region, office: organization.command?.office, members: organization.members.map(\.agency))
    }
}

extension AgencyKey {
    /// An organization's agencies with their regions resolved: the command office, then every member.
    static func list(in region: String, office: Field<AgencyRef>?, members: [Field<AgencyRef>?]) -> [AgencyKey] {
        var result: [AgencyKey] = []
        result.reserveCapacity(members.count + 1)
        if let office = office?.value { result.append(office.resolved(in: region)) }
        for member in members {
            if let agency = member?.value { result.append(agency.resolved(in: region)) }
        }
        return result
    }
}

/// Agencies to look references up in. The few agencies of one organization are scanned, which costs
/// less than hashing both strings of every reference; a long list is hashed. A class: `agency-unknown`
/// hands one region's lookup from plan to plan (a retain, not a copy of its list and set).
public final class AgencyLookup: Sendable {
    public let keys: [AgencyKey]
    private let set: Set<AgencyKey>?

    public init(_ keys: [AgencyKey]) {
        self.keys = keys
        set = keys.count > 16 ? Set(keys) : nil
    }

    /// True when `ref`, written in a plan of `region`, names one of the agencies.
    public func contains(_ ref: AgencyRef, in region: String) -> Bool {
        if let set { return set.contains(ref.resolved(in: region)) }
        return keys.contains(ref, in: region)
    }
}

extension Array where Element == AgencyKey {
    /// True when `ref`, written in a plan of `region`, names one of the agencies: a scan, lengths
    /// compared first (most of an organization's agencies differ from the reference in length).
    func contains(_ ref: AgencyRef, in region: String) -> Bool {
        let target = ref.region ?? region
        let length = ref.agency.utf8.count
        return contains { $0.agency.utf8.count == length && $0.agency == ref.agency && $0.region == target }
    }
}

extension Dictionary {
    /// Inserts `value` unless `key` is there; returns the value there now and whether it was inserted.
    /// One hash lookup instead of a lookup and an insertion (the index does this for every id).
    mutating func insertIfAbsent(_ value: Value, for key: Key) -> (current: Value, inserted: Bool) {
        var inserted = false
        func current(_ slot: inout Value) -> Value { slot }
        let now = current(&self[key, default: { inserted = true; return value }()])
        return (now, inserted)
    }
}

// MARK: Replacing one plan (the language server's edits)

extension RepositoryIndex {
    /// The index after one plan file was decoded again (an editor's edit), patched instead of built
    /// anew: the plan's summary, its id and its resource ids replaced in place. Nil — build it anew — when
    /// the file is not a readable plan before and after, when an index finding (a duplicate id, an
    /// external entry that is a plan) involves the file, or when its new id or a new resource id is
    /// already taken (a duplicate a build would report). Otherwise the result is what a build gives: the
    /// plan keeps its place in file order, and nothing else in the index depends on it.
    public func replacing(_ old: SourceDocument, with new: SourceDocument) -> RepositoryIndex? {
        guard case .plan(let before) = old.content, case .plan(let after) = new.content, old.display == new.display,
              !diagnostics.contains(where: { $0.location.file == new.display || $0.related.contains { $0.location.file == new.display } }),
              let position = plans.firstIndex(where: { $0.file == new.display }) else { return nil }
        var index = self
        index.plans[position] = PlanSummary(after)
        let (oldID, newID) = (before.id?.value, after.id?.value)
        if oldID != newID {
            if let oldID, index.planByID[oldID] == position { index.planByID[oldID] = nil }
            if let newID {
                guard index.planByID[newID] == nil, externalByID[newID] == nil else { return nil }
                index.planByID[newID] = position
            }
        }
        for resource in before.resources?.value ?? [] {
            guard let id = resource.id?.value, let definition = index.resourceByID[id] else { continue }
            if !definition.inInventory, Int(definition.owner) == position { index.resourceByID[id] = nil }
        }
        for resource in after.resources?.value ?? [] {
            guard let field = resource.id, let id = field.value else { continue }
            guard index.resourceByID[id] == nil else { return nil }
            index.resourceByID[id] = ResourceDefinition(span: field.span, owner: Int32(clamping: position), inInventory: false)
        }
        return index
    }
}

extension RegionLookups {
    /// The lookups after `RepositoryIndex.replacing` replaced a plan (`previous` by `summary`; `plans`: the
    /// patched index's, in file order): the masters and specials lists, the departmental owners and the
    /// parent ids named, as a build from `plans` gives them.
    public func replacing(_ summary: PlanSummary, previous: PlanSummary, plans: [PlanSummary]) -> RegionLookups {
        var lookups = self
        if previous.parentID != summary.parentID || previous.isInForce != summary.isInForce {
            lookups.namedAsParent = Set(plans.lazy.filter(\.isInForce).compactMap { $0.parentID })
        }
        if previous.kind?.value != summary.kind?.value || previous.region?.value != summary.region?.value
            || previous.owner?.value != summary.owner?.value || previous.isInForce != summary.isInForce {
            lookups.departmentalOwners = []
            for plan in plans where plan.isInForce && plan.kind?.value == .departmental {
                if let region = plan.region?.value, let owner = plan.owner?.value { lookups.departmentalOwners.insert(owner.resolved(in: region)) }
            }
        }
        func replace(in lists: inout [String: [PlanSummary]], kind: PlanKind) {
            if let region = previous.region?.value, var list = lists[region] {
                list.removeAll { $0.file == summary.file }
                lists[region] = list.isEmpty ? nil : list
            }
            guard summary.isInForce, summary.kind?.value == kind, let region = summary.region?.value else { return }
            var list = lists[region] ?? []
            list.insert(summary, at: list.firstIndex { $0.file > summary.file } ?? list.count)
            lists[region] = list
        }
        replace(in: &lookups.masters, kind: .master)
        replace(in: &lookups.specials, kind: .special)
        return lookups
    }
}
