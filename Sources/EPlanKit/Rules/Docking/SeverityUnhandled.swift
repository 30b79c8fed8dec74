import EPlanText

private typealias E = ExampleFiles

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
        // The classes handled on the chain above each plan, memoised so that every chain is walked once.
        var above: [String: Set<SeverityClass>] = [:]
        func chain(_ target: PlanTarget, _ visiting: inout Set<String>) -> Set<SeverityClass> {
            guard let id = target.id else { return Self.hasInvalidEntry(target) ? Set(SeverityClass.allCases) : target.severities }
            if let known = above[id] { return known }
            guard visiting.insert(id).inserted else { return [] }
            // A list with an invalid entry (`[I, V]`) says nothing sure about the classes the plan handles
            // (its `schema-value` finding says enough): counted as all four, so chains through it are not checked.
            var result = Self.hasInvalidEntry(target) ? Set(SeverityClass.allCases) : target.severities
            if let parentID = target.plan?.parentID, let parent = index.target(parentID) {
                result.formUnion(chain(parent, &visiting))
            }
            above[id] = result
            return result
        }
        for plan in context.subjectPlans {
            guard let id = plan.id?.value, !context.lookups.namedAsParent.contains(id), let field = plan.scope?.severities else { continue }
            var visiting: Set<String> = []
            let handled = chain(.local(plan), &visiting)
            guard handled.count < SeverityClass.allCases.count, !touchesBrokenFile(plan, index) else { continue }
            for severity in SeverityClass.allCases where !handled.contains(severity) {
                findings.append(plan.finding(
                    self.id, Message("severity-unhandled.unhandled", ["class": .term(Term(.severity, severity.rawValue)), "plan": plan.named]),
                    at: field.span, help: Message("severity-unhandled.help", ["class": .term(Term(.severity, severity.rawValue))])))
            }
        }
    }

    /// True when a file that could not be read whole may change the chain's answer (rules.md 1.1): a
    /// plan on the chain names it as parent, a plan of the chain is of its region, or it lies in the
    /// plan's region or below (it may name the plan as its parent, which would make the plan not the lowest).
    private func touchesBrokenFile(_ plan: PlanSummary, _ index: RepositoryIndex) -> Bool {
        guard !index.brokenFiles.isEmpty else { return false }
        if let region = plan.region?.value,
           index.brokenRegions.contains(where: { $0 == region || RepositoryIndex.isAncestor(region, of: $0) }) { return true }
        var seen: Set<String> = []
        var parentID = plan.parentID
        while let id = parentID, seen.insert(id).inserted {
            if index.brokenPlanIDs.contains(id) { return true }
            guard let parent = index.target(id) else { return false }
            if let region = parent.region, index.brokenRegions.contains(region) { return true }
            parentID = parent.plan?.parentID
        }
        return false
    }

    /// True when the plan's `severities` list holds an entry that is not a severity class.
    static func hasInvalidEntry(_ target: PlanTarget) -> Bool {
        let list: FieldList<SeverityClass>?
        switch target {
        case .local(let plan): list = plan.scope?.severities
        case .externalEntry(let entry): list = entry.plan.severities
        }
        return list?.value?.contains { $0.value == nil } == true
    }
}
