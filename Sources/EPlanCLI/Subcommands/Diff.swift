import ArgumentParser
import EPlanKit
import EPlanText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

extension DiffResult.FailOn: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Dock a plan against its higher-level plan, or compare two revisions of a plan.",
        discussion: """
            Docking: for each thing the parent sets (hazards the plan's region faces, classes left to lower \
            levels, reporting limits, member agencies, stages, parent version), what this plan does with it.
            Revision: every change in substance, by path, with its impact (weakening, strengthening, neutral).
            Any side may be REV:PATH, read from git.

            Examples:
              eplan diff plans/qs/lin/flood.yaml
              eplan diff plans/qs/lin/flood.yaml --against ../province/sx-flood.yaml
              eplan diff HEAD~1:plans/qs/flood.yaml plans/qs/flood.yaml
              eplan diff --base origin/main --format markdown
            """)

    @Argument(help: "CHILD (docking), or OLD NEW (revision); each a file or REV:PATH.")
    var sides: [String] = []

    @Option(help: ArgumentHelp("Dock against this parent plan file instead of the one the repository links.", valueName: "PARENT"))
    var against: String?

    @Option(help: ArgumentHelp("Compare every plan changed since this git revision (optionally under PATHs).", valueName: "REV"))
    var base: String?

    @Option(help: "Output format: text, markdown or json.")
    var format: DiffFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when an item is weakening, missing, or any change at all.")
    var failOn: DiffResult.FailOn?

    @Option(help: ArgumentHelp("Write the diff to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var config: ConfigOption

    @OptionGroup var today: TodayOption<RulesDay>

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        let language = lang.beforeConfiguration
        if base != nil {
            if against != nil { throw ValidationError(Message("cli.against-with-base").text(language)) }
        } else if sides.isEmpty || sides.count > 2 {
            throw ValidationError(Message("cli.diff-sides").text(language))
        } else if sides.count == 2, against != nil {
            throw ValidationError(Message("cli.against-two").text(language))
        }
    }

    func run() throws {
        // The repository's `lang:`: the one holding the docked plan, else the one holding the current folder.
        _ = lang.resolved(configured: PlanSource.configuration.language)
        let result: DiffResult
        if let base {
            result = try baseDiff(base)
        } else if sides.count == 2 {
            let old = try PlanSource.load(sides[0]), new = try PlanSource.load(sides[1])
            guard old.plan.id?.value == new.plan.id?.value else {
                func named(_ source: PlanSource) -> MessageArgument {
                    .message(Message("plan.named", ["id": .verbatim(source.plan.id?.value ?? "?")]))
                }
                throw CommandError(Message("cli.revision-different-plans", ["old": .verbatim(old.name), "old-plan": named(old),
                                                                            "new": .verbatim(new.name), "new-plan": named(new)]))
            }
            result = .revisions(base: nil, [RevisionDiff.compare(old: old.plan, new: new.plan, oldFile: old.name, newFile: new.name)])
        } else {
            result = try docking(sides[0])
        }
        let language = RunLanguage.current
        let text: String
        switch format {
        case .text: text = DiffReport.text(result, color: output == nil && Console.stdoutWantsColor, language: language)
        case .markdown: text = DiffReport.markdown(result, language: language)
        case .json: text = DiffReport.json(result)
        }
        if let output { try AtomicFile.writeReport(text, to: output) } else { Console.write(text) }
        if let failOn, result.fails(failOn) { throw ExitCode(1) }
    }

    private func docking(_ side: String) throws -> DiffResult {
        let child = try PlanSource.load(side)
        // The repository holding the plan, through the one pipeline (only the docking rules run).
        var analysis: Analysis?
        if FileSystem.exists(side) {
            var options = LintOptions(paths: [side], configPath: config.file, today: today.day)
            options.onlyRules = [RuleID("reporting-looser"), RuleID("scope-narrower"), RuleID("parent-stale")]
            do {
                analysis = try Linter.analyze(options)
            } catch {
                throw CommandError(error)
            }
            _ = lang.resolved(configured: analysis?.result.configuredLanguage)
        }
        let index = analysis?.index ?? RepositoryIndex(documents: [], configuration: Configuration())
        let parent: PlanTarget
        var parentPlan: Plan?
        if let against {
            let plan = try PlanSource.load(against).plan
            (parent, parentPlan) = (.local(plan.summary), plan)
        } else {
            guard let parentID = child.plan.parent?.id.value else {
                throw CommandError(Message("cli.no-parent", ["file": .verbatim(child.name)]))
            }
            guard let target = analysis?.index.target(parentID) else {
                throw CommandError(Message("cli.parent-not-here", ["id": .verbatim(parentID), "file": .verbatim(child.name)]))
            }
            // An external parent is docked with what eplan.yaml says of it (hazards, severities,
            // reporting); `--against FILE` docks with its whole text.
            (parent, parentPlan) = (target, target.isExternal ? nil : analysis?.plan(parentID))
        }
        // What the parent expects of this plan's organization is limited to agencies its region has.
        let region = child.plan.region?.value
        let regionAgencies = region.flatMap { r in analysis?.lookups.masterAgencies(r).map { Set($0.filter { $0.region == r }.map(\.agency)) } }
        return .docking(DockingDiff(Docking(child: child.plan, parent: parent, index: index, regionAgencies: regionAgencies),
                                    parentPlan: parentPlan))
    }

    private func baseDiff(_ base: String) throws -> DiffResult {
        let top = String(try Git.run(["rev-parse", "--show-toplevel"])[...].trimmingWhitespaceSubstring)
        _ = try Git.run(["rev-parse", "--verify", "--quiet", "\(base)^{commit}"], failure: Message("cli.unknown-revision", ["rev": .verbatim(base)]))
        let listing = try Git.run(["diff", "--name-status", "--no-renames", "-z", base, "--"] + sides)
        let fields = listing.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
        // Files not yet added to git are part of the working tree: included, and said so.
        // `--full-name` and `:/` (the top) so that, like `git diff`, the whole work tree is listed from
        // any folder, with paths from the top.
        let untracked = try Git.run(["ls-files", "--others", "--exclude-standard", "--full-name", "-z", "--"] + (sides.isEmpty ? [":/"] : sides))
            .split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
        let cwd = FileSystem.realPath(FileSystem.currentDirectory()) ?? FileSystem.currentDirectory()
        var olds: [(path: String, source: PlanSource)] = [], news: [(path: String, source: PlanSource, untracked: Bool)] = []
        func isYAML(_ path: String) -> Bool { path.hasSuffix(".yaml") || path.hasSuffix(".yml") }
        var i = 0
        while i + 1 < fields.count {
            let status = fields[i], path = fields[i + 1]
            i += 2
            guard isYAML(path) else { continue }
            if !status.hasPrefix("A"), let old = try? PlanSource.decode(Git.show("\(base):\(path)"), name: "\(base):\(path)") {
                olds.append((path, old))
            }
            if !status.hasPrefix("D"), let new = try? PlanSource.load("\(top)/\(path)", shown: FileSystem.relative("\(top)/\(path)", to: cwd)) {
                news.append((path, new, false))
            }
        }
        // `ls-files` names paths from the current folder; `diff` from the top of the work tree.
        for path in untracked where isYAML(path) {
            if let new = try? PlanSource.load("\(top)/\(path)", shown: FileSystem.relative("\(top)/\(path)", to: cwd)) {
                news.append((path, new, true))
            }
        }
        // Plans are matched by id, not by path: a moved or renamed file is the same plan (no change).
        // A file changed in place pairs with itself; the rest pair by plan id.
        var diffs: [RevisionDiff] = []
        var unmatched = olds
        var pairs: [(old: PlanSource?, new: PlanSource, untracked: Bool)] = []
        var rest: [(source: PlanSource, untracked: Bool)] = []
        for new in news {
            if let at = unmatched.firstIndex(where: { $0.path == new.path }) {
                pairs.append((unmatched.remove(at: at).source, new.source, new.untracked))
            } else {
                rest.append((new.source, new.untracked))
            }
        }
        for new in rest {
            let id = new.source.plan.id?.value
            let at = id.flatMap { id in unmatched.firstIndex { $0.source.plan.id?.value == id } }
            pairs.append((at.map { unmatched.remove(at: $0).source }, new.source, new.untracked))
        }
        for (old, new, isUntracked) in pairs {
            var diff = RevisionDiff.compare(old: old?.plan, new: new.plan, oldFile: old?.name ?? "/dev/null", newFile: new.name)
            diff.untracked = isUntracked
            diffs.append(diff)
        }
        for old in unmatched {
            diffs.append(RevisionDiff.compare(old: old.source.plan, new: nil, oldFile: old.source.name, newFile: "/dev/null"))
        }
        diffs.sort { $0.newFile == $1.newFile ? $0.oldFile < $1.oldFile : $0.newFile < $1.newFile }
        return .revisions(base: base, diffs)
    }
}
