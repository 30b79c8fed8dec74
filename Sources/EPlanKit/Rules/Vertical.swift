import EPlanYAML

// "Vertically to the end": every plan docks with its higher-level plan, down to the configured depth.

private typealias E = ExampleFiles

extension PlanKind {
    var requiresParent: Bool { self == .master || self == .special || self == .unit }
    var requiresMaster: Bool { self == .special || self == .departmental || self == .event }
    /// Unit and departmental plans may dock with a plan of their own level and region.
    var docksAtOwnLevel: Bool { self == .unit || self == .departmental }
}

struct ParentMissing: Rule {
    static let description = RuleDescription(
        id: "parent-missing", severity: .error, group: .vertical,
        summary: "A plan whose kind requires a parent names one",
        rationale: """
            Master, special and unit plans dock with a higher-level plan: that link is how the plan system \
            is "linked vertically to the end". A plan without it hangs in the air. National plans are the \
            top of the chain and need none.
            """,
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(("plans/qs/master.yaml", "↓" + E.plan("qs.master", ["parent": nil]))))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let kind = plan.kind?.value, kind.requiresParent, plan.parent == nil,
                  let level = plan.level?.value, level != .national else { continue }
            findings.append(plan.finding(id, "\(kind.rawValue) \(plan.name) names no parent plan", at: plan.firstKey,
                                         help: "add 'parent:' with the higher-level plan this plan docks with"))
        }
    }
}

struct ParentUnresolved: Rule {
    static let description = RuleDescription(
        id: "parent-unresolved", severity: .error, group: .vertical,
        summary: "The parent is a plan of the repository or an external plan",
        rationale: "A parent that names no plan breaks the vertical chain as surely as no parent at all.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.lin.master", level: "county", region: "qs/lin",
                                                          ["parent": "↓parent: qs.mastr"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        var nearest = Suggest.Memo(candidates: index.allPlanIDs)
        for plan in context.subjects {
            guard let link = plan.parent, let target = link.id.value, index.target(target) == nil else { continue }
            var help = "add it to eplan.yaml under 'external:' if it is kept elsewhere"
            var related: [RelatedLocation] = []
            if let near = nearest[target], let other = index.target(near) {
                help = "did you mean '\(near)'?"
                related = [RelatedLocation(other.location, "similar id")]
            }
            findings.append(plan.finding(id, "parent '\(target)' is not a plan of this repository or an external plan",
                                         at: link.span, help: help, related: related))
        }
    }
}

struct ParentLevel: Rule {
    static let description = RuleDescription(
        id: "parent-level", severity: .error, group: .vertical,
        summary: "The parent is at a higher level (unit and departmental plans: the same or higher)",
        rationale: "Docking runs upward: a county plan docks with a city plan, never with another county's.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.countyMaster, E.file("qs.master", ["parent": "↓parent: qs.lin.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let link = plan.parent, let targetID = link.id.value, let target = context.index.target(targetID),
                  let kind = plan.kind?.value, let level = plan.level?.value, let parentLevel = target.level else { continue }
            let ok = kind.docksAtOwnLevel ? parentLevel <= level : parentLevel < level
            guard !ok else { continue }
            let need = kind.docksAtOwnLevel ? "the same level or higher" : "a higher level"
            findings.append(plan.finding(
                id, "parent \(target.name) is \(parentLevel.rawValue), not \(need) than this \(level.rawValue) plan",
                at: link.span, help: "dock with a plan of \(need)",
                related: [RelatedLocation(target.location, "the parent")]))
        }
    }
}

