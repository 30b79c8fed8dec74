import EPlanText
private typealias E = ExampleFiles

struct FilingLate: Rule {
    static let workingDays = Setting<FilingLate>(
        "working-days", default: 20,
        summary: "working days allowed for filing (the statutory calendar, with eplan.yaml's 'calendar:')")

    static let description = RuleDescription(
        id: "filing-late", severity: .warning, group: .management,
        summary: "A plan is filed with the higher authority within 20 working days of issue",
        rationale: """
            Plans linked to a higher level are filed (备案) with it promptly, so that it knows what it docks with. \
            The days counted are those after `issued` up to and including `filed` (else today) that are working days \
            in the statutory calendar: Monday to Friday, less the public holidays, plus the make-up working days (调休) \
            that the State Council General Office's annual holiday notice sets. eplan has the notices for \
            \(StatutoryCalendar.years.lowerBound) to \(StatutoryCalendar.years.upperBound) built in (listed in \
            [docs/calendar.md](calendar.md)); a later year counts Monday to Friday until its notice is built in. \
            `eplan.yaml` adds to the calendar with `calendar: {holidays: [DATE...], workdays: [DATE...]}`: a local \
            holiday, or the days of a year not yet built in; its dates win over the notices'.
            """,
        settings: [workingDays],
        passing: [
            RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-01-05", "filed": "filed: 2026-02-02"]))),
            RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-09-25", "filed": "filed: 2026-10-26"])),
                        note: "17 working days: Monday to Friday would count 21, but 1, 2, 5, 6 and 7 October are National Day holidays and Saturday 10 October is a make-up working day"),
            RuleExample([(E.config.0, E.config.1 + "\ncalendar:\n  holidays: [2026-01-20]   # a local holiday\n"), E.regions,
                         E.file("qs.master", ["issued": "issued: 2026-01-05", "filed": "filed: 2026-02-03"])],
                        note: "20 working days: eplan.yaml's calendar makes 20 January a day off"),
        ],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-01-05", "filed": "↓filed: 2026-02-03"]))),
            RuleExample(E.repo(E.file("qs.master", ["issued": "↓issued: 2026-01-05", "filed": nil]))),
            RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2026-02-24", "filed": "↓filed: 2026-03-24"])),
                        note: "21 working days: Saturday 28 February is a make-up working day; Monday to Friday would count 20"),
        ])

    var isLocal: Bool { true }
    var readsToday: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let allowed = context.setting(Self.workingDays)
        let calendar = context.configuration.calendar
        for plan in context.subjects where plan.isInForce && (plan.parent != nil || plan.master != nil) {
            guard let issuedField = plan.issued, let issued = issuedField.value else { continue }
            func workingDays(_ n: Int) -> MessageArgument {
                .message(.counted(n, one: "filing-late.working-days.one", other: "filing-late.working-days.other"))
            }
            if let filedField = plan.filed {
                guard let filed = filedField.value else { continue }
                let days = issued.workingDays(until: filed, in: calendar)
                guard days > allowed else { continue }
                findings.append(plan.finding(
                    id, Message("filing-late.late", ["plan": plan.named, "days": workingDays(days), "issued": "\(issued)", "limit": .number(allowed)]),
                    at: filedField.span, help: Message("filing-late.help", ["limit": workingDays(allowed)])))
            } else {
                let days = issued.workingDays(until: context.today, in: calendar)
                guard days > allowed else { continue }
                findings.append(plan.finding(
                    id, Message("filing-late.unfiled", ["plan": plan.named, "issued": "\(issued)", "days": workingDays(days)]),
                    at: issuedField.span, help: Message("filing-late.unfiled-help")))
            }
        }
    }
}
