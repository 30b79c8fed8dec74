/// The message catalogues: one per language (`Catalogue+en.swift`, `Catalogue+zhCN.swift`), each a
/// table from key to template. `{name}` in a template stands for an argument; `{{` and `}}` are
/// literal braces. Tests check that both catalogues have the same keys and that each key names the
/// same placeholders in both (`Tests/EPlanKitTests/CatalogueTests.swift`).
public enum Catalogue {
    public static func table(_ language: Language) -> [String: String] {
        switch language {
        case .en: return en
        case .zhCN: return zhCN
        }
    }

    public static func template(_ key: String, _ language: Language) -> String? {
        table(language)[key]
    }

    /// Fills a template's placeholders; a placeholder with no argument is left as written.
    public static func fill(_ template: String, _ argument: (String) -> String?) -> String {
        guard template.contains("{") || template.contains("}") else { return template }
        var out = ""
        var scalars = template.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "{" {
                if scalars.first == "{" { scalars.removeFirst(); out.unicodeScalars.append("{"); continue }
                guard let close = scalars.firstIndex(of: "}") else { out.unicodeScalars.append(scalar); continue }
                let name = String(scalars[..<close])
                scalars = scalars[scalars.index(after: close)...]
                if let value = argument(name) { out += value } else { out += "{\(name)}" }
            } else if scalar == "}" {
                if scalars.first == "}" { scalars.removeFirst() }
                out.unicodeScalars.append("}")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The placeholders a template names, sorted.
    public static func placeholders(_ template: String) -> [String] {
        var names: Set<String> = []
        _ = fill(template) { names.insert($0); return "" }
        return names.sorted()
    }
}
