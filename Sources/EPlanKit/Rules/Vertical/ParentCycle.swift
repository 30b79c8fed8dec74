import EPlanText

private typealias E = ExampleFiles

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
        // By the plans' positions in the index: one lookup of an id per link, not six.
        var state = [UInt8](repeating: 0, count: index.plans.count)  // 1 = on the current walk, 2 = done
        for start in context.subjectPlans {
            guard let startID = start.id?.value, let first = index.planByID[startID], state[first] == 0 else { continue }
            var path: [(id: String, position: Int)] = []
            var current: (id: String, position: Int)? = (startID, first)
            while let (id, position) = current {
                let plan = index.plans[position]
                if plan.isRetired || state[position] == 2 { break }
                if state[position] == 1 {
                    let cycle = path[(path.firstIndex { $0.position == position } ?? 0)...].map(\.id)
                    report(cycle, index, &findings)
                    break
                }
                state[position] = 1
                path.append((id, position))
                current = plan.parentID.flatMap { parent in index.planByID[parent].map { (parent, $0) } }
            }
            for step in path { state[step.position] = 2 }
        }
    }

    private func report(_ cycle: [String], _ index: RepositoryIndex, _ findings: inout [Diagnostic]) {
        guard let first = cycle.min(), let start = cycle.firstIndex(of: first), let plan = index.plan(first),
              let link = plan.parent else { return }
        // Told from the smallest id, whichever plan the walk came in by.
        let ordered = Array(cycle[start...] + cycle[..<start])
        // "'a' -> 'b' -> 'a'", link by link so that each language writes its own quotes and arrows.
        var loop = Message("parent-cycle.last", ["id": "\(first)"])
        for step in ordered.reversed() { loop = Message("parent-cycle.step", ["id": "\(step)", "next": .message(loop)]) }
        findings.append(plan.finding(id, Message("parent-cycle.cycle", ["loop": .message(loop)]), at: link.span,
                                     help: Message("parent-cycle.help")))
    }
}
