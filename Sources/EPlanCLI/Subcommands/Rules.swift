import ArgumentParser
import EPlanKit
import EPlanText

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules: id, default severity, group, what each checks.",
        discussion: """
            Examples:
              eplan rules
              eplan rules --markdown --lang en > docs/rules.md
              eplan rules --markdown --lang zh-CN > docs/zh/rules.md
            """)

    @Flag(help: "Print the full rule reference as Markdown (docs/rules.md).")
    var markdown = false

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.beforeConfiguration
        Console.write(markdown ? RuleReference.markdown(language) : RuleReference.table(language))
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule: summary, rationale, the regulation it enforces, settings and examples.",
        discussion: """
            Example:
              eplan explain parent-stale
              eplan explain filing-late --lang zh-CN
            """)

    @Argument(help: "A rule id (see 'eplan rules').")
    var rule: String

    @Flag(help: "Show the examples whole, with the lines every example plan has (owner, dates, organization, actions, drills).")
    var full = false

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        guard RuleID(rule).info != nil else {
            throw ValidationError(RuleReference.unknownRule(rule).text(lang.beforeConfiguration))
        }
    }

    func run() throws {
        guard let description = RuleID(rule).info else { throw CommandError(RuleReference.unknownRule(rule)) }
        Console.write(RuleReference.explain(description, lang.beforeConfiguration, full: full))
    }
}
