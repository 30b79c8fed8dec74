import EPlanText
private typealias E = ExampleFiles

struct EvaluationOverdue: Rule {
    static let months = Setting<EvaluationOverdue>("months", default: 36, summary: "months between evaluations")

    static let description = RuleDescription(
        id: "evaluation-overdue", severity: .warning, group: .management,
        summary: "A plan was evaluated within the interval (36 months)",
        rationale: "Plans are evaluated at least every three years, so that they keep up with the risks and the organization.",
        settings: [months],
        passing: [RuleExample(E.repo(E.file("qs.master", ["evaluated": "evaluated: 2024-01-10"])))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["issued": "issued: 2022-05-06", "filed": "filed: 2022-05-13",
                                                          "evaluated": "↓evaluated: 2023-09-30"])))])

    var isLocal: Bool { true }
    var readsToday: Bool { true }

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let months = context.setting(Self.months)
        for plan in context.subjects where plan.isInForce {
            guard let field = plan.evaluated ?? plan.issued, let date = field.value,
                  date.isMoreThan(months: months, before: context.today) else { continue }
            let arguments: [String: MessageArgument] = [
                "plan": plan.named, "date": "\(date)", "today": "\(context.today)",
                "months": .message(.counted(months, one: "evaluation-overdue.months.one", other: "evaluation-overdue.months.other")),
            ]
            findings.append(plan.finding(
                id, plan.evaluated == nil ? Message("evaluation-overdue.issued", arguments) : Message("evaluation-overdue.evaluated", arguments),
                at: field.span, help: Message("evaluation-overdue.help", ["due": "\(date.adding(months: months))"])))
        }
    }
}
