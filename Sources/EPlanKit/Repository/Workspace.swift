#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import EPlanText
import EPlanYAML
import Synchronization

/// Something that stops a run before any linting: a usage problem or an invalid configuration (exit 2).
public enum WorkspaceError: Error, Sendable {
    case pathNotFound(String)
    case invalidConfig(file: String, [Diagnostic])
    /// The paths exist but hold no eplan file (no YAML file with an `eplan:` key, none that failed to parse).
    case noFiles([String])

    /// What went wrong, in no language yet (`eplan: ...` on stderr, in the run's language).
    public var text: Message {
        switch self {
        case .pathNotFound(let path): return Message("repo.path-not-found", ["path": .verbatim(path)])
        case .noFiles(let paths):
            return Message("repo.no-files", ["paths": paths.isEmpty ? "." : .verbatims(paths)])
        case .invalidConfig(let file, let diagnostics):
            let count = ["file": MessageArgument.verbatim(file), "count": .number(diagnostics.count)]
            return diagnostics.count == 1 ? Message("repo.invalid-config.one", count) : Message("repo.invalid-config.other", count)
        }
    }

    /// `text` in English.
    public var message: String { text.english }
}

/// The repository a run looks at: its root, its configuration and every source file in it, loaded.
public struct Workspace: Sendable {
    public let cwd: String
    public let root: String
    public let configuration: Configuration
    /// The suppression comments of the configuration file (applied to the findings located in it).
    public let configurationSuppressions: [Suppression]
    /// Every file of the repository plus the named files, in display-path order.
    public let documents: [SourceDocument]
    /// The display paths whose findings are reported.
    public let reported: ReportedFiles
    /// True when every file of the repository is reported (a run of the repository, not of some files in it).
    public var wholeRepository: Bool { reported.isEverything }
    /// A file a one-file lint left out (a plan, an inventory) or read in part (the regions document):
    /// its path, its display path and its summary.
    /// (The display path is empty when it was not made: `shown`.)
    typealias LeftOut = (path: String, display: String, summary: SummaryCache.Deferred)
    /// The plans a one-file lint left out as unrelated to the reported plan (`RelatedPlans`), in file
    /// order; `completed()` reads them in. Empty for every other run.
    var leftOut: [LeftOut] = []
    /// The regions document when a one-file lint read only the regions of the reported plan from it
    /// (`RelatedPlans.regionPaths`); `completed()` reads it whole.
    var narrowedRegions: [LeftOut] = []
    /// True while plans of the repository are left out (`leftOut`), or regions (`narrowedRegions`).
    public var isNarrowed: Bool { !leftOut.isEmpty || !narrowedRegions.isEmpty }
    /// How many reported files the findings cache served (not parsed) in this run.
    public internal(set) var findingsCacheHits = 0
    /// How many of those records were made on another day and were made anew for this run's day.
    public internal(set) var findingsCacheRedated = 0

    public init(cwd: String, root: String, configuration: Configuration, documents: [SourceDocument],
                reported: ReportedFiles, configurationSuppressions: [Suppression] = []) {
        self.cwd = cwd
        self.root = root
        self.configuration = configuration
        self.configurationSuppressions = configurationSuppressions
        self.documents = documents
        self.reported = reported
    }

    /// This workspace with the plans left out read in: the whole repository.
    func completed(jobs: Int) -> Workspace {
        guard isNarrowed else { return self }
        let missing = leftOut + narrowedRegions
        let (limits, hazards) = (configuration.yamlLimits, configuration.hazardVocabulary)
        let read = parallelMap(Array(missing.indices), jobs: jobs) { i -> SourceDocument in
            Self.document(missing[i].summary, path: missing[i].path, display: Self.shown(missing[i].path, missing[i].display, cwd: cwd),
                          limits: limits, hazards: hazards)
        }
        let partial = Set(narrowedRegions.map { Self.shown($0.path, $0.display, cwd: cwd) })
        let kept = partial.isEmpty ? documents : documents.filter { !partial.contains($0.display) }
        var whole = Workspace(cwd: cwd, root: root, configuration: configuration, documents: (kept + read).sorted { $0.display < $1.display },
                              reported: reported, configurationSuppressions: configurationSuppressions)
        whole.findingsCacheHits = findingsCacheHits
        whole.findingsCacheRedated = findingsCacheRedated
        return whole
    }

    /// The display path of a file (`display`), made from its path when it was not made yet (empty): a
    /// one-file lint makes those of the files it reads only (`load`), not of the 10,000 it leaves out.
    static func shown(_ path: String, _ display: String, cwd: String) -> String {
        display.isEmpty ? FileSystem.relative(path, to: cwd) : display
    }

    /// The document a file's summary holds; the file itself, parsed, when the summary cannot be read
    /// (its bytes fail their checksum, or do not decode).
    static func document(_ summary: SummaryCache.Deferred, path: String, display: String, limits: YAMLLimits,
                         hazards: Set<String>, regions: Set<String>? = nil) -> SourceDocument {
        summary.read().flatMap { DocumentSummary.decode($0, path: path, display: display, regions: regions) }
            ?? DocumentDecoder.load(path: path, display: display, named: false, limits: limits, hazards: hazards)
    }

