import ArgumentParser
import EPlanDocument
import EPlanKit
import EPlanText

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case docx, markdown, html

    /// The file name extension.
    var ext: String {
        switch self {
        case .docx: return "docx"
        case .markdown: return "md"
        case .html: return "html"
        }
    }
}

/// `eplan export`: each plan as the formal document of its kind, its action cards and its filing
/// package (docs/export.md). The documents are built from the model (`PlanDocument`, `ActionCards`,
/// `FilingPackage` in EPlanKit/Export) and written by the writers of EPlanDocument.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the published documents: each plan as its formal document, its action cards and its filing package.",
        discussion: """
            For each plan: DIR/<plan-id>.<ext> (the plan document), DIR/<plan-id>.cards.<ext> (应急处置卡, a card \
            per agency) and DIR/<plan-id>.filing/ (备案: the document, filing-form.<ext>, drafting-notes.<ext>). \
            Files are replaced when they exist (never an eplan document). A plan whose file cannot be read \
            whole or has schema errors is skipped with a message, and the exit status is 1.

            Examples:
              eplan export plans --format html --out export
              eplan export plans/qs/lin/flood.yaml --format docx --out export
            """)

    @Argument(help: "Plan files and folders to export (default: the repository holding the current folder).")
    var paths: [String] = []

    @Option(help: "docx, markdown (pandoc-ready) or html (self-contained, prints on A4).")
    var format: ExportFormat = .docx

    @Option(help: ArgumentHelp("The folder to write the documents into.", valueName: "DIR"))
    var out: String

    @OptionGroup var config: ConfigOption

    @OptionGroup var today: TodayOption<ExportDay>

    @OptionGroup var jobs: JobsOption

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let analysis: Analysis
        do throws(WorkspaceError) {
            analysis = try Linter.analyze(LintOptions(paths: paths, configPath: config.file, jobs: jobs.count, today: today.day))
        } catch {
            throw CommandError(error)
        }
        let language = lang.resolved(configured: analysis.result.configuredLanguage)
        let context = ExportContext(analysis: analysis, today: today.day)
        let workspace = analysis.workspace
        var written = 0
        var skipped = 0
        for document in workspace.documents where document.isReported && workspace.reported.contains(document.display) {
            switch document.content {
            case .plan(let plan):
                if let problem = Self.blocking(document.display, analysis) {
                    skip(document.display, id: plan.id?.value ?? document.display, problem, language)
                    skipped += 1
                    continue
                }
                guard let id = plan.id?.value else { continue }
                try write(plan, id: id, context)
                written += 1
            case .broken(let broken) where broken.isPlan:
                skip(document.display, id: broken.id ?? document.display,
                     analysis.result.diagnostics.first { $0.location.file == document.display && $0.severity == .error }, language)
                skipped += 1
            default:
                continue
            }
        }
        let wrote = Message("cli.export-wrote", [
            "plans": .message(.counted(written, one: "report.plans.one", other: "report.plans.other")),
            "folder": .verbatim(out), "format": .verbatim(format.rawValue),
        ])
        Console.error("eplan: " + wrote.text(language))
        if skipped > 0 { exitProcess(1) }
    }

    /// The finding that keeps a plan from being exported: an error of the YAML or schema rules (the file
    /// is not what it seems to say) or a duplicate id (two plans would write the same files).
    static func blocking(_ file: String, _ analysis: Analysis) -> Diagnostic? {
        analysis.result.diagnostics.first { d in
            guard d.location.file == file, d.severity == .error, d.suppressed == nil else { return false }
            let rule = d.rule.rawValue
            return rule.hasPrefix("yaml-") || rule.hasPrefix("schema-") || rule == "duplicate-id"
        }
    }

    private func skip(_ file: String, id: String, _ problem: Diagnostic?, _ language: Language) {
        var message = Message("cli.export-skipped", ["file": .verbatim(file), "id": .verbatim(id)])
        if let problem {
            message = Message("cli.export-skipped-because", ["file": .verbatim(file), "id": .verbatim(id),
                                                              "line": .number(problem.location.span.start.line),
                                                              "rule": .verbatim(problem.rule.rawValue), "problem": .message(problem.message)])
        }
        Console.error("eplan: " + message.text(language))
    }

    /// The plan's three parts, each file written atomically (replacing what is there, never an eplan document).
    private func write(_ plan: Plan, id: String, _ context: ExportContext) throws(CommandError) {
        let document = PlanDocument.build(plan, context)
        let rendered = try render(document)
        try AtomicFile.makeFolders(out)
        try AtomicFile.writeReport(rendered, to: "\(out)/\(id).\(format.ext)")
        try AtomicFile.writeReport(try render(ActionCards.build(plan, context)), to: "\(out)/\(id).cards.\(format.ext)")
        let filing = "\(out)/\(id).filing"
        try AtomicFile.makeFolders(filing)
        try AtomicFile.writeReport(rendered, to: "\(filing)/\(id).\(format.ext)")
        try AtomicFile.writeReport(try render(FilingPackage.form(plan, context)), to: "\(filing)/filing-form.\(format.ext)")
        try AtomicFile.writeReport(try render(FilingPackage.notes(plan, context)), to: "\(filing)/drafting-notes.\(format.ext)")
    }

    private func render(_ document: PublishedDocument) throws(CommandError) -> [UInt8] {
        switch format {
        case .markdown: return Array(MarkdownWriter.write(document).utf8)
        case .html: return Array(HTMLWriter.write(document).utf8)
        case .docx:
            // Empty only when the package outgrows a ZIP without ZIP64 (4 GiB, 65,535 entries).
            let bytes = DOCXWriter.write(document)
            if bytes.isEmpty { throw CommandError(Message("cli.export-docx-too-large", ["title": .verbatim(document.title)])) }
            return bytes
        }
    }
}

/// `export`: the day of the filing package's lint status and the filing form.
enum ExportDay: TodayPurpose {
    static let help = "The date the drafting notes check the plan on (YYYY-MM-DD; default: today's local date)."
}
