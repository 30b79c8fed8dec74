import EPlanDocument
import EPlanText

/// The plan as the formal document of its kind (`eplan export`), in the outline of its kind:
///
/// - government plans (master, special, departmental, event, joint): 总则, 组织指挥体系, 监测预警,
///   应急响应, 响应结束, 后期处置, 应急保障, 预案管理, 附则, 附件;
/// - unit plans, by `form`, the outlines of GB/T 29639-2020: 综合应急预案 (§6), 专项应急预案 (§7),
///   现场处置方案 (§8), each followed by 预案管理 and 附件 so that every fact of the plan is written.
///
/// Every section the outline has is written; one the plan says nothing about holds the placeholder.
public enum PlanDocument {
    public static func build(_ plan: Plan, _ context: ExportContext) -> PublishedDocument {
        let facts = PlanFacts(plan: plan, context: context)
        var outline = Outline()
        if facts.kind == .unit {
            switch plan.form?.value ?? .comprehensive {
            case .comprehensive: unitComprehensive(facts, &outline)
            case .hazardSpecific: unitHazardSpecific(facts, &outline)
            case .onSite: unitOnSite(facts, &outline)
            }
        } else {
            government(facts, &outline)
        }
        return PublishedDocument(title: facts.title, subtitle: facts.subtitle, language: ExportText.language.rawValue,
                                 blocks: outline.blocks)
    }

    /// The actions of a section, each under its own heading one level down; the placeholder when none.
    static func actions(_ list: [Action], level: Int, _ facts: PlanFacts, _ outline: inout Outline) {
        guard !list.isEmpty else {
            outline.body([])
            return
        }
        for action in list {
            outline.heading(level, facts.actionTitle(action))
            outline.body(facts.answers(action))
        }
    }

    /// A section of some blocks and then some actions one level down; the placeholder when it has neither.
    static func part(_ level: Int, _ title: Message, _ blocks: [Block], _ list: [Action], _ facts: PlanFacts, _ outline: inout Outline) {
        outline.heading(level, title)
        if blocks.isEmpty, list.isEmpty { return outline.body([]) }
        outline.blocks += blocks
        if !list.isEmpty { actions(list, level: level + 1, facts, &outline) }
    }

    // MARK: Government plans

    static func government(_ f: PlanFacts, _ o: inout Outline) {
        o.heading(1, Message("export.h.general"))
        o.section(2, Message("export.h.purpose"), f.purpose)
        o.section(2, Message("export.h.basis"), f.basis)
        o.section(2, Message("export.h.scope"), f.scope)
        o.section(2, Message("export.h.principles"), f.principles)

        o.heading(1, Message("export.h.organization"))
        o.section(2, Message("export.h.command"), f.command)
        o.section(2, Message("export.h.members"), f.members)

        o.heading(1, Message("export.h.monitoring-warning"))
        o.heading(2, Message("export.h.prevention"))
        actions(f.actions([.prevention]), level: 3, f, &o)
        o.heading(2, Message("export.h.preparedness"))
        actions(f.actions([.preparedness]), level: 3, f, &o)
        o.section(2, Message("export.h.warning-levels"), f.warningLevels)
        o.heading(2, Message("export.h.warning-actions"))
        actions(f.actions([.warning]), level: 3, f, &o)

        o.heading(1, Message("export.h.response"))
        o.section(2, Message("export.h.reporting"), f.reporting)
        o.section(2, Message("export.h.response-levels"), f.responseLevels)
        o.heading(2, Message("export.h.measures"))
        actions(f.responseActions, level: 3, f, &o)

        o.section(1, Message("export.h.termination"), f.termination)

        o.heading(1, Message("export.h.recovery"))
        actions(f.actions([.recovery]), level: 2, f, &o)

        o.heading(1, Message("export.h.support"))
        o.section(2, Message("export.h.support-measures"), f.support())
        o.section(2, Message("export.h.resources"), f.resources())

        management(f, &o)

        o.section(1, Message("export.h.supplementary"), f.closing)
        annexes(f, &o)
    }

    static func management(_ f: PlanFacts, _ o: inout Outline) {
        o.heading(1, Message("export.h.management"))
        o.section(2, Message("export.h.drills"), f.drills)
        o.section(2, Message("export.h.evaluation"), f.evaluation)
        o.section(2, Message("export.h.revisions"), f.revisions)
        o.section(2, Message("export.h.filing"), f.filing)
    }

    static func annexes(_ f: PlanFacts, _ o: inout Outline) {
        o.heading(1, Message("export.h.annexes"))
        o.section(2, Message("export.h.contacts"), f.contacts)
        for annex in f.annexes {
            o.heading(2, annex.title?.value ?? ExportText.placeholder)
            o.body(annex.text?.value.map { [.paragraph($0)] } ?? [])
        }
    }

    /// 编制目的, 编制依据, 工作原则 are not in the GB/T 29639-2020 outlines: a unit plan that writes them
    /// gets them at the end of its first chapter.
    static func unitExtras(_ f: PlanFacts, _ o: inout Outline) {
        if !f.purpose.isEmpty { o.section(2, Message("export.h.purpose"), f.purpose) }
        if !f.basis.isEmpty { o.section(2, Message("export.h.basis"), f.basis) }
        if !f.principles.isEmpty { o.section(2, Message("export.h.principles"), f.principles) }
    }

    // MARK: Unit plans (GB/T 29639-2020)

