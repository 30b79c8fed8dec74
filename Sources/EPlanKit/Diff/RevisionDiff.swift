/// What a revision changed in substance, by path, with an impact. Lists are matched by id (or by
/// value for scalar lists), so reordering or restyling YAML is no change at all.
public struct Change: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed }
    public enum Impact: String, Sendable, Comparable {
        case weakening, strengthening, neutral

        var rank: Int {
            switch self {
            case .weakening: return 0
            case .strengthening: return 1
            case .neutral: return 2
            }
        }

        public static func < (a: Impact, b: Impact) -> Bool { a.rank < b.rank }
    }

    public var path: String
    public var change: Kind
    public var old: String?
    public var new: String?
    public var impact: Impact
}

public struct RevisionDiff: Sendable {
    public var plan: String
    public var oldFile: String
    public var newFile: String
    public var oldVersion: String?
    public var newVersion: String?
    public var changes: [Change]
    /// The new side is a file git does not track yet (`eplan diff --base` includes it and says so).
    public var untracked = false

    /// Compares two revisions of one plan. `old` or `new` may be nil for an added or deleted plan.
    public static func compare(old: Plan?, new: Plan?, oldFile: String, newFile: String) -> RevisionDiff {
        var d = Differ()
        d.compare(old, new)
        return RevisionDiff(plan: new?.id?.value ?? old?.id?.value ?? "?", oldFile: oldFile, newFile: newFile,
                            oldVersion: old?.version?.value?.text, newVersion: new?.version?.value?.text, changes: d.changes)
    }
}

/// Walks two plans side by side and records each semantic difference.
private struct Differ {
    var changes: [Change] = []

    mutating func record(_ path: String, _ old: String?, _ new: String?, impact: (String?, String?) -> Change.Impact) {
        guard old != new else { return }
        let kind: Change.Kind = old == nil ? .added : new == nil ? .removed : .changed
        changes.append(Change(path: path, change: kind, old: old, new: new, impact: impact(old, new)))
    }

    mutating func neutral(_ path: String, _ old: String?, _ new: String?) {
        record(path, old, new) { _, _ in .neutral }
    }

    /// Present is stronger than absent (a hazard, an action, a member, a duty...).
    mutating func presence(_ path: String, _ old: String?, _ new: String?) {
        record(path, old, new) { o, _ in o == nil ? .strengthening : .weakening }
    }

    /// A time limit: longer (or gone) is weaker.
    mutating func limit(_ path: String, _ old: Duration?, _ new: Duration?) {
        guard old?.minutes != new?.minutes else { return }
        let impact: Change.Impact
        switch (old, new) {
        case (nil, _): impact = .strengthening
        case (_, nil): impact = .weakening
        case (let o?, let n?): impact = n.minutes > o.minutes ? .weakening : .strengthening
        }
        let kind: Change.Kind = old == nil ? .added : new == nil ? .removed : .changed
        changes.append(Change(path: path, change: kind, old: old?.text, new: new?.text, impact: impact))
    }

    /// A free-text answer: emptying it weakens, filling it strengthens, rewording is neutral.
    mutating func answer(_ path: String, _ old: String?, _ new: String?) {
        let o = old.flatMap { $0.isBlank ? nil : $0 }, n = new.flatMap { $0.isBlank ? nil : $0 }
        record(path, o, n) { o, n in o == nil ? .strengthening : n == nil ? .weakening : .neutral }
    }

    /// Scalar lists matched by value.
    mutating func set(_ path: String, _ old: [String], _ new: [String], impact: Change.Impact? = nil) {
        let o = Set(old), n = Set(new)
        for value in old where !n.contains(value) {
            changes.append(Change(path: "\(path)[\(value)]", change: .removed, old: value, new: nil, impact: impact ?? .weakening))
        }
        for value in new where !o.contains(value) {
            changes.append(Change(path: "\(path)[\(value)]", change: .added, old: nil, new: value, impact: impact ?? .strengthening))
        }
    }

