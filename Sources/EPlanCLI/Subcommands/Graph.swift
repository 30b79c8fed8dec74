import ArgumentParser
import EPlanKit
import EPlanText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, mermaid, json
}

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the plan hierarchy: parent (vertical) and master (horizontal) links, broken links and missing plans.",
        discussion: """
            Examples:
              eplan graph --format dot | dot -Tsvg > plans.svg
              eplan graph plans --format mermaid --root qs.lin.master
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "dot (Graphviz), mermaid or json.")
    var format: GraphFormat = .dot

    @Option(help: ArgumentHelp("Draw only the plans below this plan.", valueName: "ID"))
    var root: String?

    func run() throws {
        let analysis = try repository.analyze()
        let language = repository.language(analysis)
        var system = PlanSystem(analysis)
        if let root {
            guard let below = system.below(root) else {
                throw CommandError(CommandError.suggesting(Message("cli.not-a-plan-here", ["id": .verbatim(root)]), root, in: system.nodes.map(\.id)))
            }
            system = below
        }
        switch format {
        case .dot: Console.write(GraphReport.dot(system, language: language))
        case .mermaid: Console.write(GraphReport.mermaid(system, language: language))
        case .json: Console.write(GraphReport.json(system))
        }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a static HTML report: hierarchy, hazard coverage, agencies, due dates, findings.",
        discussion: """
            The report is one self-contained file (DIR/index.html): no scripts, no network, no external assets.

            Example:
              eplan report plans --out report
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("The folder to write index.html into.", valueName: "DIR"))
    var out: String

    /// Reports are replaced without it (cli.md 1.1); kept so that older scripts still run.
    @Flag(help: .hidden)
    var force = false

    func run() throws {
        let analysis = try repository.analyze()
        let language = repository.language(analysis)
        let result = analysis.result
        let html = HTMLReport.render(system: PlanSystem(analysis), analysis: analysis, today: repository.day, language: language)
        try AtomicFile.makeFolders(out)
        try AtomicFile.writeReport(html, to: "\(out)/index.html")
        let wrote = Message("cli.wrote-report", [
            "file": .verbatim("\(out)/index.html"),
            "plans": .message(.counted(result.plans, one: "report.plans.one", other: "report.plans.other")),
            "findings": .message(.counted(result.active.count, one: "report.findings.one", other: "report.findings.other")),
        ])
        Console.error("eplan: " + wrote.text(language))
    }
}
