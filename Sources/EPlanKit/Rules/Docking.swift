import EPlanYAML

// Docking: a lower-level plan reports at least as fast as its parent demands, every severity class
// has a plan to lead it, and a special plan handles its parent's hazards that its region faces.

private typealias E = ExampleFiles

struct ReportingLooser: Rule {
    static let description = RuleDescription(
        id: "reporting-looser", severity: .error, group: .docking,
        summary: "Reporting limits are no looser than the parent's, for every class the plan handles",
        rationale: """
            The higher level sets how fast an incident must be reported to it; a lower level that reports \
            more slowly breaks the chain of information. Compared class by class for `initial` and `written`.
            """,
        passing: [RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: {I: 30m, II: 1h}}"]),
                                     E.file("qs.lin.master", level: "county", region: "qs/lin",
                                            ["reporting": "reporting: {initial: 30m}"])))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: {I: 30m, II: 30m}}"]),
                               E.file("qs.lin.master", level: "county", region: "qs/lin",
                                      ["reporting": "reporting: {↓initial: {I: 30m, II: 1h}}"]))),
            RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: 30m, written: 2h}"]),
                               E.file("qs.lin.master", level: "county", region: "qs/lin",
                                      ["reporting": "reporting:\n  ↓initial: 30m\n  follow-up: 12h"])),
                        note: "the parent sets a written limit and this plan none: located at the first key of 'reporting'"),
        ])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for plan in context.subjects {
            guard let link = plan.parent, let parentID = link.id.value, let parent = context.index.target(parentID),
                  let theirs = parent.reporting else { continue }
            let handled = PlanTarget.local(plan).severities.sorted()
            let ours = plan.reporting
            compare("initial", ours?.initial, theirs.initial, ours, plan, parent, handled, &findings)
            compare("written", ours?.written, theirs.written, ours, plan, parent, handled, &findings)
        }
    }

    /// A missing limit is located where a missing key is: the first key of `reporting`, else of the plan.
    private func compare(_ key: String, _ ours: Field<ReportingLimit>?, _ theirs: Field<ReportingLimit>?,
                         _ reporting: Reporting?, _ plan: Plan, _ parent: PlanTarget, _ classes: [SeverityClass],
                         _ findings: inout [Diagnostic]) {
        guard let theirs, let parentLimit = theirs.value else { return }
        if let ours, ours.value == nil { return }  // invalid: schema-value said so
        let related = [RelatedLocation(Location(file: parent.location.file, span: theirs.span), "the parent's limit")]
        // One finding per key, naming every class that is looser.
        var looser: [String] = []
        for severity in classes {
            guard let limit = parentLimit.limit(for: severity) else { continue }
            if let mine = ours?.value?.limit(for: severity) {
                if mine > limit { looser.append("\(severity.rawValue): \(mine) > \(limit)") }
            } else {
                looser.append("\(severity.rawValue): none, parent \(limit)")
            }
        }
        guard !looser.isEmpty else { return }
        let message = ours == nil
            ? "reporting sets no '\(key)' limit, but parent \(parent.name) sets one (\(looser.joined(separator: "; ")))"
            : "reporting.\(key) is looser than parent \(parent.name)'s limit (\(looser.joined(separator: "; ")))"
        findings.append(plan.finding(id, message, at: ours?.span ?? reporting?.firstKey ?? plan.firstKey,
                                     help: "report at least as fast as the parent requires for every class this plan handles",
                                     related: related))
    }
}

