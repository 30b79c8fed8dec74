import EPlanText

private typealias E = ExampleFiles

struct ParentRetired: Rule {
    static let description = RuleDescription(
        id: "parent-retired", severity: .warning, group: .vertical,
        summary: "An in-force plan's parent is in force",
        rationale: "Docking with a retired or draft plan means docking with rules that do not apply.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["status": "status: draft"]),
                                     E.file("qs.lin.master", level: "county", region: "qs/lin", ["parent": "↓parent: qs.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for (plan, parent) in context.subjectsWithParents where plan.isInForce {
            guard let target = parent?.plan,
                  !target.isInForce else { continue }
            let status: MessageArgument = .term(Term(.status, target.effectiveStatus.rawValue))
            findings.append(plan.finding(id, Message("parent-retired.retired", ["parent": target.named, "status": status]), at: plan.parentKey,
                                         help: Message("parent-retired.help"),
                                         related: [RelatedLocation(Location(file: target.file, span: target.status?.span ?? target.firstKey),
                                                                   Message("parent-retired.status"))]))
        }
    }
}
