import EPlanDocument
import EPlanText

/// The filing package of a plan (备案): the filing form (备案登记表) and the drafting notes (编制说明),
/// which state the plan's docking with its parent from the docking model (`Docking`, the one `lint`
/// and `diff` use) and its lint status on the day of the export.
public enum FilingPackage {
    // MARK: 备案登记表

    public static func form(_ plan: Plan, _ context: ExportContext) -> PublishedDocument {
        let f = PlanFacts(plan: plan, context: context)
        func row(_ key: String, _ value: String?) -> [String] {
            [ExportText.text(Message(key)), value.flatMap { $0.isEmpty ? nil : $0 } ?? ExportText.placeholder]
        }
        var kind = plan.kind?.value.map { ExportText.term(.kind, $0.rawValue) }
        if f.kind == .unit { kind = ExportText.term(.form, (plan.form?.value ?? .comprehensive).rawValue) }
        let parent: String? = plan.parent.flatMap { link in
            guard let id = link.id.value else { return nil }
            let title = context.plan(id)?.title?.value
            var text = title.map { "\($0)（\(id)）" } ?? id
            if let version = link.version?.value { text += ExportText.text(Message("export.parent-version", ["version": .verbatim(version.text)])) }
            return text
        }
        let rows = [
            row("export.form.name", plan.title?.value),
            row("export.form.id", plan.id?.value),
            row("export.form.version", plan.version?.value?.text),
            row("export.form.kind", kind),
            row("export.form.level", plan.level?.value.map { ExportText.term(.level, $0.rawValue) }),
            row("export.form.region", plan.region?.value.map { r in context.regionName(r) == r ? r : "\(context.regionName(r))（\(r)）" }),
            row("export.form.owner", plan.owner?.value.map(context.agency)),
            row("export.form.issuing-body", f.issuingBody),
            row("export.form.issued", ExportText.date(plan.issued)),
            row("export.form.parent", parent),
            row("export.form.filed-with", f.filedWith),
            row("export.form.filed", ExportText.date(plan.filed)),
            row("export.form.status", ExportText.term(.status, plan.effectiveStatus.rawValue)),
        ]
        let blocks: [Block] = [
            .table(Table(header: [ExportText.text(Message("export.col.item")), ExportText.text(Message("export.col.content"))],
                         rows: rows, widths: [1, 3])),
            .paragraph(ExportText.text(Message("export.form.made", ["date": .verbatim(ExportText.date(context.today))]))),
        ]
        return PublishedDocument(title: ExportText.text(Message("export.form-title", ["title": .verbatim(f.title)])),
                                 subtitle: [], language: ExportText.language.rawValue, blocks: blocks)
    }

    // MARK: 编制说明

    public static func notes(_ plan: Plan, _ context: ExportContext) -> PublishedDocument {
        let f = PlanFacts(plan: plan, context: context)
        var o = Outline()
        o.heading(1, Message("export.h.notes-drafting"))
        var drafting: [Block] = []
        if let version = plan.version?.value {
            drafting.append(.paragraph(ExportText.text(Message("export.notes.version", ["version": .verbatim(version.text)]))))
        }
        drafting += f.revisions
        o.body(drafting)

        o.heading(1, Message("export.h.notes-docking"))
        o.body(docking(plan, context))

        o.heading(1, Message("export.h.notes-lint"))
        o.body(lintStatus(plan, context))
        return PublishedDocument(title: ExportText.text(Message("export.notes-title", ["title": .verbatim(f.title)])),
                                 subtitle: [], language: ExportText.language.rawValue, blocks: o.blocks)
    }