struct SeverityUnhandled: Rule {
    static let description = RuleDescription(
        id: "severity-unhandled", severity: .error, group: .docking,
        summary: "Every severity class is handled somewhere on each chain of plans",
        rationale: """
            A province may handle classes I and II and leave III and IV to its cities, and a city may leave IV \
            to its counties. But on every chain from the lowest plan up, some plan must take each class, or \
            incidents of that class have no plan to lead them.
            """,
        passing: [RuleExample(E.repo(E.file("qs.master", ["scope": "scope: {hazards: [flood], severities: [I, II, III]}"]),
                                     E.file("qs.lin.master", level: "county", region: "qs/lin",
                                            ["scope": "scope: {hazards: [flood], severities: [IV]}"])))],
        failing: [RuleExample([
            ("eplan.yaml", """
                eplan: config/v1
                external:
                  - {id: sx.master, kind: master, level: provincial, version: "2024", severities: [I, II]}
                """),
            E.regions,
            E.file("qs.master", ["scope": "scope: {hazards: [flood], ↓severities: [III]}"]),
        ], note: "the province handles I and II, the city only III, and no county plan takes IV")])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        // The subjects that some in-force plan names as its parent (a one-file run looks for the subjects' ids only).
        let wanted = context.reported == nil ? nil : Set(context.subjects.compactMap { $0.id?.value })
        var namedAsParent: Set<String> = []
        for plan in index.plans where plan.isInForce {
            if let parent = plan.parent?.id.value, wanted?.contains(parent) ?? true { namedAsParent.insert(parent) }
        }
        // The classes handled on the chain above each plan, memoised so that every chain is walked once.
        var above: [String: Set<SeverityClass>] = [:]
        func chain(_ target: PlanTarget, _ visiting: inout Set<String>) -> Set<SeverityClass> {
            guard let id = target.id else { return target.severities }
            if let known = above[id] { return known }
            guard visiting.insert(id).inserted else { return [] }
            var result = target.severities
            if let parentID = target.plan?.parent?.id.value, let parent = index.target(parentID) {
                result.formUnion(chain(parent, &visiting))
            }
            above[id] = result
            return result
        }
        for plan in context.subjects {
            guard let id = plan.id?.value, !namedAsParent.contains(id), let field = plan.scope?.severities else { continue }
            var visiting: Set<String> = []
            let handled = chain(.local(plan), &visiting)
            for severity in SeverityClass.allCases where !handled.contains(severity) {
                findings.append(plan.finding(
                    self.id, "incidents of class \(severity.rawValue) have no plan to lead them: neither \(plan.name) nor any plan above it handles \(severity.rawValue)",
                    at: field.span, help: "add \(severity.rawValue) to scope.severities, or write the lower-level plans that take it"))
            }
        }
    }
}

struct ScopeNarrower: Rule {
    static let description = RuleDescription(
        id: "scope-narrower", severity: .warning, group: .docking,
        summary: "A special plan handles its parent's hazards that its region faces, or excludes them",
        rationale: """
            A county plan that silently drops a hazard its city plan handles leaves a gap. An exclusion with a \
            reason (`scope.excluded`) is a reviewed decision; silence is not.
            """,
        passing: [RuleExample(E.repo(E.cityMaster, E.countyMaster,
                                     E.file("qs.flood", kind: "special", ["scope": "scope: {hazards: [flood, drought]}"]),
                                     E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                            ["parent": "parent: qs.flood"])))],
        failing: [RuleExample(E.repo(E.cityMaster, E.countyMaster,
                                     E.file("qs.flood", kind: "special", ["scope": "scope: {hazards: [flood, drought]}"]),
                                     E.file("qs.lin.flood", kind: "special", level: "county", region: "qs/lin",
                                            ["parent": "parent: qs.flood", "scope": "scope: {↓hazards: [drought]}"])))])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        let index = context.index
        for plan in context.subjects where plan.kind?.value == .special {
            guard let link = plan.parent, let parentID = link.id.value, let parent = index.target(parentID),
                  parent.kind == .special, let region = plan.region?.value, let entry = index.regionByPath[region],
                  let scope = plan.scope, let hazards = scope.hazards, let own = hazards.value else { continue }
            let profile = Set(entry.region.hazards?.value?.compactMap(\.value) ?? [])
            let handled = Set(own.compactMap(\.value))
            let excluded = Set(scope.excluded.compactMap { $0.hazard?.value })
            for hazard in parent.hazards where profile.contains(hazard) && !handled.contains(hazard) && !excluded.contains(hazard) {
                findings.append(plan.finding(
                    id, "\(plan.name) omits hazard '\(hazard)', which parent \(parent.name) handles and region '\(region)' faces",
                    at: hazards.span,
                    help: "add '\(hazard)' to scope.hazards, or list it under scope.excluded with a reason"))
            }
        }
    }
}
