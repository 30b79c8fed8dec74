import ArgumentParser
import EPlanText
import Synchronization
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

    /// The run's language once eplan.yaml's `lang:` is known, recorded as the language of the
    /// command's own errors from now on (`RunLanguage`).
    func resolved(configured: Language?) -> Language {
        let language = language(configured: configured)
        RunLanguage.set(language)
        return language
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

    /// The value of `--lang` on a command line (`--lang zh-CN` or `--lang=zh-CN`, before any `--`), when
    /// it names a language: for the errors met while the command line itself is checked.
    static func flag(in arguments: [String]) -> Language? {
        var found: Language?
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" { break }
            if argument == "--lang", i + 1 < arguments.count {
                found = Language.parse(arguments[i + 1]) ?? found
                i += 1
            } else if argument.hasPrefix("--lang=") {
                found = Language.parse(String(argument.dropFirst("--lang=".count))) ?? found
            }
            i += 1
        }
        return found
    }
}

/// The language of what the command line itself says on stderr (`eplan: …` errors, usage errors,
/// "wrote …"): `--lang` and the environment until the command has read eplan.yaml's `lang:`, then the
/// run's language (`LanguageOption.resolved`).
enum RunLanguage {
    private static let chosen = Mutex<Language?>(nil)

    static var current: Language {
        if let language = chosen.withLock({ $0 }) { return language }
        return Language.resolve(flag: LanguageOption.flag(in: Array(CommandLine.arguments.dropFirst())),
                                environment: LanguageOption.environment, configured: nil)
    }

    static func set(_ language: Language) {
        chosen.withLock { $0 = language }
    }
}