    /// Lists of records matched by a key; `history` lists (drills, revisions) change nothing in strength.
    mutating func records<T>(_ path: String, _ old: [T], _ new: [T], key: (T) -> String?, history: Bool = false,
                             describe: (T) -> String, inner: (inout Differ, String, T, T) -> Void) {
        var newByKey: [String: T] = [:]
        for item in new { if let k = key(item), newByKey[k] == nil { newByKey[k] = item } }
        var oldKeys: Set<String> = []
        for item in old {
            guard let k = key(item), oldKeys.insert(k).inserted else { continue }
            if let other = newByKey[k] {
                inner(&self, "\(path)[\(k)]", item, other)
            } else {
                changes.append(Change(path: "\(path)[\(k)]", change: .removed, old: describe(item), new: nil,
                                      impact: history ? .neutral : .weakening))
            }
        }
        var added: Set<String> = []
        for item in new {
            guard let k = key(item), !oldKeys.contains(k), added.insert(k).inserted else { continue }
            changes.append(Change(path: "\(path)[\(k)]", change: .added, old: nil, new: describe(item),
                                  impact: history ? .neutral : .strengthening))
        }
    }

    mutating func compare(_ old: Plan?, _ new: Plan?) {
        neutral("title", old?.title?.value, new?.title?.value)
        neutral("kind", old?.kind?.value?.rawValue, new?.kind?.value?.rawValue)
        neutral("level", old?.level?.value?.rawValue, new?.level?.value?.rawValue)
        neutral("region", old?.region?.value, new?.region?.value)
        neutral("owner", old?.owner?.value?.description, new?.owner?.value?.description)
        neutral("category", old?.category?.value?.rawValue, new?.category?.value?.rawValue)
        neutral("form", old?.form?.value?.rawValue, new?.form?.value?.rawValue)
        record("status", old.map { $0.effectiveStatus.rawValue }, new.map { $0.effectiveStatus.rawValue }) { o, n in
            n == PlanStatus.inForce.rawValue ? .strengthening : o == PlanStatus.inForce.rawValue ? .weakening : .neutral
        }
        if old?.version?.value != new?.version?.value {
            neutral("version", old?.version?.value?.text, new?.version?.value?.text)
        }
        neutral("issued", old?.issued?.value?.description, new?.issued?.value?.description)
        neutral("filed", old?.filed?.value?.description, new?.filed?.value?.description)
        neutral("evaluated", old?.evaluated?.value?.description, new?.evaluated?.value?.description)
        presence("parent", old?.parent?.id.value, new?.parent?.id.value)
        if old?.parent?.id.value == new?.parent?.id.value, old?.parent?.version?.value != new?.parent?.version?.value {
            neutral("parent.version", old?.parent?.version?.value?.text, new?.parent?.version?.value?.text)
        }
        presence("master", old?.master?.value, new?.master?.value)
        set("scope.hazards", hazards(old), hazards(new))
        set("scope.severities", severities(old), severities(new))
        records("scope.excluded", old?.scope?.excluded ?? [], new?.scope?.excluded ?? [], key: { $0.hazard?.value },
                describe: { $0.reason?.value ?? "" }) { d, path, o, n in d.neutral("\(path).reason", o.reason?.value, n.reason?.value) }
        compareReporting(old?.reporting, new?.reporting)
        compareOrganization(old?.organization, new?.organization)
        records("response-levels", old?.responseLevels?.value ?? [], new?.responseLevels?.value ?? [],
                key: { $0.level?.value?.rawValue }, describe: { $0.trigger?.value ?? "" }) { d, path, o, n in
            d.neutral("\(path).trigger", o.trigger?.value, n.trigger?.value)
            d.set("\(path).lead", agencies(o.lead), agencies(n.lead), impact: .neutral)
        }
        records("actions", old?.actions?.value ?? [], new?.actions?.value ?? [], key: { $0.id?.value },
                describe: { $0.how?.value ?? "" }) { d, path, o, n in d.compareAction(path, o, n) }
        records("resources", old?.resources?.value ?? [], new?.resources?.value ?? [], key: { $0.id?.value },
                describe: { $0.name?.value ?? "" }) { d, path, o, n in
            d.neutral("\(path).type", o.type?.value?.rawValue, n.type?.value?.rawValue)
            d.neutral("\(path).name", o.name?.value, n.name?.value)
            d.neutral("\(path).unit", o.unit?.value, n.unit?.value)
            d.neutral("\(path).holder", o.holder?.value?.description, n.holder?.value?.description)
            let oq = o.quantity?.value, nq = n.quantity?.value
            if oq != nq {
                d.record("\(path).quantity", oq.map(number), nq.map(number)) { _, _ in
                    switch (oq, nq) {
                    case (let a?, let b?): return b < a ? .weakening : .strengthening
                    case (nil, _): return .strengthening
                    default: return .weakening
                    }
                }
            }
        }
        records("drills", old?.drills?.value ?? [], new?.drills?.value ?? [], key: { $0.date?.value?.description }, history: true,
                describe: { $0.type?.value?.rawValue ?? "" }) { d, path, o, n in
            d.neutral("\(path).type", o.type?.value?.rawValue, n.type?.value?.rawValue)
            d.set("\(path).findings", texts(o.findings), texts(n.findings), impact: .neutral)
        }
        records("revisions", old?.revisions?.value ?? [], new?.revisions?.value ?? [], key: { $0.version?.value?.text }, history: true,
                describe: { $0.reason?.value ?? "" }) { d, path, o, n in
            d.neutral("\(path).date", o.date?.value?.description, n.date?.value?.description)
            d.neutral("\(path).reason", o.reason?.value, n.reason?.value)
        }
        neutral("event-dates.from", old?.eventDates?.from?.value?.description, new?.eventDates?.from?.value?.description)
        neutral("event-dates.to", old?.eventDates?.to?.value?.description, new?.eventDates?.to?.value?.description)
        set("regions", old?.regions?.value?.compactMap(\.value) ?? [], new?.regions?.value?.compactMap(\.value) ?? [])
        compareDocumentKeys(old, new)
    }