    /// A file a one-file lint reads only if it needs it (`narrow`): a plan or an inventory known by its
    /// links, or the regions document (no links). One is made for each of 10,000 files, on both threads:
    /// it holds no reference but to what this run made or read (rarely); the reference to the cache file
    /// is added in `narrow`, on one thread.
    struct StandIn: Sendable {
        enum Summary: Sendable {
            /// In the cache file (`SummaryCache.deferred`).
            case located(SummaryCache.Summary)
            /// Read already.
            case read(ByteSlice)
        }
        let links: RelatedPlans.Linked?
        let summary: Summary
    }

    /// A one-file lint's documents narrowed to the plans related to the reported one (`RelatedPlans`):
    /// `documents` holds a stand-in at each position of `standIns`, which becomes the file's document when
    /// it is related (or when the reported file is not a plan, or holds suppressions: then all are
    /// read); the others are taken out and returned, in file order. The regions document is read for
    /// the reported plan's regions only (`partial`), or whole.
    static func narrow(_ documents: inout [SourceDocument], items: [(path: String, display: String, named: Bool, reported: Bool)],
                       standIns slots: ResultSlots<StandIn>, cache: SummaryCache, cwd: String, jobs: Int,
                       limits: YAMLLimits, hazards: Set<String>) -> (leftOut: [LeftOut], partial: [LeftOut]) {
        // Whether a suppression is used depends on findings that plans left out may make or unmake.
        let subject = items.indices.first { items[$0].reported }.flatMap {
            documents[$0].suppressions.isEmpty ? documents[$0].planSummary : nil
        }
        let standIns = items.indices.map { slots.value(at: $0) }
        let related = subject.map { subject in
            cache.withLinksSection { section in
                RelatedPlans.related(count: standIns.count, { standIns[$0]?.links }, section: section,
                                     wanted: RelatedPlans.wanted(by: subject), parent: subject.parent?.id.value)
            }
        }
        @Sendable func summary(_ standIn: StandIn) -> SummaryCache.Deferred {
            switch standIn.summary {
            case .located(let located): cache.deferred(located)
            case .read(let bytes): SummaryCache.Deferred(bytes)
            }
        }
        let keep = subject.map(RelatedPlans.regionPaths)
        var read: [Int] = []
        var leftOut: [LeftOut] = []
        // Nearly every file is left out: grown by doubling, the list was copied a dozen times into new
        // memory (2.3 MB of pages first touched at 10,000 files, against 0.7 MB).
        leftOut.reserveCapacity(items.count)
        var partial: [LeftOut] = []
        for position in items.indices {
            guard let standIn = standIns[position] else { continue }
            if standIn.links == nil {
                read.append(position)
                if keep != nil { partial.append((items[position].path, shown(items[position].path, items[position].display, cwd: cwd), summary(standIn))) }
            } else if related?[position] ?? true {
                read.append(position)
            } else {
                leftOut.append((items[position].path, items[position].display, summary(standIn)))
            }
        }
        let readIn = parallelMap(read, jobs: jobs) { position -> SourceDocument in
            let standIn = standIns[position]!
            return document(summary(standIn), path: items[position].path, display: shown(items[position].path, items[position].display, cwd: cwd),
                            limits: limits, hazards: hazards,
                            regions: standIn.links == nil ? keep : nil)
        }
        for (position, document) in zip(read, readIn) { documents[position] = document }
        if !leftOut.isEmpty {
            let kept = items.indices.filter { standIns[$0]?.links == nil || related?[$0] ?? true }.map { documents[$0] }
            // The stand-ins are let go of at exit, not one by one (20 M instructions).
            Linter.keepUntilExit.withLock { $0.append(standIns); $0.append(documents) }
            documents = kept
        }
        return (leftOut, partial)
    }

    /// A repository held in memory (rule examples, the fuzzer, an editor's unsaved files): files by
    /// path relative to its root, every one of them reported. `eplan.yaml`, when there, is the
    /// configuration; an invalid one is an error, as on disk.
    public static func inMemory(_ files: [(path: String, bytes: [UInt8])]) throws(WorkspaceError) -> Workspace {
        var configuration = Configuration()
        var configurationSuppressions: [Suppression] = []
        if let config = files.first(where: { $0.path == "eplan.yaml" }) {
            let doc = DocumentDecoder.read(config.bytes, path: config.path, display: config.path, named: true,
                                           limits: .default, hazards: Set(HazardCatalog.builtIn))
            configuration = try decodeConfiguration(doc)
            configurationSuppressions = doc.suppressions
        }
        let limits = configuration.yamlLimits
        let hazards = configuration.hazardVocabulary
        let documents = files.filter { $0.path != "eplan.yaml" }.sorted { $0.path < $1.path }.map { file in
            DocumentDecoder.read(file.bytes, path: file.path, display: file.path, named: false, limits: limits, hazards: hazards)
        }
        return Workspace(cwd: "", root: "", configuration: configuration, documents: documents, reported: .everything,
                         configurationSuppressions: configurationSuppressions)
    }

    /// The document standing for a symbolic link that leads outside the repository: not read, reported.
    static func outsideLink(path: String, display: String, target: String) -> SourceDocument {
        let finding = Diagnostic(.linkOutside, Message("repo.link-outside", ["path": .verbatim(display), "target": .verbatim(target)]),
                                 at: Location(file: display, span: SourceSpan(at: .start)),
                                 help: Message("repo.link-outside-help"))
        return SourceDocument(path: path, display: display, content: .unreadable, diagnostics: [finding])
    }

