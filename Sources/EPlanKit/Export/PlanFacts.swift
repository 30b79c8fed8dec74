import EPlanDocument
import EPlanText

/// The parts of a plan as blocks of a published document, each part once: the outlines of the
/// plan document (`PlanDocument`) and the action cards (`ActionCards`) put them in their sections.
/// A part the plan says nothing about is empty, and the outline writes its placeholder.
struct PlanFacts {
    let plan: Plan
    let context: ExportContext

    private func t(_ message: Message) -> String { ExportText.text(message) }
    private func label(_ key: String) -> String { t(Message(key)) }

    var kind: PlanKind { plan.kind?.value ?? .master }
    var actions: [Action] { plan.actions?.value ?? [] }

    func actions(_ phases: [Phase]) -> [Action] {
        actions.filter { $0.phase?.value.map(phases.contains) ?? false }
    }

    /// Actions without a valid phase are written with the response (where a reader looks for them).
    var responseActions: [Action] { actions.filter { $0.phase?.value == nil || $0.phase?.value == .response } }

    // MARK: General

    var purpose: [Block] { plan.purpose?.value.map { [.paragraph($0)] } ?? [] }
    var termination: [Block] { plan.termination?.value.map { [.paragraph($0)] } ?? [] }

    var basis: [Block] { list(plan.basis) }

    var principles: [Block] { list(plan.principles) }

    private func list(_ field: FieldList<String>?) -> [Block] {
        let items = (field?.value ?? []).compactMap(\.value)
        return items.isEmpty ? [] : [.list(items)]
    }

    /// Where the plan applies: its region and level, the hazards, the severity classes it handles, the
    /// regions of a joint plan, the dates of an event, the parent hazards it leaves out and why.
    var scope: [Block] {
        var blocks: [Block] = []
        if let region = plan.region?.value {
            var where_ = context.regionName(region)
            if let level = plan.level?.value { where_ += "（" + Term(.level, level.rawValue).name(ExportText.language) + "）" }
            blocks.append(.labelled(label: label("export.label.region"), text: where_))
        }
        if let regions = plan.regions?.value?.compactMap(\.value), !regions.isEmpty {
            blocks.append(.labelled(label: label("export.label.regions"),
                                    text: regions.map { context.regionName($0) == $0 ? $0 : "\(context.regionName($0))（\($0)）" }.joined(separator: "、")))
        }
        if let dates = plan.eventDates, let from = ExportText.date(dates.from) {
            let to = ExportText.date(dates.to) ?? ""
            blocks.append(.labelled(label: label("export.label.event-dates"), text: to.isEmpty ? from : "\(from)至\(to)"))
        }
        let hazards = (plan.scope?.hazards?.value ?? []).compactMap(\.value)
        if !hazards.isEmpty {
            blocks.append(.labelled(label: label("export.label.hazards"), text: ExportText.hazards(hazards)))
        }
        if plan.scope != nil || !hazards.isEmpty {
            let written = plan.scope?.severities?.value?.compactMap(\.value)
            let classes = written ?? SeverityClass.allCases
            let names = classes.map(ExportText.severity)
            blocks.append(.labelled(label: label("export.label.severities"), text: names.joined(separator: "、")))
        }
        for exclusion in plan.scope?.excluded ?? [] {
            guard let hazard = exclusion.hazard?.value else { continue }
            blocks.append(.labelled(label: t(Message("export.label.excluded", ["hazard": .verbatim(ExportText.hazard(hazard))])),
                                    text: exclusion.reason?.value ?? ""))
        }
        if kind == .unit, let category = plan.category?.value {
            blocks.append(.labelled(label: label("export.label.unit-category"), text: ExportText.term(.unitCategory, category.rawValue)))
        }
        return blocks
    }

    // MARK: Organization

    var command: [Block] {
        guard let command = plan.organization?.command else { return [] }
        var blocks: [Block] = []
        if let name = command.name?.value { blocks.append(.labelled(label: label("export.label.command"), text: name)) }
        if let lead = command.lead?.value { blocks.append(.labelled(label: label("export.label.command-lead"), text: lead)) }
        if let office = command.office?.value { blocks.append(.labelled(label: label("export.label.command-office"), text: context.agency(office))) }
        return blocks
    }

