import ArgumentParser
import EPlanText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--lang LANG`: the language of messages, summaries and reports (cli.md "Language"): `en` or
/// `zh-CN`. Without it: `EPLAN_LANG`, `lang:` of eplan.yaml, then the locale, else English.
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp("Language of messages and reports: en or zh-CN (default: EPLAN_LANG, lang: in eplan.yaml, the locale).",
                               valueName: "LANG"))
    var lang: String?

    func validate() throws {
        if let lang, Language.parse(lang) == nil {
            throw ValidationError(Message("cli.lang-unknown", ["value": .verbatim(lang)]).text(Self.fromEnvironment))
        }
    }

    /// The run's language once eplan.yaml's `lang:` is known (nil when there is none).
    func language(configured: Language?) -> Language {
        Language.resolve(flag: lang.flatMap(Language.parse), environment: Self.environment, configured: configured)
    }

    /// The language before any eplan.yaml is read: `--lang`, `EPLAN_LANG`, the locale.
    var beforeConfiguration: Language { language(configured: nil) }

    /// The language of the environment alone (for errors met before the options are parsed).
    static var fromEnvironment: Language {
        Language.resolve(flag: nil, environment: environment, configured: nil)
    }

    static var environment: [String: String] {
        var values: [String: String] = [:]
        for name in ["EPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
