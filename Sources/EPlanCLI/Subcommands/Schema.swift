import ArgumentParser
import EPlanKit
import EPlanText

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a document type (the file schemas/ holds).",
        discussion: """
            Editors use these schemas to complete keys and enum values; eplan lint is the judge.

            Examples:
              eplan schema plan > schemas/plan.schema.json
              eplan schema config
            """)

    @Argument(help: "plan, regions, inventory or config.")
    var type: String = "plan"

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        guard JSONSchemas.schema(type) != nil else {
            let message = Message("cli.with-hint", [
                "message": .message(Message("cli.unknown-document-type", ["type": .verbatim(type)])),
                "hint": .message(Message("cli.document-types", ["types": .verbatims(JSONSchemas.documentTypes)])),
            ])
            throw ValidationError(message.text(lang.beforeConfiguration))
        }
    }

    func run() throws {
        _ = lang.resolved(configured: nil)
        guard let schema = JSONSchemas.schema(type) else {
            throw CommandError(Message("cli.unknown-document-type", ["type": .verbatim(type)]))
        }
        Console.write(schema.rendered())
    }
}