    var members: [Block] {
        let members = plan.organization?.members ?? []
        guard !members.isEmpty else { return [] }
        let rows = members.map { m -> [String] in
            [m.agency?.value.map(context.agency) ?? "",
             Term(.role, m.effectiveRole.rawValue).name(ExportText.language),
             ExportText.joined((m.duties?.value ?? []).compactMap(\.value))]
        }
        return [.table(Table(header: [label("export.col.agency"), label("export.col.role"), label("export.col.duties")],
                             rows: rows, widths: [3, 1, 6]))]
    }

    // MARK: Warning

    var warningLevels: [Block] {
        let levels = plan.warning?.levels?.value ?? []
        guard !levels.isEmpty else { return [] }
        let rows = levels.map { w -> [String] in
            [w.level?.value.map { ExportText.term(.warningLevel, $0.rawValue) } ?? "",
             w.criteria?.value ?? "", w.issuedBy?.value.map(agencyOrText) ?? ""]
        }
        return [.table(Table(header: [label("export.col.warning-level"), label("export.col.criteria"), label("export.col.issued-by")],
                             rows: rows, widths: [2, 6, 2]))]
    }

    /// Text that may be an agency reference (`issued-by: meteorology`): the agency's name when it is one.
    func agencyOrText(_ text: String) -> String {
        guard let ref = Patterns.agencyRef(text), Term(.agency, ref.agency).key != nil else { return text }
        return context.agency(ref)
    }

    // MARK: Reporting and response

    /// The reporting limits per class (initial and written), the follow-up interval and to whom.
    var reporting: [Block] {
        guard let reporting = plan.reporting else { return [] }
        var blocks: [Block] = []
        let initial = reporting.initial?.value
        let written = reporting.written?.value
        if initial != nil || written != nil {
            let handled = plan.scope?.severities?.value?.compactMap(\.value) ?? SeverityClass.allCases
            let rows = SeverityClass.allCases.filter(handled.contains).map { cls -> [String] in
                [ExportText.severity(cls),
                 initial?.limit(for: cls).map(ExportText.duration) ?? "—",
                 written?.limit(for: cls).map(ExportText.duration) ?? "—"]
            }
            blocks.append(.table(Table(header: [label("export.col.class"), label("export.col.initial"), label("export.col.written")],
                                       rows: rows, widths: [2, 3, 3])))
        }
        if let followUp = reporting.followUp?.value {
            blocks.append(.labelled(label: label("export.label.follow-up"), text: ExportText.duration(followUp)))
        }
        if let to = reporting.to?.value {
            blocks.append(.labelled(label: label("export.label.report-to"), text: context.agency(to)))
        }
        return blocks
    }

    var responseLevels: [Block] {
        let levels = plan.responseLevels?.value ?? []
        guard !levels.isEmpty else { return [] }
        let rows = levels.map { r -> [String] in
            [r.level?.value.map { t(Message("export.response-level", ["level": .verbatim($0.rawValue)])) } ?? "",
             r.trigger?.value ?? "", context.agencies(r.lead)]
        }
        return [.table(Table(header: [label("export.col.response-level"), label("export.col.trigger"), label("export.col.lead")],
                             rows: rows, widths: [2, 6, 3]))]
    }

    // MARK: Actions

    /// One action's answers: who, how, when, within, resources, hazards.
    func answers(_ action: Action, who: Bool = true) -> [Block] {
        var blocks: [Block] = []
        if who {
            let names = context.agencies(action.who)
            blocks.append(.labelled(label: label("export.label.who"), text: names.isEmpty ? ExportText.placeholder : names))
        }
        blocks.append(.labelled(label: label("export.label.how"), text: nonEmpty(action.how?.value)))
        blocks.append(.labelled(label: label("export.label.when"), text: nonEmpty(action.when?.value)))
        if let within = action.within?.value {
            blocks.append(.labelled(label: label("export.label.within"), text: ExportText.duration(within)))
        }
        blocks.append(.labelled(label: label("export.label.resources"), text: resources(of: action)))
        if let hazards = action.hazards?.value?.compactMap(\.value), !hazards.isEmpty {
            blocks.append(.labelled(label: label("export.label.action-hazards"), text: ExportText.hazards(hazards)))
        }
        return blocks
    }