    /// What the plan does with what its parent sets, from `Docking`.
    static func docking(_ plan: Plan, _ context: ExportContext) -> [Block] {
        let t = ExportText.text
        guard let parentID = plan.parent?.id.value else {
            return [.paragraph(t(Message("export.notes.no-parent")))]
        }
        let analysis = context.analysis
        guard let parent = analysis.index.target(parentID) else {
            return [.paragraph(t(Message("export.notes.parent-unknown", ["id": .verbatim(parentID)])))]
        }
        let region = plan.region?.value
        let regionAgencies = region.flatMap { r in analysis.lookups.masterAgencies(r).map { Set($0.filter { $0.region == r }.map(\.agency)) } }
        let docking = Docking(child: plan, parent: parent, index: analysis.index, regionAgencies: regionAgencies)
        let parentName = context.plan(parentID)?.title?.value.map { "\($0)（\(parentID)）" } ?? parentID
        var blocks: [Block] = [.labelled(label: t(Message("export.label.parent")), text: parentName)]
        if let version = docking.version {
            let recorded = version.recorded?.text ?? "—"
            blocks.append(.labelled(label: t(Message("export.label.parent-version")),
                                    text: t(Message("export.notes.version-docking", ["current": .verbatim(version.current.text), "recorded": .verbatim(recorded),
                                                                                       "status": .message(status(version.status))]))))
        }
        var rows: [[String]] = []
        for hazard in docking.hazards {
            rows.append([t(Message("export.notes.aspect-hazard")), ExportText.hazard(hazard.hazard), t(status(hazard.status)), hazard.reason ?? ""])
        }
        for hazard in docking.extraHazards {
            rows.append([t(Message("export.notes.aspect-hazard")), ExportText.hazard(hazard), t(status(.extra)), ""])
        }
        for left in docking.classesLeft {
            rows.append([t(Message("export.notes.aspect-class")), ExportText.severity(left.severity),
                         t(Message(left.taken ? "export.notes.class-taken" : "export.notes.class-not-taken")), ""])
        }
        for limit in docking.limits {
            let key: String
            switch limit.key {
            case .initial: key = t(Message("export.notes.limit-initial"))
            case .written: key = t(Message("export.notes.limit-written"))
            case .followUp: key = t(Message("export.notes.limit-follow-up"))
            }
            let what = limit.severity.map { "\(key)（\($0.rawValue)级）" } ?? key
            let comparison = t(Message("export.notes.limit-compare", ["parent": .verbatim(ExportText.duration(limit.parentLimit)),
                                                                     "child": .verbatim(limit.childLimit.map(ExportText.duration) ?? "—")]))
            rows.append([t(Message("export.notes.aspect-limit")), what, t(status(limit.status)), comparison])
        }
        for agency in docking.agencies {
            rows.append([t(Message("export.notes.aspect-agency")), f(agency.agency, context), t(status(agency.covered ? .covered : .missing)), ""])
        }
        for stage in docking.stages {
            rows.append([t(Message("export.notes.aspect-stage")), Term(.stage, stage.stage.rawValue).name(ExportText.language),
                         t(status(stage.covered ? .covered : .missing)), ""])
        }
        if rows.isEmpty {
            blocks.append(.paragraph(t(Message("export.notes.nothing-to-dock"))))
        } else {
            blocks.append(.table(Table(header: [t(Message("export.col.aspect")), t(Message("export.col.item")), t(Message("export.col.docking")),
                                                t(Message("export.col.note"))], rows: rows, widths: [2, 3, 2, 4])))
        }
        return blocks
    }

    private static func f(_ agency: String, _ context: ExportContext) -> String {
        context.agency(AgencyRef(region: nil, agency: agency))
    }

    static func status(_ status: DockingItem.Status) -> Message {
        switch status {
        case .covered: return Message("export.status.covered")
        case .missing: return Message("export.status.missing")
        case .excluded: return Message("export.status.excluded")
        case .weaker: return Message("export.status.weaker")
        case .stricter: return Message("export.status.stricter")
        case .extra: return Message("export.status.extra")
        }
    }

    static func severity(_ severity: Severity) -> Message {
        switch severity {
        case .error: return Message("export.severity.error")
        case .warning: return Message("export.severity.warning")
        case .note: return Message("export.severity.note")
        }
    }

    /// The plan's lint status on the day: counts and the findings' messages (suppressed ones left out).
    static func lintStatus(_ plan: Plan, _ context: ExportContext) -> [Block] {
        let t = ExportText.text
        let findings = context.analysis.result.diagnostics.filter { $0.location.file == plan.file && $0.suppressed == nil }
        let count = { (s: Severity) in findings.filter { $0.severity == s }.count }
        var blocks: [Block] = [.paragraph(t(Message("export.notes.lint", [
            "date": .verbatim(ExportText.date(context.today)), "errors": .number(count(.error)),
            "warnings": .number(count(.warning)), "notes": .number(count(.note)),
        ])))]
        if !findings.isEmpty {
            blocks.append(.table(Table(
                header: [t(Message("export.col.severity")), t(Message("export.col.rule")), t(Message("export.col.line")), t(Message("export.col.message"))],
                rows: findings.map { d in
                    [t(severity(d.severity)), d.rule.rawValue, String(d.location.span.start.line), d.message.text(ExportText.language)]
                }, widths: [1, 2, 1, 6])))
        }
        return blocks
    }
}
