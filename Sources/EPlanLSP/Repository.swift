import EPlanKit
import EPlanText
import EPlanYAML

/// One plan repository the server has open: its configuration and every document, loaded once from
/// disk (`Workspace.load`, as `eplan lint FILE` finds and reads it) and kept in memory. The documents
/// open in the editor replace their files' documents, decoded from the editor's text; each analysis
/// lints the open documents through `Linter.analyze`, the one entry point.
final class Repository {
    let root: String
    /// The root as the client names it, when that is another path to it (through a symbolic link).
    var clientRoot: String?
    private(set) var configuration: Configuration
    private(set) var configurationSuppressions: [Suppression]
    /// Every document, in display-path order (display paths are relative to the root).
    private(set) var documents: [SourceDocument]
    private var positions: [String: Int] = [:]
    /// The files a walk of the repository finds (an opened file outside them, such as one in an excluded
    /// folder, is a document only while it is open, as `eplan lint FILE` names it).
    private var discovered: Set<String> = []
    /// The stamp (size, times, inode) of each file as last read from disk, by display path, and of eplan.yaml.
    private var stamps: [String: SourceReader.Stamp] = [:]
    /// The findings of eplan.yaml when it is not a valid configuration (`eplan lint` stops with them).
    private(set) var configurationProblems: [Diagnostic] = []
    /// The last analysis (nil before the first, and while the configuration is invalid).
    private(set) var analysis: Analysis?
    /// The documents replaced since the last analysis (old, new), for patching its index; nil when
    /// something else changed (a file added or removed, the configuration) and the index is built anew.
    private var replaced: [(old: SourceDocument, new: SourceDocument)]? = nil
    /// How the last analysis got its index: patched from the one before, or built (for the tests and timing).
    private(set) var patchedIndex = false

    /// Loads the repository whose root is `root` from disk; never throws: an invalid configuration
    /// is kept as the findings it has, a repository without eplan files is an empty one.
    init(root: String) {
        self.root = root
        configuration = Configuration()
        configurationSuppressions = []
        documents = []
        reload()
    }

    /// Reads everything again from disk (the configuration changed, or the repository was first opened).
    func reload() {
        configurationProblems = []
        analysis = nil
        do throws(WorkspaceError) {
            let workspace = try Workspace.load(Workspace.Request(paths: [], cwd: root, useCache: false))
            configuration = workspace.configuration
            configurationSuppressions = workspace.configurationSuppressions
            documents = workspace.documents
            discovered = Set(documents.map(\.display))
        } catch {
            switch error {
            case .invalidConfig(_, let diagnostics): configurationProblems = diagnostics
            case .noFiles, .pathNotFound: break
            }
            configuration = Configuration()
            configurationSuppressions = []
            documents = []
            discovered = []
        }
        reindex()
        stamps = [:]
        for display in discovered.union([configurationDisplay]) {
            if let stamp = SourceReader.Stamp(root + "/" + display) { stamps[display] = stamp }
        }
    }

    /// The files read from disk whose stamp changed since (or that are gone), as paths; eplan.yaml among them
    /// when it changed. A `stat` per file: at 10,000 plans a few milliseconds, done while the editor is idle.
    func changedOnDisk() -> [String] {
        var changed: [String] = []
        for display in discovered.union([configurationDisplay]) where SourceReader.Stamp(root + "/" + display) != stamps[display] {
            changed.append(root + "/" + display)
        }
        return changed.sorted()
    }

    /// The file's stamp as it is now (a change the server does not act on: the editor holds the file).
    func noteStamp(_ display: String) {
        stamps[display] = SourceReader.Stamp(root + "/" + display)
    }

