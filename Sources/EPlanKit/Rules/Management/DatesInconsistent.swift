import EPlanText
import EPlanYAML

private typealias E = ExampleFiles

struct DatesInconsistent: Rule {
    static let description = RuleDescription(
        id: "dates-inconsistent", severity: .warning, group: .management,
        summary: "A plan's dates are in order and none is after today",
        rationale: """
            `issued`, `filed`, `evaluated` and the revisions' dates record what has happened: a plan is filed \
            (备案) and evaluated (评估) after it is issued, and nothing has happened after today. A date out of \
            order is a typing mistake, and it misleads the rules that measure from it (`evaluation-overdue`, \
            `filing-late`, `drill-findings-open`). One finding per date, at the date. Drills are not checked \
            against today: a drill dated after today is a planned drill (`drill-overdue` does not count it). \
            Retired plans and dates that are not valid dates are skipped.
            """,
        passing: [
            RuleExample(E.repo(E.file("qs.master", [
                "evaluated": "evaluated: 2026-11-30",
                "revisions": "revisions:\n  - {version: \"1\", date: 2026-01-05, reason: First issue}",
            ])), note: "Filed and evaluated after issue; nothing after today (a date on today is fine)."),
            RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-01-05", "filed": "filed: 2026-01-05"])),
                        note: "Filed on the day of issue."),
            RuleExample(E.repo(E.file("qs.master", ["status": "status: retired", "filed": "filed: 2025-12-30",
                                                    "evaluated": "evaluated: 2027-01-05"])),
                        note: "A retired plan gets the syntax and schema checks only."),
        ],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-01-05", "filed": "↓filed: 2025-01-09"])),
                        note: "Filed a year before it was issued (the year mistyped)."),
            RuleExample(E.repo(E.file("qs.master", ["evaluated": "↓evaluated: 2025-12-01"]))),
            RuleExample(E.repo(E.file("qs.master", [
                "issued": "↓issued: 2027-01-05", "filed": "↓filed: 2027-01-09",
                "drills": "drills:\n  - {date: 2026-06-01, type: tabletop}",
            ])), note: "Issued and filed after today: one finding per date."),
            RuleExample(E.repo(E.file("qs.master", ["version": "version: \"1.1\"", "revisions": """
                revisions:
                  - {version: "1", date: 2026-01-05, reason: First issue}
                  - {version: "1.1", ↓date: 2026-12-15, reason: New duty desk}
                """])), note: "A revision dated after today."),
        ])

    var isLocal: Bool { true }
    var readsToday: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let today = context.today
        for plan in context.subjects {
            let issued = plan.issued.flatMap { f in f.value.map { (day: $0, span: f.span) } }
            func afterToday(_ message: Message, _ span: SourceSpan) {
                findings.append(plan.finding(id, message, at: span, help: Message("dates-inconsistent.after-today-help")))
            }
            func arguments(_ date: Day) -> [String: MessageArgument] { ["plan": plan.named, "date": "\(date)", "today": "\(today)"] }
            if let issued, issued.day > today {
                afterToday(Message("dates-inconsistent.issued-after-today", arguments(issued.day)), issued.span)
            }
            // The keys are written out whole (not built from "filed"/"evaluated") so the catalogue test sees them.
            for (field, isFiled) in [(plan.filed, true), (plan.evaluated, false)] {
                guard let field, let date = field.value else { continue }
                if date > today {
                    afterToday(isFiled ? Message("dates-inconsistent.filed-after-today", arguments(date))
                                       : Message("dates-inconsistent.evaluated-after-today", arguments(date)), field.span)
                } else if let issued, date < issued.day {
                    let before: [String: MessageArgument] = ["plan": plan.named, "date": "\(date)", "issued": "\(issued.day)"]
                    findings.append(plan.finding(
                        id, isFiled ? Message("dates-inconsistent.filed-before-issued", before)
                                    : Message("dates-inconsistent.evaluated-before-issued", before),
                        at: field.span,
                        help: isFiled ? Message("dates-inconsistent.filed-before-issued-help")
                                      : Message("dates-inconsistent.evaluated-before-issued-help"),
                        related: [RelatedLocation(plan.location(issued.span), Message("dates-inconsistent.issued"))]))
                }
            }
            for revision in plan.revisions?.value ?? [] {
                guard let field = revision.date, let date = field.value, date > today else { continue }
                let message = revision.version?.value.map {
                    Message("dates-inconsistent.revision-after-today", ["version": "\($0)", "plan": plan.named, "date": "\(date)", "today": "\(today)"])
                } ?? Message("dates-inconsistent.a-revision-after-today", ["plan": plan.named, "date": "\(date)", "today": "\(today)"])
                findings.append(plan.finding(id, message, at: field.span, help: Message("dates-inconsistent.revision-help")))
            }
        }
    }
}
