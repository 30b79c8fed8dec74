/// What a plan does with each thing its higher-level plan sets: hazards its region faces, the
/// severity classes left to lower levels, reporting limits, member agencies, stages, and the
/// parent version it last docked with.
public struct DockingItem: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case covered, missing, excluded, weaker, stricter, extra
    }

    public var aspect: String
    public var key: String
    public var status: Status
    public var parent: String?
    public var child: String?
    public var note: String?
}

public struct DockingDiff: Sendable {
    public var plan: String
    public var parent: String
    public var childFile: String
    public var parentFile: String
    public var items: [DockingItem]

    /// Docks `child` against `parent`. `riskProfile` is the hazards the child's region faces
    /// (nil when the repository has no regions document: every parent hazard then counts).
    public static func compare(child: Plan, parent: Plan, riskProfile: Set<String>?) -> DockingDiff {
        var items: [DockingItem] = []
        let childHazards = Set(child.scope?.hazards?.value?.compactMap(\.value) ?? [])
        var exclusions: [String: String] = [:]
        for e in child.scope?.excluded ?? [] {
            if let h = e.hazard?.value { exclusions[h] = e.reason?.value ?? "" }
        }
        let parentHazards = parent.scope?.hazards?.value?.compactMap(\.value) ?? []
        for hazard in parentHazards where riskProfile?.contains(hazard) ?? true {
            if childHazards.contains(hazard) {
                items.append(DockingItem(aspect: "hazard", key: hazard, status: .covered))
            } else if let reason = exclusions[hazard] {
                items.append(DockingItem(aspect: "hazard", key: hazard, status: .excluded, note: reason))
            } else {
                items.append(DockingItem(aspect: "hazard", key: hazard, status: .missing))
            }
        }
        for hazard in childHazards.subtracting(parentHazards).sorted() {
            items.append(DockingItem(aspect: "hazard", key: hazard, status: .extra))
        }

        // Classes the parent leaves to lower levels.
        let parentClasses = PlanTarget.local(parent).severities
        let childClasses = PlanTarget.local(child).severities
        for c in SeverityClass.allCases where !parentClasses.contains(c) {
            items.append(DockingItem(aspect: "severity", key: c.rawValue, status: childClasses.contains(c) ? .covered : .missing))
        }

        for (name, p, c) in [("initial", parent.reporting?.initial?.value, child.reporting?.initial?.value),
                             ("written", parent.reporting?.written?.value, child.reporting?.written?.value)] {
            guard let p else { continue }
            switch (p, c) {
            case (.all(let pd), nil):
                items.append(limitItem("reporting.\(name)", name, pd, nil))
            case (.all(let pd), .all(let cd)?):
                items.append(limitItem("reporting.\(name)", name, pd, cd))
            default:
                for cls in SeverityClass.allCases where childClasses.contains(cls) {
                    guard let pd = p.limit(for: cls) else { continue }
                    items.append(limitItem("reporting.\(name)", "\(name).\(cls.rawValue)", pd, c?.limit(for: cls)))
                }
            }
        }
        if let pf = parent.reporting?.followUp?.value {
            items.append(limitItem("reporting.follow-up", "follow-up", pf, child.reporting?.followUp?.value))
        }

        // Member agencies: the child's organization should have the counterpart of each.
        let childAgencies = Set((child.organization?.members ?? []).compactMap { $0.agency?.value?.agency })
        var parentAgencies: [String] = []
        for member in parent.organization?.members ?? [] {
            guard let agency = member.agency?.value, !parentAgencies.contains(agency.agency) else { continue }
            if let region = agency.region, region != child.region?.value { continue }
            parentAgencies.append(agency.agency)
            let duties = member.duties?.value?.compactMap(\.value).joined(separator: "; ")
            items.append(DockingItem(aspect: "agency", key: agency.agency,
                                     status: childAgencies.contains(agency.agency) ? .covered : .missing, note: duties))
        }
        for agency in childAgencies.subtracting(parentAgencies).sorted() {
            items.append(DockingItem(aspect: "agency", key: agency, status: .extra))
        }

        let stages = { (p: Plan) in Set((p.actions?.value ?? []).compactMap { $0.phase?.value?.stage }) }
        let parentStages = stages(parent), childStages = stages(child)
        for stage in Stage.allCases where parentStages.contains(stage) {
            items.append(DockingItem(aspect: "stage", key: stage.rawValue, status: childStages.contains(stage) ? .covered : .missing))
        }

        if let current = parent.version?.value {
            let recorded = child.parent?.version?.value
            let status: DockingItem.Status
            if let recorded { status = recorded < current ? .weaker : recorded == current ? .covered : .stricter } else { status = .missing }
            items.append(DockingItem(aspect: "parent-version", key: "version", status: status,
                                     parent: current.text, child: recorded?.text))
        }
        return DockingDiff(plan: child.id?.value ?? "?", parent: parent.id?.value ?? "?", childFile: child.file,
                           parentFile: parent.file, items: items)
    }

    static func limitItem(_ aspect: String, _ key: String, _ parent: Duration, _ child: Duration?) -> DockingItem {
        let status: DockingItem.Status
        if let child {
            status = child > parent ? .weaker : child < parent ? .stricter : .covered
        } else {
            status = .missing
        }
        return DockingItem(aspect: aspect, key: key, status: status, parent: parent.text, child: child?.text)
    }
}
