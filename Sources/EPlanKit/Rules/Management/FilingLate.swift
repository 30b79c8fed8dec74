private typealias E = ExampleFiles

struct FilingLate: Rule {
    static let workingDays = Setting<FilingLate>("working-days", default: 20, summary: "working days (Monday to Friday) allowed for filing")

    static let description = RuleDescription(
        id: "filing-late", severity: .warning, group: .management,
        summary: "A plan is filed with the higher authority within 20 working days of issue",
        rationale: "Plans linked to a higher level are filed (备案) with it promptly, so that it knows what it docks with.",
        settings: [workingDays],
        passing: [RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-01-05", "filed": "filed: 2026-02-02"])))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-01-05", "filed": "↓filed: 2026-02-03"]))),
            RuleExample(E.repo(E.file("qs.master", ["issued": "↓issued: 2026-01-05", "filed": nil]))),
        ])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let allowed = context.setting(Self.workingDays)
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