    /// The configuration a decoded eplan.yaml holds; an error when it is not a valid configuration.
    static func decodeConfiguration(_ doc: SourceDocument) throws(WorkspaceError) -> Configuration {
        let problems = doc.diagnostics.filter { $0.severity == .error }
        if case .config(let config) = doc.content, problems.isEmpty { return config }
        var diagnostics = doc.diagnostics
        if problems.isEmpty {
            diagnostics.append(Diagnostic(.schemaValue, Message("repo.config-not-config"),
                                          at: Location(file: doc.display, span: SourceSpan(at: .start))))
        }
        throw .invalidConfig(file: doc.display, diagnostics.sorted(by: Diagnostic.reportOrder))
    }

    public struct Request: Sendable {
        public var paths: [String]
        public var configPath: String?
        public var cwd: String
        public var jobs: Int
        /// Use the summary cache for files that are not reported on (see `SummaryCache`).
        public var useCache: Bool
        /// nil: the default folder (`SummaryCache.folder()`).
        public var cacheFolder: String?
        /// A lint run's local rules for the configuration the run reads (and the day it measures against).
        /// A reported plan parsed in such a run has its local findings found as soon as it is read and is
        /// kept as its summary from then on (all that cross-plan rules read): a large repository's full
        /// models never sit in memory together. With the cache, the findings cache (`FindingsRecord`):
        /// a reported file the cache knows by its content is not parsed; the findings of one parsed are
        /// recorded with the file.
        var localChecks: (@Sendable (Configuration) -> LocalChecks)?
        /// A lint run whose caller reads its findings only: with the cache, a run of one plan file reads
        /// only the plans related to it (`RelatedPlans`) while every other file's summary is current.
        var narrowsOneFile = false

        public init(paths: [String], configPath: String? = nil, cwd: String = FileSystem.currentDirectory(), jobs: Int = 0,
                    useCache: Bool = false, cacheFolder: String? = nil) {
            self.paths = paths
            self.configPath = configPath
            self.cwd = cwd
            self.jobs = jobs
            self.useCache = useCache
            self.cacheFolder = cacheFolder
        }
    }

    public static func load(_ request: Request) throws(WorkspaceError) -> Workspace {
        var timing = PhaseTiming()
        return try load(request, timing: &timing)
    }

