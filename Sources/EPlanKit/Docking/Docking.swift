import EPlanYAML

/// What a plan does with each thing its higher-level plan sets (上下衔接): the hazards its region
/// faces, the severity classes left to lower levels, the reporting limits, the member agencies, the
/// stages, and the parent version it last docked with.
///
/// The one place docking is decided: the docking rules (`reporting-looser`, `scope-narrower`,
/// `parent-stale`) report from it and `eplan diff` prints it, so the two cannot disagree. Each
/// aspect is worked out when it is read; a rule reads only the aspect it checks.
public struct Docking: Sendable {
    /// The plan, as cross-plan rules see it (a plan parsed in this run or one from the cache).
    public let child: PlanSummary
    /// The parent as other plans' rules see it: a summary, or an external entry of eplan.yaml.
    public let parent: PlanTarget
    /// The region tree, for the risk profile (kept by reference: most readers never ask for it).
    private let regions: [String: RepositoryIndex.RegionEntry]
    /// The agencies the child's region has (its masters' organizations), when known: a parent member
    /// the region has no counterpart of is not expected of the child (see `agencies`).
    private let regionAgencies: Set<String>?

    /// `index` is borrowed: an initializer takes its arguments as its own, and the rules make a docking
    /// for every plan (passing the index made a copy of all its tables' references and released them).
    public init(child: PlanSummary, parent: PlanTarget, index: borrowing RepositoryIndex, regionAgencies: Set<String>? = nil) {
        self.child = child
        self.parent = parent
        regions = index.regionByPath
        self.regionAgencies = regionAgencies
    }

    public init(child: Plan, parent: PlanTarget, index: borrowing RepositoryIndex, regionAgencies: Set<String>? = nil) {
        self.init(child: PlanSummary(child), parent: parent, index: index, regionAgencies: regionAgencies)
    }

    /// The hazards of the child's region's risk profile; nil when the regions document does not
    /// hold the region (or there is none): no hazard is then known to be faced.
    public var riskProfile: Set<String>? {
        child.region?.value.flatMap { regions[$0] }.map { Set($0.region.hazards?.value?.compactMap(\.value) ?? []) }
    }

    // MARK: Hazards

    /// A hazard of the parent's scope and what the plan does with it: `covered` (in its scope),
    /// `excluded` (under `scope.excluded`, with the reason), or `missing` (its region faces it and the
    /// plan is silent). A hazard the plan does not handle and its region is not known to face is left out.
    public struct Hazard: Sendable, Equatable {
        public var hazard: String
        public var status: DockingItem.Status
        public var reason: String?
    }

    public var hazards: [Hazard] {
        let own = Set(child.scope?.hazards?.value?.compactMap(\.value) ?? [])
        var reasons: [String: String] = [:]
        for exclusion in child.scope?.excluded ?? [] {
            if let hazard = exclusion.hazard?.value, reasons[hazard] == nil { reasons[hazard] = exclusion.reason?.value ?? "" }
        }
        let faced = riskProfile
        var seen: Set<String> = []
        var result: [Hazard] = []
        for hazard in parent.hazards where seen.insert(hazard).inserted {
            if own.contains(hazard) {
                result.append(Hazard(hazard: hazard, status: .covered))
            } else if let reason = reasons[hazard] {
                result.append(Hazard(hazard: hazard, status: .excluded, reason: reason))
            } else if faced?.contains(hazard) == true {
                result.append(Hazard(hazard: hazard, status: .missing))
            }
        }
        return result
    }

    /// Hazards the plan handles that the parent does not, sorted.
    public var extraHazards: [String] {
        let theirs = Set(parent.hazards)
        return Set(child.scope?.hazards?.value?.compactMap(\.value) ?? []).subtracting(theirs).sorted()
    }

    // MARK: Severity classes

    /// The classes the parent leaves to lower levels, each with whether this plan takes it: the classes
    /// less serious than every class the parent handles (a province's `[I, II]` leaves III and IV
    /// below it). Classes more serious than the parent's are led above it, not left to this plan: a
    /// county's `[IV]` leaves nothing to the mine under it.
    public var classesLeft: [(severity: SeverityClass, taken: Bool)] {
        let theirs = parent.severities
        guard let leastSerious = theirs.max() else { return [] }
        let ours = PlanTarget.local(child).severities
        return SeverityClass.allCases.filter { $0 > leastSerious }.map { ($0, ours.contains($0)) }
    }

