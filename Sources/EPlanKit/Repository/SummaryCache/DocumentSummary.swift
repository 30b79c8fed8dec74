import EPlanYAML

/// A file's summary: what rules may read of a file that a run does not report on. Regions
/// documents and inventories are kept whole; plans as their `PlanSummary` (identity and links
/// first, then the parts that `DeferredPlanParts` decodes on first use). Encoding reads a plan
/// through its `PlanSummary`, so the cache keeps exactly what that type lets rules read.
enum DocumentSummary {
    static func encode(_ document: SourceDocument) -> [UInt8] {
        var w = BinaryWriter()
        switch document.content {
        case .foreign: w.int(0)
        case .unreadable: w.int(1)
        case .plan(let plan): w.int(2); encode(plan.summary, &w)
        case .cachedPlan(let summary): w.int(2); encode(summary, &w)
        case .regions(let regions):
            w.int(3)
            w.tabled { w in
                w.span(regions.firstKey)
                w.array(regions.regions) { w, r in w.tableBlock { encode(r, &$0) } }
            }
        case .inventory(let inventory):
            w.int(4)
            w.tabled { w in
                w.span(inventory.firstKey)
                w.field(inventory.region) { w, v in w.string(v) }
                w.array(inventory.resources) { w, r in encode(r, &w) }
            }
        case .config: w.int(5)
        case .broken(let broken):
            w.int(6)
            w.optional(broken.type) { w, v in w.string(v) }
            w.optional(broken.id) { w, v in w.string(v) }
            w.optional(broken.kind) { w, v in w.enumCase(v) }
            w.optional(broken.level) { w, v in w.enumCase(v) }
            w.optional(broken.region) { w, v in w.string(v) }
            w.optional(broken.status) { w, v in w.enumCase(v) }
            w.optional(broken.version) { w, v in w.string(v.text) }
        }
        return w.bytes
    }

    /// The document of a summary. `regions`, for a regions document: the regions to read, by path (with
    /// those above them), the rest stepped over unread (a one-file run reads those of the reported plan);
    /// nil: all. A region without a path is read. `partsNow`, for a plan: the parts that rules read of
    /// every reported plan are decoded now (a reported plan's; see `DeferredPlanParts.init(_:decodingNow:)`).
    static func decode(_ bytes: ByteSlice, path: String, display: String, regions keep: Set<String>? = nil,
                       partsNow: Bool = false) -> SourceDocument? {
        try? BinaryReader.reading(bytes) { (r: inout BinaryReader) throws(BinaryReader.Truncated) -> SourceDocument? in
            let content: DocumentContent
            switch try r.int() {
            case 0: content = .foreign
            case 1: content = .unreadable
            case 2: content = .cachedPlan(PlanSummary(try decodePlan(&r, in: bytes, file: display, partsNow: partsNow)))
            case 3:
                content = try r.tabled { (r: inout BinaryReader) throws(BinaryReader.Truncated) in
                    let firstKey = try r.span()
                    let regions = try r.array { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try decodeRegion(&r, keep: keep) }
                        .compactMap { $0 }
                    return .regions(RegionsDocument(file: display, firstKey: firstKey, regions: regions))
                }
            case 4:
                content = try r.tabled { (r: inout BinaryReader) throws(BinaryReader.Truncated) in
                    let firstKey = try r.span()
                    let region = try r.field { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try r.string() }
                    let resources = try r.array { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try decodeResource(&r) }
                    return .inventory(Inventory(file: display, firstKey: firstKey, region: region, resources: resources))
                }
            case 5: content = .config(Configuration(file: display))
            case 6:
                typealias R = BinaryReader
                typealias T = BinaryReader.Truncated
                var broken = BrokenFile()
                broken.type = try r.optional { (r: inout R) throws(T) in try r.string() }
                broken.id = try r.optional { (r: inout R) throws(T) in try r.string() }
                broken.kind = try r.optional { (r: inout R) throws(T) -> PlanKind in try r.enumCase() }
                broken.level = try r.optional { (r: inout R) throws(T) -> Level in try r.enumCase() }
                broken.region = try r.optional { (r: inout R) throws(T) in try r.string() }
                broken.status = try r.optional { (r: inout R) throws(T) -> PlanStatus in try r.enumCase() }
                broken.version = try r.optional { (r: inout R) throws(T) in Version(try r.string()) } ?? nil
                content = .broken(broken)
            default: return nil
            }
            guard r.isAtEnd else { return nil }
            return SourceDocument(path: path, display: display, content: content, diagnostics: [])
        } ?? nil
    }

    // MARK: Plans

