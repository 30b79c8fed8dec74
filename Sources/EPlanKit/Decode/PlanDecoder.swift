import EPlanText
import EPlanYAML

/// Decodes `eplan: plan/v1` documents (plan-format §4).
enum PlanDecoder {
    static let alwaysRequired = ["id", "title", "kind", "level", "region", "owner", "version"]

    /// Keys each kind must have, besides `parent` and `master` (which the vertical rules report).
    static func requiredKeys(of kind: PlanKind) -> [String] {
        switch kind {
        case .master, .special: return ["organization", "reporting", "response-levels", "actions", "scope.hazards"]
        case .departmental: return ["owner", "actions"]
        case .unit: return ["scope.hazards", "reporting", "actions"]
        case .event: return ["scope.hazards", "actions", "event-dates"]
        case .joint: return ["regions", "scope.hazards", "actions"]
        }
    }

    /// The bits (`PlanKey.bit`) of the keys above, `scope.hazards` as `scope`: a plan that writes them all
    /// (and a scope with hazards where one is needed) passes the required-key checks without a key named.
    private static func bits(_ keys: [String]) -> UInt64 {
        keys.reduce(0) { $0 | (PlanKey(rawValue: $1 == "scope.hazards" ? "scope" : $1)?.bit ?? 0) }
    }
    private static let alwaysRequiredBits = bits(alwaysRequired)
    private static let issuedBit = PlanKey.issued.bit
    private static let requiredBitsByKind = PlanKind.allCases.map { (kind: $0, bits: bits(requiredKeys(of: $0)),
                                                                      hazards: requiredKeys(of: $0).contains("scope.hazards")) }

    static func decode(_ root: YAMLNode, _ pairs: YAMLMapping, _ c: inout DecodeContext) -> Plan {
        var plan = PlanFields(file: c.sink.file, firstKey: c.firstKeySpan(root))
        var regionsPair: YAMLPair?
        var eventDatesPair: YAMLPair?
        var unitOnlyPairs: [YAMLPair] = []  // category, form
        var written: UInt64 = 0  // the known keys the plan writes, for the required-key checks
        for pair in pairs {
            guard let (key, bit) = PlanKey.table.match(pair) else { continue }  // absent (1.1)
            written |= bit
            let path = FieldPath(node: pair.key)
            switch key {
            case .eplan: break
            case .id:
                let s = c.span(pair)
                plan.id = Field(c.identifier(pair.value, path, at: s, what: .planID), span: s)
            case .title: plan.title = c.textField(pair, path)
            case .kind: plan.kind = c.enumField(pair, path, what: .planKind)
            case .level: plan.level = c.enumField(pair, path, what: .level)
            case .region:
                let s = c.span(pair)
                plan.region = Field(c.regionPath(pair.value, path, at: s), span: s)
            case .owner:
                let s = c.span(pair)
                plan.owner = Field(c.agencyRef(pair.value, path, at: s), span: s)
            case .status: plan.status = c.enumField(pair, path, what: .status)
            case .version: plan.version = c.versionField(pair, path)
            case .issued: plan.issued = c.dateField(pair, path)
            case .filed: plan.filed = c.dateField(pair, path)
            case .evaluated: plan.evaluated = c.dateField(pair, path)
            case .parent: plan.parent = parent(pair, &c)
            case .master:
                let s = c.span(pair)
                plan.master = Field(c.identifier(pair.value, path, at: s, what: .masterPlanID), span: s)
            case .scope: plan.scope = scope(pair, &c)
            case .organization: plan.organization = organization(pair, &c)
            case .reporting: plan.reporting = reporting(pair, path, &c)
            case .responseLevels: plan.responseLevels = c.records(pair, path, responseLevel)
            case .actions: plan.actions = c.records(pair, path, action)
            case .resources: plan.resources = c.records(pair, path, resource)
            case .drills: plan.drills = c.records(pair, path, drill)
            case .revisions: plan.revisions = c.records(pair, path, revision)
            case .regions:
                regionsPair = pair
                plan.regions = c.fieldList(pair, path) { c, node, path in c.regionPath(node, path, at: c.span(node)) }
            case .eventDates:
                eventDatesPair = pair
                plan.eventDates = eventDates(pair, &c)
            case .category, .form:
                unitOnlyPairs.append(pair)
                if key == .category {
                    plan.category = c.enumField(pair, path, what: .unitCategory)
                } else {
                    plan.form = c.enumField(pair, path, what: .planForm)
                }
            case .purpose: plan.purpose = c.textField(pair, path)
            case .basis: plan.basis = c.fieldList(pair, path) { c, node, path in c.text(node, path, at: c.span(node)) }
            case .principles: plan.principles = c.fieldList(pair, path) { c, node, path in c.text(node, path, at: c.span(node)) }
            case .warning: plan.warning = warning(pair, &c)
            case .termination: plan.termination = c.textField(pair, path)
            case .support: plan.support = support(pair, &c)
            case .contacts: plan.contacts = c.records(pair, path, contact)
            case .annexes: plan.annexes = c.records(pair, path, annex)
            case nil:
                if let meant = c.unknownKey(pair, known: Keys.plan, in: Message("schema.in.plan"), among: pairs) {
                    // Counts as written, so that it is not reported missing too.
                    written |= PlanKey(rawValue: meant)?.bit ?? 0
                    misspelt(meant, at: c.span(pair), &plan)
                }
            }
        }
        let decoded = Plan(plan)
        checkRequired(decoded, written, regionsPair: regionsPair, eventDatesPair: eventDatesPair, &c)
        checkActionIDs(decoded, &c)
        checkUnitOnly(decoded, unitOnlyPairs, &c)
        return decoded
    }

