import EPlanKit
import Foundation
import Testing

/// `RepositoryIndex.replacing` and `RegionLookups.replacing` give what a build gives, for edits of every
/// plan of `plans/` (or decline, and the server builds).
@Suite("Index patched for one plan")
struct IndexPatchTests {
    static let root = Session.packageRoot + "/plans"

    /// What a build and a patch must agree on.
    func description(_ index: RepositoryIndex, _ lookups: RegionLookups) -> String {
        var lines: [String] = []
        lines += index.plans.map { "plan \($0.file) \($0.id?.value ?? "-") \($0.id?.span.start.description ?? "") \($0.version?.value?.text ?? "")" }
        lines += index.planByID.sorted { $0.key < $1.key }.map { "id \($0.key) \(index.plans[$0.value].file)" }
        lines += index.resourceByID.sorted { $0.key < $1.key }.map { "resource \($0.key) \(index.file(of: $0.value)) \($0.value.span.start) \($0.value.span.end)" }
        lines += index.diagnostics.map { "finding \($0.rule) \($0.location.file) \($0.message.english)" }
        lines += lookups.masters.sorted { $0.key < $1.key }.map { "masters \($0.key) \($0.value.map(\.file))" }
        lines += lookups.specials.sorted { $0.key < $1.key }.map { "specials \($0.key) \($0.value.map(\.file))" }
        lines += lookups.departmentalOwners.map { "owner \($0.region):\($0.agency)" }.sorted()
        lines += lookups.namedAsParent.sorted().map { "parent \($0)" }
        return lines.joined(separator: "\n")
    }

    static func edits(_ text: String) -> [String] {
        func sub(_ text: String, _ pattern: String, _ template: String) -> String {
            let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        let shifted = "# edited\n" + text
        let renamed = sub(sub(shifted, "^(id: *)(\\S+)", "$1$2z"), "^(  - id: *)(\\S+)", "$1$2z")
        let reparented = sub(renamed, "^(parent: *(?:\\{ *id: *)?)([A-Za-z0-9._-]+)", "$1$2x")
        let moved = sub(sub(reparented, "^kind: *master$", "kind: special"), "^(region: *)(\\S+)", "$1$2/zz")
        let departmental = sub(shifted, "^kind: *\\S+$", "kind: departmental")
        let retired = sub(shifted, "^status: *\\S+$", "status: retired")
        return [shifted, renamed, reparented, moved, departmental, retired]
    }

    @Test func patchesAgreeWithBuildsOnEveryPlan() throws {
        let workspace = try Workspace.load(Workspace.Request(paths: [], cwd: Self.root))
        let configuration = workspace.configuration
        let base = RepositoryIndex(documents: workspace.documents, configuration: configuration)
        let baseLookups = RegionLookups(base)
        var patched = 0
        for (position, document) in workspace.documents.enumerated() {
            guard document.plan != nil else { continue }
            let text = try String(contentsOfFile: document.path, encoding: .utf8)
            for edit in Self.edits(text) {
                let new = DocumentDecoder.read(Array(edit.utf8), path: document.path, display: document.display, named: true,
                                               limits: configuration.yamlLimits, hazards: configuration.hazardVocabulary)
                var documents = workspace.documents
                documents[position] = new
                let built = RepositoryIndex(documents: documents, configuration: configuration)
                guard let index = base.replacing(document, with: new), let summary = new.planSummary,
                      let previous = document.planSummary else { continue }
                patched += 1
                let lookups = baseLookups.replacing(summary, previous: previous, plans: index.plans)
                #expect(description(index, lookups) == description(built, RegionLookups(built)), "\(document.display)")
            }
        }
        #expect(patched > 100)
    }
}
