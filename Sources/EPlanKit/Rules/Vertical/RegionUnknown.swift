import EPlanText

private typealias E = ExampleFiles

struct RegionUnknown: Rule {
    static let description = RuleDescription(
        id: "region-unknown", severity: .error, group: .vertical,
        summary: "Every region reference is in the regions document, the region part of agency references too",
        rationale: """
            Plans are placed in the region tree; a region the tree does not hold cannot be checked for coverage. \
            An agency reference `REGION:agency` (who receives the incident report, who acts, who holds a \
            resource) names its region the same way: a misspelt region there sends the report nowhere.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster)),
            RuleExample(E.repo(E.cityMaster, E.countyMaster, E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                                                  ["reporting": "reporting: {initial: 30m, to: qs:emergency-management}"]))),
        ],
        failing: [
            RuleExample(E.repo(E.cityMaster, E.file("qs.lyn.master", level: "county", region: "qs/lyn",
                                                    ["region": "↓region: qs/lyn"]))),
            RuleExample(E.repo(E.cityMaster, E.countyMaster, E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                                                  ["reporting": "reporting: {initial: 30m, ↓to: q:emergency-management}"])),
                        note: "the region part of an agency reference: 'q' is no region"),
        ])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        guard context.index.regionsDocument != nil else { return }
        // What the closures below read of the index: capturing the index copied it, once per plan.
        let regionByPath = context.index.regionByPath
        // Remembered per path: one unknown region is often written in many places.
        var nearest = Suggest.Memo(candidates: Array(regionByPath.keys))
        func help(_ path: String) -> Message {
            nearest[path].map { Message("region-unknown.did-you-mean", ["id": "\($0)"]) }
                ?? Message("region-unknown.help", ["region": "\(path)"])
        }
        func unknown(_ path: String) -> Message { Message("region-unknown.unknown", ["region": "\(path)"]) }
        // Plans in file order come region by region, and their references name the same few regions
        // again and again: the last known path is compared before the table is hashed.
        var lastKnown: String?
        func isKnown(_ path: String) -> Bool {
            if path == lastKnown { return true }
            guard regionByPath[path] != nil else { return false }
            lastKnown = path
            return true
        }
        for plan in context.subjectPlans {
            if let region = plan.region, let path = region.value, !isKnown(path) {
                findings.append(plan.finding(id, unknown(path), at: region.span, help: help(path)))
            }
            for entry in plan.regions?.value ?? [] {
                guard let path = entry.value, !isKnown(path) else { continue }
                findings.append(plan.finding(id, unknown(path), at: entry.span, help: help(path)))
            }
        }
        // The region part of agency references, wherever they are written.
        func checkAgency(_ field: Field<AgencyRef>?, file: String, plan: String?) {
            guard let field, let ref = field.value, let path = ref.region, !isKnown(path) else { return }
            findings.append(Diagnostic(id, Message("region-unknown.agency", ["region": "\(path)", "agency": "\(ref)"]),
                                       at: Location(file: file, span: field.span), help: help(path), plan: plan))
        }
        for plan in context.subjectPlans {
            let id = plan.id?.value
            plan.forEachAgencyReference(.qualified) { checkAgency($1, file: plan.file, plan: id) }
        }
        for inventory in context.subjectInventories {
            for resource in inventory.resources { checkAgency(resource.holder, file: inventory.file, plan: nil) }
        }
        for inventory in context.subjectInventories {
            guard let region = inventory.region, let path = region.value, !isKnown(path) else { continue }
            findings.append(Diagnostic(id, unknown(path),
                                       at: Location(file: inventory.file, span: region.span), help: help(path)))
        }
    }
}
