import EPlanText
import EPlanYAML

/// Decodes `eplan: regions/v1` (plan-format §5).
enum RegionsDecoder {
    static func decode(_ root: YAMLNode, _ pairs: YAMLMapping, _ c: inout DecodeContext) -> RegionsDocument {
        var doc = RegionsDocument(file: c.sink.file, firstKey: c.firstKeySpan(root), regions: [])
        for pair in pairs where !DecodeContext.isAbsent(pair, known: Keys.regionsDocument) {
            switch pair.key.scalar {
            case "eplan": break
            case "regions":
                var seen: [String: SourceSpan] = [:]
                doc.regions = c.records(pair, "regions") { c, node, pairs, _ in
                    region(node, pairs, parentPath: nil, parentLevel: nil, seen: &seen, &c)
                }.value ?? []
            default:
                c.unknownKey(pair, known: Keys.regionsDocument, in: Message("schema.in.regions-document"))
            }
        }
        c.requireKeys(pairs, ["regions"], known: Keys.regionsDocument, in: Message("schema.the.regions-document"), at: doc.firstKey)
        return doc
    }

    static func region(_ node: YAMLNode, _ pairs: YAMLMapping, parentPath: String?, parentLevel: Level?,
                       seen: inout [String: SourceSpan], _ c: inout DecodeContext) -> Region {
        var r = Region(span: c.span(node), children: [])
        var childrenPair: YAMLPair?
        for p in pairs where !DecodeContext.isAbsent(p, known: Keys.region) {
            let s = c.span(p)
            switch p.key.scalar {
            case "id": r.id = Field(c.slug(p.value, "id", at: s, what: .regionID), span: s)
            case "name": r.name = c.textField(p, "name")
            case "level": r.level = c.enumField(p, "level", what: .level)
            case "hazards": r.hazards = c.fieldList(p, "hazards") { c, node, path in c.hazard(node, path) }
            case "children": childrenPair = p
            default: c.unknownKey(p, known: Keys.region, in: Message("schema.in.region"))
            }
        }
        c.requireKeys(pairs, ["id", "level"], known: Keys.region, in: Message("schema.the.region"), at: c.firstKeySpan(node))
        if let id = r.id?.value {
            let path = parentPath.map { "\($0)/\(id)" } ?? id
            r.path = path
            if let first = seen[path] {
                // (1.1) The first entry counts (the index keeps it); the later one is the finding.
                c.sink.add(.duplicateID, Message("schema.duplicate-region", ["path": .verbatim(path), "file": .verbatim(c.sink.file),
                                                                              "line": .number(first.start.line)]),
                           at: r.id?.span ?? r.span, help: Message("schema.duplicate-region-help"),
                           related: [RelatedLocation(Location(file: c.sink.file, span: first), Message("schema.duplicate-region-first"))])
            } else {
                seen[path] = r.id?.span ?? r.span
            }
        }
        if let level = r.level?.value, let parentLevel, level <= parentLevel, let span = r.level?.span {
            c.sink.add(.schemaValue, Message("schema.region-level", ["path": .verbatim(r.path ?? "?"), "level": .term(Term(.level, level.rawValue)),
                                                                  "parent": .term(Term(.level, parentLevel.rawValue))]),
                       at: span)
        }
        if let childrenPair {
            let path = r.path
            let level = r.level?.value ?? parentLevel
            r.children = c.records(childrenPair, "children") { c, node, pairs, _ in
                region(node, pairs, parentPath: path, parentLevel: level, seen: &seen, &c)
            }.value ?? []
        }
        return r
    }
}

/// Decodes `eplan: inventory/v1` (plan-format §6).
enum InventoryDecoder {
    static func decode(_ root: YAMLNode, _ pairs: YAMLMapping, _ c: inout DecodeContext) -> Inventory {
        var inv = Inventory(file: c.sink.file, firstKey: c.firstKeySpan(root), region: nil, resources: [])
        for pair in pairs where !DecodeContext.isAbsent(pair, known: Keys.inventory) {
            let s = c.span(pair)
            switch pair.key.scalar {
            case "eplan": break
            case "region": inv.region = Field(c.regionPath(pair.value, "region", at: s), span: s)
            case "resources": inv.resources = c.records(pair, "resources", PlanDecoder.resource).value ?? []
            default: c.unknownKey(pair, known: Keys.inventory, in: Message("schema.in.inventory"))
            }
        }
        c.requireKeys(pairs, ["resources"], known: Keys.inventory, in: Message("schema.the.inventory"), at: inv.firstKey)
        return inv
    }
}