    /// A misspelt key (`titel` for an absent `title`) is reported once, as an unknown key with its
    /// suggestion. The key it stands for is recorded as written with no valid value, the state of a key
    /// whose value is invalid, which rules already skip: a field with a nil value. So `reporting-looser`
    /// does not compare an `inital:` (the docking model skips a limit written without a valid value),
    /// `parent-missing` and `filing-late` do not speak of a `parnet:` or `fild:`, and so on.
    static func misspelt(_ key: String, at s: SourceSpan, _ plan: inout PlanFields) {
        switch key {
        case "id": plan.id = Field(nil, span: s)
        case "title": plan.title = Field(nil, span: s)
        case "kind": plan.kind = Field(nil, span: s)
        case "level": plan.level = Field(nil, span: s)
        case "region": plan.region = Field(nil, span: s)
        case "owner": plan.owner = Field(nil, span: s)
        case "status": plan.status = Field(nil, span: s)
        case "version": plan.version = Field(nil, span: s)
        case "issued": plan.issued = Field(nil, span: s)
        case "filed": plan.filed = Field(nil, span: s)
        case "evaluated": plan.evaluated = Field(nil, span: s)
        case "parent": plan.parent = ParentLink(id: Field(nil, span: s), version: nil, span: s)
        case "master": plan.master = Field(nil, span: s)
        case "scope":
            plan.scope = Scope(span: s, firstKey: s, hazards: Field(nil, span: s), severities: Field(nil, span: s), excluded: [])
        case "reporting":
            var reporting = Reporting(span: s)
            reporting.initial = Field(nil, span: s)
            reporting.written = Field(nil, span: s)
            reporting.followUp = Field(nil, span: s)
            reporting.to = Field(nil, span: s)
            plan.reporting = reporting
        case "response-levels": plan.responseLevels = Field(nil, span: s)
        case "actions": plan.actions = Field(nil, span: s)
        case "resources": plan.resources = Field(nil, span: s)
        case "drills": plan.drills = Field(nil, span: s)
        case "revisions": plan.revisions = Field(nil, span: s)
        case "regions": plan.regions = Field(nil, span: s)
        case "event-dates": plan.eventDates = EventDates(span: s)
        case "category": plan.category = Field(nil, span: s)
        case "form": plan.form = Field(nil, span: s)
        case "purpose": plan.purpose = Field(nil, span: s)
        case "basis": plan.basis = Field(nil, span: s)
        case "principles": plan.principles = Field(nil, span: s)
        case "termination": plan.termination = Field(nil, span: s)
        case "support": plan.support = Field(nil, span: s)
        case "contacts": plan.contacts = Field(nil, span: s)
        case "annexes": plan.annexes = Field(nil, span: s)
        default: break  // `organization`: no rule compares it as a whole
        }
    }

