private typealias E = ExampleFiles

struct DepartmentalPlanMissing: Rule {
    static let description = RuleDescription(
        id: "departmental-plan-missing", severity: .warning, group: .horizontal,
        summary: "Every lead agency of a master plan has a departmental plan",
        rationale: "A department that leads in the master plan needs its own plan saying how it will lead.",
        passing: [RuleExample(E.repo(
            E.file("qs.master", ["organization": "organization:\n  members:\n    - {agency: emergency-management, role: lead, duties: [Coordinate]}"]),
            E.file("qs.dept.em", kind: "departmental")))],
        failing: [RuleExample(E.repo(
            E.file("qs.master", ["organization": "organization:\n  members:\n    - {↓agency: emergency-management, role: lead, duties: [Coordinate]}"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for master in context.subjects where master.kind?.value == .master {
            guard let region = master.region?.value else { continue }
            for member in master.organization?.members ?? [] where member.effectiveRole == .lead {
                guard let field = member.agency, let agency = field.value else { continue }
                let key = agency.resolved(in: region)
                guard !context.lookups.departmentalOwners.contains(key) else { continue }
                findings.append(master.finding(
                    id, "lead agency '\(agency)' of \(master.name) has no in-force departmental plan in '\(key.region)'",
                    at: field.span,
                    help: "write a departmental plan of '\(key.region)' with 'owner: \(key.agency)'"))
            }
        }
    }
}
