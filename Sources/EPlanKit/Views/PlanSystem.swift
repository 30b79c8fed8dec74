/// The plan system as something to look at: plans and external plans as nodes, parent (vertical)
/// and master (horizontal) links as edges, and what is missing (broken links, regions without a
/// master, uncovered hazards). `eplan graph` and `eplan report` draw it.
public struct PlanSystem: Sendable {
    public struct Node: Sendable {
        public var id: String
        public var title: String
        public var kind: String
        public var level: String
        public var region: String
        public var file: String?
        public var status: String
        public var external: Bool
        public var errors: Int
        public var warnings: Int
    }

    public struct Edge: Sendable {
        public enum Kind: String, Sendable { case parent, master }
        public var from: String
        public var to: String
        public var kind: Kind
        /// The target is no plan of the repository and no external plan.
        public var broken: Bool
    }

    public struct Missing: Sendable {
        public enum Kind: String, Sendable { case plan, master, hazard }
        public var kind: Kind
        /// A stable node id for drawings.
        public var id: String
        public var label: String
        /// The plan or region that needs it.
        public var neededBy: String
        /// The uncovered hazard (kind `hazard`), for labels in the run's language.
        public var hazard: String? = nil
    }

    public enum Coverage: Sendable, Equatable {
        case covered([String])
        case missing
        case notAtRisk
    }

    public struct RegionRow: Sendable {
        public var path: String
        public var name: String
        public var level: String
        public var coverage: [String: Coverage]
    }

    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var missing: [Missing] = []
    public var regions: [RegionRow] = []
    /// Every hazard a region faces or a plan names, in catalogue order.
    public var hazards: [String] = []

    /// The system of a whole-repository analysis (every plan parsed in full).
    public init(_ analysis: Analysis) {
        let index = analysis.index
        let result = analysis.result
        var errors: [String: Int] = [:], warnings: [String: Int] = [:]
        for d in result.active {
            if d.severity == .error { errors[d.location.file, default: 0] += 1 }
            if d.severity == .warning { warnings[d.location.file, default: 0] += 1 }
        }
        var seen: Set<String> = []
        for plan in analysis.plans {
            guard let id = plan.id?.value, seen.insert(id).inserted else { continue }
            nodes.append(Node(id: id, title: plan.title?.value ?? "", kind: plan.kind?.value?.rawValue ?? "?",
                              level: plan.level?.value?.rawValue ?? "?", region: plan.region?.value ?? "",
                              file: plan.file, status: plan.effectiveStatus.rawValue, external: false,
                              errors: errors[plan.file] ?? 0, warnings: warnings[plan.file] ?? 0))
        }
        for external in index.configuration.external {
            guard let id = external.id?.value, seen.insert(id).inserted else { continue }
            nodes.append(Node(id: id, title: external.title?.value ?? "", kind: external.kind?.value?.rawValue ?? "?",
                              level: external.level?.value?.rawValue ?? "?", region: external.region?.value ?? "",
                              file: nil, status: "external", external: true, errors: 0, warnings: 0))
        }
        var missingIDs: Set<String> = []
        for plan in index.plans where !plan.isRetired {
            guard let id = plan.id?.value else { continue }
            for (kind, target) in [(Edge.Kind.parent, plan.parent?.id.value), (.master, plan.master?.value)] {
                guard let target else { continue }
                let broken = index.target(target) == nil
                edges.append(Edge(from: id, to: broken ? "missing:\(target)" : target, kind: kind, broken: broken))
                if broken, missingIDs.insert("missing:\(target)").inserted {
                    missing.append(Missing(kind: .plan, id: "missing:\(target)", label: target, neededBy: id))
                }
            }
        }
        let lookups = analysis.lookups
        var hazardSet: Set<String> = []
        for (path, entry) in index.regionByPath.sorted(by: { $0.key < $1.key }) {
            let regionCoverage = RegionCoverage(region: path, index: index, lookups: lookups)
            let required = Set(regionCoverage.required.map(\.hazard))
            let coveredBy = regionCoverage.coveredBy
            let level = entry.region.level?.value
            var coverage: [String: Coverage] = [:]
            for h in required.union(coveredBy.keys) {
                hazardSet.insert(h)
                if let plans = coveredBy[h] {
                    coverage[h] = .covered(plans.sorted())
                } else {
                    coverage[h] = .missing
                    missing.append(Missing(kind: .hazard, id: "missing:\(path):\(h)", label: "\(h) in \(path)", neededBy: path, hazard: h))
                }
            }
            regions.append(RegionRow(path: path, name: entry.region.name?.value ?? "", level: level?.rawValue ?? "?", coverage: coverage))
            if let level, level <= index.configuration.effectiveDepth, !lookups.hasMaster(path) {
                missing.append(Missing(kind: .master, id: "missing:\(path):master", label: "master plan of \(path)", neededBy: path))
            }
        }
        let order = HazardCatalog.builtIn
        hazards = hazardSet.sorted { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }
        nodes.sort { $0.id < $1.id }
    }

    /// Only what lies below `root`: the plans whose parent or master chain reaches it, and their links.
    public func below(_ root: String) -> PlanSystem? {
        guard nodes.contains(where: { $0.id == root }) else { return nil }
        var children: [String: [String]] = [:]
        for edge in edges where !edge.broken { children[edge.to, default: []].append(edge.from) }
        var keep: Set<String> = [root]
        var queue = [root]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where keep.insert(child).inserted { queue.append(child) }
        }
        var copy = self
        copy.nodes = nodes.filter { keep.contains($0.id) }
        copy.edges = edges.filter { keep.contains($0.from) && (keep.contains($0.to) || $0.broken) }
        let brokenTargets = Set(copy.edges.filter(\.broken).map(\.to))
        copy.missing = missing.filter { m in
            m.kind == .plan ? brokenTargets.contains(m.id)
                : copy.nodes.contains { $0.region == m.neededBy || RepositoryIndex.isAncestor($0.region, of: m.neededBy) }
        }
        return copy
    }
}