    /// (`RelatedPlans.scan` reads this layout too, hashing the links instead of decoding them: a change
    /// here is a change there; its test compares the two over every fixture plan.)
    static func encode(_ p: PlanSummary, _ w: inout BinaryWriter) {
        w.span(p.firstKey)
        w.field(p.id) { w, v in w.string(v) }
        w.field(p.kind) { w, v in w.enumCase(v) }
        w.field(p.level) { w, v in w.enumCase(v) }
        w.field(p.region) { w, v in w.string(v) }
        w.field(p.owner) { w, v in w.agency(v) }
        w.field(p.status) { w, v in w.enumCase(v) }
        w.field(p.version) { w, v in w.string(v.text) }
        w.optional(p.parent) { w, link in w.parentLink(link) }
        w.field(p.master) { w, v in w.string(v) }
        w.field(p.regions) { w, list in w.array(list) { w, r in w.field(r) { w, v in w.string(v) } } }
        w.array(p.resourceIDs) { w, id in w.field(id) { w, v in w.string(v) } }
        // Scope, organization, reporting and actions are blocks, decoded only for the plans a run
        // asks about (`DeferredPlanParts`).
        w.optional(p.scope) { w, scope in w.block { encode(scope, &$0) } }
        w.optional(p.organization) { w, o in w.block { encode(o, &$0) } }
        w.optional(p.reporting) { w, rep in w.block { encode(rep, &$0) } }
        w.optional(p.actions) { w, actions in w.block { encode(actions, &$0) } }
        let details = p.details
        w.block { encode(details.qualified, &$0) }
        w.block { encode(details.foreign, &$0) }
        w.block { encode(details.resources, &$0) }
    }

