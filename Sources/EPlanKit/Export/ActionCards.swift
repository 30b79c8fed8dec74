import EPlanDocument
import EPlanText

/// The action cards of a plan (应急处置卡): one card per agency of the plan (the command office, the
/// members, the response levels' leads, the actions' `who`), each on a page of its own: its duties,
/// the responses it leads, what it does before, during and after the incident (when, how, within,
/// with what resources, with whom), how to report, and whom to call.
public enum ActionCards {
    public static func build(_ plan: Plan, _ context: ExportContext) -> PublishedDocument {
        let facts = PlanFacts(plan: plan, context: context)
        var blocks: [Block] = []
        let list = agencies(plan)
        for agency in list {
            blocks += card(agency, facts)
            blocks.append(.pageBreak)  // each card ends with a page break: a page each, to print and carry
        }
        if list.isEmpty { blocks.append(.placeholder(ExportText.placeholder)) }
        let title = ExportText.text(Message("export.cards-title", ["title": .verbatim(facts.title)]))
        return PublishedDocument(title: title, subtitle: facts.subtitle, language: ExportText.language.rawValue, blocks: blocks)
    }

    /// The agencies of the plan, in the order they first appear: the command office, the members, the
    /// response levels' leads, the actions' `who`.
    static func agencies(_ plan: Plan) -> [AgencyRef] {
        var list: [AgencyRef] = []
        var seen: Set<AgencyRef> = []
        func add(_ ref: AgencyRef?) { if let ref, seen.insert(ref).inserted { list.append(ref) } }
        add(plan.organization?.command?.office?.value)
        for member in plan.organization?.members ?? [] { add(member.agency?.value) }
        for level in plan.responseLevels?.value ?? [] { for lead in level.lead?.value ?? [] { add(lead.value) } }
        for action in plan.actions?.value ?? [] { for who in action.who?.value ?? [] { add(who.value) } }
        return list
    }

    static func card(_ agency: AgencyRef, _ f: PlanFacts) -> [Block] {
        let plan = f.plan
        let context = f.context
        var blocks: [Block] = [.heading(level: 1, number: "", text: ExportText.text(Message("export.card", ["agency": .verbatim(context.agency(agency))])))]
        if plan.organization?.command?.office?.value == agency, let name = plan.organization?.command?.name?.value {
            blocks.append(.labelled(label: ExportText.text(Message("export.label.office-of")), text: name))
        }
        let duties = (plan.organization?.members ?? []).filter { $0.agency?.value == agency }
            .flatMap { ($0.duties?.value ?? []).compactMap(\.value) }
        blocks.append(.heading(level: 2, number: "", text: ExportText.text(Message("export.h.card-duties"))))
        blocks.append(duties.isEmpty ? .placeholder(ExportText.placeholder) : .list(duties))

        let leads = (plan.responseLevels?.value ?? []).filter { ($0.lead?.value ?? []).contains { $0.value == agency } }
        if !leads.isEmpty {
            blocks.append(.heading(level: 2, number: "", text: ExportText.text(Message("export.h.card-leads"))))
            blocks.append(.list(leads.map { r in
                let level = r.level?.value.map { ExportText.text(Message("export.response-level", ["level": .verbatim($0.rawValue)])) } ?? ""
                return "\(level)：\(r.trigger?.value ?? ExportText.placeholder)"
            }))
        }

        let own = f.actions.filter { ($0.who?.value ?? []).contains { $0.value == agency } }
        for stage in Stage.allCases {
            let actions = own.filter { ($0.phase?.value?.stage ?? .during) == stage }
            blocks.append(.heading(level: 2, number: "", text: ExportText.text(Message("export.h.card-stage", ["stage": .verbatim(Term(.stage, stage.rawValue).name(ExportText.language))]))))
            if actions.isEmpty { blocks.append(.placeholder(ExportText.text(Message("export.card-nothing")))) }
            for action in actions {
                let phase = action.phase?.value.map { Term(.phase, $0.rawValue).name(ExportText.language) } ?? ""
                blocks.append(.labelled(label: ExportText.text(Message("export.label.action")),
                                        text: "\(action.id?.value ?? "—")\(phase.isEmpty ? "" : "（\(phase)）")"))
                blocks += f.answers(action, who: false)
                let others = (action.who?.value ?? []).compactMap(\.value).filter { $0 != agency }
                if !others.isEmpty {
                    blocks.append(.labelled(label: ExportText.text(Message("export.label.with")),
                                            text: others.map(context.agency).joined(separator: "、")))
                }
            }
        }

        blocks.append(.heading(level: 2, number: "", text: ExportText.text(Message("export.h.card-report"))))
        let reporting = f.reporting
        blocks += reporting.isEmpty ? [.placeholder(ExportText.placeholder)] : reporting
        blocks.append(.heading(level: 2, number: "", text: ExportText.text(Message("export.h.card-call"))))
        let contacts = f.contacts
        blocks += contacts.isEmpty ? [.placeholder(ExportText.placeholder)] : contacts
        return blocks
    }
}
