import ArgumentParser
import EPlanKit

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

    func validate() throws {
        guard JSONSchemas.schema(type) != nil else {
            throw ValidationError("unknown document type '\(type)'; use one of: \(JSONSchemas.documentTypes.joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let schema = JSONSchemas.schema(type) else { throw CommandError("unknown document type '\(type)'") }
        Console.write(schema.rendered())
    }
}
