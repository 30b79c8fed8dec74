import EPlanDocument
import EPlanText

/// How the builders of `eplan export` write the model's values into a published document.
///
/// The documents are the formal documents of a Chinese office, so their own words (headings, labels,
/// placeholders, dates, durations) are Chinese whatever `--lang` says (`--lang` sets the language of
/// eplan's messages on stderr). The plan's own text (title, duties, `how`, `when`, triggers ...) is
/// copied as written, in whatever language the plan uses. Agencies, hazards and the other terms of the
/// format are written by their Chinese name followed by their id in brackets, `洪涝灾害（flood）`,
/// `水利部门（water-resources）`, so that a reader can find each in the YAML; an agency or hazard the
/// catalogue has no name for is written by its id, which is the plan's (usually English) word for it.
enum ExportText {
    static let language: Language = .zhCN

    static func text(_ message: Message) -> String { message.text(language) }

    static var placeholder: String { text(Message("export.placeholder")) }

    /// 2025年4月20日.
    static func date(_ day: Day) -> String {
        text(Message("export.date", ["year": .number(day.year), "month": .number(day.month), "day": .number(day.day)]))
    }

    static func date(_ field: Field<Day>?) -> String? { field?.value.map(date) }

    /// 2小时（2h）: the Chinese reading and the value as the plan wrote it.
    static func duration(_ duration: Duration) -> String {
        let minutes = duration.minutes
        let reading: Message
        if minutes % 1440 == 0 {
            reading = Message("export.duration.days", ["n": .number(minutes / 1440)])
        } else if minutes % 60 == 0 {
            reading = Message("export.duration.hours", ["n": .number(minutes / 60)])
        } else {
            reading = Message("export.duration.minutes", ["n": .number(minutes)])
        }
        return text(Message("export.with-id", ["name": .message(reading), "id": .verbatim(duration.text)]))
    }

    /// A term by its Chinese name and id (`洪涝灾害（flood）`); the id alone when it has no name.
    static func term(_ category: Term.Category, _ id: String) -> String {
        Term(category, id).inMessage(language)
    }

    /// 特别重大（I级）.
    static func severity(_ severity: SeverityClass) -> String {
        text(Message("export.severity-class", ["name": .verbatim(Term(.severity, severity.rawValue).name(language)), "class": .verbatim(severity.rawValue)]))
    }

    static func hazard(_ id: String) -> String { term(.hazard, id) }

    static func hazards(_ ids: [String]) -> String { ids.map(hazard).joined(separator: "、") }

    /// A quantity as written: whole numbers without a decimal point.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// A list of text joined for one table cell or line.
    static func joined(_ items: [String]) -> String { items.joined(separator: "；") }
}

/// What the builders know besides the plan: the repository (the parent, resources defined elsewhere,
/// region names), the findings of the run and the day of the export.
public struct ExportContext: Sendable {
    public let analysis: Analysis
    public let today: Day
    /// The plans parsed in full, by id (the first of an id), for parents and resources held elsewhere.
    private let plans: [String: Plan]

    public init(analysis: Analysis, today: Day) {
        self.analysis = analysis
        self.today = today
        var plans: [String: Plan] = [:]
        for plan in analysis.plans { if let id = plan.id?.value, plans[id] == nil { plans[id] = plan } }
        self.plans = plans
    }

    /// The plan with this id parsed in full in this run.
    func plan(_ id: String) -> Plan? { plans[id] }

    /// The region's name as the regions document writes it, its Chinese part when it has one
    /// (`临县 Lin County` → `临县`); the path when the region is not known.
    func regionName(_ path: String) -> String {
        guard let name = analysis.index.regionByPath[path]?.region.name?.value else { return path }
        let first = name.split(separator: " ").first.map(String.init) ?? name
        return first.unicodeScalars.contains(where: \.isHan) ? first : name
    }

    /// An agency by its Chinese name and its reference: `水利部门（water-resources）`,
    /// `青山市应急管理部门（qs:emergency-management）`; the reference alone when it has no name.
    func agency(_ ref: AgencyRef) -> String {
        let name = Term(.agency, ref.agency).name(ExportText.language)
        guard name != ref.agency else { return ref.description }
        let region = ref.region.map(regionName) ?? ""
        return ExportText.text(Message("export.with-id", ["name": .verbatim(region + name), "id": .verbatim(ref.description)]))
    }

    func agencies(_ list: FieldList<AgencyRef>?) -> String {
        (list?.value ?? []).compactMap(\.value).map(agency).joined(separator: "、")
    }

    /// A resource id with its name, as found in the plan, an inventory or another plan.
    func resourceName(_ id: String, in plan: Plan) -> String {
        guard let name = resource(id, in: plan)?.name?.value else { return id }
        return ExportText.text(Message("export.with-id", ["name": .verbatim(name), "id": .verbatim(id)]))
    }

    /// The definition of a resource: the plan's own, else the inventory's or other plan's that holds it.
    func resource(_ id: String, in plan: Plan) -> Resource? {
        if let own = plan.resources?.value?.first(where: { $0.id?.value == id }) { return own }
        let index = analysis.index
        guard let definition = index.resourceByID[id] else { return nil }
        if let holder = index.definingPlan(of: definition), let holderID = holder.id?.value {
            return self.plan(holderID)?.resources?.value?.first { $0.id?.value == id }
        }
        for inventory in index.inventories {
            if let found = inventory.resources.first(where: { $0.id?.value == id }) { return found }
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// A CJK ideograph (the basic block and extension A).
    var isHan: Bool { (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) }
}

/// Numbered sections ("1", "1.1", "1.1.1" written as text), and the placeholder for a section the plan
/// says nothing about.
struct Outline {
    var blocks: [Block] = []
    private var counters = [0, 0, 0]

    mutating func heading(_ level: Int, _ title: Message) {
        heading(level, ExportText.text(title))
    }

    mutating func heading(_ level: Int, _ title: String) {
        let level = min(max(level, 1), 3)
        counters[level - 1] += 1
        for i in level..<counters.count { counters[i] = 0 }
        let number = counters[0..<level].map(String.init).joined(separator: ".")
        blocks.append(.heading(level: level, number: number, text: title))
    }

    /// The section's content, or the visible placeholder when there is none.
    mutating func body(_ content: [Block]) {
        blocks += content.isEmpty ? [.placeholder(ExportText.placeholder)] : content
    }

    mutating func section(_ level: Int, _ title: Message, _ content: [Block]) {
        heading(level, title)
        body(content)
    }
}
