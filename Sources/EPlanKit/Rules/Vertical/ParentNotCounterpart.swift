import EPlanText

private typealias E = ExampleFiles

struct ParentNotCounterpart: Rule {
    static let description = RuleDescription(
        id: "parent-not-counterpart", severity: .warning, group: .vertical,
        summary: "A special plan docks with the parent region's special plan for its hazard",
        rationale: """
            A county flood plan docks with the city flood plan where there is one: that is where the \
            higher level's flood command, triggers and reporting live, not in the city's master plan.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster, E.file("qs.flood", kind: "special"),
                                     E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                            ["parent": "parent: qs.flood"])))],
        failing: [RuleExample(E.repo(E.cityMaster, E.countyMaster, E.file("qs.flood", kind: "special"),
                                     E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                            ["parent": "↓parent: qs.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        let lookups = context.lookups
        let file = index.configuration.file ?? "eplan.yaml"
        // For a parent region (or level, for external masters without a region): hazard -> the two
        // in-force special plans covering it whose ids sort first (the first may be the plan itself, which
        // is never its own counterpart). Worked out for the regions asked about, once each.
        var byRegion: [String: [String: [PlanTarget]]] = [:]
        func specialsByHazard(_ key: String, region: String?, level: Level?) -> [String: [PlanTarget]] {
            if let known = byRegion[key] { return known }
            var map: [String: [PlanTarget]] = [:]
            func add(_ target: PlanTarget) {
                for hazard in target.hazards {
                    var list = map[hazard, default: []]
                    list.append(target)
                    list.sort { ($0.id ?? "") < ($1.id ?? "") }
                    map[hazard] = Array(list.prefix(2))
                }
            }
            if let region {
                for plan in lookups.specials[region] ?? [] { add(.local(plan)) }
                if !region.isEmpty { for external in lookups.externalSpecials[region] ?? [] { add(.external(external, file: file)) } }
            } else if let level {
                for external in lookups.externalSpecials[""] ?? [] where external.level?.value == level {
                    add(.external(external, file: file))
                }
            }
            byRegion[key] = map
            return map
        }
        for (plan, parent) in context.subjectsWithParents where plan.kind?.value == .special {
            guard let targetID = plan.parentID, let target = parent,
                  target.kind == .master else { continue }
            let hazards = plan.scope?.hazards?.value?.compactMap(\.value) ?? []
            let candidates: [String: [PlanTarget]]
            if let region = target.region {
                candidates = specialsByHazard("region:" + region, region: region, level: nil)
            } else if target.isExternal, let level = target.level {
                candidates = specialsByHazard("level:" + level.rawValue, region: nil, level: level)
            } else {
                continue
            }
            let own = plan.id?.value
            let matches = Set(hazards).compactMap { candidates[$0]?.first { $0.id == nil || $0.id != own } }
                .sorted { ($0.id ?? "") < ($1.id ?? "") }
            guard let counterpart = matches.first, let counterpartID = counterpart.id else { continue }
            let shared = Set(hazards).intersection(counterpart.hazards).sorted()
            findings.append(plan.finding(
                id, Message("parent-not-counterpart.master", ["master": "\(targetID)", "counterpart": counterpart.named,
                                                              "hazards": .terms(.hazard, shared)]),
                at: plan.parentKey, help: Message("parent-not-counterpart.help", ["id": "\(counterpartID)"]),
                related: [RelatedLocation(counterpart.location, Message("parent-not-counterpart.counterpart"))]))
        }
    }
}
