import EPlanText
/// JSON Schemas (draft 2020-12) of the four document types, generated from the declarations the
/// decoders use (`Keys`, the enums, the required keys per kind), for editors: completion of keys and
/// enum values, and early red squiggles. eplan itself does not read them; `eplan lint` is the judge.
public enum JSONSchemas {
    public static let documentTypes = ["plan", "regions", "inventory", "config"]

    public static func schema(_ type: String) -> JSON? {
        switch type {
        case "plan": return plan
        case "regions": return regions
        case "inventory": return inventory
        case "config": return config
        default: return nil
        }
    }

    /// The file name in schemas/.
    public static func fileName(_ type: String) -> String { "\(type).schema.json" }

    // MARK: Building blocks

    static let idPattern = "^[a-z0-9]+([._-][a-z0-9]+)*$"
    static let slugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    static let regionPattern = "^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$"
    static let agencyPattern = "^([a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*:)?[a-z0-9]+(-[a-z0-9]+)*$"

    static func str(_ description: String, pattern: String? = nil) -> JSON {
        var members: [(String, JSON)] = [("type", .string("string"))]
        if let pattern { members.append(("pattern", .string(pattern))) }
        members.append(("description", .string(description)))
        return .object(members)
    }

    /// Any scalar is text to eplan (`title: 2024` is the text "2024").
    static func text(_ description: String, nullable: Bool = false) -> JSON {
        var types: [JSON] = [.string("string"), .string("number"), .string("boolean")]
        if nullable { types.append(.string("null")) }
        return .object([("type", .array(types)), ("description", .string(description))])
    }

    static func enumeration(_ values: [String], _ description: String) -> JSON {
        .object([("enum", .array(values.map(JSON.string))), ("description", .string(description))])
    }

    static func list(_ items: JSON, _ description: String, minItems: Int? = nil) -> JSON {
        var members: [(String, JSON)] = [("type", .string("array")), ("items", items)]
        if let minItems { members.append(("minItems", .int(minItems))) }
        members.append(("description", .string(description)))
        return .object(members)
    }

    static func oneOrMany(_ item: JSON, _ description: String) -> JSON {
        .object([("anyOf", .array([item, .object([("type", .string("array")), ("items", item)])])),
                 ("description", .string(description))])
    }

    /// A mapping with exactly `keys` (in declaration order) plus `x-` extension keys. A key whose value
    /// is null is absent (1.1): optional keys also accept null, required ones do not.
    static func mapping(_ keys: [String], _ properties: [String: JSON], required: [String] = [],
                        description: String? = nil, extra: [(String, JSON)] = []) -> JSON {
        var members: [(String, JSON)] = [("type", .string("object"))]
        if let description { members.append(("description", .string(description))) }
        members.append(("properties", .object(keys.map { key in
            let property = properties[key] ?? .object([])
            return (key, required.contains(key) ? property : orNull(property))
        })))
        if !required.isEmpty { members.append(("required", .array(required.map(JSON.string)))) }
        members.append(("patternProperties", .object([("^x-", .object([]))])))
        members.append(("additionalProperties", .bool(false)))
        return .object(members + extra)
    }

    /// The schema, or null as well (an optional key left empty is absent).
    static func orNull(_ schema: JSON) -> JSON {
        guard case .object(var members) = schema, !members.isEmpty else { return schema }
        let null: JSON = .object([("type", .string("null"))])
        if let i = members.firstIndex(where: { $0.0 == "enum" }), case .array(let values) = members[i].1 {
            members[i].1 = .array(values + [.null])
        } else if let i = members.firstIndex(where: { $0.0 == "anyOf" }), case .array(let options) = members[i].1 {
            if !options.contains(null) { members[i].1 = .array(options + [null]) }
        } else if let i = members.firstIndex(where: { $0.0 == "type" }) {
            switch members[i].1 {
            case .string(let type): members[i].1 = .array([.string(type), .string("null")])
            case .array(let types): if !types.contains(.string("null")) { members[i].1 = .array(types + [.string("null")]) }
            default: break
            }
        } else {
            return .object([("anyOf", .array([schema, null]))])
        }
        return .object(members)
    }

