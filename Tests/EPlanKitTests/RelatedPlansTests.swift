@testable import EPlanKit
import Foundation
import Testing

/// `eplan lint FILE` reads only the plans related to the reported one (`RelatedPlans`) while every other
/// file's summary is current, and reads the whole repository again when the cross-plan rules find
/// anything in the file. Either way it must report exactly what a run over the whole repository has in
/// that file: these tests compare the two for every file of every fixture repository and of a generated
/// repository of 300 plans, and check that the narrowed runs did happen.
@Suite("One-file runs read the related plans")
struct RelatedPlansTests {
    /// Every file of `repository` linted alone with the cache (after a run that filled it) against the
    /// findings of a run over the whole repository; returns how many runs stood narrowed, of how many.
    /// With `damagedLinks`, the links the cache keeps beside the summaries are garbled after the cache is
    /// filled (`SummaryCache.Entry.links`): the runs then scan the summaries for them instead.
    /// `from`: where the runs start, the repository's root or a folder above or below it (a one-file run
    /// makes the display paths of the files it reads only, while displaying keeps their order).
    private func compare(_ repository: String, today: String = "2030-01-01", damagedLinks: Bool = false,
                         from place: Place = .root) throws -> (narrowed: Int, files: Int) {
        let (repo, cache, cleanup) = try FindingsCacheTests.scratch(repository)
        defer { cleanup() }
        let copied = Date()
        var whole = try FindingsCacheTests.options(repo, cache: nil, today: today)
        switch place {
        case .root: break
        case .above: whole.cwd = URL(fileURLWithPath: repo).deletingLastPathComponent().path
        case .below:
            let folders = try FileManager.default.contentsOfDirectory(atPath: repo).sorted().filter {
                var folder: ObjCBool = false
                return FileManager.default.fileExists(atPath: "\(repo)/\($0)", isDirectory: &folder) && folder.boolValue
            }
            whole.cwd = "\(repo)/\(try #require(folders.first))"
        }
        if place != .root { whole.paths = [repo] }
        whole.findingsOnly = true
        let full = try Linter.run(whole)
        var byFile: [String: [String]] = [:]
        for d in full.diagnostics { byFile[d.location.file, default: []].append(FindingsCacheTests.describe(d)) }
        var options = try FindingsCacheTests.options(repo, cache: cache, today: today)
        (options.cwd, options.paths) = (whole.cwd, whole.paths)
        options.findingsOnly = true
        // The cache does not keep a summary of a file changed within 2 s of the run that would store it
        // (git's "racy" rule, `SummaryCache`): such a file would be parsed in each one-file run, and read
        // whole, however loaded the machine. The copy is let age past that first.
        let age = 2.1 - Date().timeIntervalSince(copied)
        if age > 0 { Thread.sleep(forTimeInterval: age) }
        _ = try Linter.run(options)  // fills the cache: every other file's summary is current from here on
        if damagedLinks {
            // The links section is the cache file's last part: its last word garbled fails its checksum.
            let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".bin") }
            let file = URL(fileURLWithPath: cache).appendingPathComponent(try #require(files.first)).path
            var data = try Data(contentsOf: URL(fileURLWithPath: file))
            data[data.count - 1] ^= 0xFF
            try data.write(to: URL(fileURLWithPath: file))
        }
        var narrowed = 0
        let files = full.reportedFiles.map(\.file)
        for file in files {
            var one = options
            one.paths = [file]
            let analysis = try Linter.analyze(one)
            #expect(analysis.result.diagnostics.map(FindingsCacheTests.describe) == byFile[file] ?? [], "\(repository): \(file)")
            if analysis.workspace.isNarrowed { narrowed += 1 }
        }
        Linter.releaseKept()
        return (narrowed, files.count)
    }

    enum Place { case root, above, below }

    @Test("a file alone reports what the whole repository has in it, run from a folder above the repository or inside it",
          arguments: OneFileTests.repositories.map { ($0, Place.above) }
            + OneFileTests.repositories.filter { $0.hasSuffix("/plans") }.map { ($0, Place.below) })
    func elsewhere(repository: String, place: Place) throws {
        let (narrowed, files) = try compare(repository, from: place)
        if repository.hasSuffix("/plans") { #expect(narrowed * 2 >= files, "\(narrowed) of \(files) narrowed") }
    }

    @Test("a file alone reports what the whole repository has in it, from the plans' links as the cache keeps them or as scanned",
          arguments: OneFileTests.repositories, [false, true])
    func fixtures(repository: String, damagedLinks: Bool) throws {
        let (narrowed, files) = try compare(repository, damagedLinks: damagedLinks)
        // The sample repository lints clean and spans regions that do not read each other: most of its
        // files are linted from the plans related to them.
        if repository.hasSuffix("/plans") { #expect(narrowed * 2 >= files, "\(narrowed) of \(files) narrowed") }
    }

    @Test("every file of a generated repository of 300 plans, alone, reports what the whole repository has in it")
    func generated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-related-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("benchmarks/generate.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, folder, "--plans", "300", "--seed", "7"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "generate.py failed")
        // 2026-11-30: the generator's deliberate defects are then the repository's only findings.
        let (narrowed, files) = try compare(folder, today: "2026-11-30")
        #expect(files >= 300)
        #expect(narrowed * 10 >= files * 9, "\(narrowed) of \(files) narrowed")
    }

    /// The tags `RelatedPlans.scan` must find in a plan's summary, worked out from the plan itself.
    private func expectedTags(_ plan: PlanSummary) -> Set<UInt64> {
        var tags: Set<UInt64> = []
        for id in [plan.id?.value, plan.parent?.id.value, plan.master?.value].compactMap({ $0 }) { tags.insert(LinkTag.of(.id, id)) }
        var regions = [plan.region?.value, plan.owner?.value?.region].compactMap { $0 }
        regions += (plan.regions?.value ?? []).compactMap(\.value)
        for region in regions { tags.insert(LinkTag.of(.region, region)) }
        for id in plan.resourceIDs.compactMap(\.value) + (plan.actions?.usedResources ?? []) { tags.insert(LinkTag.of(.resource, id)) }
        return tags
    }

    @Test("the scan of a plan's summary finds every link the plan has, and nothing else; an inventory's links are its region and resources", arguments: OneFileTests.repositories)
    func scan(repository: String) throws {
        let files = FileManager.default.enumerator(atPath: repository)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") } ?? []
        var plans = 0
        for file in files.sorted() {
            let document = DocumentDecoder.load(path: "\(repository)/\(file)", display: file, named: false, limits: .default,
                                                hazards: Set(HazardCatalog.builtIn))
            let summary = ByteSlice(DocumentSummary.encode(document))
            guard let plan = document.planSummary else {
                #expect(RelatedPlans.scan(summary) == nil, "\(file) is not a plan")
                // An inventory is known by its region and the resources it defines; other files by nothing.
                let links = RelatedPlans.links(of: document, summary: Array(summary))
                if case .inventory(let inventory) = document.content {
                    let expected = Set([inventory.region?.value.map { LinkTag.of(.region, $0) }].compactMap { $0 }
                        + inventory.resources.compactMap { $0.id?.value.map { LinkTag.of(.resource, $0) } })
                    #expect(links.map { Set($0.tags) } == expected && links?.id == nil && links?.parent == nil, "\(file)")
                } else {
                    #expect(links == nil, "\(file)")
                }
                continue
            }
            plans += 1
            let scanned = try #require(RelatedPlans.scan(summary), "\(file)")
            #expect(Set(scanned.tags) == expectedTags(plan), "\(file)")
            #expect(scanned.id == plan.id?.value.map { LinkTag.of(.id, $0) }, "\(file)")
            #expect(scanned.parent == plan.parent?.id.value.map { LinkTag.of(.id, $0) }, "\(file)")
            #expect(scanned.region == plan.region?.value.map { LinkTag.of(.region, $0) }, "\(file)")
            // As the cache keeps them.
            let kept = try #require(RelatedPlans.Scanned(words: scanned.words), "\(file)")
            #expect(kept.id == scanned.id && kept.parent == scanned.parent && kept.region == scanned.region && kept.tags == scanned.tags,
                    "\(file)")
        }
        #expect(plans >= 5, "\(repository)")
    }

    @Test("links as the cache keeps them: a flag word, the id, parent and region it announces, the tags; anything else is none")
    func words() {
        let full = RelatedPlans.Scanned(id: 1, parent: 2, region: 3, tags: [4, 5])
        #expect(full.words == [15, 1, 2, 3, 4, 5])
        let some = RelatedPlans.Scanned(id: nil, parent: 7, region: nil, tags: [])
        #expect(some.words == [10, 7])
        let back = RelatedPlans.Scanned(words: some.words)
        #expect(back?.id == nil && back?.parent == 7 && back?.region == nil && back?.tags == [])
        #expect(RelatedPlans.Scanned(words: full.words)?.tags == [4, 5])
        for bad: [UInt64] in [[], [0], [7, 1, 2, 3], [9], [15, 1, 2], [24, 1]] {
            #expect(RelatedPlans.Scanned(words: bad) == nil, "\(bad)")
        }
    }

    @Test("related plans: those sharing a tag, after the ancestors add their parents and regions")
    func related() {
        func plan(_ id: String, parent: String? = nil, region: String, tags: [UInt64] = []) -> RelatedPlans.Scanned {
            let idTag = LinkTag.of(.id, id), parentTag = parent.map { LinkTag.of(.id, $0) }, regionTag = LinkTag.of(.region, region)
            return RelatedPlans.Scanned(id: idTag, parent: parentTag, region: regionTag,
                                        tags: tags + [idTag, regionTag] + (parentTag.map { [$0] } ?? []))
        }
        let plans: [RelatedPlans.Scanned?] = [
            plan("nation", region: "cn"),                       // the reported plan's grandparent
            plan("province", parent: "nation", region: "cn/sx"),  // its parent
            plan("other-province", parent: "elsewhere", region: "cn/hb"),
            nil,                                               // not a plan
            plan("unit", parent: "city", region: "cn/sx/ty"),    // names the reported plan as its parent
            plan("uses", parent: "x", region: "far", tags: [LinkTag.of(.resource, "team")]),
            plan("loner", parent: "y", region: "away"),
        ]
        var wanted: Set<UInt64> = [LinkTag.of(.id, "city"), LinkTag.of(.id, "province"), LinkTag.of(.region, "cn/sx/ty"),
                                   LinkTag.of(.resource, "team")]
        wanted.formUnion(LinkTag.above(.region, "cn/sx/ty"))
        // As made in this run (tags of their own), and as read where the cache file keeps them (tags
        // in the links section, found by `Linked(section:start:count:)` after some other plan's words).
        let own = plans.map { $0.map(RelatedPlans.Linked.init) }
        let noSection = UnsafeRawBufferPointer(start: nil, count: 0)
        #expect(RelatedPlans.related(count: plans.count, { own[$0] }, section: noSection, wanted: wanted, parent: "province")
            == [true, true, false, false, true, true, false])
        var section: [UInt64] = [0] + RelatedPlans.Scanned(id: 9, parent: nil, region: nil, tags: [LinkTag.of(.resource, "team")]).words
        var spans: [(start: Int, count: Int)?] = []
        for plan in plans {
            guard let words = plan?.words else { spans.append(nil); continue }
            spans.append((section.count, words.count))
            section += words.map(\.littleEndian)
        }
        section.withUnsafeBytes { raw in
            let stored = spans.map { $0.flatMap { RelatedPlans.Linked(section: raw, start: $0.start, count: $0.count) } }
            #expect(stored.map { $0 == nil } == plans.map { $0 == nil })
            #expect(zip(stored, plans).allSatisfy { $0?.id == $1?.id && $0?.parent == $1?.parent && $0?.region == $1?.region })
            #expect(RelatedPlans.related(count: plans.count, { stored[$0] }, section: raw, wanted: wanted, parent: "province")
                == [true, true, false, false, true, true, false])
            // Words that are not a list of links are none.
            #expect(RelatedPlans.Linked(section: raw, start: 0, count: 1) == nil)
        }
        #expect(Set(LinkTag.above(.region, "cn/sx/ty")) == [LinkTag.of(.region, "cn/sx"), LinkTag.of(.region, "cn")])
    }
}
