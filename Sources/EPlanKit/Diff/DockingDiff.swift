/// One line of a docking diff: an aspect the parent sets, and what the plan does with it.
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

/// `eplan diff CHILD`: the docking of a plan with its parent (`Docking`), as lines to print.
public struct DockingDiff: Sendable {
    public var plan: String
    public var parent: String
    public var childFile: String
    public var parentFile: String
    public var items: [DockingItem]

    /// The lines of `docking`. `parentPlan`, the parent parsed in full when it was, adds the duties of
    /// its members as notes (a summary does not keep them; no judgement rests on them).
    public init(_ docking: Docking, parentPlan: Plan? = nil) {
        plan = docking.child.id?.value ?? "?"
        parent = docking.parent.id ?? "?"
        childFile = docking.child.file
        parentFile = docking.parent.location.file
        var items: [DockingItem] = []
        for h in docking.hazards {
            items.append(DockingItem(aspect: "hazard", key: h.hazard, status: h.status, note: h.reason))
        }
        for hazard in docking.extraHazards {
            items.append(DockingItem(aspect: "hazard", key: hazard, status: .extra))
        }
        // Each row says which classes the parent handles and which this plan handles: "severity IV:
        // parent I, II, this plan III, IV".
        let classes = docking.classes
        for (severity, taken) in docking.classesLeft {
            items.append(DockingItem(aspect: "severity", key: severity.rawValue, status: taken ? .covered : .missing,
                                     parent: classes.parent.map(\.rawValue).joined(separator: ", "),
                                     child: classes.child.map(\.rawValue).joined(separator: ", ")))
        }
        items += Self.limitItems(docking.limits)
        var duties: [String: String] = [:]
        for member in parentPlan?.organization?.members ?? [] {
            guard let agency = member.agency?.value?.agency, duties[agency] == nil else { continue }
            duties[agency] = member.duties?.value?.compactMap(\.value).joined(separator: "; ")
        }
        for (agency, covered) in docking.agencies {
            items.append(DockingItem(aspect: "agency", key: agency, status: covered ? .covered : .missing,
                                     note: duties[agency].flatMap { $0.isEmpty ? nil : $0 }))
        }
        for agency in docking.extraAgencies {
            items.append(DockingItem(aspect: "agency", key: agency, status: .extra))
        }
        for (stage, covered) in docking.stages {
            items.append(DockingItem(aspect: "stage", key: stage.rawValue, status: covered ? .covered : .missing))
        }
        if let version = docking.version {
            items.append(DockingItem(aspect: "parent-version", key: "version", status: version.status,
                                     parent: version.current.text, child: version.recorded?.text))
        }
        self.items = items
    }

    /// One line per key where both sides give one limit for every class, else one per class.
    static func limitItems(_ limits: [Docking.Limit]) -> [DockingItem] {
        var items: [DockingItem] = []
        for key in Docking.Limit.Key.allCases {
            let mine = limits.filter { $0.key == key }
            guard let first = mine.first else { continue }
            let aspect = "reporting.\(key.rawValue)"
            if mine.allSatisfy(\.sameForEveryClass) {
                items.append(DockingItem(aspect: aspect, key: key.rawValue, status: first.status,
                                         parent: first.parentLimit.text, child: first.childLimit?.text))
            } else {
                for limit in mine {
                    items.append(DockingItem(aspect: aspect, key: "\(key.rawValue).\(limit.severity?.rawValue ?? "")",
                                             status: limit.status, parent: limit.parentLimit.text, child: limit.childLimit?.text))
                }
            }
        }
        return items
    }
}
