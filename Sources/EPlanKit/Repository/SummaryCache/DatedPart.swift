import EPlanYAML

/// What the rules that read today's date (`Rule.readsToday`) read of a plan: its identity, kind,
/// status and category, its dates (issued, filed, evaluated), its links (parent, master), the date
/// and type of each drill, the version and date of each revision. The findings cache keeps this with
/// a file's record and runs those rules on it again on every run, so that a record serves on any day
/// (the other local findings depend on the file alone). A test runs those rules on every fixture plan
/// and on its dated part, on many days, and compares.
enum DatedPart {
    typealias R = BinaryReader
    typealias T = BinaryReader.Truncated

    static func encode(_ p: Plan, _ w: inout BinaryWriter) {
        w.span(p.firstKey)
        w.field(p.id) { w, v in w.string(v) }
        w.field(p.kind) { w, v in w.enumCase(v) }
        w.field(p.status) { w, v in w.enumCase(v) }
        w.field(p.category) { w, v in w.enumCase(v) }
        for date in [p.issued, p.filed, p.evaluated] { w.field(date) { w, v in w.int(number(v)) } }
        w.optional(p.parent) { w, link in w.parentLink(link) }
        w.field(p.master) { w, v in w.string(v) }
        w.field(p.drills) { w, drills in
            w.array(drills) { w, drill in
                w.span(drill.span)
                w.field(drill.date) { w, v in w.int(number(v)) }
                w.field(drill.type) { w, v in w.enumCase(v) }
            }
        }
        w.field(p.revisions) { w, revisions in
            w.array(revisions) { w, revision in
                w.span(revision.span)
                w.field(revision.version) { w, v in w.string(v.text) }
                w.field(revision.date) { w, v in w.int(number(v)) }
            }
        }
    }

    /// A date as one number (three bytes written), and back.
    static func number(_ d: Day) -> Int { (d.year * 13 + d.month) * 32 + d.day }
    static func day(_ n: Int) -> Day? { Day(year: n / 32 / 13, month: n / 32 % 13, day: n % 32) }

    /// The dated part as a plan (every other field absent), in the file `file`.
    static func decode(_ r: inout BinaryReader, file: String) throws(T) -> Plan {
        var p = PlanFields(file: file, firstKey: try r.span())
        p.id = try r.field { (r: inout R) throws(T) in try r.string() }
        p.kind = try r.field { (r: inout R) throws(T) -> PlanKind in try r.enumCase() }
        p.status = try r.field { (r: inout R) throws(T) -> PlanStatus in try r.enumCase() }
        p.category = try r.field { (r: inout R) throws(T) -> UnitCategory in try r.enumCase() }
        p.issued = try r.field { (r: inout R) throws(T) in day(try r.int()) }
        p.filed = try r.field { (r: inout R) throws(T) in day(try r.int()) }
        p.evaluated = try r.field { (r: inout R) throws(T) in day(try r.int()) }
        p.parent = try r.optional { (r: inout R) throws(T) in try r.parentLink() }
        p.master = try r.field { (r: inout R) throws(T) in try r.string() }
        p.drills = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) -> Drill in
                let span = try r.span()
                return Drill(span: span, date: try r.field { (r: inout R) throws(T) in day(try r.int()) },
                             type: try r.field { (r: inout R) throws(T) -> DrillType in try r.enumCase() })
            }
        }
        p.revisions = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) -> Revision in
                let span = try r.span()
                return Revision(span: span, version: try r.field { (r: inout R) throws(T) in Version(try r.string()) },
                                date: try r.field { (r: inout R) throws(T) in day(try r.int()) })
            }
        }
        return Plan(p)
    }
}