    static func load(_ request: Request, timing: inout PhaseTiming) throws(WorkspaceError) -> Workspace {
        Workers.warmUp(jobs: request.jobs)
        let cwd = FileSystem.realPath(request.cwd) ?? request.cwd
        var targets: [String] = []
        for path in request.paths {
            let absolute = FileSystem.absolute(path, from: cwd)
            guard var real = FileSystem.realPath(absolute) else {
                // A dangling or looping symbolic link still names a file: report it rather than refuse.
                guard let folder = FileSystem.realPath(FileSystem.parent(of: absolute)), FileSystem.isLink(absolute) else {
                    throw .pathNotFound(path)
                }
                targets.append("\(folder)/\(FileSystem.baseName(absolute))")
                continue
            }
            // A named symbolic link is reported under its own name, not its target's.
            if FileSystem.isLink(absolute), let folder = FileSystem.realPath(FileSystem.parent(of: absolute)) {
                real = "\(folder)/\(FileSystem.baseName(absolute))"
            }
            targets.append(real)
        }
        let root = findRoot(targets: targets, cwd: cwd)
        let display = { (path: String) in FileSystem.relative(path, to: cwd) }

        // The configuration comes first: its limits, hazards and globs shape everything else.
        var configuration = Configuration()
        var configurationSuppressions: [Suppression] = []
        var configPath: String?
        if let explicit = request.configPath {
            guard let real = FileSystem.realPath(FileSystem.absolute(explicit, from: cwd)) else {
                throw .pathNotFound(explicit)
            }
            configPath = real
        } else if FileSystem.exists("\(root)/eplan.yaml") {
            configPath = "\(root)/eplan.yaml"
        }
        var configurationBytes: [UInt8] = []
        if let configPath {
            let read = SourceReader.read(configPath, limit: YAMLLimits.default.fileSize)
            configurationBytes = (try? read.get()) ?? []
            let doc = DocumentDecoder.load(read, path: configPath, display: display(configPath), named: true,
                                           limits: .default, hazards: Set(HazardCatalog.builtIn))
            configuration = try decodeConfiguration(doc)
            configurationSuppressions = doc.suppressions
        }

        timing.lap("configuration")
        let limits = configuration.yamlLimits
        let hazards = configuration.hazardVocabulary
        var configKey = hazards.sorted().joined(separator: ",") + "|\(limits.nesting)|\(limits.aliasNodes)|\(limits.fileSize)"
        if request.localChecks != nil {
            // Local findings depend on every setting of the configuration (rule settings, the calendar):
            // the findings cache holds for the same configuration file, byte for byte.
            let content = ContentHash(configurationBytes)
            configKey += "|findings \(content.a) \(content.b)"
        }
        var cache = SummaryCache(root: root, configKey: configKey, enabled: request.useCache,
                                 folder: request.cacheFolder ?? SummaryCache.folder())
        timing.lap("cache index")

        // Discovery: the whole repository (cross-plan rules see all of it) plus what was named.
        let discovery = Discovery(root: root, configuration: configuration)
        // The files in path order: as the cache last found them while every folder is unchanged, else walked.
        let treeKey = [root, configuration.include.map { $0.joined(separator: "\u{0}") } ?? "\u{1}",
                       configuration.exclude.joined(separator: "\u{0}")].joined(separator: "\u{2}")
        var everything: [String]
        var unreadableFolders: [(path: String, reason: String)] = []
        var outsideLinks: [(path: String, target: String)] = []
        // Paths below the root are looked up from it (the kernel walks only their part below it).
        let base = discovery.base
        if let unchanged = cache.unchangedFiles(key: treeKey, jobs: request.jobs, root: base) {
            everything = unchanged
        } else {  // the listings are let go of here unless the cache must keep them
            let walked = discovery.files(below: root, jobs: request.jobs, previous: cache.loadFolders(), keepListings: cache.file != nil)
            everything = walked.files
            everything.sort()
            unreadableFolders = walked.unreadable
            outsideLinks = walked.outside
            cache.storeFolders(walked.listings)
            cache.storeTree(walked.folders.map { SummaryCache.FileTree(key: treeKey, folders: $0, files: everything) })
        }
        timing.lap("walk")
        // No path, or the root itself: every file is reported, the configuration too (findings about
        // external plans land there).
        var reportsEverything = targets.isEmpty
        var fileTargets: [String] = []
        var folderTargets: [String] = []
        for target in targets {
            if target == root {
                reportsEverything = true
            } else if SourceReader.entry(target) == .directory {
                folderTargets.append(target)
            } else {
                fileTargets.append(target)
            }
        }
        // One named file (`eplan lint FILE`) may be linted with only the plans related to it read (`narrow`):
        // the others' display paths are then not made (an empty one stands for the path not made yet,
        // `shown`), as long as displaying keeps the files' order (the run starts at the root or above it).
        // A lint run (`localChecks` given) with the cache keeps the findings of the files it reports on.
        let findingsCache = cache.file != nil && request.localChecks != nil
        let narrowsOneFile = findingsCache && request.narrowsOneFile && !reportsEverything && folderTargets.isEmpty
            && fileTargets.count == 1
        var displaysLater = narrowsOneFile && FileSystem.isWithin(root, cwd)
        // The walk gives the files in path order; named files it does not hold (excluded, hidden, of
        // another extension) are added. A few named files are looked for one by one, many through a table.
        var ordered = everything.map { (path: $0, display: displaysLater ? "" : display($0), named: false, reported: reportsEverything) }
        var reported: Set<String> = []
        var positions: [String: Int]?
        if !folderTargets.isEmpty || fileTargets.count > 16 {
            positions = Dictionary(ordered.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
        func mark(_ path: String, named: Bool) {
            let shown = display(path)
            reported.insert(shown)
            if let i = positions.map({ $0[path] }) ?? ordered.firstIndex(where: { $0.path == path }) {
                ordered[i].reported = true
                ordered[i].display = shown
                if named { ordered[i].named = true }
            } else {
                ordered.append((path: path, display: shown, named: named, reported: true))
                positions?[path] = ordered.count - 1
                displaysLater = false  // placed by its display path below
            }
        }
        for folder in folderTargets {
            for path in discovery.files(below: folder, jobs: request.jobs, previous: cache.folders).files { mark(path, named: false) }
        }
        for file in fileTargets { mark(file, named: true) }
        if let configPath, let at = ordered.indices.first(where: { ordered[$0].path == configPath }) { ordered.remove(at: at) }
        // One named file (`eplan lint FILE`): the plans not reported on are known by their links
        // (`RelatedPlans`), kept beside their summaries, and read only when related to the reported plan.
        let narrowing = narrowsOneFile && ordered.count(where: \.reported) == 1
        displaysLater = displaysLater && narrowing
        if !displaysLater {
            for i in ordered.indices where ordered[i].display.isEmpty { ordered[i].display = display(ordered[i].path) }
            if !zip(ordered, ordered.dropFirst()).allSatisfy({ $0.display <= $1.display }) {
                ordered.sort { $0.display < $1.display }
            }
        }
        timing.lap("discovery of \(ordered.count) files")
        // Summaries are read only when some file is not reported on (a whole-repository run needs none).
        // A lint run (`localChecks` given) checks each reported plan it parses on its own at once and keeps
        // what other plans' rules read of it, with or without the cache; with the cache, it keeps the findings.
        let checkLocally = request.localChecks?(configuration)
        if narrowing { cache.readLinks() }
        let cached = cache
        // Files summarised anew in this run, by position (with their content for the findings cache, and
        // a plan's links).
        let fresh = ResultSlots<(stamp: SummaryCache.Stamp, summary: [UInt8], findings: (ContentHash, [UInt8])?, links: [UInt64]?)>(
            count: ordered.count)
        // Files the findings cache served (a count), and those of them whose stamp moved (by position).
        let served = Atomic<Int>(0)
        let restamped = ResultSlots<SummaryCache.Stamp>(count: ordered.count)
        // Records the findings cache served that were made on another day, made anew for this one (by position).
        let redated = ResultSlots<[UInt8]>(count: ordered.count)
        let deferred = ResultSlots<StandIn>(count: narrowing ? ordered.count : 0)
        let items = ordered
        // Worked out once, not in every file's task: reading them there retained and released shared
        // objects from both threads at every file (the count's cache line passed back and forth).
        let useCache = cached.file != nil
        var documents = parallelMap(Array(items.indices), jobs: request.jobs) { position -> SourceDocument in
            var item = items[position]
            // A reported file the findings cache knows by its content brings its summary and its local
            // findings. One it does not know is parsed from the bytes read here; a plan has its local rules
            // run at once and is kept as its summary; the file's summary and findings are recorded. On
            // another day than the record's, the findings of the rules that read today's date are found
            // again from the plan's dated part.
            // (`item.reported` first: binding `checkLocally` copies it, for every file not reported too.)
            if findingsCache, item.reported, !item.named, let checkLocally {
                let (read, stamp) = SourceReader.readStamped(item.path, limit: limits.fileSize, base: base)
                if case .success(let bytes) = read, let stamp {
                    let content = ContentHash(bytes)
                    if let hit = cached.findings(item.path, content: content, at: position),
                       let record = FindingsRecord.decode(hit.findings, file: item.display),
                       var document = DocumentSummary.decode(hit.summary, path: item.path, display: item.display, partsNow: true) {
                        if record.today == checkLocally.today {
                            document.diagnostics = record.diagnostics
                        } else {
                            // Another day: found again, and the record made anew for this day (the next
                            // runs of the day take it as it is).
                            let found = record.datedPart(file: item.display).map(checkLocally.dated) ?? []
                            let today = record.forDay(checkLocally.today, rules: checkLocally.datedRules, found: found)
                            document.diagnostics = today.diagnostics
                            redated.store(FindingsRecord.encode(today, file: item.display), at: position)
                        }
                        document.suppressions = record.suppressions
                        if hit.stamp != stamp { restamped.store(stamp, at: position) }
                        served.wrappingAdd(1, ordering: .relaxed)
                        return document
                    }
                    var document = DocumentDecoder.read(bytes, path: item.path, display: item.display, named: false,
                                                        limits: limits, hazards: hazards)
                    let summary = DocumentSummary.encode(document)
                    var dated: Plan?
                    if case .plan(let plan) = document.content,
                       let slim = DocumentSummary.decode(ByteSlice(summary), path: item.path, display: item.display, partsNow: true) {
                        document.diagnostics += checkLocally.all(plan)
                        document.content = slim.content
                        if !plan.isRetired { dated = plan }
                    }
                    let record = FindingsRecord(today: checkLocally.today, diagnostics: document.diagnostics,
                                                suppressions: document.suppressions, dated: dated)
                    fresh.store((stamp, summary, (content, FindingsRecord.encode(record, file: item.display)),
                                 RelatedPlans.links(of: document, summary: summary)?.words), at: position)
                    return document
                }
            }
            // A file not reported on is read from its summary when the cache has a current one. In a one-file
            // run, a plan whose links the cache keeps stands in until it is found related to the reported
            // one (`narrow`); its summary is read then, if ever.
            let fileStamp = useCache && !item.reported ? SummaryCache.Stamp(item.path, base: base) : nil
            func standIn(_ links: RelatedPlans.Linked?, _ summary: StandIn.Summary) -> SourceDocument {
                deferred.store(StandIn(links: links, summary: summary), at: position)
                return SourceDocument(path: item.path, display: item.display, content: .foreign, diagnostics: [])
            }
            if narrowing, let fileStamp, let linked = cached.linked(item.path, stamp: fileStamp, at: position) {
                return standIn(linked.links, .located(linked.summary))
            }
            // Every file past this point is read, from its summary or its bytes: its display path is made.
            item.display = shown(item.path, item.display, cwd: cwd)
            if let fileStamp, let summary = cached.summary(item.path, stamp: fileStamp, at: position) {
                if narrowing, let plan = RelatedPlans.scan(summary) { return standIn(RelatedPlans.Linked(plan), .read(summary)) }
                // The regions document is read once the reported plan is known (`narrow`).
                if narrowing, DocumentSummary.isRegions(summary) { return standIn(nil, .read(summary)) }
                if let document = DocumentSummary.decode(summary, path: item.path, display: item.display) { return document }
            }
            // A file named on the command line that is a link out of the repository is not read either
            // (walked files were checked during the walk).
            if item.named, discovery.staysInside, FileSystem.isLink(item.path), let target = discovery.outsideTarget(item.path) {
                return Self.outsideLink(path: item.path, display: item.display, target: target)
            }
            // Otherwise it is parsed; its stamp comes from the open file (no second lookup of the path).
            var (document, read) = DocumentDecoder.loadStamped(path: item.path, display: item.display, named: item.named,
                                                               limits: limits, hazards: hazards, base: base)
            // A lint run keeps of every plan it parses what other plans' rules read, having checked the
            // reported ones on their own; those it does not report on are only ever read that way.
            if checkLocally != nil, case .plan(let plan) = document.content {
                if item.reported, let checkLocally { document.diagnostics += checkLocally.all(plan) }
                document.content = .cachedPlan(plan.keptForOtherPlans())
            }
            // A reported file whose summary is still current keeps it; new and changed files are summarised
            // again, and so is a file not reported on that gets here (its summary was missing or unusable).
            if useCache, let stamp = read, !(item.reported && cached.isCurrent(item.path, stamp: stamp, at: position)) {
                let summary = DocumentSummary.encode(document)
                fresh.store((stamp, summary, nil, RelatedPlans.links(of: document, summary: summary)?.words), at: position)
            }
            return document
        }
        var (leftOut, narrowedRegions): ([LeftOut], [LeftOut]) = ([], [])
        if narrowing {
            timing.lap("files stood in, read or parsed")
            (leftOut, narrowedRegions) = narrow(&documents, items: items, standIns: deferred, cache: cache, cwd: cwd, jobs: request.jobs,
                                                limits: limits, hazards: hazards)
            timing.lap("related plans: \(documents.count) files read, \(leftOut.count) left out")
        }
        // What the walk could not read stands as a document of its own, with its finding: a folder that
        // could not be read (an error, like a file), a link leading outside the repository (a warning).
        let standIns = unreadableFolders.map { folder in
            (folder.path, { (shown: String) in
                SourceDocument(path: folder.path, display: shown, content: .broken(BrokenFile()), diagnostics: [Diagnostic(
                    .yamlSyntax, Message("repo.folder-unreadable", ["reason": .verbatim(folder.reason)]),
                    at: Location(file: shown, span: SourceSpan(at: .start)), help: Message("repo.folder-unreadable-help"))])
            })
        } + outsideLinks.map { link in (link.path, { (shown: String) in Self.outsideLink(path: link.path, display: shown, target: link.target) }) }
        for (path, document) in standIns
        where reportsEverything || folderTargets.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
            let shown = display(path)
            documents.append(document(shown))
            reported.insert(shown)
        }
        if !standIns.isEmpty { documents.sort { $0.display < $1.display } }
        // A run of the whole repository reports every file (and eplan.yaml): no set of 100,000 paths is made.
        let reportedFiles = reportsEverything ? ReportedFiles.everything : ReportedFiles(reported)
        // A run that read nothing must not pass: say so (exit 2).
        let reportsConfiguration = configPath.map { reportedFiles.contains(display($0)) } ?? false
        if !reportsConfiguration,
           !documents.indices.contains(where: { documents[$0].isReported && reportedFiles.contains(documents[$0].display) }) {
            throw .noFiles(request.paths)
        }
        timing.lap("parse and decode")
        var redatedCount = 0
        if cache.file != nil {
            for position in items.indices {
                let item = items[position]
                if let new = fresh.value(at: position) {
                    cache.store(item.path, stamp: new.stamp, summary: new.summary, findings: new.findings, links: new.links)
                }
                if let stamp = restamped.value(at: position) { cache.restamp(item.path, stamp) }
                if let record = redated.value(at: position) {
                    cache.redate(item.path, findings: record)
                    redatedCount += 1
                }
            }
            cache.keepOnly(ordered.lazy.map(\.path))
            cache.save()
        }
        timing.lap("summary cache")
        var workspace = Workspace(cwd: cwd, root: root, configuration: configuration, documents: documents,
                                  reported: reportedFiles, configurationSuppressions: configurationSuppressions)
        workspace.leftOut = leftOut
        workspace.narrowedRegions = narrowedRegions
        workspace.findingsCacheHits = served.load(ordering: .relaxed)
        workspace.findingsCacheRedated = redatedCount
        return workspace
    }

    /// The configuration of the repository holding `folder` (defaults when there is none or it is invalid),
    /// for commands that read single files, such as `eplan diff`.
    public static func configuration(near folder: String) -> Configuration {
        let start = FileSystem.realPath(folder) ?? folder
        let root = findRoot(targets: [start], cwd: start)
        let path = "\(root)/eplan.yaml"
        guard FileSystem.isRegularFile(path) else { return Configuration() }
        let doc = DocumentDecoder.load(path: path, display: path, named: true, limits: .default, hazards: Set(HazardCatalog.builtIn))
        if case .config(let config) = doc.content { return config }
        return Configuration()
    }

    /// The nearest ancestor holding `eplan.yaml`, else the common folder of the targets (or the working folder).
    public static func findRoot(targets: [String], cwd: String) -> String {
        let start: String
        if targets.isEmpty {
            start = cwd
        } else {
            let folders = targets.map { SourceReader.entry($0) == .directory ? $0 : FileSystem.parent(of: $0) }
            start = FileSystem.commonFolder(folders)
        }
        var folder = start
        while true {
            if FileSystem.isRegularFile("\(folder)/eplan.yaml") { return folder }
            let up = FileSystem.parent(of: folder)
            if up == folder { return start }
            folder = up
        }
    }

    /// The cores online, found once (glibc reads /sys/devices/system/cpu/online at every `sysconf`:
    /// three system calls for each parallel phase).
    public static let coreCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// Finds the YAML files below a folder: hidden folders and `exclude` skipped, `include` applied,
/// each real folder entered once (symlink loops end), no recursion (deep trees cannot overflow the stack).
struct Discovery {
    let root: String
    let include: [Glob]?
    let exclude: [Glob]
    /// Links leading outside the root are not followed (`links: stay`, the default).
    let staysInside: Bool
    /// The root held open: the paths below it are looked up from it.
    let base: SourceReader.Base

    init(root: String, configuration: Configuration) {
        self.root = root
        base = SourceReader.Base(root)
        self.include = configuration.include.map { $0.map(Glob.init) }
        self.exclude = configuration.exclude.map(Glob.init)
        self.staysInside = configuration.links == .stay
    }

    /// Where a symbolic link leads when that is outside the repository root; nil when it stays inside
    /// (or leads nowhere: reading it then says why).
    func outsideTarget(_ link: String) -> String? {
        guard let target = FileSystem.realPath(link) else { return nil }
        return FileSystem.isWithin(target, root) ? nil : target
    }

    /// What a walk found.
    struct Walked {
        /// The YAML files, in no particular order.
        var files: [String]
        /// The listing of every folder read, by `SummaryCache.key` of its path (when asked to keep them).
        var listings: [UInt64: FileSystem.FolderListing]
        /// Every folder read, with its identity and modification time (when asked to keep listings);
        /// nil when one held a symbolic link or could not be read (see `SummaryCache.FileTree`).
        var folders: [SummaryCache.FileTree.Folder]?
        /// Folders that could not be read, with the reason.
        var unreadable: [(path: String, reason: String)] = []
        /// Symbolic links leading outside the repository, not followed, with where they lead.
        var outside: [(path: String, target: String)] = []
    }

    /// The YAML files below `folder` and what the next run needs to know about the folders. With more
    /// than one job, folders are read side by side (most of a walk is waiting on the file system). A
    /// folder unchanged since `previous` is not read again.
    func files(below folder: String, jobs: Int = 1, previous: [UInt64: FileSystem.FolderListing] = [:],
               keepListings: Bool = false) -> Walked {
        let walk = Walk(previous: previous, keepListings: keepListings)
        if jobs == 1 {
            var pending = [folder]
            while let current = pending.popLast() { pending += visit(current, walk) }
        } else {
            let group = DispatchGroup()
            let queue = DispatchQueue(label: "eplan.discovery", attributes: .concurrent)
            Workers.begin()
            @Sendable func start(_ current: String) {
                queue.async(group: group) {
                    for child in visit(current, walk) { start(child) }
                }
            }
            start(folder)
            group.wait()
        }
        return walk.state.withLock {
            Walked(files: Self.smallestPaths($0.files, read: $0.readAt, alternatives: $0.alternatives), listings: $0.listings,
                   folders: $0.reusable ? $0.folders : nil, unreadable: $0.unreadable, outside: $0.outside)
        }
    }

    /// A folder reached along several paths (a link to a folder of the repository) is read once;
    /// its files are named under the smallest of those paths, whichever path the walk came by first,
    /// so that findings keep their paths from run to run.
    static func smallestPaths(_ files: [String], read: [FileIdentity: String],
                              alternatives: [FileIdentity: [String]]) -> [String] {
        var result = files
        for (identity, others) in alternatives.sorted(by: { (read[$0.key] ?? "") > (read[$1.key] ?? "") }) {
            guard let used = read[identity], let best = (others + [used]).min(), best != used else { continue }
            let prefix = used + "/"
            for i in result.indices where result[i].hasPrefix(prefix) {
                result[i] = best + "/" + result[i].dropFirst(prefix.count)
            }
        }
        return result
    }

    /// What a walk has seen so far, shared by the folders being read.
    final class Walk: Sendable {
        struct State {
            var visited: Set<FileIdentity> = []
            var files: [String] = []
            var listings: [UInt64: FileSystem.FolderListing] = [:]
            var folders: [SummaryCache.FileTree.Folder] = []
            var reusable = true
            var unreadable: [(path: String, reason: String)] = []
            var outside: [(path: String, target: String)] = []
            /// The path each folder was read at, and the other paths that reached it.
            var readAt: [FileIdentity: String] = [:]
            var alternatives: [FileIdentity: [String]] = [:]
        }
        let state = Mutex(State())
        /// Listings of the last run, by `SummaryCache.key` of the folder's path.
        let previous: [UInt64: FileSystem.FolderListing]
        let keepListings: Bool

        init(previous: [UInt64: FileSystem.FolderListing], keepListings: Bool) {
            self.previous = previous
            self.keepListings = keepListings
        }
    }

    /// Reads one folder: records its YAML files, returns its subfolders (none when it was seen before).
    private func visit(_ current: String, _ walk: Walk) -> [String] {
        let key = SummaryCache.key(current)
        guard let listing = FileSystem.listing(of: current, previous: walk.previous[key], base: base, unless: { identity in
            walk.state.withLock { state in
                if state.visited.insert(identity).inserted {
                    state.readAt[identity] = current
                    return false
                }
                state.alternatives[identity, default: []].append(current)
                return true
            }
        }, failed: { error in
            // A folder eplan cannot read is reported: a run must not pass on what it could not see.
            walk.state.withLock {
                $0.unreadable.append((current, SourceReader.errorText(error)))
                $0.reusable = false
            }
        }) else { return [] }
        var found: [String] = []
        var folders: [String] = []
        var outside: [(path: String, target: String)] = []
        let prefix = current + "/"
        for entry in listing.entries {
            let isYAML = !entry.isDirectory && (entry.name.hasSuffix(".yaml") || entry.name.hasSuffix(".yml"))
            guard isYAML || (entry.isDirectory && !entry.name.hasPrefix(".")) else { continue }
            let path = prefix + entry.name
            if !exclude.isEmpty || (isYAML && include != nil) {
                let relative = FileSystem.relative(path, to: root)
                if exclude.contains(where: { $0.matches(relative) }) { continue }
                if isYAML, let include, !include.contains(where: { $0.matches(relative) }) { continue }
            }
            if entry.isLink, staysInside, let target = outsideTarget(path) {
                outside.append((path, target))
                continue
            }
            if isYAML { found.append(path) } else { folders.append(path) }
        }
        walk.state.withLock {
            $0.files += found
            $0.outside += outside
            if walk.keepListings {
                $0.listings[key] = listing
                $0.folders.append(SummaryCache.FileTree.Folder(path: FileSystem.relative(current, to: root), identity: listing.identity, modified: listing.modified))
                $0.reusable = $0.reusable && listing.reusable
            }
        }
        return folders
    }
}

/// Maps `items` on `jobs` threads (0 = all cores), keeping the order.
///
/// The workers take the items in runs of up to 32 at a time (fewer when there are few items, so that
/// the last runs still spread over the cores). Taken one at a time, every item passed the shared
/// counter's cache line from one core to the other, and the two workers wrote the flags and results
/// of neighbouring slots, which share cache lines.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
    let workers = min(items.count, jobs > 0 ? jobs : Workspace.coreCount)
    if workers <= 1 { return items.map(transform) }
    let slots = ResultSlots<R>(count: items.count)
    Workers.begin()
    let run = max(1, min(32, items.count / (workers * 32)))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let first = slots.next.wrappingAdd(run, ordering: .relaxed).oldValue
            if first >= items.count { break }
            for i in first ..< min(first + run, items.count) { slots.store(transform(items[i]), at: i) }
        }
    }
    return slots.collect()
}

