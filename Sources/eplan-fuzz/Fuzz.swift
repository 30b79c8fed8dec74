#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import EPlanCLI
import EPlanKit
import EPlanYAML

/// One input through everything a hostile file can reach: the YAML layer, every decoder (the
/// input is tried as each document type), the repository index, every rule, and every report; then
/// (`runFileSystemParts`) the summary cache reader and the folder walk, and (`runCommandLine`) the
/// command-line parser.
/// Built with `-sanitize=fuzzer` by `make fuzz`; without it, `eplan-fuzz FILE...` replays inputs
/// (the regression tests run the saved crashes this way).
func runOne(_ bytes: [UInt8]) {
    let hazards = Set(HazardCatalog.builtIn)
    let yaml = YAMLParser.parse(bytes)
    var documents = [DocumentDecoder.read(bytes, path: "fuzz.yaml", display: "fuzz.yaml", named: true, limits: .default, hazards: hazards)]
    // The same tree as each document type, whatever its `eplan:` key says.
    if yaml.root?.mapping != nil {
        for type in ["plan/v1", "regions/v1", "inventory/v1", "config/v1"] {
            documents.append(DocumentDecoder.decode(yaml, path: "fuzz-\(type.prefix(4)).yaml", display: "fuzz-\(type.prefix(4)).yaml",
                                                    named: true, hazards: hazards, as: type))
        }
    }
    var configuration = Configuration()
    for document in documents {
        if case .config(let config) = document.content { configuration = config }
    }
    // Through the one pipeline the command line uses: index, rules, suppressions and severities.
    let workspace = Workspace(cwd: "", root: "", configuration: configuration, documents: documents,
                              reported: .everything)
    let today = Day(year: 2026, month: 11, day: 30) ?? Day.localToday()
    let analysis = Linter.analyze(workspace, LintOptions(cwd: "", jobs: 1, today: today))
    let result = analysis.result
    let sources = SourceLines { _ in bytes }
    _ = TextReport(color: true, quiet: false, sources: sources).render(result, seconds: 0.1)
    _ = JSONReport.render(result)
    _ = SARIFReport.render(result, sources: sources)
    _ = JUnitReport.render(result)
    _ = GitHubReport.render(result)
    _ = Baseline.parse(bytes)
    if let old = documents[1...].first(where: { $0.plan != nil })?.plan {
        let diff = RevisionDiff.compare(old: old, new: documents[0].plan, oldFile: "a", newFile: "b")
        _ = DiffReport.markdown(.revisions(base: nil, [diff]))
        _ = DiffReport.json(.docking(DockingDiff(Docking(child: old, parent: .local(old.summary), index: analysis.index), parentPlan: old)))
    }
}

/// The bytes as command-line arguments (split at NUL and line breaks), after each subcommand's name:
/// parsed and validated as the command line would, never run.
func runCommandLine(_ bytes: [UInt8]) {
    let words = bytes.split(omittingEmptySubsequences: false) { $0 == 0 || $0 == 0x0A }.prefix(32)
        .map { String(decoding: $0, as: UTF8.self) }
    // `schema` is left out: it only compares its one argument with four names, and building the schemas
    // fills static tables that LeakSanitizer takes for leaks.
    if words.first != "schema" { EPlanMain.parseOnly(words) }
    for command in ["lint", "diff", "init", "new", "graph", "report", "rules", "explain"] {
        EPlanMain.parseOnly([command] + words)
    }
}

/// The cache reader and the folder walk, on the same bytes: a scratch folder per input.
func runFileSystemParts(_ bytes: [UInt8]) {
    let base = FuzzEntries.scratch()
    FuzzEntries.cacheFile(bytes, folder: base + "-cache-file")
    FuzzEntries.tree(bytes, folder: base + "-tree", today: Day(year: 2026, month: 11, day: 30) ?? Day.localToday())
    for suffix in ["-cache-file", "-tree", "-tree-cache"] { FuzzEntries.remove(base + suffix) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    runOne(bytes)
    runFileSystemParts(bytes)
    runCommandLine(bytes)
    return 0
}

#if !FUZZER
/// `eplan-fuzz FILE...` replays inputs (the regression tests run saved crashes this way). A command of
/// its own, so that tools that list the package's commands (`swift package generate-manual`) read it.
@main
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eplan-fuzz",
        abstract: "Replay fuzz inputs through every layer of eplan (built with -sanitize=fuzzer by make fuzz).")

    @Argument(help: "Input files.")
    var files: [String] = []

    func run() {
        for path in files {
            guard case .success(let bytes) = SourceReader.read(path, limit: 64 << 20) else {
                print("cannot read \(path)")
                continue
            }
            runOne(bytes)
            runFileSystemParts(bytes)
            runCommandLine(bytes)
            print("ok \(path)")
        }
    }
}
#endif