    /// `category` and `form` belong to unit plans (plan-format §4.1).
    private static func checkUnitOnly(_ plan: Plan, _ pairs: [YAMLPair], _ c: inout DecodeContext) {
        guard let kind = plan.kind?.value, kind != .unit else { return }
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            c.sink.add(.schemaValue, kindOnly(key, .unit, kind), at: c.span(pair), help: kindOnlyHelp(key, .unit))
        }
    }

    private static func checkRequired(_ plan: Plan, _ written: UInt64, regionsPair: YAMLPair?,
                                      eventDatesPair: YAMLPair?, _ c: inout DecodeContext) {
        func present(_ key: String) -> Bool { PlanKey(rawValue: key).map { written & $0.bit != 0 } ?? false }
        // Messages are put together only when a key is missing.
        // (`schema.the.plan-id`, not `plan.named`: in Chinese a space parts the id from the words after it.)
        var name: Message { plan.id?.value.map { Message("schema.the.plan-id", ["id": .verbatim($0)]) } ?? Message("schema.the.plan") }
        let inForce = plan.effectiveStatus == .inForce
        let always = alwaysRequiredBits | (inForce ? issuedBit : 0)
        if written & always != always {
            var required = alwaysRequired
            if inForce { required.append("issued") }
            for key in required where !present(key) { c.missingKey(key, in: name, at: plan.firstKey) }
        }
        guard let kind = plan.kind?.value else { return }
        let ofKind = requiredBitsByKind.first { $0.kind == kind }
        let complete = ofKind.map { written & $0.bits == $0.bits && (!$0.hazards || plan.scope?.hazards != nil) } ?? false
        for key in requiredKeys(of: kind) where !complete && !alwaysRequired.contains(key) {
            var reason: Message { Message("schema.required-of", ["kind": .term(Term(.kind, kind.rawValue))]) }
            if key == "scope.hazards" {
                if let scope = plan.scope {
                    if scope.hazards == nil {
                        c.missingKey("hazards", in: Message("schema.the.scope-of", ["plan": .message(name)]), at: scope.firstKey, reason: reason)
                    }
                } else if !present("scope") {
                    c.missingKey("scope", in: name, at: plan.firstKey,
                                 reason: Message("schema.required-of-with-hazards", ["kind": .term(Term(.kind, kind.rawValue))]))
                }
            } else if !present(key) {
                c.missingKey(key, in: name, at: plan.firstKey, reason: reason)
            }
        }
        if let regionsPair, kind != .joint {
            c.sink.add(.schemaValue, kindOnly("regions", .joint, kind), at: c.span(regionsPair), help: kindOnlyHelp("regions", .joint))
        }
        if let eventDatesPair, kind != .event {
            c.sink.add(.schemaValue, kindOnly("event-dates", .event, kind), at: c.span(eventDatesPair), help: kindOnlyHelp("event-dates", .event))
        }
        if kind == .joint, let regions = plan.regions, let list = regions.value, list.count < 2 {
            c.sink.add(.schemaValue, Message("schema.joint-regions", ["count": .number(list.count)]), at: regions.span)
        }
    }

    /// "'KEY' belongs to OWNER plans only; this plan is KIND".
    private static func kindOnly(_ key: String, _ owner: PlanKind, _ kind: PlanKind) -> Message {
        Message("schema.kind-only", ["key": .verbatim(key), "owner": .term(Term(.kind, owner.rawValue)), "kind": .term(Term(.kind, kind.rawValue))])
    }

    /// "remove 'KEY', or make the plan 'kind: OWNER'".
    private static func kindOnlyHelp(_ key: String, _ owner: PlanKind) -> Message {
        Message("schema.kind-only-help", ["key": .verbatim(key), "owner": .verbatim(owner.rawValue)])
    }

    /// Action ids are unique within a plan (`duplicate-id` at the later one).
    private static func checkActionIDs(_ plan: Plan, _ c: inout DecodeContext) {
        guard let actions = plan.actions?.value else { return }
        // A plan's few actions are compared with each other; many are looked up in a table.
        var seen: [String: SourceSpan] = [:]
        let few = actions.count <= 16
        if !few { seen.reserveCapacity(actions.count) }
        func earlier(_ id: String, before end: Int) -> SourceSpan? {
            guard few else { return seen[id] }
            for j in 0 ..< end { if let other = actions[j].id, other.value == id { return other.span } }
            return nil
        }
        // By index: only the id is read (a loop over the actions would copy each one whole).
        for i in actions.indices {
            guard let field = actions[i].id, let id = field.value else { continue }
            if let first = earlier(id, before: i) {
                c.sink.add(.duplicateID, Message("schema.duplicate-action", ["id": .verbatim(id), "file": .verbatim(c.sink.file),
                                                                              "line": .number(first.start.line)]),
                           at: field.span, help: Message("schema.duplicate-action-help"),
                           related: [RelatedLocation(Location(file: c.sink.file, span: first), Message("schema.duplicate-action-first", ["id": .verbatim(id)]))])
            } else if !few {
                seen[id] = field.span
            }
        }
    }

    // MARK: Parts

    static func parent(_ pair: YAMLPair, _ c: inout DecodeContext) -> ParentLink? {
        let s = c.span(pair)
        if let pairs = pair.value.mapping {
            var id: Field<String>?
            var version: Field<Version>?
            for p in pairs {
                guard let (key, _) = ParentKey.table.match(p) else { continue }  // absent (1.1)
                switch key {
                case .id:
                    let ps = c.span(p)
                    id = Field(c.identifier(p.value, "parent.id", at: ps, what: .parentPlanID), span: ps)
                case .version: version = c.versionField(p, "parent.version")
                case nil:
                    switch c.unknownKey(p, known: Keys.parent, in: Message("schema.in.key", ["key": "parent"]), among: pairs) {
                    case "id": id = Field(nil, span: c.span(p))  // misspelt: reported once (see `misspelt`)
                    case "version": version = Field(nil, span: c.span(p))
                    default: break
                    }
                }
            }
            guard let id else {
                c.missingKey("id", in: Message("schema.in.key", ["key": "parent"]), at: c.firstKeySpan(pair.value))
                return ParentLink(id: Field(nil, span: s), version: version, span: s)
            }
            return ParentLink(id: id, version: version, span: s)
        }
        let id = Field(c.identifier(pair.value, "parent", at: s, what: .parentPlanID), span: s)
        return ParentLink(id: id, version: nil, span: s)
    }

    static func scope(_ pair: YAMLPair, _ c: inout DecodeContext) -> Scope? {
        let s = c.span(pair)
        guard let pairs = c.mapping(pair.value, "scope", at: s) else { return nil }
        var scope = Scope(span: s, firstKey: c.firstKeySpan(pair.value), hazards: nil, severities: nil, excluded: [])
        for p in pairs {
            guard let (key, _) = ScopeKey.table.match(p) else { continue }  // absent (1.1)
            switch key {
            case .hazards:
                scope.hazards = c.fieldList(p, "scope.hazards") { c, node, path in c.hazard(node, path) }
            case .severities:
                scope.severities = c.fieldList(p, "scope.severities") { c, node, path in c.severityClass(node, path) }
            case .excluded:
                scope.excluded = c.records(p, "scope.excluded") { c, node, pairs, path in
                    var e = Exclusion(span: c.span(node))
                    for q in pairs where !DecodeContext.isAbsent(q, known: Keys.exclusion) {
                        switch q.key.scalar {
                        case "hazard": e.hazard = Field(c.hazard(q.value, path.key("hazard")), span: c.span(q))
                        case "reason": e.reason = c.textField(q, path.key("reason"))
                        default: c.unknownKey(q, known: Keys.exclusion, in: Message("schema.in.exclusion"))
                        }
                    }
                    c.requireKeys(pairs, ["hazard", "reason"], known: Keys.exclusion, in: Message("schema.the.exclusion"), at: c.firstKeySpan(node))
                    return e
                }.value ?? []
            case nil:
                switch c.unknownKey(p, known: Keys.scope, in: Message("schema.in.key", ["key": "scope"]), among: pairs) {
                case "hazards": scope.hazards = Field(nil, span: c.span(p))  // misspelt: reported once (see `misspelt`)
                case "severities": scope.severities = Field(nil, span: c.span(p))
                default: break
                }
            }
        }
        return scope
    }

    static func organization(_ pair: YAMLPair, _ c: inout DecodeContext) -> Organization? {
        let s = c.span(pair)
        guard let pairs = c.mapping(pair.value, "organization", at: s) else { return nil }
        var org = Organization(span: s, command: nil, members: [])
        for p in pairs {
            guard let (key, _) = OrganizationKey.table.match(p) else { continue }  // absent (1.1)
            switch key {
            case .command:
                let ps = c.span(p)
                guard let cp = c.mapping(p.value, "organization.command", at: ps) else { continue }
                var command = Command(span: ps)
                for q in cp {
                    guard let (key, _) = CommandKey.table.match(q) else { continue }  // absent (1.1)
                    switch key {
                    case .name: command.name = c.textField(q, "organization.command.name")
                    case .lead: command.lead = c.textField(q, "organization.command.lead")
                    case .office:
                        let qs = c.span(q)
                        command.office = Field(c.agencyRef(q.value, "organization.command.office", at: qs), span: qs)
                    case nil: c.unknownKey(q, known: Keys.command, in: Message("schema.in.key", ["key": "organization.command"]), among: cp)
                    }
                }
                org.command = command
            case .members:
                org.members = c.records(p, "organization.members", member).value ?? []
            case nil:
                c.unknownKey(p, known: Keys.organization, in: Message("schema.in.key", ["key": "organization"]), among: pairs)
            }
        }
        return org
    }

    static func member(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> Member {
        var m = Member(span: c.span(node))
        var written: UInt64 = 0
        for p in pairs {
            guard let (key, bit) = MemberKey.table.match(p) else { continue }  // absent (1.1)
            written |= bit
            switch key {
            case .agency:
                let s = c.span(p)
                m.agency = Field(c.agencyRef(p.value, path.key("agency"), at: s), span: s)
            case .role: m.role = c.enumField(p, path.key("role"), what: .memberRole)
            case .duties:
                let duties = c.fieldList(p, path.key("duties")) { c, node, path in c.text(node, path, at: c.span(node)) }
                if let list = duties.value, list.isEmpty {
                    c.sink.add(.schemaValue, Message("schema.duties-empty", ["path": "\(path)"]), at: duties.span)
                }
                m.duties = duties
            case nil: c.unknownKey(p, known: Keys.member, in: Message("schema.in.member"))
            }
        }
        c.requireKeys(pairs, [MemberKey.agency, .duties], written: written, known: Keys.member, in: Message("schema.the.member"), at: c.firstKeySpan(node))
        return m
    }

    static func reporting(_ pair: YAMLPair, _ path: FieldPath, _ c: inout DecodeContext) -> Reporting? {
        let s = c.span(pair)
        guard let pairs = c.mapping(pair.value, path, at: s) else { return nil }
        var r = Reporting(span: s)
        r.firstKey = pairs.isEmpty ? s : c.firstKeySpan(pair.value)
        for p in pairs {
            guard let (key, _) = ReportingKey.table.match(p) else { continue }  // absent (1.1)
            switch key {
            case .initial: r.initial = c.reportingLimit(p, path.key("initial"))
            case .written: r.written = c.reportingLimit(p, path.key("written"))
            case .followUp:
                let ps = c.span(p)
                r.followUp = Field(c.duration(p.value, path.key("follow-up"), at: ps), span: ps)
            case .to:
                let ps = c.span(p)
                r.to = Field(c.agencyRef(p.value, path.key("to"), at: ps), span: ps)
            case nil:
                // A misspelt key is written with no valid value (see `misspelt`): the docking model does
                // not compare it, so `reporting-looser` does not report an `inital:` as no limit.
                let s = c.span(p)
                switch c.unknownKey(p, known: Keys.reporting, in: Message("schema.in.key", ["key": "\(path)"]), among: pairs) {
                case "initial": r.initial = Field(nil, span: s)
                case "written": r.written = Field(nil, span: s)
                case "follow-up": r.followUp = Field(nil, span: s)
                case "to": r.to = Field(nil, span: s)
                default: break
                }
            }
        }
        return r
    }

    static func responseLevel(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> ResponseLevel {
        var r = ResponseLevel(span: c.span(node))
        var written: UInt64 = 0
        for p in pairs {
            guard let (key, bit) = ResponseLevelKey.table.match(p) else { continue }  // absent (1.1)
            written |= bit
            switch key {
            case .level: r.level = c.enumField(p, path.key("level"), what: .responseLevel)
            case .trigger: r.trigger = c.textField(p, path.key("trigger"))
            case .lead:
                r.lead = c.fieldList(p, path.key("lead"), scalarIsList: true) { c, node, path in
                    c.agencyRef(node, path, at: c.span(node))
                }
            case nil: c.unknownKey(p, known: Keys.responseLevel, in: Message("schema.in.response-level"))
            }
        }
        c.requireKeys(pairs, [ResponseLevelKey.level], written: written, known: Keys.responseLevel, in: Message("schema.the.response-level"), at: c.firstKeySpan(node))
        return r
    }

    static func action(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> Action {
        var a = Action(span: c.firstKeySpan(node))
        var here = path
        if let idPair = node.pair("id"), idPair.value.withScalarBytes({ !$0.isEmpty }) == true { here = FieldPath("actions").item(idPair.value) }
        var written: UInt64 = 0
        for p in pairs {
            guard let (key, bit) = ActionKey.table.match(p) else { continue }  // absent (1.1)
            written |= bit
            switch key {
            case .id:
                let s = c.span(p)
                a.id = Field(c.slug(p.value, here.key("id"), at: s, what: .actionID), span: s)
            case .phase: a.phase = c.enumField(p, here.key("phase"), what: .phase)
            case .who where DecodeContext.isBlank(p.value):
                // `who: ""` is an empty answer (`action-incomplete` at the key), as `who: []` is.
                a.who = Field([], span: c.span(p))
            case .who:
                a.who = c.fieldList(p, here.key("who"), scalarIsList: true) { c, node, path in
                    if node.isNull { return nil }
                    return c.agencyRef(node, path, at: c.span(node))
                }
            case .how: a.how = c.textField(p, here.key("how"), allowEmpty: true)
            case .when: a.when = c.textField(p, here.key("when"), allowEmpty: true)
            case .within:
                let s = c.span(p)
                a.within = Field(c.duration(p.value, here.key("within"), at: s), span: s)
            case .resources:
                a.resources = c.fieldList(p, here.key("resources")) { c, node, path in
                    c.identifier(node, path, at: c.span(node), what: .resourceID)
                }
            case .hazards:
                a.hazards = c.fieldList(p, here.key("hazards")) { c, node, path in c.hazard(node, path) }
            case nil:
                // A misspelt answer is reported once (see `misspelt`), not as an action that does not say it.
                let s = c.span(p)
                switch c.unknownKey(p, known: Keys.action, in: Message("schema.in.action"), among: pairs) {
                case "who": a.who = Field(nil, span: s)
                case "how": a.how = Field(nil, span: s)
                case "when": a.when = Field(nil, span: s)
                case "resources": a.resources = Field(nil, span: s)
                default: break
                }
            }
        }
        c.requireKeys(pairs, [ActionKey.id, .phase], written: written, known: Keys.action, in: Message("schema.the.action"), at: a.span)
        return a
    }

    static func resource(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> Resource {
        var r = Resource(span: c.span(node))
        var written: UInt64 = 0
        for p in pairs {
            guard let (key, bit) = ResourceKey.table.match(p) else { continue }  // absent (1.1)
            written |= bit
            let s = c.span(p)
            switch key {
            case .id: r.id = Field(c.identifier(p.value, path.key("id"), at: s, what: .resourceID), span: s)
            case .type: r.type = c.enumField(p, path.key("type"), what: .resourceType)
            case .name: r.name = c.textField(p, path.key("name"))
            case .quantity: r.quantity = Field(c.number(p.value, path.key("quantity"), at: s), span: s)
            case .unit: r.unit = c.textField(p, path.key("unit"))
            case .holder: r.holder = Field(c.agencyRef(p.value, path.key("holder"), at: s), span: s)
            case nil: c.unknownKey(p, known: Keys.resource, in: Message("schema.in.resource"))
            }
        }
        c.requireKeys(pairs, [ResourceKey.id, .type], written: written, known: Keys.resource, in: Message("schema.the.resource"), at: c.firstKeySpan(node))
        return r
    }

    static func drill(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> Drill {
        var d = Drill(span: c.span(node))
        var written: UInt64 = 0
        for p in pairs {
            guard let (key, bit) = DrillKey.table.match(p) else { continue }  // absent (1.1)
            written |= bit
            switch key {
            case .date: d.date = c.dateField(p, path.key("date"))
            case .type: d.type = c.enumField(p, path.key("type"), what: .drillType)
            case .findings:
                d.findings = c.fieldList(p, path.key("findings")) { c, node, path in c.text(node, path, at: c.span(node)) }
            case nil: c.unknownKey(p, known: Keys.drill, in: Message("schema.in.drill"))
            }
        }
        c.requireKeys(pairs, [DrillKey.date], written: written, known: Keys.drill, in: Message("schema.the.drill"), at: c.firstKeySpan(node))
        return d
    }

    static func revision(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> Revision {
        var r = Revision(span: c.span(node))
        var written: UInt64 = 0
        for p in pairs {
            guard let (key, bit) = RevisionKey.table.match(p) else { continue }  // absent (1.1)
            written |= bit
            switch key {
            case .version: r.version = c.versionField(p, path.key("version"))
            case .date: r.date = c.dateField(p, path.key("date"))
            case .reason: r.reason = c.textField(p, path.key("reason"))
            case nil: c.unknownKey(p, known: Keys.revision, in: Message("schema.in.revision"))
            }
        }
        c.requireKeys(pairs, [RevisionKey.version, .date], written: written, known: Keys.revision, in: Message("schema.the.revision"), at: c.firstKeySpan(node))
        return r
    }

    static func eventDates(_ pair: YAMLPair, _ c: inout DecodeContext) -> EventDates? {
        let s = c.span(pair)
        guard let pairs = c.mapping(pair.value, "event-dates", at: s) else { return nil }
        var e = EventDates(span: s)
        for p in pairs where !DecodeContext.isAbsent(p, known: Keys.eventDates) {
            switch p.key.scalar {
            case "from": e.from = c.dateField(p, "event-dates.from")
            case "to": e.to = c.dateField(p, "event-dates.to")
            default: c.unknownKey(p, known: Keys.eventDates, in: Message("schema.in.key", ["key": "event-dates"]))
            }
        }
        c.requireKeys(pairs, ["from", "to"], known: Keys.eventDates, in: Message("schema.in.key", ["key": "event-dates"]), at: c.firstKeySpan(pair.value))
        if let from = e.from?.value, let to = e.to, let toDay = to.value, toDay < from {
            c.sink.add(.schemaValue, Message("schema.event-ends-first", ["to": "\(toDay)", "from": "\(from)"]), at: to.span)
        }
        return e
    }
}

extension PlanDecoder {
    // MARK: The document keys of plan-format §4.1

    static func warning(_ pair: YAMLPair, _ c: inout DecodeContext) -> Warning? {
        let s = c.span(pair)
        guard let pairs = c.mapping(pair.value, "warning", at: s) else { return nil }
        var w = Warning(span: s)
        for p in pairs where !DecodeContext.isAbsent(p, known: Keys.warning) {
            switch p.key.scalar {
            case "levels": w.levels = c.records(p, "warning.levels", warningLevel)
            default: c.unknownKey(p, known: Keys.warning, in: Message("schema.in.key", ["key": "warning"]), among: pairs)
            }
        }
        return w
    }

    static func warningLevel(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> WarningLevel {
        var w = WarningLevel(span: c.span(node))
        for p in pairs where !DecodeContext.isAbsent(p, known: Keys.warningLevel) {
            switch p.key.scalar {
            case "level": w.level = c.enumField(p, path.key("level"), what: .warningLevel)
            case "criteria": w.criteria = c.textField(p, path.key("criteria"))
            case "issued-by": w.issuedBy = c.textField(p, path.key("issued-by"))
            default: c.unknownKey(p, known: Keys.warningLevel, in: Message("schema.in.warning-level"))
            }
        }
        c.requireKeys(pairs, ["level", "criteria"], known: Keys.warningLevel, in: Message("schema.the.warning-level"), at: c.firstKeySpan(node))
        return w
    }

    /// `support:` maps an area to a list of text; an unknown area is an unknown value with its suggestion.
    static func support(_ pair: YAMLPair, _ c: inout DecodeContext) -> Field<[SupportEntry]> {
        let s = c.span(pair)
        guard let pairs = c.mapping(pair.value, "support", at: s) else { return Field(nil, span: s) }
        var entries: [SupportEntry] = []
        for p in pairs {
            if p.key.scalar?.hasPrefix("x-") == true || p.value.isNull { continue }
            let keySpan = c.span(p.key)
            let area: SupportArea? = c.enumValue(p.key, "support key", at: keySpan, what: .supportArea)
            let path = FieldPath("support").key(node: p.key)
            let items = c.fieldList(p, path) { c, node, path in c.text(node, path, at: c.span(node)) }
            entries.append(SupportEntry(area: Field(area, span: keySpan), items: items))
        }
        return Field(entries, span: s)
    }

    static func contact(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> Contact {
        var k = Contact(span: c.span(node))
        for p in pairs where !DecodeContext.isAbsent(p, known: Keys.contact) {
            let s = c.span(p)
            switch p.key.scalar {
            case "agency": k.agency = Field(c.agencyRef(p.value, path.key("agency"), at: s), span: s)
            case "name": k.name = c.textField(p, path.key("name"))
            case "role": k.role = c.textField(p, path.key("role"))
            case "phone": k.phone = Field(c.phone(p.value, path.key("phone"), at: s), span: s)
            default: c.unknownKey(p, known: Keys.contact, in: Message("schema.in.contact"))
            }
        }
        if !DecodeContext.writes(pairs, "agency"), !DecodeContext.writes(pairs, "name"),
           !pairs.contains(where: { ["agency", "name"].contains(DecodeContext.standsFor($0, known: Keys.contact, in: pairs)) }) {
            c.sink.add(.schemaMissingKey, Message("schema.contact-who"), at: c.firstKeySpan(node),
                       help: Message("schema.contact-who-help"))
        }
        c.requireKeys(pairs, ["phone"], known: Keys.contact, in: Message("schema.the.contact"), at: c.firstKeySpan(node))
        return k
    }

    static func annex(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> Annex {
        var a = Annex(span: c.span(node))
        for p in pairs where !DecodeContext.isAbsent(p, known: Keys.annex) {
            switch p.key.scalar {
            case "title": a.title = c.textField(p, path.key("title"))
            case "text": a.text = c.textField(p, path.key("text"))
            default: c.unknownKey(p, known: Keys.annex, in: Message("schema.in.annex"))
            }
        }
        c.requireKeys(pairs, ["title", "text"], known: Keys.annex, in: Message("schema.the.annex"), at: c.firstKeySpan(node))
        return a
    }
}

extension Warning { init(span: SourceSpan) { self.span = span } }
extension WarningLevel { init(span: SourceSpan) { self.span = span } }
extension Contact { init(span: SourceSpan) { self.span = span } }
extension Annex { init(span: SourceSpan) { self.span = span } }
extension Exclusion { init(span: SourceSpan) { self.span = span } }
extension Command { init(span: SourceSpan) { self.span = span } }
extension Member { init(span: SourceSpan) { self.span = span } }
extension Reporting {
    init(span: SourceSpan) {
        self.span = span
        self.firstKey = span
    }
}
extension ResponseLevel { init(span: SourceSpan) { self.span = span } }
extension Action { init(span: SourceSpan) { self.span = span } }
extension Resource { init(span: SourceSpan) { self.span = span } }
extension Drill { init(span: SourceSpan) { self.span = span } }
extension Revision { init(span: SourceSpan) { self.span = span } }
extension EventDates { init(span: SourceSpan) { self.span = span } }
