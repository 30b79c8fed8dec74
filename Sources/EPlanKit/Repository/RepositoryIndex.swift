import EPlanYAML

/// Everything cross-plan rules look up, built once per run in one pass over the documents:
/// plans and resources by id, the region tree by path, external plans. Lookups are hash-based,
/// so rules stay linear in the number of plans.
public struct RepositoryIndex: Sendable {
    public struct ResourceDefinition: Sendable {
        public var resource: Resource
        public var file: String
        /// The plan that defines it inline, or nil for an inventory.
        public var planID: String?
    }

    public struct RegionEntry: Sendable {
        public var region: Region
        public var path: String
        public var parentPath: String?
        public var file: String
    }

    public let configuration: Configuration
    /// Every readable plan, in (file, line) order.
    public private(set) var plans: [Plan] = []
    /// The first plan of each id (later duplicates are findings, not entries).
    public private(set) var planByID: [String: Int] = [:]
    public private(set) var externalByID: [String: ExternalPlan] = [:]
    public private(set) var resourceByID: [String: ResourceDefinition] = [:]
    public private(set) var inventories: [Inventory] = []
    /// The regions document, when the repository has one.
    public private(set) var regionsDocument: RegionsDocument?
    public private(set) var regionByPath: [String: RegionEntry] = [:]
    /// Findings that only the whole repository reveals (duplicate ids, a second regions document).
    public private(set) var diagnostics: [Diagnostic] = []

    public init(documents: [SourceDocument], configuration: Configuration) {
        self.configuration = configuration
        for external in configuration.external {
            if let id = external.id?.value, externalByID[id] == nil { externalByID[id] = external }
        }
        var plansInOrder: [Plan] = []
        for document in documents {
            switch document.content {
            case .plan(let plan): plansInOrder.append(plan)
            case .inventory(let inventory): inventories.append(inventory)
            case .regions(let regions): addRegions(regions)
            case .config, .unreadable, .foreign: break
            }
        }
        plansInOrder.sort { ($0.file, $0.firstKey.start) < ($1.file, $1.firstKey.start) }
        for plan in plansInOrder { addPlan(plan) }
        // Resources of plans and inventories share one id space; the later in (file, line) order is the duplicate.
        var definitions: [ResourceDefinition] = []
        for plan in plans {
            for resource in plan.resources?.value ?? [] {
                definitions.append(ResourceDefinition(resource: resource, file: plan.file, planID: plan.id?.value))
            }
        }
        for inventory in inventories {
            for resource in inventory.resources {
                definitions.append(ResourceDefinition(resource: resource, file: inventory.file, planID: nil))
            }
        }
        definitions.sort { ($0.file, $0.resource.span.start) < ($1.file, $1.resource.span.start) }
        for definition in definitions { addResource(definition) }
    }

    public func plan(_ id: String) -> Plan? {
        planByID[id].map { plans[$0] }
    }

    private mutating func addPlan(_ plan: Plan) {
        let index = plans.count
        plans.append(plan)
        if let field = plan.id, let id = field.value {
            if let first = planByID[id] {
                let other = plans[first]
                let at = other.id?.span ?? other.firstKey
                diagnostics.append(Diagnostic(
                    .duplicateID, "plan id '\(id)' is already used by \(other.file):\(at.start.line)",
                    at: Location(file: plan.file, span: field.span), help: "give every plan of the repository its own id",
                    related: [RelatedLocation(Location(file: other.file, span: at), "first plan '\(id)'")], plan: id))
            } else if let external = externalByID[id], let file = configuration.file {
                let at = external.id?.span ?? external.span
                diagnostics.append(Diagnostic(
                    .duplicateID, "plan id '\(id)' is also declared as an external plan in \(file):\(at.start.line)",
                    at: Location(file: plan.file, span: field.span),
                    help: "remove the external entry now that the plan is in the repository, or rename one of them",
                    related: [RelatedLocation(Location(file: file, span: at), "external plan '\(id)'")], plan: id))
                planByID[id] = index
            } else {
                planByID[id] = index
            }
        }
    }

    private mutating func addResource(_ definition: ResourceDefinition) {
        let (resource, file, planID) = (definition.resource, definition.file, definition.planID)
        guard let field = resource.id, let id = field.value else { return }
        if let first = resourceByID[id] {
            let at = first.resource.id?.span ?? first.resource.span
            diagnostics.append(Diagnostic(
                .duplicateID, "resource id '\(id)' is already defined at \(first.file):\(at.start.line)",
                at: Location(file: file, span: field.span), help: "resources in plans and inventories share one id space",
                related: [RelatedLocation(Location(file: first.file, span: at), "first resource '\(id)'")], plan: planID))
        } else {
            resourceByID[id] = definition
        }
    }

    private mutating func addRegions(_ document: RegionsDocument) {
        if let first = regionsDocument {
            diagnostics.append(Diagnostic(
                .schemaValue, "a repository holds one regions document; \(first.file) is the first",
                at: Location(file: document.file, span: document.firstKey),
                help: "merge the region trees into one regions document",
                related: [RelatedLocation(Location(file: first.file, span: first.firstKey), "first regions document")]))
            return
        }
        regionsDocument = document
        var pending: [(Region, String?)] = document.regions.map { ($0, nil) }
        while let (region, parentPath) = pending.popLast() {
            guard let path = region.path else { continue }
            if regionByPath[path] == nil {
                regionByPath[path] = RegionEntry(region: region, path: path, parentPath: parentPath, file: document.file)
            }
            pending.append(contentsOf: region.children.map { ($0, path) })
        }
    }
}
