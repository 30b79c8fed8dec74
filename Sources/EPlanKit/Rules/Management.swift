import EPlanYAML

// Plan management: evaluated every three years, drilled, drill findings worked into a revision,
// filed with the higher authority on time. "Today" is --today (default: the local date).

private typealias E = ExampleFiles

extension Day {
    /// "More than `months` months before today": this date plus the months is earlier than today.
    func isMoreThan(months: Int, before today: Day) -> Bool {
        adding(months: months) < today
    }

    /// Working days (Monday to Friday) after this date, up to and including `end`.
    func workingDays(until end: Day) -> Int {
        let start = ordinal
        let stop = end.ordinal
        guard stop > start else { return 0 }
        let days = stop - start
        var count = (days / 7) * 5
        var weekday = self.weekday  // Monday = 1
        for _ in 0..<(days % 7) {
            weekday = weekday % 7 + 1
            if weekday <= 5 { count += 1 }
        }
        return count
    }
}

struct EvaluationOverdue: Rule {
    static let description = RuleDescription(
        id: "evaluation-overdue", severity: .warning, group: .management,
        summary: "A plan was evaluated within the interval (36 months)",
        rationale: "Plans are evaluated at least every three years, so that they keep up with the risks and the organization.",
        settings: [RuleSetting(name: "months", defaultValue: 36, summary: "months between evaluations")],
        passing: [RuleExample(E.repo(E.file("qs.master", ["evaluated": "evaluated: 2024-01-10"])))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2022-05-06", "filed": "filed: 2022-05-13",
                                                          "evaluated": "↓evaluated: 2023-09-30"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let months = context.setting(id, "months")
        for plan in context.subjects where plan.isInForce {
            guard let field = plan.evaluated ?? plan.issued, let date = field.value,
                  date.isMoreThan(months: months, before: context.today) else { continue }
            let what = plan.evaluated == nil ? "issued" : "last evaluated"
            findings.append(plan.finding(
                id, "\(plan.name) was \(what) on \(date), more than \(months) months before \(context.today)",
                at: field.span, help: "evaluate the plan and record the date in 'evaluated:' (due \(date.adding(months: months)))"))
        }
    }
}

struct DrillOverdue: Rule {
    static let description = RuleDescription(
        id: "drill-overdue", severity: .warning, group: .management,
        summary: "A plan was drilled within the interval (36 months; unit plans 12)",
        rationale: "A plan nobody has drilled is a plan nobody knows. Government plans are drilled every three years, units every year.",
        settings: [RuleSetting(name: "months", defaultValue: 36, summary: "months between drills of government plans"),
                   RuleSetting(name: "unit-months", defaultValue: 12, summary: "months between drills of unit plans")],
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["drills": "drills:\n  - {↓date: 2023-06-01, type: tabletop}"]))),
            RuleExample(E.repo(("plans/qs/master.yaml", E.plan("qs.master", ["id": "↓id: qs.master", "drills": nil])))),
        ])

    static let kinds: Set<PlanKind> = [.master, .special, .departmental, .unit, .event]

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects where plan.isInForce {
            guard let kind = plan.kind?.value, Self.kinds.contains(kind) else { continue }
            let months = context.setting(id, kind == .unit ? "unit-months" : "months")
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

struct DrillFindingsOpen: Rule {
    static let description = RuleDescription(
        id: "drill-findings-open", severity: .warning, group: .management,
        summary: "Drill findings are worked into a revision",
        rationale: "A drill that found problems is worth something only once a revision fixes them.",
        passing: [RuleExample(E.repo(E.file("qs.master", [
            "drills": "drills:\n  - {date: 2026-03-02, type: functional, findings: [Shelter keys held by one person]}",
            "revisions": "revisions:\n  - {version: \"1\", date: 2026-04-01, reason: Drill findings}",
        ])))],
        failing: [RuleExample(E.repo(E.file("qs.master", [
            "drills": "drills:\n  - {date: 2026-06-01, type: functional, ↓findings: [Shelter keys held by one person]}",
        ])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            let revised = (plan.revisions?.value ?? []).compactMap { $0.date?.value }.max() ?? plan.issued?.value
            guard let revised else { continue }
            for drill in plan.drills?.value ?? [] {
                guard let list = drill.findings, list.value?.isEmpty == false, let date = drill.date?.value,
                      date > revised else { continue }
                findings.append(plan.finding(
                    id, "the findings of the drill on \(date) are not yet worked into a revision (latest \(revised))",
                    at: list.span, help: "revise the plan and record it under 'revisions:' with a date after \(date)"))
            }
        }
    }
}

struct FilingLate: Rule {
    static let description = RuleDescription(
        id: "filing-late", severity: .warning, group: .management,
        summary: "A plan is filed with the higher authority within 20 working days of issue",
        rationale: "Plans linked to a higher level are filed (备案) with it promptly, so that it knows what it docks with.",
        settings: [RuleSetting(name: "working-days", defaultValue: 20, summary: "working days (Monday to Friday) allowed for filing")],
        passing: [RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-01-05", "filed": "filed: 2026-02-02"])))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-01-05", "filed": "↓filed: 2026-02-03"]))),
            RuleExample(E.repo(E.file("qs.master", ["issued": "↓issued: 2026-01-05", "filed": nil]))),
        ])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let allowed = context.setting(id, "working-days")
        for plan in context.subjects where plan.isInForce && (plan.parent != nil || plan.master != nil) {
            guard let issuedField = plan.issued, let issued = issuedField.value else { continue }
            if let filedField = plan.filed {
                guard let filed = filedField.value else { continue }
                let days = issued.workingDays(until: filed)
                guard days > allowed else { continue }
                findings.append(plan.finding(
                    id, "\(plan.name) was filed \(days) working days after it was issued (\(issued)); the limit is \(allowed)",
                    at: filedField.span, help: "file plans with the higher authority within \(allowed) working days of issue"))
            } else {
                let days = issued.workingDays(until: context.today)
                guard days > allowed else { continue }
                findings.append(plan.finding(
                    id, "\(plan.name) was issued on \(issued), \(days) working days ago, and has no 'filed' date",
                    at: issuedField.span, help: "file it with the higher authority and record the date in 'filed:'"))
            }
        }
    }
}
