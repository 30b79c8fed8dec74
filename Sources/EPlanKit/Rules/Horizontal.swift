import EPlanYAML

// "Horizontally to the edge": within a region, no hazard and no lead department is left
// without a plan, and no two special plans claim the same hazard.

private typealias E = ExampleFiles

struct HazardUncovered: Rule {
    static let description = RuleDescription(
        id: "hazard-uncovered", severity: .error, group: .horizontal,
        summary: "Every hazard a region faces is covered by an in-force plan of that region",
        rationale: """
            Every hazard of a region's risk profile, and every hazard its master plan names, needs a plan. \
            Down to county level that is a special plan of the region; in townships and communities the \
            master plan may cover it itself. An external master with the region counts as the master: its \
            `hazards` are its scope.
            """,
        passing: [
            RuleExample(E.repo(E.cityMaster, E.countyMaster, E.file("qs.flood", kind: "special"),
                               E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                      ["parent": "parent: qs.flood"]))),
            RuleExample([("eplan.yaml", """
                eplan: config/v1
                external:
                  - {id: sx.master, kind: master, level: provincial, version: "2024"}
                  - {id: qs.shi.master, kind: master, level: township, region: qs/shi, version: "3", hazards: [mountain-torrent]}
                """), ("regions.yaml", """
                eplan: regions/v1
                regions:
                  - id: qs
                    level: municipal
                    hazards: [flood]
                    children:
                      - {id: shi, level: township, hazards: [mountain-torrent]}
                """), E.cityMaster, E.file("qs.flood", kind: "special")],
                note: "the township's master is kept elsewhere; its external entry's hazards are its scope"),
        ],
        failing: [RuleExample([E.config, ("regions.yaml", """
            eplan: regions/v1
            regions:
              - id: qs
                level: municipal
                hazards: [flood, ↓coal-mine-accident]
            """), E.cityMaster, E.file("qs.flood", kind: "special")])])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        let lookups = context.lookups
        var regions = Set(index.regionByPath.keys)
        regions.formUnion(lookups.masters.keys)
        regions.formUnion(lookups.externalMasters.keys)
        // A finding lands in the regions document, the configuration (external masters) or a master
        // plan of the region: when neither of the first two is reported, only the subjects' regions matter.
        if !context.isReported(index.regionsDocument?.file ?? "") && !context.isReported(index.configuration.file ?? "") {
            regions.formIntersection(context.subjects.compactMap { $0.region?.value })
        }
        for region in regions.sorted() {
            let coverage = RegionCoverage(region: region, index: index, lookups: lookups)
            let level = coverage.level
            for (hazard, location) in coverage.required where coverage.coveredBy[hazard] == nil {
                let help = level.map { $0 >= .township } == true
                    ? "list '\(hazard)' in the scope of the master plan of '\(region)', or write a special plan for it"
                    : "write a special plan of '\(region)' that lists '\(hazard)' in scope.hazards"
                findings.append(Diagnostic(id, "hazard '\(hazard)' of region '\(region)' is covered by no in-force plan of that region",
                                           at: location, help: help))
            }
        }
    }
}

