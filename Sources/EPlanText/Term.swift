/// A word of the format that has a display name: a hazard, kind, level, phase, severity class,
/// resource type, drill type ... Its catalogue key is `<category>.<id>` (`hazard.flood`). English
/// messages name the id (`flood`), Chinese ones the Chinese name and the id (`洪涝灾害（flood）`), so
/// the id a user types stays visible. Ids the catalogue does not know (hazards a repository adds in
/// eplan.yaml) are shown as they are.
public struct Term: Sendable, Hashable {
    public enum Category: String, Sendable, CaseIterable {
        case hazard, hazardCategory = "hazard-category", kind, level, stage, phase, severity
        case resourceType = "resource-type", drillType = "drill-type", status, role, form
        case unitCategory = "unit-category", warningLevel = "warning-level", supportArea = "support-area"
        /// Common agency slugs (`agency.emergency-management`): their generic names, for published documents.
        case agency
    }

    public let category: Category
    public let id: String

    public init(_ category: Category, _ id: String) {
        self.category = category
        self.id = id
    }

    /// The catalogue key, when the catalogue knows the term.
    public var key: String? {
        let key = "\(category.rawValue).\(id)"
        return Catalogue.en[key] != nil ? key : nil
    }

    /// The display name: in English the catalogue's English name, in Chinese the Chinese name; the id
    /// when the catalogue does not know the term.
    public func name(_ language: Language) -> String {
        Catalogue.template("\(category.rawValue).\(id)", language) ?? id
    }

    /// How a message names the term: the id in English; the Chinese name with the id in Chinese.
    public func inMessage(_ language: Language) -> String {
        switch language {
        case .en: return id
        case .zhCN:
            guard let name = Catalogue.template("\(category.rawValue).\(id)", .zhCN), name != id else { return id }
            return "\(name)（\(id)）"
        }
    }

    /// The ids whose Chinese name (or a common Chinese variant of it) is `text`, for the typing-mistake
    /// help ("kind: 专项" → `special`).
    public static func ids(named text: String, in category: Category) -> [String] {
        let prefix = category.rawValue + "."
        var found: [String] = []
        for (key, name) in Catalogue.zhCN where key.hasPrefix(prefix) {
            let id = String(key.dropFirst(prefix.count))
            if name == text || Catalogue.aliases[key]?.contains(text) == true { found.append(id) }
        }
        return found.sorted()
    }
}
