private typealias E = ExampleFiles

struct DrillOverdue: Rule {
    static let months = Setting<DrillOverdue>("months", default: 36, summary: "months between drills of government plans")
    static let unitMonths = Setting<DrillOverdue>("unit-months", default: 12, summary: "months between drills of unit plans")

    static let description = RuleDescription(
        id: "drill-overdue", severity: .warning, group: .management,
        summary: "A plan was drilled within the interval (36 months; unit plans 12)",
        rationale: "A plan nobody has drilled is a plan nobody knows. Government plans are drilled every three years, units every year.",
        settings: [months, unitMonths],
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["drills": "drills:\n  - {↓date: 2023-06-01, type: tabletop}"]))),
            RuleExample(E.repo(("plans/qs/master.yaml", E.plan("qs.master", ["id": "↓id: qs.master", "drills": nil])))),
        ])

    static let kinds: Set<PlanKind> = [.master, .special, .departmental, .unit, .event]

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects where plan.isInForce {
            guard let kind = plan.kind?.value, Self.kinds.contains(kind) else { continue }
            let months = context.setting(kind == .unit ? Self.unitMonths : Self.months)
            let drills = (plan.drills?.value ?? []).compactMap { d in d.date.flatMap { f in f.value.map { ($0, f.span) } } }
            let past = drills.filter { $0.0 <= context.today }
            if past.contains(where: { !$0.0.isMoreThan(months: months, before: context.today) }) { continue }
            let newest = (past.max { $0.0 < $1.0 } ?? drills.max { $0.0 < $1.0 })
            let message = newest.map { "\(plan.name) was last drilled on \($0.0), more than \(months) months before \(context.today)" }
                ?? "\(plan.name) has never been drilled"
            findings.append(plan.finding(id, message, at: newest?.1 ?? plan.id?.span ?? plan.firstKey,
                                         help: "hold a drill (tabletop, functional or full-scale) and record it under 'drills:'"))
        }
    }
}