    /// The classes the parent handles and the classes this plan handles, in order (`I, II`).
    public var classes: (parent: [SeverityClass], child: [SeverityClass]) {
        (parent.handledClasses, PlanTarget.local(child).handledClasses)
    }

    // MARK: Reporting limits

    /// One reporting limit compared: `initial` and `written` class by class for the classes the plan
    /// handles (where the parent sets a limit), `follow-up` once.
    public struct Limit: Sendable {
        public enum Key: String, Sendable, CaseIterable {
            case initial, written, followUp = "follow-up"
        }

        public var key: Key
        /// nil for `follow-up`.
        public var severity: SeverityClass?
        public var parentLimit: Duration
        /// nil: the plan sets no limit here.
        public var childLimit: Duration?
        /// Where a finding about it lands: the plan's key, else the first key of `reporting`, else of the plan.
        public var at: SourceSpan
        /// The parent's limit.
        public var parentAt: Location
        /// Both sides give one limit for every class, so one line can show them all.
        var sameForEveryClass: Bool

        public var status: DockingItem.Status {
            Self.status(childLimit, against: parentLimit)
        }

        static func status(_ childLimit: Duration?, against parentLimit: Duration) -> DockingItem.Status {
            guard let childLimit else { return .missing }
            return childLimit > parentLimit ? .weaker : childLimit < parentLimit ? .stricter : .covered
        }
    }

    /// The limits compared; a limit the plan writes but that is not valid is not compared
    /// (its `schema-value` finding says enough), nor is one the parent does not give. The decoder
    /// gives such a limit a field with no value: a per-class mapping with an invalid entry, and a key
    /// written misspelt (`inital:`, whose `schema-unknown-key` finding says enough; see
    /// `PlanDecoder.misspelt`), so neither is compared nor taken for a missing limit.
    public var limits: [Limit] {
        let parentFile = parent.location.file
        var result: [Limit] = []
        forEachLimit { key, severity, parentLimit, childLimit, place in
            result.append(Limit(key: key, severity: severity, parentLimit: parentLimit, childLimit: childLimit, at: place.at,
                                parentAt: Location(file: parentFile, span: place.parentSpan), sameForEveryClass: place.same))
            return true
        }
        return result
    }

    /// True when some limit is looser than the parent's or missing (`initial`, `written`), or some
    /// `follow-up` interval longer: what `reporting-looser` reports. Found without making the limits
    /// (`reporting-looser` asks it of every plan with a parent, and few have one: making the nine
    /// limits of a plan, each with its parent's location and both durations, was most of the rule).
    public var hasLooserLimit: Bool {
        var found = false
        forEachLimit { key, _, parentLimit, childLimit, _ in
            let status = Limit.status(childLimit, against: parentLimit)
            found = status == .weaker || (key != .followUp && status == .missing)
            return !found
        }
        return found
    }

    /// Where a compared limit's finding lands, where the parent's is, and whether both sides give one
    /// limit for every class.
    private struct LimitPlace {
        var at: SourceSpan
        var parentSpan: SourceSpan
        var same: Bool
    }

    /// Visits the limits `limits` compares, in its order, until `visit` returns false.
    private func forEachLimit(_ visit: (Limit.Key, SeverityClass?, Duration, Duration?, LimitPlace) -> Bool) {
        guard let theirs = parent.reporting else { return }
        let ours = child.reporting
        let handled = PlanTarget.local(child).handledClasses
        for key in [Limit.Key.initial, .written] {
            let parentField = key == .initial ? theirs.initial : theirs.written
            let childField = key == .initial ? ours?.initial : ours?.written
            guard let parentField, let parentLimit = parentField.value else { continue }
            if let childField, childField.value == nil { continue }
            var same = false
            if case .all = parentLimit {
                if let childLimit = childField?.value, case .perClass = childLimit {} else { same = true }
            }
            let place = LimitPlace(at: childField?.span ?? ours?.firstKey ?? child.firstKey, parentSpan: parentField.span, same: same)
            for severity in handled {
                guard let limit = parentLimit.limit(for: severity) else { continue }
                guard visit(key, severity, limit, childField?.value?.limit(for: severity), place) else { return }
            }
        }
        if let parentField = theirs.followUp, let parentLimit = parentField.value {
            let childField = ours?.followUp
            if childField == nil || childField?.value != nil {
                let place = LimitPlace(at: childField?.span ?? ours?.firstKey ?? child.firstKey, parentSpan: parentField.span, same: true)
                _ = visit(.followUp, nil, parentLimit, childField?.value, place)
            }
        }
    }