    private func nonEmpty(_ text: String?) -> String {
        guard let text, !text.isBlank else { return ExportText.placeholder }
        return text
    }

    func resources(of action: Action) -> String {
        guard let list = action.resources?.value else { return ExportText.placeholder }
        let ids = list.compactMap(\.value)
        if ids.isEmpty { return label("export.no-resources") }
        return ids.map { context.resourceName($0, in: plan) }.joined(separator: "、")
    }

    func actionTitle(_ action: Action) -> Message {
        Message("export.action", ["id": .verbatim(action.id?.value ?? "—")])
    }

    // MARK: Support and resources

    /// The support areas the plan writes (in the order of the format), or only `areas`.
    func support(_ areas: [SupportArea]? = nil, except: [SupportArea] = []) -> [Block] {
        let entries = plan.support?.value ?? []
        var blocks: [Block] = []
        for area in SupportArea.allCases where (areas?.contains(area) ?? true) && !except.contains(area) {
            let items = entries.filter { $0.area.value == area }.flatMap { ($0.items?.value ?? []).compactMap(\.value) }
            guard !items.isEmpty else { continue }
            blocks.append(.labelled(label: Term(.supportArea, area.rawValue).name(ExportText.language) + "：", text: ""))
            blocks.append(.list(items))
        }
        return blocks
    }

    /// Every resource of the plan: those it defines, then those its actions use from elsewhere.
    func allResources() -> [Resource] {
        var result = plan.resources?.value ?? []
        var seen = Set(result.compactMap { $0.id?.value })
        for action in actions {
            for id in (action.resources?.value ?? []).compactMap(\.value) where seen.insert(id).inserted {
                if let found = context.resource(id, in: plan) { result.append(found) }
            }
        }
        return result
    }

    /// The resources table (type, name, quantity, unit, holder, id), of the given types or all.
    func resources(_ types: [ResourceType]? = nil) -> [Block] {
        let list = allResources().filter { r in types.map { ts in r.type?.value.map(ts.contains) ?? false } ?? true }
        guard !list.isEmpty else { return [] }
        let rows = list.map { r -> [String] in
            [r.type?.value.map { ExportText.term(.resourceType, $0.rawValue) } ?? "",
             r.name?.value ?? "", r.quantity?.value.map(ExportText.number) ?? "", r.unit?.value ?? "",
             r.holder?.value.map(context.agency) ?? "", r.id?.value ?? ""]
        }
        return [.table(Table(header: [label("export.col.type"), label("export.col.name"), label("export.col.quantity"),
                                      label("export.col.unit"), label("export.col.holder"), label("export.col.id")],
                             rows: rows, widths: [2, 4, 1, 1, 3, 3]))]
    }

    // MARK: Management

    var drills: [Block] {
        let drills = plan.drills?.value ?? []
        guard !drills.isEmpty else { return [] }
        let rows = drills.map { d -> [String] in
            [ExportText.date(d.date) ?? "", d.type?.value.map { ExportText.term(.drillType, $0.rawValue) } ?? "",
             ExportText.joined((d.findings?.value ?? []).compactMap(\.value))]
        }
        return [.table(Table(header: [label("export.col.date"), label("export.col.drill-type"), label("export.col.findings")],
                             rows: rows, widths: [2, 2, 6]))]
    }

    var evaluation: [Block] {
        guard let day = ExportText.date(plan.evaluated) ?? ExportText.date(plan.issued) else { return [] }
        return [.paragraph(t(Message("export.evaluated", ["date": .verbatim(day)])))]
    }