/// The worker threads of the parallel phases (`parallelMap`, `sideBySide`, the walk).
enum Workers {
    /// Set when the first parallel phase begins.
    private static let begun = Atomic<Bool>(false)

    /// Has a worker thread running on another core when the first parallel phase begins: each waits
    /// (yielding the core) until then, for 20 ms at most. Woken only when that phase asked for it, the
    /// second worker of a one-file run got to run too late for the check of the repository's folders
    /// in two runs of three (7.3 ms on one core instead of 3.8 ms on two): the scheduler started it on
    /// the core of the thread that woke it, then waited before moving it.
    static func warmUp(jobs: Int) {
        let workers = jobs > 0 ? jobs : Workspace.coreCount
        guard workers > 1, !begun.load(ordering: .relaxed) else { return }
        for _ in 1 ..< workers {
            DispatchQueue.global().async {
                let clock = ContinuousClock(), end = clock.now + .milliseconds(20)
                while !begun.load(ordering: .relaxed), clock.now < end { sched_yield() }
            }
        }
    }

    /// Ends the warm-up: the waiting threads take this phase's work.
    static func begin() {
        begun.store(true, ordering: .relaxed)
    }
}

/// Runs `tasks` side by side (as many at once as there are cores), or one after the other with one job.
func sideBySide(_ tasks: [@Sendable () -> Void], jobs: Int) {
    if jobs == 1 {
        for task in tasks { task() }
    } else {
        Workers.begin()
        DispatchQueue.concurrentPerform(iterations: tasks.count) { tasks[$0]() }
    }
}

