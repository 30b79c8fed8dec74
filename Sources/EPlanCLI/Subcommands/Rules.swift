import ArgumentParser
import EPlanKit

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules: id, default severity, group, what each checks.",
        discussion: """
            Examples:
              eplan rules
              eplan rules --markdown > docs/rules.md
            """)

    @Flag(help: "Print the full rule reference as Markdown (docs/rules.md).")
    var markdown = false

    func run() throws {
        Console.write(markdown ? RuleReference.markdown() : RuleReference.table())
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule: summary, rationale, settings and examples.",
        discussion: """
            Example:
              eplan explain parent-stale
            """)

    @Argument(help: "A rule id (see 'eplan rules').")
    var rule: String

    func validate() throws {
        guard RuleID(rule).info != nil else {
            let hint = Suggest.help(rule, in: RuleCatalog.all.map(\.id.rawValue)).map { "; \($0)" } ?? "; 'eplan rules' lists them"
            throw ValidationError("unknown rule '\(rule)'\(hint)")
        }
    }

    func run() throws {
        guard let description = RuleID(rule).info else { throw CommandError("unknown rule '\(rule)'") }
        Console.write(RuleReference.explain(description))
    }
}
