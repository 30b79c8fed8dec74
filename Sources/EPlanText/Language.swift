/// The languages eplan speaks (cli.md "Language"). Rule ids, locations, JSON keys, SARIF and JUnit
/// structure, exit codes and file paths never change with the language; messages, help lines,
/// summaries, `explain`, diffs and reports do.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case en = "en"
    case zhCN = "zh-CN"

    /// Reads a language tag or a locale name: `en`, `en_US.UTF-8`, `zh-CN`, `zh_CN.UTF-8`, `zh_CN`,
    /// `zh-Hans`, `zh`: any value starting `zh` is Chinese, `en`, `C` and `POSIX` English; nil otherwise.
    public init?(code: String) {
        let lower = code.lowercased()
        if lower.hasPrefix("zh") {
            self = .zhCN
        } else if lower.hasPrefix("en") || lower == "c" || lower == "posix" || lower.hasPrefix("c.") {
            self = .en
        } else {
            return nil
        }
    }

    /// Whether `--lang` and `lang:` accept the value: exactly `en` or `zh-CN` (case aside), or a form
    /// that reads as one of them (`zh`, `zh_CN`, `en-US`).
    public static func parse(_ value: String) -> Language? {
        let trimmed = value.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.lowercased() != "c", trimmed.lowercased() != "posix" else { return nil }
        return Language(code: trimmed)
    }

    /// The language of a run, first found: `--lang`, `EPLAN_LANG`, `lang:` of eplan.yaml, then the
    /// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set and not empty decides), else English.
    /// A value that names no language eplan speaks is passed over.
    public static func resolve(flag: Language?, environment: [String: String], configured: Language?) -> Language {
        if let flag { return flag }
        if let value = environment["EPLAN_LANG"], let language = parse(value) { return language }
        if let configured { return configured }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return Language(code: value) ?? .en
        }
        return .en
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
