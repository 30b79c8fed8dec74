import EPlanText

private typealias E = ExampleFiles

struct ReportingLooser: Rule {
    static let description = RuleDescription(
        id: "reporting-looser", severity: .error, group: .docking,
        summary: "Reporting limits are no looser than the parent's, for every class the plan handles",
        rationale: """
            The higher level sets how fast an incident must be reported to it; a lower level that reports \
            more slowly breaks the chain of information. Compared class by class for `initial` and `written`; \
            the `follow-up` interval is compared when both plans set one.
            """,
        passing: [RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: {I: 30m, II: 1h}}"]),
                                     E.file("qs.lin.master", level: "county", region: "qs/lin",
                                            ["reporting": "reporting: {initial: 30m, follow-up: 12h}"])))],
        failing: [
            RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: {I: 30m, II: 30m}}"]),
                               E.file("qs.lin.master", level: "county", region: "qs/lin",
                                      ["reporting": "reporting: {↓initial: {I: 30m, II: 1h}}"]))),
            RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: 30m, written: 2h}"]),
                               E.file("qs.lin.master", level: "county", region: "qs/lin",
                                      ["reporting": "reporting:\n  ↓initial: 30m\n  follow-up: 12h"])),
                        note: "the parent sets a written limit and this plan none: located at the first key of 'reporting'"),
            RuleExample(E.repo(E.file("qs.master", ["reporting": "reporting: {initial: 30m, follow-up: 24h}"]),
                               E.file("qs.lin.master", level: "county", region: "qs/lin",
                                      ["reporting": "reporting: {initial: 30m, ↓follow-up: 72h}"])),
                        note: "follow-up reports every 72 hours where the parent asks for every 24"),
        ])

    func check(_ context: RuleContext, _ findings: inout [Diagnostic]) {
        for (plan, parent) in context.subjectsWithParents {
            // A retired parent binds no one: parent-retired says enough (rules.md 1.1).
            guard let docking = context.docking(plan, parent: parent), docking.parent.status != .retired, docking.hasLooserLimit else { continue }
            let limits = docking.limits
            for key in [Docking.Limit.Key.initial, .written] {
                // One finding per key, naming every class that is looser.
                let looser = limits.indices.filter { i in
                    limits[i].key == key && (limits[i].status == .weaker || limits[i].status == .missing)
                }.map { limits[$0] }
                guard let first = looser.first else { continue }
                // Classes with the same comparison are named together: "I, II: 1h > 30m".
                var groups: [(classes: [String], text: Message)] = []
                for limit in looser {
                    let text = limit.childLimit.map { Message("reporting-looser.compare", ["limit": "\($0)", "parent": "\(limit.parentLimit)"]) }
                        ?? Message("reporting-looser.none-compare", ["parent": "\(limit.parentLimit)"])
                    let name = limit.severity?.rawValue ?? ""
                    if let i = groups.firstIndex(where: { $0.text == text }) { groups[i].classes.append(name) } else { groups.append(([name], text)) }
                }
                let classes: MessageArgument = .list(groups.map {
                    .message(Message("reporting-looser.group", ["classes": .verbatims($0.classes), "comparison": .message($0.text)]))
                })
                let written = key == .initial ? plan.reporting?.initial : plan.reporting?.written
                let message = written == nil
                    ? Message("reporting-looser.no-limit", ["key": "\(key.rawValue)", "parent": docking.parent.named, "classes": classes])
                    : Message("reporting-looser.looser", ["key": "\(key.rawValue)", "parent": docking.parent.named, "classes": classes])
                findings.append(plan.finding(id, message, at: first.at, help: Message("reporting-looser.help"),
                                             related: [RelatedLocation(first.parentAt, Message("reporting-looser.parent-limit"))]))
            }
            // Follow-up reports are compared only when both plans set an interval (rules.md 1.1).
            // By index, here and above: a loop over the limits copies each (9 for most plans, 48 M
            // instructions at 10,000).
            for i in limits.indices where limits[i].key == .followUp && limits[i].status == .weaker {
                let limit = limits[i]
                findings.append(plan.finding(
                    id, Message("reporting-looser.follow-up", ["parent": docking.parent.named,
                                                               "limit": "\(limit.childLimit.map { "\($0)" } ?? "")", "parent-limit": "\(limit.parentLimit)"]),
                    at: limit.at, help: Message("reporting-looser.follow-up-help"),
                    related: [RelatedLocation(limit.parentAt, Message("reporting-looser.parent-interval"))]))
            }
        }
    }
}
