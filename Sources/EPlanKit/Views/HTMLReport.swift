import EPlanText

/// A static, self-contained HTML report of the plan system: no scripts, no network, no external
/// assets, so it opens from file:// and can be archived. Every piece of plan text is escaped.
public enum HTMLReport {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if c != "\n", c != "\t", let escaped = TextReport.controlEscape(c) { out += escaped } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC","Noto Sans",system-ui,sans-serif;margin:2rem;color:#222;max-width:1400px}
        h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;font-size:.8rem;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
        th{background:#f3f3f3}.covered{background:#dff3e0}.missing{background:#f9d6d5;font-weight:bold}.na{color:#999}
        .error{color:#b00}.warning{color:#a60}.note{color:#06a}.summary span{margin-right:1.5rem}
        ul.tree{list-style:none;padding-left:1.2rem;border-left:1px dotted #bbb}ul.tree li{margin:.15rem 0}
        .kind{display:inline-block;min-width:6.5rem;color:#555;font-size:.75rem}.ext{color:#777;font-style:italic}
        .bad{color:#b00;font-weight:bold}.due{background:#fff4e0}.overdue{background:#f9d6d5}
        .matrix td{text-align:center}.matrix td.label{text-align:left;white-space:nowrap}code{font-size:.85em}
        details{margin:.3rem 0}details>summary{cursor:pointer;padding:.15rem 0}details[open]>summary{font-weight:bold}
        """

    /// A fixed word or sentence of the report in its language, escaped for HTML.
    static func say(_ message: Message, _ language: Language) -> String { escape(message.text(language)) }

    static func counted(_ n: Int, _ noun: String, _ language: Language) -> String {
        say(.counted(n, one: "report.\(noun).one", other: "report.\(noun).other"), language)
    }

    /// A word of the format in a cell: the id in English, the Chinese name in Chinese.
    static func term(_ category: Term.Category, _ id: String, _ language: Language) -> String {
        escape(GraphReport.name(category, id, language))
    }

    /// The report in `language`: headings, column names, status words and findings. The English page
    /// keeps `lang="zh"` (its plans' own words are Chinese); the Chinese one is `zh-CN`.
    public static func render(system: PlanSystem, analysis: Analysis, today: Day, language: Language = .en) -> String {
        let result = analysis.result
        let lang = language == .en ? "zh" : language.rawValue
        var out = "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        out += "<title>\(say(Message("html.title"), language))</title>\n<style>\(style)</style>\n</head>\n<body>\n"
        out += "<h1>\(say(Message("html.heading"), language))</h1>\n"
        out += "<p class=\"summary\"><span>\(counted(result.plans, "plans", language))</span><span>\(counted(result.files, "files", language))</span>"
        out += "<span class=\"error\">\(counted(result.count(.error), "errors", language))</span>"
        out += "<span class=\"warning\">\(counted(result.count(.warning), "warnings", language))</span>"
        out += "<span class=\"note\">\(counted(result.count(.note), "notes", language))</span>"
        out += "<span>\(say(Message("html.as-of", ["day": "\(today)"]), language))</span></p>\n"
        out += hierarchy(system, language)
        out += coverage(system, language)
        out += agencies(analysis.plans, regionNames: analysis.index.regionByPath.compactMapValues { $0.region.name?.value }, language)
        out += dueDates(analysis.plans, configuration: analysis.index.configuration, today: today, language)
        out += findings(result, language)
        out += "<p class=\"na\">\(say(Message("html.generated", ["version": .verbatim(EPlan.version)]), language))</p>\n</body>\n</html>\n"
        return out
    }

    // MARK: Sections

    static func hierarchy(_ system: PlanSystem, _ language: Language = .en) -> String {
        var children: [String: [PlanSystem.Node]] = [:]
        var hasParent: Set<String> = []
        let byID = Dictionary(system.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for edge in system.edges where edge.kind == .parent && !edge.broken {
            if let child = byID[edge.from] {
                children[edge.to, default: []].append(child)
                hasParent.insert(edge.from)
            }
        }
        // A departmental plan without a parent hangs under its master.
        for edge in system.edges where edge.kind == .master && !edge.broken && !hasParent.contains(edge.from) {
            if let child = byID[edge.from], child.kind == "departmental" {
                children[edge.to, default: []].append(child)
                hasParent.insert(edge.from)
            }
        }
        var brokenParent: [String: String] = [:]
        for edge in system.edges where edge.kind == .parent && edge.broken { brokenParent[edge.from] = String(edge.to.dropFirst("missing:".count)) }
        var out = "<h2 id=\"hierarchy\">\(say(Message("html.hierarchy"), language))</h2>\n"
        var visited: Set<String> = []
        func item(_ node: PlanSystem.Node) -> String {
            guard visited.insert(node.id).inserted else { return "<li>\(escape(node.id)) \(say(Message("html.cycle"), language))</li>\n" }
            var line = "<li><span class=\"kind\">\(term(.kind, node.kind, language)) · \(term(.level, node.level, language))</span> <code>\(escape(node.id))</code> "
            line += escape(node.title)
            if node.external { line += " <span class=\"ext\">\(say(Message("html.external-plan"), language))</span>" }
            if node.status != "in-force" && !node.external {
                line += " <span class=\"na\">\(say(Message("html.status", ["status": .verbatim(GraphReport.name(.status, node.status, language))]), language))</span>"
            }
            if node.errors > 0 { line += " <span class=\"error\">\(counted(node.errors, "errors", language))</span>" }
            if node.warnings > 0 { line += " <span class=\"warning\">\(counted(node.warnings, "warnings", language))</span>" }
            if let missing = brokenParent[node.id] {
                line += " <span class=\"bad\">\(say(Message("html.parent-not-found", ["id": .verbatim(missing)]), language))</span>"
            }
            let kids = (children[node.id] ?? []).sorted { $0.id < $1.id }
            if !kids.isEmpty { line += "\n<ul class=\"tree\">\n" + kids.map(item).joined() + "</ul>\n" }
            return line + "</li>\n"
        }
        out += "<ul class=\"tree\">\n"
        for node in system.nodes where !hasParent.contains(node.id) && (children[node.id] != nil || !node.external) {
            out += item(node)
        }
        out += "</ul>\n"
        let missingMasters = system.missing.filter { $0.kind == .master }
        if !missingMasters.isEmpty {
            out += "<p class=\"bad\">\(say(Message("html.regions-without-master"), language))"
            out += missingMasters.map { "<code>\(escape($0.neededBy))</code>" }.joined(separator: language == .en ? ", " : "、") + "</p>\n"
        }
        return out
    }

    static func coverage(_ system: PlanSystem, _ language: Language = .en) -> String {
        var out = "<h2 id=\"coverage\">\(say(Message("html.coverage"), language))</h2>\n"
        guard !system.regions.isEmpty else { return out + "<p>\(say(Message("html.no-regions"), language))</p>\n" }
        // Chinese headers name the hazard and keep its id in the tooltip.
        let headers = system.hazards.map { language == .en ? "<th>\(escape($0))</th>" : "<th title=\"\(escape($0))\">\(term(.hazard, $0, language))</th>" }
        out += "<table class=\"matrix\">\n<tr><th>\(say(Message("html.region"), language))</th>" + headers.joined() + "</tr>\n"
        let covered = say(Message("html.covered"), language), missing = say(Message("html.missing"), language)
        for row in system.regions {
            out += "<tr><td class=\"label\"><code>\(escape(row.path))</code> \(escape(row.name)) <span class=\"na\">\(term(.level, row.level, language))</span></td>"
            for hazard in system.hazards {
                switch row.coverage[hazard] {
                case .covered(let plans)?:
                    out += "<td class=\"covered\" title=\"\(escape(plans.joined(separator: ", ")))\">\(covered)</td>"
                case .missing?: out += "<td class=\"missing\">\(missing)</td>"
                case .notAtRisk?, nil: out += "<td class=\"na\">–</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</table>\n<p class=\"na\">\(say(Message("html.coverage-legend"), language))</p>\n"
    }

    /// The agency × plan matrix, one table per region (the agencies of that region, the plans that
    /// name them), each folded in a `<details>` whose summary counts them: a repository of 47 plans
    /// and 179 agencies reads as a list of regions, not as a table wider than any screen.
    static func agencies(_ plans: [Plan], regionNames: [String: String] = [:], _ language: Language = .en) -> String {
        let letter = ["O": say(Message("html.role.owner"), language), "L": say(Message("html.role.lead"), language),
                      "M": say(Message("html.role.member"), language), "A": say(Message("html.role.action"), language)]
        var roles: [AgencyKey: [String: String]] = [:]  // agency -> plan id -> role
        var planIDs: [String] = []
        for plan in plans where !plan.isRetired {
            guard let id = plan.id?.value, let region = plan.region?.value else { continue }
            planIDs.append(id)
            func mark(_ ref: AgencyRef?, _ role: String) {
                guard let ref else { return }
                let key = ref.resolved(in: region)
                if roles[key]?[id] == nil || role == "L" { roles[key, default: [:]][id] = role }
            }
            for member in plan.organization?.members ?? [] { mark(member.agency?.value, member.effectiveRole == .lead ? "L" : "M") }
            for action in plan.actions?.value ?? [] { for who in action.who?.value ?? [] { mark(who.value, "A") } }
            if let owner = plan.owner?.value { mark(owner, "O") }
        }
        var out = "<h2 id=\"agencies\">\(say(Message("html.agencies"), language))</h2>\n"
        let legend = Message("html.agencies-legend", ["owner": .verbatim(Message("html.role.owner").text(language)),
                                                      "lead": .verbatim(Message("html.role.lead").text(language)),
                                                      "member": .verbatim(Message("html.role.member").text(language)),
                                                      "action": .verbatim(Message("html.role.action").text(language))])
        out += "<p class=\"na\">\(say(legend, language))</p>\n"
        let byRegion = Dictionary(grouping: roles.keys, by: \.region)
        for region in byRegion.keys.sorted() {
            let keys = (byRegion[region] ?? []).sorted { $0.agency < $1.agency }
            let columns = planIDs.filter { id in keys.contains { roles[$0]?[id] != nil } }
            let name = regionNames[region].map { "\(escape($0)) " } ?? ""
            let counts = Message("html.agencies-region", ["agencies": .message(.counted(keys.count, one: "report.agencies.one", other: "report.agencies.other")),
                                                          "plans": .message(.counted(columns.count, one: "report.plans.one", other: "report.plans.other"))])
            out += "<details\(byRegion.count == 1 ? " open" : "")><summary>\(name)<code>\(escape(region))</code> · \(say(counts, language))</summary>\n"
            out += "<table class=\"matrix\">\n<tr><th>\(say(Message("html.agency"), language))</th>" + columns.map { "<th><code>\(escape($0))</code></th>" }.joined() + "</tr>\n"
            for key in keys {
                out += "<tr><td class=\"label\"><code>\(escape(key.agency))</code></td>"
                for id in columns { out += "<td>\(roles[key]?[id].map { letter[$0] ?? escape($0) } ?? "")</td>" }
                out += "</tr>\n"
            }
            out += "</table>\n</details>\n"
        }
        return out
    }

    static func dueDates(_ plans: [Plan], configuration config: Configuration, today: Day, _ language: Language = .en) -> String {
        func row(_ due: Day, _ id: String, _ what: String, _ basis: Message) -> String {
            HTMLReport.row(due, today, id, say(Message(what), language), basis.text(language))
        }
        let filing = say(Message("html.what.filing"), language)
        var rows: [(Day, String)] = []
        for plan in plans where plan.isInForce {
            guard let id = plan.id?.value else { continue }
            if let basis = plan.evaluated?.value ?? plan.issued?.value {
                let due = basis.adding(months: config.setting(EvaluationOverdue.months))
                let said = Message(plan.evaluated == nil ? "html.last-issued" : "html.last-evaluated", ["day": "\(basis)"])
                rows.append((due, row(due, id, "html.what.evaluation", said)))
            }
            let months = config.setting(plan.kind?.value == .unit ? DrillOverdue.unitMonths : DrillOverdue.months)
            let drills = (plan.drills?.value ?? []).compactMap { $0.date?.value }.filter { $0 <= today }
            if let last = drills.max() {
                let due = last.adding(months: months)
                rows.append((due, row(due, id, "html.what.drill", Message("html.last-drill", ["day": "\(last)"]))))
            } else {
                rows.append((today, row(today, id, "html.what.drill", Message("html.never-drilled"))))
            }
            if plan.parent != nil || plan.master != nil, let issued = plan.issued?.value {
                if let filed = plan.filed?.value {
                    let days = issued.workingDays(until: filed, in: config.calendar)
                    if days > config.setting(FilingLate.workingDays) {
                        let basis = say(Message("html.filed-late", ["days": .number(days)]), language)
                        rows.append((filed, "<tr class=\"overdue\"><td>\(filed)</td><td><code>\(escape(id))</code></td><td>\(filing)</td><td>\(basis)</td></tr>\n"))
                    }
                } else {
                    let basis = say(Message("html.not-filed", ["day": "\(issued)"]), language)
                    rows.append((issued, "<tr class=\"due\"><td>—</td><td><code>\(escape(id))</code></td><td>\(filing)</td><td>\(basis)</td></tr>\n"))
                }
            }
        }
        rows.sort { $0.0 < $1.0 }
        let columns = ["html.column.due", "html.column.plan", "html.column.what", "html.column.basis"].map { "<th>\(say(Message($0), language))</th>" }
        var out = "<h2 id=\"due\">\(say(Message("html.due"), language))</h2>\n<table>\n<tr>\(columns.joined())</tr>\n"
        out += rows.map(\.1).joined()
        return out + "</table>\n"
    }

    /// A due-date row; `what` is already HTML, `basis` is text.
    static func row(_ due: Day, _ today: Day, _ id: String, _ what: String, _ basis: String) -> String {
        let cls = due < today ? " class=\"overdue\"" : due < today.adding(months: 3) ? " class=\"due\"" : ""
        return "<tr\(cls)><td>\(due)</td><td><code>\(escape(id))</code></td><td>\(what)</td><td>\(escape(basis))</td></tr>\n"
    }

    static func severity(_ s: Severity, _ language: Language) -> String {
        switch s {
        case .error: return say(Message("html.severity.error"), language)
        case .warning: return say(Message("html.severity.warning"), language)
        case .note: return say(Message("html.severity.note"), language)
        }
    }

    static func findings(_ result: LintResult, _ language: Language = .en) -> String {
        var out = "<h2 id=\"findings\">\(say(Message("html.findings"), language))</h2>\n"
        guard !result.active.isEmpty else { return out + "<p>\(say(Message("html.no-findings"), language))</p>\n" }
        let columns = ["html.column.location", "html.column.severity", "html.column.rule", "html.column.message"]
        out += "<table>\n<tr>" + columns.map { "<th>\(say(Message($0), language))</th>" }.joined() + "</tr>\n"
        for d in result.active {
            out += "<tr><td><code>\(escape(d.location.file)):\(d.location.line):\(d.location.column)</code></td>"
            out += "<td class=\"\(d.severity)\">\(severity(d.severity, language))</td><td><code>\(escape(d.rule.rawValue))</code></td>"
            let help = d.help.map { "<br><span class=\"na\">\(say(Message("report.help-line", ["help": .message($0)]), language))</span>" } ?? ""
            out += "<td>\(say(d.message, language))\(help)</td></tr>\n"
        }
        return out + "</table>\n"
    }
}
