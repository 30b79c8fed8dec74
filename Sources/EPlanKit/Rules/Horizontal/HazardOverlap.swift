import EPlanText
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
                    let names: MessageArgument = .list(shared.compactMap(\.value).map { .message(Message("hazard-overlap.hazard", ["hazard": .term(Term(.hazard, $0))])) })
                    findings.append(later.finding(
                        id, Message("hazard-overlap.overlap", ["plan": later.named, "other": earlier.named, "region": "\(region)", "hazards": names]),
                        at: first.span, help: Message("hazard-overlap.help"),
                        related: [RelatedLocation(Location(file: earlier.file, span: earlier.scope?.hazards?.span ?? earlier.firstKey),
                                                  Message("hazard-overlap.other-scope"))]))
                }
            }
        }
    }
}