    /// The keys the published document adds (plan-format §4.1). Wording and references are neutral; a
    /// warning level, a support measure or a contact removed weakens the plan, added strengthens it.
    mutating func compareDocumentKeys(_ old: Plan?, _ new: Plan?) {
        answer("purpose", old?.purpose?.value, new?.purpose?.value)
        set("basis", texts(old?.basis), texts(new?.basis), impact: .neutral)
        set("principles", texts(old?.principles), texts(new?.principles), impact: .neutral)
        records("warning.levels", old?.warning?.levels?.value ?? [], new?.warning?.levels?.value ?? [],
                key: { $0.level?.value?.rawValue }, describe: { $0.criteria?.value ?? "" }) { d, path, o, n in
            d.answer("\(path).criteria", o.criteria?.value, n.criteria?.value)
            d.neutral("\(path).issued-by", o.issuedBy?.value, n.issuedBy?.value)
        }
        answer("termination", old?.termination?.value, new?.termination?.value)
        func support(_ p: Plan?) -> [String: [String]] {
            var areas: [String: [String]] = [:]
            for entry in p?.support?.value ?? [] {
                guard let area = entry.area.value?.rawValue else { continue }
                areas[area, default: []] += texts(entry.items)
            }
            return areas
        }
        let oldSupport = support(old), newSupport = support(new)
        for area in Set(oldSupport.keys).union(newSupport.keys).sorted() {
            set("support.\(area)", oldSupport[area] ?? [], newSupport[area] ?? [])
        }
        records("contacts", old?.contacts?.value ?? [], new?.contacts?.value ?? [],
                key: { $0.agency?.value?.description ?? $0.name?.value },
                describe: { [$0.role?.value, $0.phone?.value].compactMap { $0 }.joined(separator: " ") }) { d, path, o, n in
            d.neutral("\(path).role", o.role?.value, n.role?.value)
            d.neutral("\(path).phone", o.phone?.value, n.phone?.value)
        }
        records("annexes", old?.annexes?.value ?? [], new?.annexes?.value ?? [], key: { $0.title?.value }, history: true,
                describe: { $0.text?.value ?? "" }) { d, path, o, n in d.neutral("\(path).text", o.text?.value, n.text?.value) }
    }