    var revisions: [Block] {
        let revisions = plan.revisions?.value ?? []
        guard !revisions.isEmpty else { return [] }
        let rows = revisions.map { r in [r.version?.value?.text ?? "", ExportText.date(r.date) ?? "", r.reason?.value ?? ""] }
        return [.table(Table(header: [label("export.col.version"), label("export.col.date"), label("export.col.reason")],
                             rows: rows, widths: [1, 2, 6]))]
    }

    /// Where the plan is filed (the parent's owner in the parent's region) and when.
    var filing: [Block] {
        var blocks: [Block] = []
        if let body = filedWith { blocks.append(.labelled(label: label("export.label.filed-with"), text: body)) }
        if let filed = ExportText.date(plan.filed) { blocks.append(.labelled(label: label("export.label.filed"), text: filed)) }
        return blocks
    }

    /// The body a plan is filed with: the parent's owner, in the parent's region.
    var filedWith: String? {
        guard let parentID = plan.parent?.id.value, let parent = context.analysis.index.target(parentID) else { return nil }
        let region = parent.region.map(context.regionName) ?? ""
        if let owner = parent.plan?.owner?.value { return (region.isEmpty ? "" : region) + context.agency(owner) }
        return region.isEmpty ? nil : t(Message("export.government-of", ["region": .verbatim(region)]))
    }

    /// The body that issues the plan: the region's government for government plans, the owner otherwise.
    var issuingBody: String {
        let region = plan.region?.value.map(context.regionName) ?? ""
        switch kind {
        case .departmental, .unit:
            return plan.owner?.value.map(context.agency) ?? ""
        case .joint:
            let regions = (plan.regions?.value ?? []).compactMap(\.value).map(context.regionName)
            return regions.map { t(Message("export.government-of", ["region": .verbatim($0)])) }.joined(separator: "、")
        case .master, .special, .event:
            return region.isEmpty ? "" : t(Message("export.government-of", ["region": .verbatim(region)]))
        }
    }

    var closing: [Block] {
        var blocks: [Block] = []
        if let owner = plan.owner?.value {
            blocks.append(.paragraph(t(Message("export.interpreted-by", ["owner": .verbatim(context.agency(owner))]))))
        }
        if let issued = ExportText.date(plan.issued) {
            blocks.append(.paragraph(t(Message("export.in-force-from", ["date": .verbatim(issued)]))))
        }
        if let status = plan.status?.value, status != .inForce {
            blocks.append(.labelled(label: label("export.label.status"), text: ExportText.term(.status, status.rawValue)))
        }
        return blocks
    }

    // MARK: Annexes

    var contacts: [Block] {
        let contacts = plan.contacts?.value ?? []
        guard !contacts.isEmpty else { return [] }
        let rows = contacts.map { c -> [String] in
            let who = [c.agency?.value.map(context.agency), c.name?.value].compactMap { $0 }.joined(separator: " ")
            return [who, c.role?.value ?? "", c.phone?.value ?? ""]
        }
        return [.table(Table(header: [label("export.col.contact"), label("export.col.contact-role"), label("export.col.phone")],
                             rows: rows, widths: [4, 4, 3]))]
    }

    var annexes: [Annex] { plan.annexes?.value ?? [] }

    // MARK: Front matter

    var title: String { plan.title?.value ?? plan.id?.value ?? "" }

    /// Issuing body, version and date of issue, under the title.
    var subtitle: [String] {
        var lines: [String] = []
        let body = issuingBody
        if !body.isEmpty { lines.append(body) }
        var line: [String] = []
        if let id = plan.id?.value { line.append(t(Message("export.plan-id", ["id": .verbatim(id)]))) }
        if let version = plan.version?.value { line.append(t(Message("export.version", ["version": .verbatim(version.text)]))) }
        if !line.isEmpty { lines.append(line.joined(separator: "  ")) }
        if let issued = ExportText.date(plan.issued) { lines.append(t(Message("export.issued-on", ["date": .verbatim(issued)]))) }
        return lines
    }
}