/// Preallocated result storage that worker threads fill at distinct indices. A slot's memory is left
/// as allocated until a value is stored in it (a flag per slot says which are): a one-file run makes
/// slots for every file of the repository for the summaries, stamps and records it might write anew,
/// and writing an empty value into each (1.6 MB at 10,000 files) touched pages it never used.
final class ResultSlots<R>: @unchecked Sendable {
    let next = Atomic<Int>(0)
    private let values: UnsafeMutablePointer<R>
    /// Whether slot `i` holds a value. Each worker writes the flags of its own slots only, and they are
    /// read once the workers are done.
    private let filled: UnsafeMutableBufferPointer<Bool>

    init(count: Int) {
        values = .allocate(capacity: max(count, 1))
        filled = .allocate(capacity: count)
        filled.initialize(repeating: false)
    }

    func store(_ value: R, at index: Int) {
        if filled[index] {
            values[index] = value
        } else {
            (values + index).initialize(to: value)
            filled[index] = true
        }
    }

    func value(at index: Int) -> R? {
        filled[index] ? values[index] : nil
    }

    /// The results, moved out of the slots (no copies of them made and released).
    func collect() -> [R] {
        var result: [R] = []
        result.reserveCapacity(filled.count)
        for i in filled.indices where filled[i] {
            result.append((values + i).move())
            filled[i] = false
        }
        return result
    }

    deinit {
        for i in filled.indices where filled[i] { (values + i).deinitialize(count: 1) }
        values.deallocate()
        filled.deallocate()
    }
}

/// The display paths whose findings a run reports: those of the named files and folders, or every file
/// of the repository and its eplan.yaml (a run of the whole repository).
public struct ReportedFiles: Sendable {
    /// nil: every file.
    private let paths: Set<String>?

    public init(_ paths: Set<String>) {
        self.paths = paths
    }

    private init(everything: Void) {
        paths = nil
    }

    /// Every file of the repository (its documents and eplan.yaml: whatever a finding of the run names).
    public static let everything = ReportedFiles(everything: ())

    public var isEverything: Bool { paths == nil }

    public func contains(_ display: String) -> Bool {
        paths?.contains(display) ?? true
    }
}