    mutating func compareReporting(_ old: Reporting?, _ new: Reporting?) {
        for (name, o, n) in [("initial", old?.initial?.value, new?.initial?.value), ("written", old?.written?.value, new?.written?.value)] {
            if case .all(let a)? = o, case .all(let b)? = n {
                limit("reporting.\(name)", a, b)
            } else if o == nil || n == nil, case .all(let only)? = o ?? n {
                limit("reporting.\(name)", o == nil ? nil : only, n == nil ? nil : only)
            } else {
                for c in SeverityClass.allCases {
                    limit("reporting.\(name).\(c.rawValue)", o?.limit(for: c), n?.limit(for: c))
                }
            }
        }
        limit("reporting.follow-up", old?.followUp?.value, new?.followUp?.value)
        neutral("reporting.to", old?.to?.value?.description, new?.to?.value?.description)
    }

    mutating func compareOrganization(_ old: Organization?, _ new: Organization?) {
        neutral("organization.command.name", old?.command?.name?.value, new?.command?.name?.value)
        neutral("organization.command.lead", old?.command?.lead?.value, new?.command?.lead?.value)
        neutral("organization.command.office", old?.command?.office?.value?.description, new?.command?.office?.value?.description)
        records("organization.members", old?.members ?? [], new?.members ?? [], key: { $0.agency?.value?.description },
                describe: { texts($0.duties).joined(separator: "; ") }) { d, path, o, n in
            d.neutral("\(path).role", o.role?.value?.rawValue ?? "support", n.role?.value?.rawValue ?? "support")
            d.set("\(path).duties", texts(o.duties), texts(n.duties))
        }
    }

    mutating func compareAction(_ path: String, _ o: Action, _ n: Action) {
        neutral("\(path).phase", o.phase?.value?.rawValue, n.phase?.value?.rawValue)
        let ow = agencies(o.who), nw = agencies(n.who)
        if ow.isEmpty != nw.isEmpty {
            record("\(path).who", ow.isEmpty ? nil : ow.joined(separator: ", "), nw.isEmpty ? nil : nw.joined(separator: ", ")) { old, _ in
                old == nil ? .strengthening : .weakening
            }
        } else {
            set("\(path).who", ow, nw)
        }
        answer("\(path).how", o.how?.value, n.how?.value)
        answer("\(path).when", o.when?.value, n.when?.value)
        limit("\(path).within", o.within?.value, n.within?.value)
        let or = texts(o.resources), nr = texts(n.resources)
        if (o.resources == nil) != (n.resources == nil) {
            record("\(path).resources", o.resources == nil ? nil : or.joined(separator: ", "),
                   n.resources == nil ? nil : nr.joined(separator: ", ")) { old, _ in old == nil ? .strengthening : .weakening }
        } else {
            set("\(path).resources", or, nr)
        }
        set("\(path).hazards", texts(o.hazards), texts(n.hazards), impact: .neutral)
    }
}

private func hazards(_ p: Plan?) -> [String] { p?.scope?.hazards?.value?.compactMap(\.value) ?? [] }
private func severities(_ p: Plan?) -> [String] {
    guard let p else { return [] }
    return PlanTarget.local(p.summary).severities.sorted().map(\.rawValue)
}
private func agencies(_ list: FieldList<AgencyRef>?) -> [String] { list?.value?.compactMap { $0.value?.description } ?? [] }
private func texts(_ list: FieldList<String>?) -> [String] { list?.value?.compactMap(\.value) ?? [] }
private func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