struct HazardOverlap: Rule {
    static let description = RuleDescription(
        id: "hazard-overlap", severity: .warning, group: .horizontal,
        summary: "No two special plans of a region cover the same hazard",
        rationale: "When two special plans of one region claim the same hazard, who leads the response is ambiguous.",
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special"),
                                     E.file("qs.rain", kind: "special", ["scope": "scope: {hazards: [↓flood]}"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        // A finding lands on a special plan of the region: only regions with one in a reported file matter.
        let regions = context.reported == nil ? Array(context.lookups.specials.keys)
            : Array(Set(context.subjects.compactMap { $0.kind?.value == .special ? $0.region?.value : nil }))
        for region in regions.sorted() {
            let plans = (context.lookups.specials[region] ?? []).sorted { ($0.file, $0.firstKey.start) < ($1.file, $1.firstKey.start) }
            guard plans.count > 1 else { continue }
            for (j, later) in plans.enumerated() {
                let entries = later.scope?.hazards?.value ?? []
                for earlier in plans[..<j] {
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

struct AgencyUnknown: Rule {
    static let description = RuleDescription(
        id: "agency-unknown", severity: .error, group: .horizontal,
        summary: "Every agency reference names an agency of the plan or of its region's master plan",
        rationale: """
            "Who does it" must name an agency that the region's organization knows: one of the plan's own \
            organization, or of the in-force master plan of the referenced region.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special", ["actions": """
            actions:
              - {id: watch, phase: warning, ↓who: water-resourcs, how: Watch, when: Daily, resources: []}
              - {id: respond, phase: response, who: emergency-management, how: Respond, when: On alarm, resources: []}
              - {id: recover, phase: recovery, who: emergency-management, how: Recover, when: After, resources: []}
            """])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        let lookups = context.lookups
        // The agencies of each region's masters, worked out once per region asked about.
        var agenciesByRegion: [String: AgencyLookup?] = [:]
        func masterAgencies(_ region: String) -> AgencyLookup? {
            if let known = agenciesByRegion[region] { return known }
            let agencies = lookups.masterAgencies(region).map(AgencyLookup.init)
            agenciesByRegion[region] = .some(agencies)
            return agencies
        }
        for plan in context.subjects {
            guard let region = plan.region?.value else { continue }
            let own = AgencyLookup(plan.organizationAgencyList)
            let isMaster = plan.kind?.value == .master
            // Most references are to the plan's own region: look that region up once per plan.
            let hereIsKnown = index.regionsDocument == nil || index.regionByPath[region] != nil
            let masterHere = masterAgencies(region)
            // `what` is only for the message: it is put together only when there is a finding.
            func check(_ field: Field<AgencyRef>, _ what: @autoclosure () -> String, ownOnly: Bool = false) {
                guard let ref = field.value else { return }
                if own.contains(ref, in: region) { return }
                let key = ref.resolved(in: region)
                if ownOnly {
                    guard plan.organization != nil else { return }
                } else {
                    let isHere = ref.region == nil || key.region == region
                    if !(isHere ? hereIsKnown : index.regionsDocument == nil || index.regionByPath[key.region] != nil) { return }
                    guard let agencies = isHere ? masterHere : masterAgencies(key.region) else { return }
                    if agencies.contains(ref, in: region) { return }
                }
                let known = (own.keys + (ownOnly ? [] : masterAgencies(key.region)?.keys ?? []))
                    .filter { $0.region == key.region }.map(\.agency)
                let help = Suggest.help(ref.agency, in: known)
                    ?? (ownOnly ? "add it to this plan's organization" : "add it to this plan's organization or to the master plan of '\(key.region)'")
                findings.append(plan.finding(
                    id, "\(what()) '\(ref)' is not an agency of \(plan.name)'s organization\(ownOnly ? "" : " or of the master plan of '\(key.region)'")",
                    at: field.span, help: help))
            }
            if let owner = plan.owner { check(owner, "owner", ownOnly: isMaster) }
            if let to = plan.reporting?.to { check(to, "reporting.to") }
            if let office = plan.organization?.command?.office { check(office, "command office") }
            for level in plan.responseLevels?.value ?? [] {
                for lead in level.lead?.value ?? [] { check(lead, "response level lead") }
            }
            for action in plan.actions?.value ?? [] {
                for who in action.who?.value ?? [] {
                    check(who, action.id?.value.map { "action \($0): who" } ?? "action who")
                }
            }
            for resource in plan.resources?.value ?? [] {
                if let holder = resource.holder { check(holder, "resource holder") }
            }
        }
        // Inventories have no organization of their own: holders resolve in the inventory's region.
        for inventory in context.subjectInventories {
            let region = inventory.region?.value
            for resource in inventory.resources {
                guard let field = resource.holder, let ref = field.value, let target = ref.region ?? region else { continue }
                let key = AgencyKey(region: target, agency: ref.agency)
                if index.regionsDocument != nil, index.regionByPath[target] == nil { continue }
                guard let agencies = masterAgencies(target), !agencies.contains(ref, in: target) else { continue }
                let help = Suggest.help(ref.agency, in: agencies.keys.map(\.agency)) ?? "add it to the master plan of '\(target)'"
                findings.append(Diagnostic(id, "resource holder '\(ref)' is not an agency of the master plan of '\(target)'",
                                           at: Location(file: inventory.file, span: field.span), help: help))
            }
        }
    }
}