    /// `bytes` are the whole summary that `r` reads (deferred parts keep slices of it).
    /// `partsNow`: see `DeferredPlanParts.init(_:decodingNow:)`.
    static func decodePlan(_ r: inout BinaryReader, in bytes: ByteSlice, file: String,
                           partsNow: Bool = false) throws(BinaryReader.Truncated) -> CachedPlan {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let firstKey = try r.span()
        let id = try r.field { (r: inout R) throws(T) in try r.string() }
        let kind = try r.field { (r: inout R) throws(T) -> PlanKind in try r.enumCase() }
        let level = try r.field { (r: inout R) throws(T) -> Level in try r.enumCase() }
        let region = try r.field { (r: inout R) throws(T) in try r.string() }
        let owner = try r.field { (r: inout R) throws(T) in try r.agency() }
        let status = try r.field { (r: inout R) throws(T) -> PlanStatus in try r.enumCase() }
        let version = try r.field { (r: inout R) throws(T) in Version(try r.string()) }
        let parent = try r.optional { (r: inout R) throws(T) in try r.parentLink() }
        let master = try r.field { (r: inout R) throws(T) in try r.string() }
        let regions = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) in try r.field { (r: inout R) throws(T) in try r.string() } ?? Field(nil, span: firstKey) }
        }
        let resourceIDs = try r.array { (r: inout R) throws(T) in
            try r.field { (r: inout R) throws(T) in try r.string() } ?? Field(nil, span: firstKey)
        }
        // The parts are blocks: their places are kept, their bytes decoded on first use.
        guard bytes.count < Int(Int32.max) else { throw T() }
        var blocks = DeferredPlanParts.Blocks(summary: bytes)
        for part in [DeferredPlanParts.Blocks.Part.scope, .organization, .reporting, .actions] {
            if try r.bool() { blocks.set(part, try r.block()) }
        }
        for part in [DeferredPlanParts.Blocks.Part.qualifiedReferences, .foreignReferences, .resources] {
            blocks.set(part, try r.block())
        }
        return CachedPlan(file: file, firstKey: firstKey, id: id, kind: kind, level: level, region: region, owner: owner,
                          status: status, version: version, parent: parent, master: master, regions: regions,
                          resourceIDs: resourceIDs, parts: DeferredPlanParts(blocks, decodingNow: partsNow))
    }

    static func encode(_ s: PlanSummary.Scope, _ w: inout BinaryWriter) {
        w.span(s.span)
        w.span(s.firstKey)
        w.field(s.hazards) { w, list in w.array(list) { w, h in w.field(h) { w, v in w.string(v) } } }
        w.field(s.severities) { w, list in w.array(list) { w, c in w.field(c) { w, v in w.enumCase(v) } } }
        w.array(s.excluded) { w, e in
            w.span(e.span)
            w.field(e.hazard) { w, v in w.string(v) }
            w.field(e.reason) { w, v in w.string(v) }
        }
    }

    static func decodeScope(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> PlanSummary.Scope {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let span = try r.span(), firstKey = try r.span()
        let hazards = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) in
                try r.field { (r: inout R) throws(T) in try r.string() } ?? Field(nil, span: span)
            }
        }
        let severities = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) in
                try r.field { (r: inout R) throws(T) -> SeverityClass in try r.enumCase() } ?? Field(nil, span: span)
            }
        }
        let excluded = try r.array { (r: inout R) throws(T) -> Exclusion in
            let span = try r.span()
            return Exclusion(hazard: try r.field { (r: inout R) throws(T) in try r.string() },
                             reason: try r.field { (r: inout R) throws(T) in try r.string() }, span: span)
        }
        return PlanSummary.Scope(span: span, firstKey: firstKey, hazards: hazards, severities: severities, excluded: excluded)
    }

    static func encode(_ o: PlanSummary.Organization, _ w: inout BinaryWriter) {
        w.span(o.span)
        w.field(o.office) { w, v in w.agency(v) }
        w.array(o.members) { w, m in
            w.span(m.span)
            w.field(m.agency) { w, v in w.agency(v) }
            w.field(m.role) { w, v in w.enumCase(v) }
        }
    }

    static func decodeOrganization(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> PlanSummary.Organization {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let span = try r.span()
        let office = try r.field { (r: inout R) throws(T) in try r.agency() }
        let members = try r.array { (r: inout R) throws(T) -> PlanSummary.Member in
            PlanSummary.Member(span: try r.span(), agency: try r.field { (r: inout R) throws(T) in try r.agency() },
                               role: try r.field { (r: inout R) throws(T) -> MemberRole in try r.enumCase() })
        }
        return PlanSummary.Organization(span: span, office: office, members: members)
    }

    static func encode(_ rep: PlanSummary.Reporting, _ w: inout BinaryWriter) {
        w.span(rep.span)
        w.span(rep.firstKey)
        for limit in [rep.initial, rep.written] {
            w.field(limit) { w, l in
                switch l {
                case .all(let d): w.int(0); w.duration(d)
                case .perClass(let map):
                    w.int(1)
                    w.array(map.keys) { w, c in
                        w.enumCase(c)
                        w.field(map[c]) { w, d in w.duration(d) }
                    }
                }
            }
        }
        w.field(rep.followUp) { w, d in w.duration(d) }
    }

    static func decodeReporting(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> PlanSummary.Reporting {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let span = try r.span(), firstKey = try r.span()
        func limit(_ r: inout R) throws(T) -> Field<ReportingLimit>? {
            try r.field { (r: inout R) throws(T) -> ReportingLimit? in
                if try r.int() == 0 { return ReportingLimit.all(try r.duration()) }
                var map = ClassLimits()
                let count = try r.int()
                guard count >= 0, count <= SeverityClass.allCases.count else { throw T() }
                for _ in 0 ..< count {
                    let severity: SeverityClass = try r.enumCase()
                    map[severity] = try r.field { (r: inout R) throws(T) in try r.duration() }
                }
                return .perClass(map)
            }
        }
        let initial = try limit(&r), written = try limit(&r)
        let followUp = try r.field { (r: inout R) throws(T) in try r.duration() }
        return PlanSummary.Reporting(span: span, firstKey: firstKey, initial: initial, written: written, followUp: followUp)
    }

    static func encode(_ actions: PlanSummary.Actions, _ w: inout BinaryWriter) {
        w.array(actions.usedResources) { w, id in w.string(id) }
        w.array(Stage.allCases.filter(actions.stages.contains)) { w, stage in w.enumCase(stage) }
    }

    static func decodeActions(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> PlanSummary.Actions {
        let used = try r.array { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try r.string() }
        let stages = try r.array { (r: inout BinaryReader) throws(BinaryReader.Truncated) -> Stage in try r.enumCase() }
        return PlanSummary.Actions(usedResources: used, stages: Set(stages))
    }

    /// The details, tabled (`BinaryWriter.tabled`): a plan names the same few agencies and resources
    /// many times, and a run that reads the details of every plan (a whole run from the findings cache)
    /// then makes each string once.
    static func encode(_ d: PlanSummary.Details, _ w: inout BinaryWriter) {
        w.tabled { w in
            w.array(d.agencyReferences) { w, reference in
                switch reference.place {
                case .owner: w.int(0)
                case .commandOffice: w.int(1)
                case .member: w.int(2)
                case .reportingTo: w.int(3)
                case .responseLead: w.int(4)
                case .resourceHolder: w.int(5)
                case .actionWho(let action): w.int(6); w.optional(action) { w, v in w.string(v) }
                }
                w.field(reference.field) { w, v in w.agency(v) }
            }
            w.array(d.resourceUses) { w, use in
                w.optional(use.action) { w, v in w.string(v) }
                w.field(use.resource) { w, v in w.string(v) }
            }
            w.array(d.resourceDefinitions) { w, definition in
                w.string(definition.id)
                w.span(definition.span)
            }
        }
    }

    static func decodeDetails(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> PlanSummary.Details {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        return try r.tabled { (r: inout R) throws(T) in
            let nowhere = SourceSpan(at: .start)
            let references = try r.array { (r: inout R) throws(T) -> PlanSummary.AgencyReference in
                let place: PlanSummary.AgencyPlace
                switch try r.int() {
                case 0: place = .owner
                case 1: place = .commandOffice
                case 2: place = .member
                case 3: place = .reportingTo
                case 4: place = .responseLead
                case 5: place = .resourceHolder
                case 6: place = .actionWho(try r.optional { (r: inout R) throws(T) in try r.string() })
                default: throw T()
                }
                return PlanSummary.AgencyReference(place: place, field: try r.field { (r: inout R) throws(T) in try r.agency() } ?? Field(nil, span: nowhere))
            }
            let uses = try r.array { (r: inout R) throws(T) -> PlanSummary.ResourceUse in
                let action = try r.optional { (r: inout R) throws(T) in try r.string() }
                return PlanSummary.ResourceUse(action: action, resource: try r.field { (r: inout R) throws(T) in try r.string() } ?? Field(nil, span: nowhere))
            }
            let definitions = try r.array { (r: inout R) throws(T) -> PlanSummary.DefinedResource in
                PlanSummary.DefinedResource(id: try r.string(), span: try r.span())
            }
            return PlanSummary.Details(agencyReferences: references, resourceUses: uses, resourceDefinitions: definitions)
        }
    }

    // MARK: Inventories and regions, kept whole

    static func encode(_ r: Resource, _ w: inout BinaryWriter) {
        w.span(r.span)
        w.field(r.id) { w, v in w.string(v) }
        w.field(r.type) { w, v in w.enumCase(v) }
        w.field(r.name) { w, v in w.string(v) }
        w.field(r.quantity) { w, v in w.int(Int(bitPattern: UInt(v.bitPattern))) }
        w.field(r.unit) { w, v in w.string(v) }
        w.field(r.holder) { w, v in w.agency(v) }
    }

    static func decodeResource(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> Resource {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        var resource = Resource(span: try r.span())
        resource.id = try r.field { (r: inout R) throws(T) in try r.string() }
        resource.type = try r.field { (r: inout R) throws(T) -> ResourceType in try r.enumCase() }
        resource.name = try r.field { (r: inout R) throws(T) in try r.string() }
        resource.quantity = try r.field { (r: inout R) throws(T) in Double(bitPattern: UInt64(UInt(bitPattern: try r.int()))) }
        resource.unit = try r.field { (r: inout R) throws(T) in try r.string() }
        resource.holder = try r.field { (r: inout R) throws(T) in try r.agency() }
        return resource
    }

    static func encode(_ region: Region, _ w: inout BinaryWriter) {
        w.span(region.span)
        w.field(region.id) { w, v in w.string(v) }
        w.optional(region.path) { w, v in w.string(v) }
        w.field(region.name) { w, v in w.string(v) }
        w.field(region.level) { w, v in w.enumCase(v) }
        w.field(region.hazards) { w, list in w.array(list) { w, h in w.field(h) { w, v in w.string(v) } } }
        w.array(region.children) { w, c in w.tableBlock { encode(c, &$0) } }
    }

    /// True when `bytes` are a regions document's summary (its first byte, the kind 3 as `BinaryWriter.int` writes it).
    static func isRegions(_ bytes: ByteSlice) -> Bool {
        bytes.first == 6
    }

    /// A region, written in its block (`BinaryWriter.tableBlock`); nil when `keep` leaves its path out:
    /// its block, children and all, is stepped over.
    static func decodeRegion(_ r: inout BinaryReader, keep: Set<String>?) throws(BinaryReader.Truncated) -> Region? {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        let end = try r.blockEnd()
        let span = try r.span()
        var region = Region(span: span, children: [])
        region.id = try r.field { (r: inout R) throws(T) in try r.string() }
        region.path = try r.optional { (r: inout R) throws(T) in try r.string() }
        if let keep, let path = region.path, !keep.contains(path) {
            try r.skip(end - r.position)
            return nil
        }
        region.name = try r.field { (r: inout R) throws(T) in try r.string() }
        region.level = try r.field { (r: inout R) throws(T) -> Level in try r.enumCase() }
        region.hazards = try r.field { (r: inout R) throws(T) in
            try r.array { (r: inout R) throws(T) in try r.field { (r: inout R) throws(T) in try r.string() } ?? Field(nil, span: span) }
        }
        let count = try r.count()
        region.children.reserveCapacity(keep == nil ? count : 0)
        for _ in 0 ..< count {
            if let child = try decodeRegion(&r, keep: keep) { region.children.append(child) }
        }
        guard r.position == end else { throw T() }
        return region
    }
}
