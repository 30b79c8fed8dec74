import EPlanText
private typealias E = ExampleFiles

struct DrillFindingsOpen: Rule {
    static let description = RuleDescription(
        id: "drill-findings-open", severity: .warning, group: .management,
        summary: "Drill findings are worked into a revision",
        rationale: """
            A drill that found problems is worth something only once a revision fixes them. A drill that found \
            nothing (`findings: []`, or no `findings`) leaves nothing to work in; entries that are not valid text \
            are not findings (their schema finding says enough).
            """,
        passing: [
            RuleExample(E.repo(E.file("qs.master", [
                "drills": "drills:\n  - {date: 2026-03-02, type: functional, findings: [Shelter keys held by one person]}",
                "revisions": "revisions:\n  - {version: \"1\", date: 2026-04-01, reason: Drill findings}",
            ]))),
            RuleExample(E.repo(E.file("qs.master", [
                "drills": "drills:\n  - {date: 2026-06-01, type: functional, findings: []}",
            ])), note: "The drill found nothing."),
        ],
        failing: [RuleExample(E.repo(E.file("qs.master", [
            "drills": "drills:\n  - {date: 2026-06-01, type: functional, ↓findings: [Shelter keys held by one person]}",
        ])))])

    var isLocal: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            let revised = (plan.revisions?.value ?? []).compactMap { $0.date?.value }.max() ?? plan.issued?.value
            guard let revised else { continue }
            for drill in plan.drills?.value ?? [] {
                guard let list = drill.findings, list.value?.contains(where: { $0.value != nil }) == true, let date = drill.date?.value,
                      date > revised else { continue }
                findings.append(plan.finding(
                    id, Message("drill-findings-open.open", ["date": "\(date)", "revised": "\(revised)"]),
                    at: list.span, help: Message("drill-findings-open.help", ["date": "\(date)"])))
            }
        }
    }
}