    /// Required keys of a mapping whose values must not be null (a null one is missing).
    static func requiredNotNull(_ keys: [String]) -> [(String, JSON)] {
        [("required", .array(keys.map(JSON.string))),
         ("properties", .object(keys.map { ($0, .object([("not", .object([("type", .string("null"))]))])) }))]
    }

    static func document(_ type: String, title: String, _ body: JSON) -> JSON {
        guard case .object(let members) = body else { return body }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://eplan.invalid/schemas/\(fileName(type))")),
            ("title", .string(title)),
        ] + members)
    }

    static let id = str("plan or resource id, e.g. qs.lin.flood", pattern: idPattern)
    static let slug = str("slug, e.g. fire-rescue", pattern: slugPattern)
    static let regionPath = str("region path from the root of the region tree, e.g. qs/lin", pattern: regionPattern)
    static let agency = str("agency slug of the plan's region, or REGION:slug", pattern: agencyPattern)
    static let date = str("date YYYY-MM-DD", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    static let duration = str("duration: a positive whole number and m, h or d (30m, 2h, 3d)", pattern: "^[1-9][0-9]*[mhd]$")
    static let version: JSON = .object([("type", .array([.string("string"), .string("number")])),
                                        ("description", .string("version; quote it (\"2.10\") so other tools keep it as text"))])
    static let hazard = enumeration(HazardCatalog.builtIn, "hazard id (repositories may add more in eplan.yaml)")
    static let severityClass = enumeration(SeverityClass.allCases.map(\.rawValue), "severity class: I (particularly serious) .. IV (general)")
    static let level = enumeration(Level.allCases.map(\.rawValue), "administrative level")
    static let kind = enumeration(PlanKind.allCases.map(\.rawValue), "plan kind")
    static let limit: JSON = .object([
        ("anyOf", .array([duration, mapping(SeverityClass.allCases.map(\.rawValue),
                                            Dictionary(uniqueKeysWithValues: SeverityClass.allCases.map { ($0.rawValue, duration) }))])),
        ("description", .string("a duration for every class, or a mapping from severity class to duration")),
    ])

    static let reporting = mapping(Keys.reporting, [
        "initial": limit, "written": limit, "follow-up": duration, "to": agency,
    ], description: "reporting to the higher level")

    static let resource = mapping(Keys.resource, [
        "id": id, "type": enumeration(ResourceType.allCases.map(\.rawValue), "resource type"),
        "name": text("name"), "quantity": .object([("type", .string("number")), ("minimum", .int(0))]),
        "unit": text("unit"), "holder": agency,
    ], required: ["id", "type"])

    // MARK: Documents

    static var plan: JSON {
        let action = mapping(Keys.action, [
            "id": slug, "phase": enumeration(Phase.allCases.map(\.rawValue), "phase"),
            "who": .object([("anyOf", .array([agency, .object([("type", .string("array")), ("items", agency)]),
                                              .object([("type", .string("string")), ("pattern", .string("^\\s*$"))])])),
                            ("description", .string("who does it: an agency ref or a list of them"))]),
            "how": text("how it is done", nullable: true), "when": text("when it is done", nullable: true),
            "within": duration, "resources": list(id, "with what resources; [] when none are needed"),
            "hazards": list(hazard, "hazards the action is for (a subset of scope.hazards)"),
        ], required: ["id", "phase"])
        let properties: [String: JSON] = [
            "eplan": .object([("const", .string("plan/v1"))]),
            "id": id, "title": text("title"), "kind": kind, "level": level, "region": regionPath, "owner": agency,
            "status": enumeration(PlanStatus.allCases.map(\.rawValue), "status (default in-force)"),
            "version": version, "issued": date, "filed": date, "evaluated": date,
            "parent": .object([("anyOf", .array([id, mapping(Keys.parent, ["id": id, "version": version], required: ["id"])])),
                               ("description", .string("the higher-level plan this plan docks with"))]),
            "master": id,
            "scope": mapping(Keys.scope, [
                "hazards": list(hazard, "hazards this plan handles"),
                "severities": list(severityClass, "incident classes this plan handles (default all four)"),
                "excluded": list(mapping(Keys.exclusion, ["hazard": hazard, "reason": text("why")], required: ["hazard", "reason"]),
                                 "parent hazards deliberately not handled here"),
            ]),
            "organization": mapping(Keys.organization, [
                "command": mapping(Keys.command, ["name": text("name"), "lead": text("lead role"), "office": agency]),
                "members": list(mapping(Keys.member, [
                    "agency": agency, "role": enumeration(MemberRole.allCases.map(\.rawValue), "role (default support)"),
                    "duties": list(text("duty"), "what the member does", minItems: 1),
                ], required: ["agency", "duties"]), "member agencies"),
            ]),
            "reporting": reporting,
            "response-levels": list(mapping(Keys.responseLevel, [
                "level": severityClass, "trigger": text("trigger"), "lead": oneOrMany(agency, "lead agency or agencies"),
            ], required: ["level"]), "response levels"),
            "actions": list(action, "actions before, during and after the incident"),
            "resources": list(resource, "resources defined in this plan"),
            "drills": list(mapping(Keys.drill, [
                "date": date, "type": enumeration(DrillType.allCases.map(\.rawValue), "drill type"),
                "findings": list(text("finding"), "what the drill found"),
            ], required: ["date"]), "drills held"),
            "revisions": list(mapping(Keys.revision, ["version": version, "date": date, "reason": text("reason")],
                                      required: ["version", "date"]), "revision history"),
            "regions": list(regionPath, "regions of a joint plan", minItems: 2),
            "event-dates": mapping(Keys.eventDates, ["from": date, "to": date], required: ["from", "to"]),
            "category": enumeration(UnitCategory.allCases.map(\.rawValue),
                                    "unit plans only: what kind of unit keeps the plan; sets the drill interval (default enterprise)"),
            "form": enumeration(PlanForm.allCases.map(\.rawValue), "unit plans only: the plan's form (default comprehensive)"),
            "purpose": text("published document: purpose of the plan (编制目的)"),
            "basis": list(text("a law, regulation or plan"), "published document: the basis (编制依据)"),
            "principles": list(text("a principle"), "published document: working principles (工作原则)"),
            "warning": mapping(Keys.warning, [
                "levels": list(mapping(Keys.warningLevel, [
                    "level": enumeration(WarningColour.allCases.map(\.rawValue), "warning level colour"),
                    "criteria": text("when this warning is issued"), "issued-by": text("who issues it"),
                ], required: ["level", "criteria"]), "warning levels"),
            ], description: "published document: the warning system (预警)"),
            "termination": text("published document: when and how the response ends (响应结束)"),
            "support": mapping(SupportArea.allCases.map(\.rawValue),
                               Dictionary(uniqueKeysWithValues: SupportArea.allCases.map { ($0.rawValue, list(text("a measure"), "measures of this area")) }),
                               description: "published document: support by area (应急保障)"),
            "contacts": list(mapping(Keys.contact, [
                "agency": agency, "name": text("a person's name"), "role": text("role"),
                "phone": str("phone number: digits, spaces and '-'", pattern: "^[0-9 -]*[0-9][0-9 -]*$"),
            ], required: ["phone"], extra: [("anyOf", .array([.object([("required", .array([.string("agency")]))]),
                                                              .object([("required", .array([.string("name")]))])]))]),
                             "published document: contacts (通讯录)"),
            "annexes": list(mapping(Keys.annex, ["title": text("title"), "text": text("text")], required: ["title", "text"]),
                            "published document: annexes (附件)"),
        ]
        var required = ["eplan"] + PlanDecoder.alwaysRequired
        required.removeAll { $0 == "issued" }
        let byKind: [JSON] = PlanKind.allCases.map { kind in
            var keys: [String] = []
            var scopeHazards = false
            for key in PlanDecoder.requiredKeys(of: kind) where !PlanDecoder.alwaysRequired.contains(key) {
                if key == "scope.hazards" { scopeHazards = true; keys.append("scope") } else { keys.append(key) }
            }
            var then = requiredNotNull(keys)
            if scopeHazards, case .object(var properties) = then[1].1, let i = properties.firstIndex(where: { $0.0 == "scope" }) {
                properties[i].1 = .object([("not", .object([("type", .string("null"))]))] + requiredNotNull(["hazards"]))
                then[1].1 = .object(properties)
            }
            return .object([
                ("if", .object([("properties", .object([("kind", .object([("const", .string(kind.rawValue))]))])),
                                ("required", .array([.string("kind")]))])),
                ("then", .object(then)),
            ])
        }
        let inForce: JSON = .object([
            ("if", .object([("properties", .object([("status", .object([("enum", .array([.string("draft"), .string("retired")]))]))])),
                            ("required", .array([.string("status")]))])),
            ("else", .object(requiredNotNull(["issued"]))),
        ])
        return document("plan", title: "eplan plan (plan/v1)",
                        mapping(Keys.plan, properties, required: required, extra: [("allOf", .array(byKind + [inForce]))]))
    }

    static var regions: JSON {
        let region: JSON = mapping(Keys.region, [
            "id": slug, "name": text("name"), "level": level, "hazards": list(hazard, "the region's risk profile"),
            "children": list(.object([("$ref", .string("#/$defs/region"))]), "regions below this one"),
        ], required: ["id", "level"])
        let body = mapping(Keys.regionsDocument, [
            "eplan": .object([("const", .string("regions/v1"))]),
            "regions": list(.object([("$ref", .string("#/$defs/region"))]), "the region tree"),
        ], required: ["eplan", "regions"], extra: [("$defs", .object([("region", region)]))])
        return document("regions", title: "eplan regions (regions/v1)", body)
    }

    static var inventory: JSON {
        document("inventory", title: "eplan inventory (inventory/v1)", mapping(Keys.inventory, [
            "eplan": .object([("const", .string("inventory/v1"))]),
            "region": regionPath, "resources": list(resource, "shared resources"),
        ], required: ["eplan", "resources"]))
    }

    static var config: JSON {
        let external = mapping(Keys.external, [
            "id": id, "kind": kind, "level": level, "version": version, "region": regionPath,
            "hazards": list(hazard, "hazards it handles"), "severities": list(severityClass, "classes it handles"),
            "reporting": reporting,
        ], required: ["id", "kind", "level", "version"])
        let severityName = enumeration(["off", "note", "warning", "error"], "severity, or off")
        let rules: [(String, JSON)] = RuleCatalog.all.map { rule in
            var settings: [String: JSON] = ["severity": severityName]
            for s in rule.settings { settings[s.name] = .object([("type", .string("integer")), ("minimum", .int(1))]) }
            var keys = ["severity"] + rule.settings.map(\.name)
            if rule.depth != nil {
                keys.append("depth")
                settings["depth"] = level
            }
            return (rule.id.rawValue, .object([("anyOf", .array([severityName, mapping(keys, settings), .object([("type", .string("null"))])])),
                                               ("description", .string(rule.summary))]))
        }
        let categories = HazardCatalog.categories.map(\.name)
        return document("config", title: "eplan configuration (config/v1)", mapping(Keys.config, [
            "eplan": .object([("const", .string("config/v1"))]),
            "include": list(str("glob"), "files to read (default everything)"),
            "exclude": list(str("glob"), "files to skip"),
            "depth": level,
            "lang": enumeration(Language.allCases.map(\.rawValue), "language of messages for this repository (cli.md \"Language\"); --lang and EPLAN_LANG come first"),
            "links": enumeration(LinkPolicy.allCases.map(\.rawValue), "symbolic links leading outside the repository: stay (not read, reported) or follow"),
            "external": list(external, "plans kept outside this repository"),
            "hazards": mapping(categories, Dictionary(uniqueKeysWithValues: categories.map { ($0, list(slug, "extra hazard ids")) })),
            "calendar": mapping(Keys.calendar, [
                "holidays": list(date, "days off besides the statutory holidays (a local holiday, a year not yet built in)"),
                "workdays": list(date, "working days besides the statutory make-up working days"),
            ], description: "working-day additions to the built-in statutory calendar"),
            "rules": .object([("type", .string("object")), ("properties", .object(rules)),
                              ("patternProperties", .object([("^x-", .object([]))])), ("additionalProperties", .bool(false))]),
        ], required: ["eplan"]))
    }
}
