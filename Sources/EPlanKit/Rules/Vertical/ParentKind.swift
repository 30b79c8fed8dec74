import EPlanText

private typealias E = ExampleFiles

struct ParentKind: Rule {
    static let description = RuleDescription(
        id: "parent-kind", severity: .error, group: .vertical,
        summary: "A master plan docks with a master plan; a special plan with a master or a special plan",
        rationale: """
            The overall plan of a township docks with the overall plan of its county, not with the county's \
            flood plan: a master plan's parent is a master plan (of the repository, or an external entry of \
            kind master). A special plan docks with the higher level's special plan for its hazard or, where \
            there is none, with its master plan; never with a departmental, unit, event or joint plan.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster, E.countyMaster)),
            RuleExample(E.repo(E.cityMaster, E.countyMaster, E.file("qs.flood", kind: "special"),
                               E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                      ["parent": "parent: qs.flood"]))),
        ],
        failing: [
            RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special"),
                               E.file("qs.lin.master", level: "county", region: "qs/lin", ["parent": "↓parent: qs.flood"])),
                        note: "the county's master plan names the city's flood plan as its parent"),
            RuleExample(E.repo(E.cityMaster, E.file("qs.dept.em", kind: "departmental"),
                               E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                      ["parent": "↓parent: qs.dept.em"]))),
        ])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for (plan, parent) in context.subjectsWithParents {
            guard let kind = plan.kind?.value, kind == .master || kind == .special,
                  let target = parent,
                  let parentKind = target.kind else { continue }
            let allowed: [PlanKind] = kind == .master ? [.master] : [.master, .special]
            guard !allowed.contains(parentKind) else { continue }
            let arguments: [String: MessageArgument] = ["parent": target.named, "parent-kind": .term(Term(.kind, parentKind.rawValue)),
                                                        "kind": .term(Term(.kind, kind.rawValue))]
            findings.append(plan.finding(
                id, kind == .master ? Message("parent-kind.master", arguments) : Message("parent-kind.special", arguments),
                at: plan.parentKey,
                help: kind == .master ? Message("parent-kind.help-master") : Message("parent-kind.help-special"),
                related: [RelatedLocation(target.location, Message("parent-kind.parent"))]))
        }
    }
}