/// Decodes `eplan: config/v1` (plan-format §7).
enum ConfigDecoder {
    static func decode(_ root: YAMLNode, _ pairs: YAMLMapping, _ c: inout DecodeContext) -> Configuration {
        var config = Configuration(file: c.sink.file)
        // Extra hazards first: external entries may name them.
        if let pair = pairs.first(where: { $0.key.isScalar("hazards") && !$0.value.isNull }) {
            config.extraHazards = extraHazards(pair, &c)
            c = DecodeContext(sink: c.sink, hazards: c.hazards.union(config.extraHazards.values.joined()))
        }
        for pair in pairs where !DecodeContext.isAbsent(pair, known: Keys.config) {
            let s = c.span(pair)
            switch pair.key.scalar {
            case "eplan", "hazards": break
            case "include":
                config.include = c.fieldList(pair, "include") { c, node, path in c.text(node, path, at: c.span(node)) }
                    .value?.compactMap(\.value)
            case "exclude":
                config.exclude = c.fieldList(pair, "exclude") { c, node, path in c.text(node, path, at: c.span(node)) }
                    .value?.compactMap(\.value) ?? []
            case "depth":
                if let level: Level = c.enumValue(pair.value, "depth", at: s, what: .level) { config.depth = level }
            case "links":
                if let policy: LinkPolicy = c.enumValue(pair.value, "links", at: s, what: .linkPolicy) { config.links = policy }
            case "external":
                config.external = c.records(pair, "external", external).value ?? []
            case "calendar":
                config.calendar = calendar(pair, &c)
            case "lang":
                guard let text = c.text(pair.value, "lang", at: s) else { continue }
                if let language = Language.parse(text) {
                    config.language = language
                } else {
                    c.sink.add(.schemaValue, Message("schema.lang-unknown", ["value": .verbatim(text)]), at: s,
                               help: Message("schema.lang-help"))
                }
            case "rules":
                guard let rulePairs = c.mapping(pair.value, "rules", at: s) else { continue }
                // Rule ids are data: `x-` keys among them are ignored.
                for rp in rulePairs where rp.key.scalar?.hasPrefix("x-") != true {
                    if let (id, rule) = ruleConfiguration(rp, &c) { config.rules[id] = rule }
                }
            default:
                c.unknownKey(pair, known: Keys.config, in: Message("schema.in.configuration"))
            }
        }
        return config
    }

    static func extraHazards(_ pair: YAMLPair, _ c: inout DecodeContext) -> [String: [String]] {
        var result: [String: [String]] = [:]
        guard let pairs = c.mapping(pair.value, "hazards", at: c.span(pair)) else { return result }
        let categories = HazardCatalog.categories.map(\.name)
        // Categories are data: `x-` keys among them are ignored; a category whose value is null adds nothing.
        for p in pairs where p.key.scalar?.hasPrefix("x-") != true {
            guard let category = c.text(p.key, "hazards key", at: c.span(p.key)) else { continue }
            guard categories.contains(category) else {
                c.sink.add(.schemaValue, Message("schema.unknown-hazard-category", ["value": .verbatim(category)]), at: c.span(p.key),
                           help: Suggest.help(category, oneOf: categories, terms: .hazardCategory))
                continue
            }
            if p.value.isNull { continue }
            let ids = c.fieldList(p, FieldPath("hazards").key(node: p.key)) { c, node, path in
                c.slug(node, path, at: c.span(node), what: .hazardID)
            }
            result[category, default: []].append(contentsOf: ids.value?.compactMap(\.value) ?? [])
        }
        return result
    }

    /// `calendar: {holidays: [DATE...], workdays: [DATE...]}`: additions to the statutory calendar.
    static func calendar(_ pair: YAMLPair, _ c: inout DecodeContext) -> WorkingCalendar {
        guard let pairs = c.mapping(pair.value, "calendar", at: c.span(pair)) else { return .statutory }
        var holidays: [Field<Day>] = []
        var workdays: [Field<Day>] = []
        for p in pairs {
            switch p.key.scalar {
            case "holidays":
                holidays += c.fieldList(p, FieldPath("calendar").key("holidays")) { c, node, path in
                    c.date(node, path, at: c.span(node))
                }.value ?? []
            case "workdays":
                workdays += c.fieldList(p, FieldPath("calendar").key("workdays")) { c, node, path in
                    c.date(node, path, at: c.span(node))
                }.value ?? []
            default:
                c.unknownKey(p, known: Keys.calendar, in: Message("schema.in.key", ["key": "calendar"]))
            }
        }
        let off = Set(holidays.compactMap(\.value))
        for field in workdays {
            guard let day = field.value, off.contains(day) else { continue }
            c.sink.add(.schemaValue, Message("schema.calendar-both", ["day": "\(day)"]), at: field.span,
                       help: Message("schema.calendar-both-help"))
        }
        return WorkingCalendar(holidays: holidays.compactMap(\.value), workdays: workdays.compactMap(\.value))
    }

