import ArgumentParser
import EPlanKit
import EPlanText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanKind: ExpressibleByArgument {}
extension Authoring.StarterLevel: ExpressibleByArgument {}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter plan repository (eplan.yaml, regions.yaml, one master plan) that lints clean.",
        discussion: """
            --level picks the starter: a county (default), city or township master plan docked with an \
            external plan of the level above, or an enterprise's unit plan docked with its county's master. \
            The JSON Schemas its modelines point to are written to schemas/. Refuses to overwrite anything: \
            every file it would write must be new.

            Example:
              eplan init my-plans --level township && cd my-plans && eplan lint
            """)

    @Argument(help: "The folder to create the repository in.")
    var directory: String = "."

    @Option(help: "The office the repository is for: county, city, township or enterprise.")
    var level: Authoring.StarterLevel = .county

    @OptionGroup var today: TodayOption<StarterDay>

    @OptionGroup var lang: LanguageOption

    func run() throws {
        // No repository yet: --lang, EPLAN_LANG, the locale. A Chinese starter sets `lang: zh-CN` in its eplan.yaml.
        let language = lang.resolved(configured: nil)
        let files = Authoring.starter(today: today.day, language: language, level: level)
        let existing = files.map { "\(directory)/\($0.path)" }.filter { FileSystem.exists($0) }
        guard existing.isEmpty else {
            throw CommandError(Message("cli.init-not-overwriting", ["files": .verbatims(existing)]))
        }
        for file in files {
            let path = "\(directory)/\(file.path)"
            try AtomicFile.makeFolders(FileSystem.parent(of: path))
            try AtomicFile.write(file.text, to: path, overwrite: false)
            Console.error("eplan: " + Message("cli.wrote", ["path": .verbatim(path)]).text(language))
        }
        let region = level == .township ? "town" : level == .city ? "city" : "county"
        Console.error("eplan: " + Message("init.next-steps", ["folder": .verbatim(directory), "region": .verbatim(region)]).text(language))
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new plan pre-filled from its parent and master.",
        discussion: """
            The plan gets its id and file by convention, its parent with the parent's current version, \
            its master, the parent's hazards that the region faces, reporting limits no looser than the \
            parent's, the parent's response levels, the region's agencies and one empty action per stage. \
            `eplan lint` then lists only what a person must settle (empty how/when, duties, triggers, drills).

            Examples:
              eplan new special --region qs/lin --hazard flood
              eplan new unit --region qs/lin --name hongqi --hazard coal-mine-accident
            """)

    @Argument(help: "master, special, departmental, unit, event or joint.")
    var kind: PlanKind

    @Option(help: ArgumentHelp("The plan's region path, e.g. qs/lin.", valueName: "R"))
    var region: String

    @Option(name: .customLong("hazard"), help: ArgumentHelp("A hazard the plan handles (repeatable).", valueName: "H"))
    var hazards: [String] = []

    @Option(help: ArgumentHelp("The parent plan (default: the counterpart the rules expect).", valueName: "ID"))
    var parent: String?

    @Option(help: ArgumentHelp("The owning agency (departmental plans: the department).", valueName: "AGENCY"))
    var owner: String?

    @Option(help: ArgumentHelp("The short name of a unit, event or joint plan.", valueName: "SLUG"))
    var name: String?

    @Option(help: ArgumentHelp("Write the plan here instead of the conventional path.", valueName: "FILE"))
    var out: String?

    @Flag(help: "Replace the plan that already has this id, in its own file (never another plan's file).")
    var force = false

    @OptionGroup var today: TodayOption<IssueDay>

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        if kind == .departmental, owner == nil {
            throw ValidationError(Message("cli.departmental-owner").text(lang.beforeConfiguration))
        }
    }

    func run() throws {
        let day = today.day
        let plan: Authoring.NewPlan
        let root: String
        let language: Language
        do {
            let analysis = try Linter.analyze(LintOptions(today: day))
            root = analysis.workspace.root
            language = lang.resolved(configured: analysis.result.configuredLanguage)
            var request = Authoring.NewPlanRequest(kind: kind, region: region, hazards: hazards, parent: parent,
                                                   owner: owner, name: name, today: day, language: language)
            request.force = force
            plan = try Authoring.newPlan(request, analysis: analysis, root: root)
            // --out onto a file that holds another plan, or a second file for an id that exists: never,
            // not even with --force (cli.md "Files eplan writes").
            if let out {
                let target = FileSystem.realPath(out)
                if let target, let other = analysis.index.plans.first(where: { FileSystem.realPath($0.file) == target }),
                   other.id?.value != plan.id {
                    throw CommandError(Message("cli.new-out-other-plan", ["path": .verbatim(out), "id": .verbatim(other.id?.value ?? "?")]))
                }
                if let replaced = plan.replaces, FileSystem.realPath(replaced) != target {
                    throw CommandError(Message("cli.new-out-second-file", ["id": .verbatim(plan.id), "file": .verbatim(replaced)]))
                }
            }
        } catch let error as WorkspaceError {
            throw CommandError(error)
        } catch let error as Authoring.Problem {
            throw CommandError(error.message)
        }
        let path = out ?? (plan.replaces ?? "\(root)/\(plan.path)")
        if let choice = plan.parentChoice { Console.error("eplan: " + choice.text(language)) }
        try AtomicFile.makeFolders(FileSystem.parent(of: path))
        try AtomicFile.write(plan.text, to: path, overwrite: force)
        let shown = out ?? plan.replaces ?? FileSystem.relative(path, to: FileSystem.realPath(".") ?? ".")
        Console.error("eplan: " + Message("cli.wrote-plan", ["id": .verbatim(plan.id), "path": .verbatim(shown)]).text(language))
    }
}