struct ParentRegion: Rule {
    static let description = RuleDescription(
        id: "parent-region", severity: .error, group: .vertical,
        summary: "The parent's region is an ancestor of the plan's region (unit, departmental: or its own)",
        rationale: "A plan docks with the plans of the regions above it, not with a neighbour's.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(
            E.cityMaster, E.countyMaster,
            E.file("qs.yang.master", level: "county", region: "qs/yang", ["parent": "↓parent: qs.lin.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let link = plan.parent, let targetID = link.id.value, let target = context.index.target(targetID),
                  !target.isExternal, let region = plan.region?.value, let parentRegion = target.region,
                  let kind = plan.kind?.value else { continue }
            if RepositoryIndex.isAncestor(parentRegion, of: region) { continue }
            if kind.docksAtOwnLevel, parentRegion == region { continue }
            findings.append(plan.finding(
                id, "parent \(target.name) is of region '\(parentRegion)', which is not above '\(region)'",
                at: link.span, help: "dock with a plan of a region that contains '\(region)'",
                related: [RelatedLocation(target.location, "the parent")]))
        }
    }
}

struct ParentCycle: Rule {
    static let description = RuleDescription(
        id: "parent-cycle", severity: .error, group: .vertical,
        summary: "Parent links do not form a cycle",
        rationale: "A cycle has no top: the plans in it dock with each other and with nothing above.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(
            E.file("qs.a", kind: "unit", ["parent": "↓parent: qs.b"]),
            E.file("qs.b", kind: "unit", ["parent": "parent: qs.a"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        // Each plan has at most one parent: walk each chain once, marking what is done. A cycle is
        // reported at its plan with the smallest id, so walking from the subjects finds every cycle
        // that can be reported in their files.
        var state: [String: Int] = [:]  // 1 = on the current walk, 2 = done
        for start in context.subjects {
            guard let startID = start.id?.value, state[startID] == nil else { continue }
            var path: [String] = []
            var current: String? = startID
            while let id = current, let plan = index.plan(id), !plan.isRetired {
                if state[id] == 2 { break }
                if state[id] == 1 {
                    let cycle = Array(path[(path.firstIndex(of: id) ?? 0)...])
                    report(cycle, index, &findings)
                    break
                }
                state[id] = 1
                path.append(id)
                current = plan.parent?.id.value
            }
            for id in path { state[id] = 2 }
        }
    }

    private func report(_ cycle: [String], _ index: RepositoryIndex, _ findings: inout [Diagnostic]) {
        guard let first = cycle.min(), let start = cycle.firstIndex(of: first), let plan = index.plan(first),
              let link = plan.parent else { return }
        // Told from the smallest id, whichever plan the walk came in by.
        let ordered = Array(cycle[start...] + cycle[..<start])
        let loop = (ordered + [first]).map { "'\($0)'" }.joined(separator: " -> ")
        findings.append(plan.finding(id, "parent links form a cycle: \(loop)", at: link.span,
                                     help: "point one of these plans at the higher-level plan it really docks with"))
    }
}

struct ParentRetired: Rule {
    static let description = RuleDescription(
        id: "parent-retired", severity: .warning, group: .vertical,
        summary: "An in-force plan's parent is in force",
        rationale: "Docking with a retired or draft plan means docking with rules that do not apply.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["status": "status: draft"]),
                                     E.file("qs.lin.master", level: "county", region: "qs/lin", ["parent": "↓parent: qs.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects where plan.isInForce {
            guard let link = plan.parent, let targetID = link.id.value, let target = context.index.plan(targetID),
                  !target.isInForce else { continue }
            let status = target.effectiveStatus.rawValue
            findings.append(plan.finding(id, "parent \(target.name) is \(status), not in force", at: link.span,
                                         help: "dock with the plan in force that replaced it",
                                         related: [RelatedLocation(Location(file: target.file, span: target.status?.span ?? target.firstKey), "status")]))
        }
    }
}

struct ParentStale: Rule {
    static let description = RuleDescription(
        id: "parent-stale", severity: .warning, group: .vertical,
        summary: "The recorded parent version is the parent's current version",
        rationale: """
            `parent: {id, version}` records the parent version this plan was last reviewed against. When the \
            parent is revised, the link becomes suspect until the plan is docked again.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.lin.master", level: "county", region: "qs/lin",
                                                          ["parent": "parent: {id: qs.master, version: \"1\"}"])))],
        failing: [RuleExample(E.repo(E.file("qs.master", ["version": "version: \"2.10\""]),
                                     E.file("qs.lin.master", level: "county", region: "qs/lin",
                                            ["parent": "parent: {id: qs.master, ↓version: \"2.9\"}"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let link = plan.parent, let recorded = link.version, let old = recorded.value,
                  let targetID = link.id.value, let target = context.index.target(targetID),
                  let current = target.version, let new = current.value, old < new else { continue }
            findings.append(plan.finding(
                id, "parent \(target.name) is at version '\(new)' but this plan last docked with '\(old)'",
                at: recorded.span, help: "review this plan against version '\(new)' of the parent, then record it",
                related: [RelatedLocation(Location(file: target.location.file, span: current.span), "current version")]))
        }
    }
}

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
        // For a parent region (or level, for external masters without a region): hazard -> the in-force
        // special plan covering it whose id sorts first. Worked out for the regions asked about, once each.
        var byRegion: [String: [String: PlanTarget]] = [:]
        func specialsByHazard(_ key: String, region: String?, level: Level?) -> [String: PlanTarget] {
            if let known = byRegion[key] { return known }
            var map: [String: PlanTarget] = [:]
            func add(_ target: PlanTarget) {
                for hazard in target.hazards {
                    if let current = map[hazard], (current.id ?? "") <= (target.id ?? "") { continue }
                    map[hazard] = target
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
        for plan in context.subjects where plan.kind?.value == .special {
            guard let link = plan.parent, let targetID = link.id.value, let target = index.target(targetID),
                  target.kind == .master else { continue }
            let hazards = plan.scope?.hazards?.value?.compactMap(\.value) ?? []
            let candidates: [String: PlanTarget]
            if let region = target.region {
                candidates = specialsByHazard("region:" + region, region: region, level: nil)
            } else if target.isExternal, let level = target.level {
                candidates = specialsByHazard("level:" + level.rawValue, region: nil, level: level)
            } else {
                continue
            }
            let matches = Set(hazards).compactMap { candidates[$0] }.sorted { ($0.id ?? "") < ($1.id ?? "") }
            guard let counterpart = matches.first, let counterpartID = counterpart.id else { continue }
            let shared = Set(hazards).intersection(counterpart.hazards).sorted().joined(separator: ", ")
            findings.append(plan.finding(
                id, "parent is master plan '\(targetID)' although \(counterpart.name) of the parent region covers \(shared)",
                at: link.span, help: "dock with '\(counterpartID)'",
                related: [RelatedLocation(counterpart.location, "the counterpart special plan")]))
        }
    }
}

struct MasterMissing: Rule {
    static let description = RuleDescription(
        id: "master-missing", severity: .error, group: .vertical,
        summary: "A plan whose kind requires a master names one",
        rationale: """
            Special, departmental and event plans sit under their region's master plan: that horizontal link \
            ties them to the region's overall command and response levels.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, ("plans/qs/flood.yaml", "↓" + E.plan("qs.flood", kind: "special", ["master": nil]))))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let kind = plan.kind?.value, kind.requiresMaster, plan.master == nil else { continue }
            let help = plan.region?.value.map { "add 'master:' with the master plan of region '\($0)'" } ?? "add 'master:'"
            findings.append(plan.finding(id, "\(kind.rawValue) \(plan.name) names no master plan", at: plan.firstKey, help: help))
        }
    }
}

struct MasterUnresolved: Rule {
    static let description = RuleDescription(
        id: "master-unresolved", severity: .error, group: .vertical,
        summary: "The master is a plan of the repository or an external master",
        rationale: "A master link that names no plan leaves the plan outside its region's system.",
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special", ["master": "↓master: qs.mastr"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        var nearest = Suggest.Memo(candidates: index.allPlanIDs)
        for plan in context.subjects {
            guard let master = plan.master, let targetID = master.value, index.target(targetID) == nil else { continue }
            var help = "name the master plan of region '\(plan.region?.value ?? "?")'"
            if let region = plan.region?.value, let actual = context.lookups.masters[region]?.first?.id?.value {
                help = "did you mean '\(actual)', the master plan of '\(region)'?"
            } else if let near = nearest[targetID] {
                help = "did you mean '\(near)'?"
            }
            findings.append(plan.finding(id, "master '\(targetID)' is not a plan of this repository or an external master",
                                         at: master.span, help: help))
        }
    }
}

struct MasterMismatch: Rule {
    static let description = RuleDescription(
        id: "master-mismatch", severity: .error, group: .vertical,
        summary: "The master is a master plan of the same region",
        rationale: "The horizontal link joins plans of one region under that region's master plan.",
        passing: [RuleExample(E.repo(E.cityMaster, E.file("qs.flood", kind: "special")))],
        failing: [RuleExample(E.repo(E.cityMaster, E.countyMaster,
                                     E.file("qs.flood", kind: "special", ["master": "↓master: qs.lin.master"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        for plan in context.subjects {
            guard let master = plan.master, let targetID = master.value, let target = index.target(targetID),
                  let region = plan.region?.value else { continue }
            let problem: String
            if target.kind != .master {
                problem = "is a \(target.kind?.rawValue ?? "?") plan, not a master plan"
            } else if let targetRegion = target.region {
                guard targetRegion != region else { continue }
                problem = "is the master plan of region '\(targetRegion)', not of '\(region)'"
            } else {
                problem = "is an external master without a region, so it cannot be the master of '\(region)'"
            }
            var help = "name the master plan of region '\(region)'"
            if let actual = context.lookups.masters[region]?.first?.id?.value { help = "did you mean '\(actual)'?" }
            findings.append(plan.finding(id, "master '\(targetID)' \(problem)", at: master.span, help: help,
                                         related: [RelatedLocation(target.location, "the named plan")]))
        }
    }
}

struct RegionUnknown: Rule {
    static let description = RuleDescription(
        id: "region-unknown", severity: .error, group: .vertical,
        summary: "Every region reference is in the regions document",
        rationale: "Plans are placed in the region tree; a region the tree does not hold cannot be checked for coverage.",
        passing: [RuleExample(E.repo(E.cityMaster))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.lyn.master", level: "county", region: "qs/lyn",
                                                          ["region": "↓region: qs/lyn"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        guard index.regionsDocument != nil else { return }
        let known = Array(index.regionByPath.keys)
        func help(_ path: String) -> String {
            Suggest.help(path, in: known) ?? "add region '\(path)' to the regions document"
        }
        for plan in context.subjects {
            if let region = plan.region, let path = region.value, index.regionByPath[path] == nil {
                findings.append(plan.finding(id, "region '\(path)' is not in the regions document", at: region.span, help: help(path)))
            }
            for entry in plan.regions?.value ?? [] {
                guard let path = entry.value, index.regionByPath[path] == nil else { continue }
                findings.append(plan.finding(id, "region '\(path)' is not in the regions document", at: entry.span, help: help(path)))
            }
        }
        for inventory in context.subjectInventories {
            guard let region = inventory.region, let path = region.value, index.regionByPath[path] == nil else { continue }
            findings.append(Diagnostic(id, "region '\(path)' is not in the regions document",
                                       at: Location(file: inventory.file, span: region.span), help: help(path)))
        }
    }
}

struct LevelMismatch: Rule {
    static let description = RuleDescription(
        id: "level-mismatch", severity: .error, group: .vertical,
        summary: "A plan's level is its region's level",
        rationale: "The level decides what a plan may dock with; it must agree with the region tree.",
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample(E.repo(E.cityMaster, E.file("qs.lin.master", level: "township", region: "qs/lin",
                                                          ["level": "↓level: township"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let field = plan.level, let level = field.value, let path = plan.region?.value,
                  let region = context.index.regionByPath[path], let regionLevel = region.region.level?.value,
                  regionLevel != level else { continue }
            findings.append(plan.finding(
                id, "level is \(level.rawValue) but region '\(path)' is \(regionLevel.rawValue)", at: field.span,
                help: "write 'level: \(regionLevel.rawValue)'",
                related: [RelatedLocation(Location(file: region.file, span: region.region.level?.span ?? region.region.span), "the region's level")]))
        }
    }
}

struct RegionNoMaster: Rule {
    static let description = RuleDescription(
        id: "region-no-master", severity: .error, group: .vertical,
        summary: "Every region down to the configured depth has an in-force master plan",
        rationale: """
            "Vertically to the end": every government level down to the depth set in eplan.yaml (default \
            township) has its own master plan. An external master with the region counts. The depth is \
            `depth:` in eplan.yaml, or the rule's own setting: `rules: {region-no-master: {depth: county}}`.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster))],
        failing: [RuleExample([E.config, ("regions.yaml", """
            eplan: regions/v1
            regions:
              - id: qs
                level: municipal
                hazards: [flood]
                children:
                  - ↓{id: lin, level: county, hazards: [flood]}
            """), E.cityMaster])])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        let depth = index.configuration.effectiveDepth
        for (path, entry) in index.regionByPath {
            guard let level = entry.region.level?.value, level <= depth, !context.lookups.hasMaster(path) else { continue }
            findings.append(Diagnostic(
                id, "region '\(path)' (\(level.rawValue)) has no in-force master plan",
                at: Location(file: entry.file, span: entry.region.span),
                help: "write the master plan of '\(path)', or declare it in eplan.yaml under 'external:' with 'region: \(path)'"))
        }
    }
}
