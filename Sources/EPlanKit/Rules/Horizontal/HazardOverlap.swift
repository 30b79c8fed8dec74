private typealias E = ExampleFiles

struct HazardOverlap: Rule {
    static let description = RuleDescription(
        id: "hazard-overlap", severity: .warning, group: .horizontal,
        summary: "No two special plans of a region cover the same hazard",
        rationale: "When two special plans of one region claim the same hazard, who leads the response is ambiguous.",
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special"),
                                     E.file("qs.rain", kind: "special", ["scope": "scope: {hazards: [↓flood]}"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for region in context.regions {
            let plans = (context.lookups.specials[region] ?? []).sorted { ($0.file, $0.firstKey.start) < ($1.file, $1.firstKey.start) }
            guard plans.count > 1 else { continue }
            for (j, later) in plans.enumerated() {
                let entries = later.scope?.hazards?.value ?? []
                // Two files with one id: duplicate-id says enough.
                for earlier in plans[..<j] where earlier.id?.value == nil || earlier.id?.value != later.id?.value {
                    let theirs = Set(earlier.scope?.hazards?.value?.compactMap(\.value) ?? [])
                    let shared = entries.filter { $0.value.map(theirs.contains) == true }
                    guard let first = shared.first else { continue }
                    let names = shared.compactMap(\.value).map { "'\($0)'" }.joined(separator: ", ")
                    findings.append(later.finding(
                        id, "\(later.name) and \(earlier.name) of region '\(region)' both cover \(names): who leads is ambiguous",
                        at: first.span, help: "leave each hazard to one special plan of the region",
                        related: [RelatedLocation(Location(file: earlier.file, span: earlier.scope?.hazards?.span ?? earlier.firstKey),
                                                  "the other plan's scope")]))
                }
            }
        }
    }
}