    /// 综合应急预案 (§6).
    static func unitComprehensive(_ f: PlanFacts, _ o: inout Outline) {
        o.heading(1, Message("export.h.general"))
        o.section(2, Message("export.h.scope"), f.scope)
        o.section(2, Message("export.h.response-grading"), f.responseLevels)
        unitExtras(f, &o)

        o.heading(1, Message("export.h.unit-organization"))
        o.section(2, Message("export.h.unit-command"), f.command)
        o.section(2, Message("export.h.unit-duties"), f.members)

        o.heading(1, Message("export.h.response"))
        o.section(2, Message("export.h.reporting"), f.reporting)
        part(2, Message("export.h.unit-warning"), f.warningLevels, f.actions([.warning]), f, &o)
        o.section(2, Message("export.h.unit-activation"), activation(f))
        o.heading(2, Message("export.h.unit-handling"))
        actions(f.responseActions, level: 3, f, &o)
        o.section(2, Message("export.h.unit-assistance"), assistance(f))
        o.section(2, Message("export.h.unit-termination"), f.termination)

        o.heading(1, Message("export.h.recovery"))
        actions(f.actions([.recovery]), level: 2, f, &o)

        o.heading(1, Message("export.h.support"))
        o.section(2, Message("export.h.unit-communications"), f.support([.communications]))
        o.section(2, Message("export.h.unit-teams"), f.resources([.team, .expert]))
        o.section(2, Message("export.h.unit-materials"), f.support([.materials]) + f.resources([.material, .equipment, .facility]))
        o.section(2, Message("export.h.unit-other-support"), f.support(except: [.communications, .materials]) + f.resources([.fund]))
        o.heading(2, Message("export.h.unit-prevention"))
        actions(f.actions([.prevention, .preparedness]), level: 3, f, &o)

        management(f, &o)
        annexes(f, &o)
    }

    /// 专项应急预案 (§7).
    static func unitHazardSpecific(_ f: PlanFacts, _ o: inout Outline) {
        o.heading(1, Message("export.h.scope"))
        o.body(f.scope)
        unitExtras(f, &o)

        o.heading(1, Message("export.h.unit-organization"))
        o.section(2, Message("export.h.unit-command"), f.command)
        o.section(2, Message("export.h.unit-duties"), f.members)

        o.heading(1, Message("export.h.unit-activation"))
        o.section(2, Message("export.h.response-grading"), f.responseLevels)
        o.section(2, Message("export.h.reporting"), f.reporting)
        part(2, Message("export.h.unit-warning"), f.warningLevels, f.actions([.warning]), f, &o)

        o.heading(1, Message("export.h.unit-measures"))
        o.heading(2, Message("export.h.unit-handling"))
        actions(f.responseActions, level: 3, f, &o)
        o.section(2, Message("export.h.unit-termination"), f.termination)
        o.heading(2, Message("export.h.recovery"))
        actions(f.actions([.recovery]), level: 3, f, &o)

        o.heading(1, Message("export.h.support"))
        o.section(2, Message("export.h.support-measures"), f.support())
        o.section(2, Message("export.h.resources"), f.resources())
        o.heading(2, Message("export.h.unit-prevention"))
        actions(f.actions([.prevention, .preparedness]), level: 3, f, &o)

        management(f, &o)
        annexes(f, &o)
    }

    /// 现场处置方案 (§8).
    static func unitOnSite(_ f: PlanFacts, _ o: inout Outline) {
        o.heading(1, Message("export.h.unit-risk"))
        o.body(f.scope)
        unitExtras(f, &o)

        o.heading(1, Message("export.h.unit-onsite-duties"))
        o.section(2, Message("export.h.unit-command"), f.command)
        o.section(2, Message("export.h.unit-duties"), f.members)

        o.heading(1, Message("export.h.unit-handling"))
        o.section(2, Message("export.h.unit-procedure"), activation(f) + f.responseLevels + f.warningLevels)
        o.heading(2, Message("export.h.unit-onsite-measures"))
        actions(f.actions([.warning]) + f.responseActions + f.actions([.recovery]), level: 3, f, &o)
        o.section(2, Message("export.h.unit-alarm"), f.reporting + f.contacts)
        o.section(2, Message("export.h.unit-termination"), f.termination)

        o.heading(1, Message("export.h.unit-cautions"))
        o.heading(2, Message("export.h.unit-prevention"))
        actions(f.actions([.prevention, .preparedness]), level: 3, f, &o)
        o.section(2, Message("export.h.support-measures"), f.support())
        o.section(2, Message("export.h.resources"), f.resources())

        management(f, &o)
        o.heading(1, Message("export.h.annexes"))
        for annex in f.annexes {
            o.heading(2, annex.title?.value ?? ExportText.placeholder)
            o.body(annex.text?.value.map { [.paragraph($0)] } ?? [])
        }
        if f.annexes.isEmpty { o.body([]) }
    }

    /// 响应启动: who starts which response, from the response levels.
    static func activation(_ f: PlanFacts) -> [Block] {
        let levels = f.plan.responseLevels?.value ?? []
        guard !levels.isEmpty else { return [] }
        return [.paragraph(ExportText.text(Message("export.activation")))]
    }

    /// 应急支援: whom the unit reports to and asks for help.
    static func assistance(_ f: PlanFacts) -> [Block] {
        guard let to = f.plan.reporting?.to?.value else { return [] }
        return [.paragraph(ExportText.text(Message("export.assistance", ["to": .verbatim(f.context.agency(to))])))]
    }
}
