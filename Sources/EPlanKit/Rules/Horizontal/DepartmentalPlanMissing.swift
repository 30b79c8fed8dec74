import EPlanText
private typealias E = ExampleFiles

struct DepartmentalPlanMissing: Rule {
    static let description = RuleDescription(
        id: "departmental-plan-missing", severity: .warning, group: .horizontal,
        summary: "Every lead agency of an in-force master plan down to county level has a departmental plan",
        rationale: """
            A department that leads in the master plan needs its own plan saying how it will lead. Townships \
            and communities keep no departmental plans: the rule looks at master plans at or above its \
            `depth` (default county), and only at master plans in force (a draft master binds no one yet).
            """,
        depth: DepthSetting(defaultLevel: .county, summary: "the lowest level whose master plans' lead agencies need departmental plans"),
        passing: [
            RuleExample(E.repo(
                E.file("qs.master", ["organization": "organization:\n  members:\n    - {agency: emergency-management, role: lead, duties: [Coordinate]}"]),
                E.file("qs.dept.em", kind: "departmental"))),
            RuleExample(E.repo(
                E.file("qs.lin.shi.master", level: "township", region: "qs/lin/shi",
                       ["organization": "organization:\n  members:\n    - {agency: emergency-management, role: lead, duties: [Coordinate]}"])),
                        note: "a township master: townships keep no departmental plans"),
            RuleExample(E.repo(
                E.file("qs.master", ["status": "status: draft",
                                     "organization": "organization:\n  members:\n    - {agency: emergency-management, role: lead, duties: [Coordinate]}"])),
                        note: "a draft master binds no one yet"),
        ],
        failing: [RuleExample(E.repo(
            E.file("qs.master", ["organization": "organization:\n  members:\n    - {↓agency: emergency-management, role: lead, duties: [Coordinate]}"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let depth = context.configuration.rules[id]?.depth ?? Self.description.depth?.defaultLevel ?? .county
        for master in context.subjectPlans where master.kind?.value == .master && master.isInForce {
            guard let region = master.region?.value, let level = master.level?.value, level <= depth else { continue }
            for member in master.organization?.members ?? [] where member.effectiveRole == .lead {
                guard let field = member.agency, let agency = field.value else { continue }
                let key = agency.resolved(in: region)
                // Withheld where a plan file of that region could not be read whole: it may be the plan.
                guard !context.lookups.departmentalOwners.contains(key), !context.index.brokenRegions.contains(key.region) else { continue }
                findings.append(master.finding(
                    id, Message("departmental-plan-missing.missing", ["agency": "\(agency)", "plan": master.named, "region": "\(key.region)"]),
                    at: field.span,
                    help: Message("departmental-plan-missing.help", ["region": "\(key.region)", "agency": "\(key.agency)"])))
            }
        }
    }
}