    static func external(_ c: inout DecodeContext, _ node: YAMLNode, _ pairs: YAMLMapping, _ path: FieldPath) -> ExternalPlan {
        var e = ExternalPlan(span: c.span(node))
        for p in pairs where !DecodeContext.isAbsent(p, known: Keys.external) {
            let s = c.span(p)
            switch p.key.scalar {
            case "id": e.id = Field(c.identifier(p.value, path.key("id"), at: s, what: .planID), span: s)
            case "kind": e.kind = c.enumField(p, path.key("kind"), what: .planKind)
            case "level": e.level = c.enumField(p, path.key("level"), what: .level)
            case "version": e.version = c.versionField(p, path.key("version"))
            case "region": e.region = Field(c.regionPath(p.value, path.key("region"), at: s), span: s)
            case "hazards": e.hazards = c.fieldList(p, path.key("hazards")) { c, node, path in c.hazard(node, path) }
            case "severities":
                e.severities = c.fieldList(p, path.key("severities")) { c, node, path in c.severityClass(node, path) }
            case "reporting": e.reporting = PlanDecoder.reporting(p, path.key("reporting"), &c)
            case "title": e.title = c.textField(p, path.key("title"))
            default:
                let s = c.span(p)
                switch c.unknownKey(p, known: Keys.external, in: Message("schema.in.external"), among: pairs) {
                case "severities": e.severities = Field(nil, span: s)  // misspelt: reported once (see PlanDecoder.misspelt)
                case "hazards": e.hazards = Field(nil, span: s)
                default: break
                }
            }
        }
        c.requireKeys(pairs, ["id", "kind", "level", "version"], known: Keys.external, in: Message("schema.the.external"), at: c.firstKeySpan(node))
        return e
    }

    /// `RULE: off|note|warning|error` or `RULE: {severity: ..., SETTING: N}`.
    static func ruleConfiguration(_ pair: YAMLPair, _ c: inout DecodeContext) -> (RuleID, RuleConfiguration)? {
        let s = c.span(pair)
        guard let name = pair.key.scalar else { return nil }
        let id = RuleID(name)
        guard let info = id.info else {
            c.sink.add(.schemaUnknownKey, Message("schema.unknown-rule", ["name": .verbatim(name)]), at: c.span(pair.key),
                       help: Suggest.didYouMean(name, in: RuleCatalog.all.map(\.id.rawValue)) ?? Message("schema.rule-ids-help"))
            return nil
        }
        if pair.value.isNull { return nil }  // a rule whose value is null is not configured (1.1)
        var rule = RuleConfiguration(span: s, enabled: true, severity: nil, settings: [:], depth: nil)
        if let settings = pair.value.mapping {
            for p in settings {
                let ps = c.span(p)
                let key = p.key.scalar ?? ""
                let known = key == "severity" || (key == "depth" && name == "region-no-master")
                    || info.settings.contains(where: { $0.name == key })
                if known, p.value.isNull { continue }  // a setting whose value is null is not set (1.1)
                if key == "severity" {
                    (rule.enabled, rule.severity) = severity(p.value, FieldPath("rules").key(node: pair.key).key("severity"), at: ps, &c) ?? (true, nil)
                } else if key == "depth", info.depth != nil {
                    rule.depth = c.enumValue(p.value, FieldPath("rules").key(node: pair.key).key("depth"), at: ps, what: .level)
                } else if info.settings.contains(where: { $0.name == key }) {
                    if let value = c.positiveInteger(p.value, FieldPath("rules").key(node: pair.key).key(node: p.key), at: ps) { rule.settings[key] = value }
                } else if !key.hasPrefix("x-") {
                    let known = ["severity"] + info.settings.map(\.name) + (info.depth == nil ? [] : ["depth"])
                    c.sink.add(.schemaUnknownKey, Message("schema.unknown-setting", ["name": .verbatim(name), "key": .verbatim(key)]), at: c.span(p.key),
                               help: Suggest.didYouMean(key, in: known)
                                   ?? Message("schema.unknown-setting-help", ["name": .verbatim(name), "settings": .verbatims(known)]))
                }
            }
        } else if let (enabled, level) = severity(pair.value, FieldPath("rules").key(node: pair.key), at: s, &c) {
            rule.enabled = enabled
            rule.severity = level
        }
        return (id, rule)
    }

    static func severity(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan,
                         _ c: inout DecodeContext) -> (Bool, Severity?)? {
        guard let text = c.text(node, path, at: span) else { return nil }
        if text == "off" { return (false, nil) }
        if let level = Severity(name: text) { return (true, level) }
        let names = ["off", "note", "warning", "error"]
        c.sink.add(.schemaValue, Message("schema.unknown-severity", ["value": .verbatim(text), "path": "\(path)"]), at: span,
                   help: Suggest.help(text, oneOf: names))
        return nil
    }
}

extension DecodeContext {
    init(sink: DiagnosticSink, hazards: Set<String>) {
        self.sink = sink
        self.hazards = hazards
    }

    /// One finding for the unknown keys past the limit, at the first of them.
    mutating func reportUnlistedUnknownKeys() {
        guard let at = firstUnlistedUnknownKey else { return }
        let more = unknownKeys - Self.unknownKeyLimit
        let message = more == 1 ? Message("schema.more-unknown-keys.one", ["count": .number(more)])
            : Message("schema.more-unknown-keys.other", ["count": .number(more)])
        sink.add(.schemaUnknownKey, message, at: at, help: Message("schema.more-unknown-keys-help"))
    }
}

extension Region {
    init(span: SourceSpan, children: [Region]) {
        self.span = span
        self.children = children
    }
}

extension ExternalPlan { init(span: SourceSpan) { self.span = span } }