    // MARK: Agencies and stages

    /// What the parent's organization expects of this plan, in order, each with whether this plan's
    /// organization has the counterpart: members the parent assigns to this plan's region
    /// (`REGION:agency`), and members of the parent's own region whose counterpart this plan's region
    /// has (the county water bureau for the city's). A county bureau the township has no counterpart of
    /// is not expected of the township's plan (when the region's agencies are known).
    ///
    /// A unit's or a department's own plan answers for that unit or department only: of the parent's
    /// members, only the entry of the plan's `owner` is expected (its duties are the plan's job), not
    /// the region's other agencies.
    public var agencies: [(agency: String, covered: Bool)] {
        let ours = Set((child.organization?.members ?? []).compactMap { $0.agency?.value?.agency })
        let childRegion = child.region?.value
        if let kind = child.kind?.value, kind == .unit || kind == .departmental {
            guard let owner = child.owner?.value?.agency else { return [] }
            let named = (parent.plan?.organization?.members ?? []).contains { member in
                guard let agency = member.agency?.value, agency.agency == owner else { return false }
                return agency.region == nil || agency.region == childRegion
            }
            return named ? [(owner, true)] : []
        }
        var result: [(agency: String, covered: Bool)] = []
        for member in parent.plan?.organization?.members ?? [] {
            guard let agency = member.agency?.value, !result.contains(where: { $0.agency == agency.agency }) else { continue }
            if let region = agency.region {
                if region != childRegion { continue }
            } else if let regionAgencies, parent.region != childRegion, !ours.contains(agency.agency),
                      !regionAgencies.contains(agency.agency) {
                continue
            }
            result.append((agency.agency, ours.contains(agency.agency)))
        }
        return result
    }

    /// Agencies of this plan's organization that the parent's does not name, sorted (none for an
    /// external parent, whose organization eplan.yaml does not give).
    public var extraAgencies: [String] {
        guard !parent.isExternal else { return [] }
        // A unit's own organization (its shifts and offices) is its own business.
        if let kind = child.kind?.value, kind == .unit || kind == .departmental { return [] }
        let ours = Set((child.organization?.members ?? []).compactMap { $0.agency?.value?.agency })
        return ours.subtracting(agencies.map(\.agency)).sorted()
    }

    /// The stages the parent's actions cover, each with whether this plan's actions cover it too.
    public var stages: [(stage: Stage, covered: Bool)] {
        let theirs = parent.plan?.actions?.stages ?? []
        let ours = child.actions?.stages ?? []
        return Stage.allCases.filter(theirs.contains).map { ($0, ours.contains($0)) }
    }

    // MARK: Parent version

    /// The parent's current version and the one this plan last docked with.
    public struct VersionDocking: Sendable {
        public var current: Version
        public var currentAt: Location
        /// nil: the plan records no parent version (or an invalid one).
        public var recorded: Version?
        public var recordedAt: SourceSpan?

        public var status: DockingItem.Status {
            guard let recorded else { return .missing }
            // Equal texts first: nearly every recorded version is the current one, and `<` reads both texts as numbers.
            return recorded == current ? .covered : recorded < current ? .weaker : .stricter
        }
    }

    /// nil when the parent has no valid version.
    public var version: VersionDocking? {
        guard let field = parent.version, let current = field.value else { return nil }
        let recorded = child.parent?.version
        return VersionDocking(current: current, currentAt: Location(file: parent.location.file, span: field.span),
                              recorded: recorded?.value, recordedAt: recorded?.span)
    }
}

extension RuleContext {
    /// The docking of a subject with its parent (from `subjectsWithParents`); nil when it names none
    /// or the parent is unknown.
    func docking(_ plan: PlanSummary, parent: PlanTarget?) -> Docking? {
        parent.map { Docking(child: plan, parent: $0, index: index) }
    }
}
