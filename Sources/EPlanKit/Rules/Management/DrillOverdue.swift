import EPlanText
private typealias E = ExampleFiles

struct DrillOverdue: Rule {
    static let months = Setting<DrillOverdue>("months", default: 36, summary: "months between drills of government plans")
    static let unitMonths = Setting<DrillOverdue>("unit-months", default: 12, summary: "months between drills of unit plans")
    static let unitMonthsByCategory = Setting<DrillOverdue>(
        "unit-months-by-category", default: 6,
        summary: "months between drills of unit plans whose category drills every half year (hazardous-materials, mine, metal-smelting, rail-transit, construction, crowded-venue)")

    /// The unit categories whose plans are drilled at least every half year (Regulation No. 708, art. 8).
    static let halfYearCategories: Set<UnitCategory> = [
        .hazardousMaterials, .mine, .metalSmelting, .railTransit, .construction, .crowdedVenue,
    ]

    /// A unit plan of the given category in region qs (its parent is the city master).
    private static func unit(_ category: String?, drills: String) -> (String, String) {
        var parts: [String: String?] = ["drills": drills]
        if let category { parts["category"] = "category: \(category)" }
        return E.file("qs.unit.works", kind: "unit", parts)
    }

    static let description = RuleDescription(
        id: "drill-overdue", severity: .warning, group: .management,
        summary: "A plan was drilled within the interval (36 months; unit plans 12, or 6 by category)",
        rationale: """
            A plan nobody has drilled is a plan nobody knows. Government plans are drilled every three years, \
            units every year. Units that produce, trade, store or transport hazardous materials, mines, metal \
            smelters, urban rail transit operators, construction units and crowded venues (hotels, malls, \
            entertainment venues, scenic spots) drill at least every half year (Regulation No. 708 on Emergency \
            Response to Work Safety Accidents, art. 8): a `unit` plan's interval comes from its `category` (default \
            `enterprise`, 12 months). A drill dated after today is planned, not held: it does not count, and the \
            finding is located at the newest drill held (else at the plan's `id`). A unit plan whose `category` is \
            not valid is skipped (its `schema-value` finding says enough).
            """,
        settings: [months, unitMonths, unitMonthsByCategory],
        passing: [
            RuleExample(E.repo(E.cityMaster)),
            RuleExample(E.repo(E.cityMaster, unit("mine", drills: "drills:\n  - {date: 2026-06-01, type: full-scale}")),
                        note: "A mine drills every 6 months: its drill of 2026-06-01 is 6 months before today, not more."),
            RuleExample(E.repo(E.cityMaster, unit("school", drills: "drills:\n  - {date: 2026-01-05, type: functional}")),
                        note: "A school drills every 12 months."),
            RuleExample(E.repo(E.cityMaster, unit(nil, drills: "drills:\n  - {date: 2025-11-30, type: tabletop}")),
                        note: "A unit without a category is an `enterprise`: 12 months."),
            RuleExample(E.repo(E.file("qs.master", ["drills": """
                drills:
                  - {date: 2024-09-10, type: tabletop}
                  - {date: 2027-04-18, type: full-scale}
                """])), note: "The drill of 2024-09-10 is within 36 months; the one planned for 2027 changes nothing."),
        ],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["drills": "drills:\n  - {↓date: 2023-06-01, type: tabletop}"]))),
            RuleExample(E.repo(("plans/qs/master.yaml", E.plan("qs.master", ["id": "↓id: qs.master", "drills": nil])))),
            RuleExample(E.repo(E.cityMaster, unit("mine", drills: "drills:\n  - {↓date: 2026-05-29, type: full-scale}")),
                        note: "A mine's last drill is more than 6 months old."),
            RuleExample(E.repo(E.cityMaster, unit("crowded-venue", drills: "drills:\n  - {↓date: 2026-04-15, type: functional}")),
                        note: "A crowded venue (a mall, a hotel) drills every 6 months too."),
            RuleExample(E.repo(E.cityMaster, unit(nil, drills: "drills:\n  - {↓date: 2025-11-29, type: tabletop}")),
                        note: "An `enterprise` unit (the default category) drills every 12 months."),
            RuleExample(E.repo(E.file("qs.master", ["drills": """
                drills:
                  - {↓date: 2023-06-01, type: tabletop}
                  - {date: 2027-04-18, type: full-scale}
                """])), note: "A drill planned for 2027 does not count; the finding is at the newest drill held."),
            RuleExample(E.repo(("plans/qs/master.yaml", E.plan("qs.master", [
                "id": "↓id: qs.master", "drills": "drills:\n  - {date: 2027-04-18, type: full-scale}",
            ]))), note: "Only a planned drill: the plan has not been drilled yet."),
        ])

    static let kinds: Set<PlanKind> = [.master, .special, .departmental, .unit, .event]

    var isLocal: Bool { true }
    var readsToday: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let today = context.today
        for plan in context.subjects where plan.isInForce {
            guard let kind = plan.kind?.value, Self.kinds.contains(kind),
                  let interval = Self.interval(of: plan, kind, context) else { continue }
            // Drills held: dated on or before today (a later date is a planned drill).
            var newest: Field<Day>?
            var planned: Day?
            for drill in plan.drills?.value ?? [] {
                guard let field = drill.date, let date = field.value else { continue }
                if date > today {
                    planned = min(planned ?? date, date)
                } else if newest?.value.map({ date > $0 }) ?? true {
                    newest = field
                }
            }
            if let newest, let date = newest.value, !date.isMoreThan(months: interval.months, before: today) { continue }
            let months = Message.counted(interval.months, one: "drill-overdue.months.one", other: "drill-overdue.months.other")
            let types = Message.alternatives(DrillType.allCases.map { .term(Term(.drillType, $0.rawValue)) })
            let help = interval.why.map { Message("drill-overdue.help-unit", ["types": .message(types),
                                                                              "category": .term(Term(.unitCategory, $0.rawValue)),
                                                                              "months": .message(months)]) }
                ?? Message("drill-overdue.help", ["types": .message(types)])
            if let newest, let date = newest.value {
                findings.append(plan.finding(
                    id, Message("drill-overdue.last", ["plan": plan.named, "date": "\(date)", "months": .message(months), "today": "\(today)"]),
                    at: newest.span, help: help))
            } else {
                let message = planned.map { Message("drill-overdue.planned", ["plan": plan.named, "date": "\($0)", "today": "\(today)"]) }
                    ?? Message("drill-overdue.never", ["plan": plan.named])
                findings.append(plan.finding(id, message, at: plan.id?.span ?? plan.firstKey, help: help))
            }
        }
    }

    /// The months allowed between drills, and for a unit plan its category (why, for the help text);
    /// nil for a unit plan whose `category` is invalid (its `schema-value` finding says enough).
    static func interval(of plan: Plan, _ kind: PlanKind, _ context: RuleContext) -> (months: Int, why: UnitCategory?)? {
        guard kind == .unit else { return (context.setting(Self.months), nil) }
        if let field = plan.category, field.value == nil { return nil }
        let category = plan.category?.value ?? .enterprise
        let months = context.setting(halfYearCategories.contains(category) ? Self.unitMonthsByCategory : Self.unitMonths)
        return (months, category)
    }
}