    private func reindex() {
        replaced = nil
        positions = Dictionary(documents.enumerated().map { ($1.display, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The display path of a file of this repository (relative to the root).
    func display(_ path: String) -> String {
        FileSystem.relative(path, to: root)
    }

    var configurationDisplay: String { "eplan.yaml" }

    func document(_ display: String) -> SourceDocument? {
        positions[display].map { documents[$0] }
    }

    /// Decodes a file's text as `eplan lint FILE` decodes the named file.
    func decode(_ bytes: [UInt8], path: String) -> SourceDocument {
        DocumentDecoder.read(bytes, path: path, display: display(path), named: true,
                             limits: configuration.yamlLimits, hazards: configuration.hazardVocabulary)
    }

    /// Puts a document in (replacing the one of its path).
    func store(_ document: SourceDocument) {
        if let i = positions[document.display] {
            replaced?.append((documents[i], document))
            documents[i] = document
            return
        }
        // A file the walk did not find (new, excluded, unsaved): inserted in display order.
        var low = 0
        var high = documents.count
        while low < high {
            let mid = (low + high) / 2
            if documents[mid].display < document.display { low = mid + 1 } else { high = mid }
        }
        documents.insert(document, at: low)
        reindex()
    }

    func remove(_ display: String) {
        guard let i = positions[display] else { return }
        documents.remove(at: i)
        reindex()
    }

    /// A file changed on disk: read again (or dropped when gone, or not an eplan file of the walk).
    func refreshFromDisk(_ path: String, created: Bool = false) {
        let shown = display(path)
        // A new file is one the walk would find unless it is hidden (the exclude globs apply at the next reload).
        if created, !shown.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { discovered.insert(shown) }
        stamps[shown] = SourceReader.Stamp(path)
        guard FileSystem.isRegularFile(path), discovered.contains(shown) else {
            remove(shown)
            return
        }
        let document = DocumentDecoder.load(path: path, display: shown, named: false, limits: configuration.yamlLimits,
                                            hazards: configuration.hazardVocabulary)
        if case .foreign = document.content, positions[shown] == nil { return }
        store(document)
    }

    /// The configuration from the editor's text of eplan.yaml; the documents are decoded again only when
    /// what decoding depends on (limits, hazard vocabulary) changed.
    func setConfiguration(_ bytes: [UInt8], path: String, reread: (SourceDocument) -> SourceDocument) {
        let doc = DocumentDecoder.read(bytes, path: path, display: configurationDisplay, named: true,
                                       limits: .default, hazards: Set(HazardCatalog.builtIn))
        let problems = doc.diagnostics.filter { $0.severity == .error }
        guard case .config(let config) = doc.content, problems.isEmpty else {
            configurationProblems = doc.diagnostics.isEmpty
                ? [Diagnostic(.schemaValue, Message("repo.config-not-config"), at: Location(file: configurationDisplay, span: SourceSpan(at: .start)))]
                : doc.diagnostics.sorted(by: Diagnostic.reportOrder)
            analysis = nil
            return
        }
        configurationProblems = []
        replaced = nil
        let before = (configuration.yamlLimits.nesting, configuration.yamlLimits.aliasNodes, configuration.yamlLimits.fileSize,
                      configuration.hazardVocabulary)
        configuration = config
        configurationSuppressions = doc.suppressions
        if before != (config.yamlLimits.nesting, config.yamlLimits.aliasNodes, config.yamlLimits.fileSize, config.hazardVocabulary) {
            documents = documents.map(reread)
            reindex()
        }
    }

    /// Lints the documents with these display paths (and eplan.yaml when it is among them).
    func analyze(reporting reported: Set<String>, _ options: LintOptions) -> Analysis? {
        guard configurationProblems.isEmpty else {
            analysis = nil
            replaced = nil
            return nil
        }
        let workspace = Workspace(cwd: root, root: root, configuration: configuration, documents: documents,
                                  reported: ReportedFiles(reported), configurationSuppressions: configurationSuppressions)
        // An edit that changed no plan's place in the index patches the last index (the same index a
        // new build gives: `RepositoryIndex.replacing`); anything else builds it anew.
        var built: (RepositoryIndex, RegionLookups)?
        if let previous = analysis, let replaced {
            built = (previous.index, previous.lookups)
            for (old, new) in replaced {
                guard let (index, lookups) = built, let patched = index.replacing(old, with: new),
                      let summary = new.planSummary, let previous = old.planSummary else {
                    built = nil
                    break
                }
                built = (patched, lookups.replacing(summary, previous: previous, plans: patched.plans))
            }
        }
        analysis = nil  // let go of the last one before the new one is made
        let result = built.map { Linter.analyze(workspace, options, index: $0.0, lookups: $0.1) } ?? Linter.analyze(workspace, options)
        Linter.releaseKept()  // a long-lived process: the last analysis is kept here, not there
        patchedIndex = built != nil
        analysis = result
        replaced = []
        return result
    }
}
