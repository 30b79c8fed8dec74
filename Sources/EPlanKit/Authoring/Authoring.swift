import EPlanText

/// Text of new repositories and new plans (`eplan init`, `eplan new`). Everything written here
/// is plain YAML an author then edits; it never contains a value a human must still decide that
/// would pass the linter silently: open answers are left empty, so `eplan lint` asks for them.
public enum Authoring {
    /// Quotes a YAML plain scalar when it could be read as something else.
    static func yaml(_ text: String) -> String {
        let plainSafe = !text.isEmpty && text.unicodeScalars.allSatisfy { c in
            !":#{}[],&*!|>'\"%@`".unicodeScalars.contains(c) && c.value >= 0x20
        } && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.hasPrefix("-") && !text.hasPrefix("?")
        if plainSafe { return text }
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// Always quoted (versions: "2.10" must stay text for every YAML reader).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    static func modeline(_ type: String, depth: Int) -> String {
        "# yaml-language-server: $schema=\(String(repeating: "../", count: depth))schemas/\(type).schema.json\n"
    }

    // MARK: eplan init

    /// What kind of office a starter repository is for (`eplan init --level`).
    public enum StarterLevel: String, Sendable, CaseIterable {
        case county, city, township, enterprise
    }

    /// The files of a starter repository: one region with its plan, docked with an external plan of
    /// the level above (an entry to fill in), and the JSON Schemas its modelines point to.
    /// In Chinese, its texts are Chinese and its eplan.yaml sets `lang: zh-CN`, so that the repository
    /// speaks Chinese wherever it is linted (a CI job's locale is seldom Chinese).
    public static func starter(today: Day, language: Language = .en, level: StarterLevel = .county) -> [(path: String, text: String)] {
        func say(_ key: String) -> String { Message(key).text(language) }
        // The region, its level, the external plan above and the words that name the place.
        let (region, regionLevel, above, aboveLevel, owner): (String, Level, String, Level, String)
        switch level {
        case .county: (region, regionLevel, above, aboveLevel, owner) = ("county", .county, "city.master", .municipal, "emergency-management")
        case .city: (region, regionLevel, above, aboveLevel, owner) = ("city", .municipal, "province.master", .provincial, "emergency-management")
        case .township: (region, regionLevel, above, aboveLevel, owner) = ("town", .township, "county.master", .county, "emergency-office")
        case .enterprise: (region, regionLevel, above, aboveLevel, owner) = ("county", .county, "county.master", .county, "example-company")
        }
        let place = level == .enterprise ? StarterLevel.county.rawValue : level.rawValue
        func words(_ key: String) -> String { say("init.\(place).\(key)") }
        let lang = language == .en ? "" : "# \(say("init.lang-comment"))\n" + "lang: \(language.rawValue)\n"
        // An enterprise docks with its county's master plan, which lives in the county's repository.
        let externalRegion = level == .enterprise ? ", region: \(region)" : ""
        let config = """
            eplan: config/v1
            \(lang)# \(say("init.external-comment"))
            external:
              - {id: \(above), kind: master, level: \(aboveLevel.rawValue)\(externalRegion), version: "1"}
            """
        // The region's risk profile: a township's master covers its hazards; a county or city lists
        // its risks once it has the special plans that cover them (hazard-uncovered asks for them).
        let profile = level == .enterprise ? "hazards: []  # \(say("init.hazards-comment"))" : "hazards: [flood]"
        let regions = """
            eplan: regions/v1
            regions:
              - id: \(region)
                name: \(yaml(words("region-name")))
                level: \(regionLevel.rawValue)
                \(profile)
            """
        // The three actions (before, during, after) and the first drill, the same for every starter.
        func actions(prepare: String, evacuate: String, evacuators: String, within: String,
                     recover: (id: String, who: String)) -> String {
            """
            actions:
              - id: check-shelters
                phase: preparedness
                who: \(owner)
                how: \(yaml(say(prepare)))
                when: \(yaml(say("init.check-shelters-when")))
                resources: []
              - id: evacuate
                phase: response
                who: \(evacuators)
                how: \(yaml(say(evacuate)))
                when: \(yaml(say("init.evacuate-when")))
                within: \(within)
                resources: []
              - id: \(recover.id)
                phase: recovery
                who: \(recover.who)
                how: \(yaml(say("init.return-how")))
                when: \(yaml(say("init.return-when")))
                resources: []
            drills:
              - {date: \(today), type: tabletop}
            """
        }
        let plan: String
        let planPath: String
        if level == .enterprise {
            planPath = "plans/\(region)/unit/example-company.yaml"
            plan = """
                eplan: plan/v1
                id: \(region).unit.example-company
                title: \(yaml(say("init.enterprise.title")))
                kind: unit
                level: \(regionLevel.rawValue)
                region: \(region)
                owner: \(owner)
                category: enterprise
                version: "1"
                issued: \(today)
                filed: \(today)
                parent: {id: \(above), version: "1"}
                scope:
                  hazards: [flood]
                organization:
                  members:
                    - agency: \(owner)
                      role: lead
                      duties: [\(yaml(say("init.duty-office-1"))), \(yaml(say("init.duty-office-2")))]
                reporting:
                  initial: 30m
                \(actions(prepare: "init.enterprise.prepare-how", evacuate: "init.enterprise.evacuate-how", evacuators: owner,
                           within: "1h", recover: ("return", owner)))
                """
        } else {
            planPath = "plans/\(region)/master.yaml"
            let helpers = level == .township ? "village-committees" : "water-resources"
            plan = """
                eplan: plan/v1
                id: \(region).master
                title: \(yaml(words("title")))
                kind: master
                level: \(regionLevel.rawValue)
                region: \(region)
                owner: \(owner)
                version: "1"
                issued: \(today)
                filed: \(today)
                parent: {id: \(above), version: "1"}
                scope:
                  hazards: [flood]
                organization:
                  command:
                    name: \(yaml(words("command-name")))
                    lead: \(yaml(words("command-lead")))
                    office: \(owner)
                  members:
                    - agency: \(owner)
                      duties: [\(yaml(say("init.duty-office-1"))), \(yaml(say("init.duty-office-2")))]
                    - agency: \(helpers)
                      duties: [\(yaml(say("init.duty-villages-1"))), \(yaml(say("init.duty-villages-2")))]
                reporting:
                  initial: 30m
                  written: 2h
                response-levels:
                  - level: IV
                    trigger: \(yaml(words("trigger")))
                    lead: \(owner)
                \(actions(prepare: "init.check-shelters-how", evacuate: "init.evacuate-how", evacuators: "[\(helpers), \(owner)]",
                           within: "2h", recover: ("return-home", helpers)))
                """
        }
        var files: [(path: String, text: String)] = [
            ("eplan.yaml", modeline("config", depth: 0) + config + "\n"),
            ("regions.yaml", modeline("regions", depth: 0) + regions + "\n"),
            (planPath, modeline("plan", depth: planPath.split(separator: "/").count - 1) + plan + "\n"),
        ]
        // A county or city covers its hazards with special plans: the flood plan, docked with the
        // counterpart special plan of the level above (an external entry to fill in).
        if level == .county || level == .city {
            let aboveFlood = above.replacing(".master", with: ".flood")
            let special = plan
                .replacing("id: \(region).master\n", with: "id: \(region).flood\n")
                .replacing("title: \(yaml(words("title")))\n", with: "title: \(yaml(words("flood-title")))\n")
                .replacing("kind: master\n", with: "kind: special\n")
                .replacing("parent: {id: \(above), version: \"1\"}\n", with: "parent: {id: \(aboveFlood), version: \"1\"}\nmaster: \(region).master\n")
            files.append(("plans/\(region)/flood.yaml", modeline("plan", depth: 2) + special + "\n"))
            files[0].text += "  - {id: \(aboveFlood), kind: special, level: \(aboveLevel.rawValue), version: \"1\", hazards: [flood]}\n"
        }
        // The schemas the modelines point to, so that an editor finds them.
        for type in JSONSchemas.documentTypes {
            if let schema = JSONSchemas.schema(type) { files.append(("schemas/\(JSONSchemas.fileName(type))", schema.rendered() + "\n")) }
        }
        return files
    }

    // MARK: eplan new

    public struct NewPlanRequest: Sendable {
        public var kind: PlanKind
        public var region: String
        public var hazards: [String]
        public var parent: String?
        public var owner: String?
        public var name: String?
        public var today: Day
        /// The language of the comments and the title written into the plan.
        public var language: Language
        /// `--force`: replace the file of the plan that already has the new plan's id.
        public var force = false

        public init(kind: PlanKind, region: String, hazards: [String], parent: String?, owner: String?, name: String?, today: Day,
                    language: Language = .en) {
            self.kind = kind
            self.region = region
            self.hazards = hazards
            self.parent = parent
            self.owner = owner
            self.name = name
            self.today = today
            self.language = language
        }
    }

    public struct Problem: Error, Sendable {
        public var message: Message

        public init(_ message: Message) { self.message = message }

        /// The message with a "did you mean" hint for `word` among `candidates`, when one is close.
        init<S: Sequence>(_ message: Message, suggesting word: String, in candidates: S) where S.Element == String {
            guard let candidate = Suggest.nearest(word, in: candidates) else { self.init(message); return }
            self.init(Message("cli.with-hint", ["message": .message(message),
                                                "hint": .message(Message("cli.did-you-mean", ["candidate": .verbatim(candidate)]))]))
        }
    }

    public struct NewPlan: Sendable {
        public var id: String
        /// Relative to the repository root, or the file of the plan it replaces (`--force`).
        public var path: String
        public var text: String
        /// The file of the plan this one replaces (`--force` for an id that exists).
        public var replaces: String?
        /// Which parent was chosen and why (printed on stderr).
        public var parentChoice: Message?
    }

    /// A slug made of the ASCII letters and digits of `text` (`Fuxing 煤矿 2` → `fuxing-2`), for the help
    /// of a `--name` that is not a slug; nil when nothing of it is ASCII.
    static func slugSuggestion(_ text: String) -> String? {
        var parts: [String] = []
        var current = ""
        for c in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) { current.unicodeScalars.append(c) } else if !current.isEmpty {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts.isEmpty ? nil : parts.joined(separator: "-")
    }

    /// Every value of the request that becomes a path or goes into YAML must match the format's
    /// patterns: a slug, a region path, an id. Nothing else reaches a file name or the plan text.
    static func validate(_ r: NewPlanRequest) throws(Problem) {
        guard Patterns.isRegionPath(r.region) else {
            throw Problem(Message("new.invalid-region", ["value": .verbatim(r.region)]))
        }
        if let owner = r.owner, Patterns.agencyRef(owner)?.region != nil || !Patterns.isSlug(owner) {
            throw Problem(Message("new.invalid-owner", ["value": .verbatim(owner)]))
        }
        if let name = r.name, !Patterns.isSlug(name) {
            let example = slugSuggestion(name).map { name.unicodeScalars.contains { $0.value > 0x7F } ? "\($0)-unit" : $0 } ?? "fuxing-coal-mine"
            throw Problem(Message("new.name-not-slug", ["value": .verbatim(name), "example": .verbatim(example)]))
        }
        if let parent = r.parent, !Patterns.isIdentifier(parent) {
            throw Problem(Message("new.invalid-parent", ["value": .verbatim(parent)]))
        }
        for hazard in r.hazards where !Patterns.isSlug(hazard) {
            throw Problem(Message("new.hazard-unknown", ["hazard": .verbatim(hazard)]))
        }
    }

    /// A new plan pre-filled from the repository: links, the parent's current version, hazards,
    /// reporting limits and response levels from the parent, agencies from the region's master plan.
    public static func newPlan(_ r: NewPlanRequest, analysis: Analysis, root: String) throws(Problem) -> NewPlan {
        try validate(r)
        let index = analysis.index
        let lookups = analysis.lookups
        let segments = r.region.split(separator: "/").map(String.init)
        let prefix = segments.joined(separator: ".")
        let parentRegion = segments.count > 1 ? segments.dropLast().joined(separator: "/") : nil
        let entry = index.regionByPath[r.region]
        if index.regionsDocument != nil, entry == nil {
            throw Problem(Message("new.region-unknown", ["region": .verbatim(r.region)]), suggesting: r.region, in: Array(index.regionByPath.keys))
        }
        guard let level = entry?.region.level?.value ?? lookups.masters[r.region]?.first?.level?.value else {
            throw Problem(Message("new.level-unknown", ["region": .verbatim(r.region)]))
        }
        let profile = entry?.region.hazards?.value?.compactMap(\.value) ?? []
        let regionMaster = lookups.masters[r.region]?.first
        for hazard in r.hazards where !index.configuration.hazardVocabulary.contains(hazard) {
            throw Problem(Message("new.hazard-unknown", ["hazard": .verbatim(hazard)]), suggesting: hazard,
                          in: index.configuration.hazardVocabulary.sorted())
        }

        // The parent: named, else the one the rules expect (said on stderr, with the reason).
        var parent: PlanTarget?
        var choice: Message?
        let configFile = index.configuration.file ?? "eplan.yaml"
        if let id = r.parent {
            guard let target = index.target(id) else {
                throw Problem(Message("new.parent-unknown", ["id": .verbatim(id)]), suggesting: id, in: index.allPlanIDs)
            }
            parent = target
            choice = Message("new.parent-given", ["id": .verbatim(id)])
        } else {
            // Plans of the level above: the parent region's (in the repository or external), else
            // external plans of a higher level that name no region.
            func above(_ external: ExternalPlan) -> Bool {
                external.level?.value.map { $0 < level } == true && (external.region?.value == nil || external.region?.value == parentRegion)
            }
            let higherMaster = parentRegion.flatMap { lookups.masters[$0]?.first }.map { PlanTarget.local($0) }
                ?? index.configuration.external.first { $0.kind?.value == .master && above($0) }.map { PlanTarget.external($0, file: configFile) }
            let wanted = Set(r.hazards)
            func covers(_ target: PlanTarget) -> Bool { !wanted.isDisjoint(with: target.hazards) }
            let higherSpecials = (parentRegion.flatMap { lookups.specials[$0] } ?? []).map { PlanTarget.local($0) }
                + index.configuration.external.filter { $0.kind?.value == .special && above($0) }.map { PlanTarget.external($0, file: configFile) }
            let master = Message("new.parent-master", ["id": .verbatim(higherMaster?.id ?? "?")])
            switch r.kind {
            case .master:
                parent = higherMaster
                choice = master
            case .special:
                if let counterpart = higherSpecials.first(where: covers) {
                    parent = counterpart
                    choice = Message("new.parent-counterpart", ["id": .verbatim(counterpart.id ?? "?"), "hazards": .terms(.hazard, r.hazards)])
                } else {
                    parent = higherMaster
                    choice = Message("new.parent-no-counterpart", ["id": .verbatim(higherMaster?.id ?? "?"), "hazards": .terms(.hazard, r.hazards)])
                }
            case .unit:
                // A unit docks with its region's special plan for its hazard, else with its region's master.
                if let special = (lookups.specials[r.region] ?? []).first(where: { covers(.local($0)) }) {
                    parent = .local(special)
                    choice = Message("new.parent-unit-special", ["id": .verbatim(special.id?.value ?? "?"), "region": .verbatim(r.region)])
                } else {
                    parent = regionMaster.map { PlanTarget.local($0) } ?? higherMaster
                    choice = Message("new.parent-unit-master", ["id": .verbatim(parent?.id ?? "?"), "region": .verbatim(r.region)])
                }
            case .departmental:
                // The same department's plan of the level above, in the repository or external.
                let department = r.owner ?? ""
                let local = (parentRegion.map { r in index.plans.filter { $0.kind?.value == .departmental && $0.region?.value == r
                    && $0.owner?.value?.agency == department && $0.isInForce } } ?? []).first.map { PlanTarget.local($0) }
                let external = index.configuration.external.first { $0.kind?.value == .departmental && above($0)
                    && ($0.id?.value.map { $0.hasSuffix(".\(department)") } ?? false) }.map { PlanTarget.external($0, file: configFile) }
                parent = local ?? external
                choice = parent.map { Message("new.parent-department", ["id": .verbatim($0.id ?? "?"), "owner": .verbatim(department)]) }
            case .event, .joint:
                parent = nil
            }
            if parent == nil, choice != nil, r.kind != .departmental { choice = Message("new.parent-none") }
        }
        var hazards = r.hazards
        if hazards.isEmpty {
            switch r.kind {
            case .master: hazards = profile
            case .special, .unit, .event, .joint:
                hazards = (parent?.hazards ?? []).filter { profile.isEmpty || profile.contains($0) }
            case .departmental: hazards = []
            }
        }
        // Hazards of the parent that a sibling special plan of this region already covers are left to it,
        // as a reviewed exclusion naming that plan (not silently left out: scope-narrower would ask).
        var excluded: [(hazard: String, by: String)] = []
        if r.kind == .special, r.hazards.isEmpty {
            for hazard in hazards {
                if let sibling = (lookups.specials[r.region] ?? []).first(where: { $0.scope?.hazards?.value?.contains { $0.value == hazard } == true }),
                   let id = sibling.id?.value {
                    excluded.append((hazard, id))
                }
            }
            hazards.removeAll { h in excluded.contains { $0.hazard == h } }
        }
        if r.kind == .special || r.kind == .unit || r.kind == .event || r.kind == .joint, hazards.isEmpty {
            throw Problem(Message("new.hazards-needed"))
        }

        let owner = r.owner ?? (r.kind == .unit ? r.name : nil) ?? (r.kind == .master ? regionMaster?.owner?.value?.agency : nil)
            ?? regionMaster?.organization?.office?.value?.agency ?? "emergency-management"
        let id: String
        let file: String
        switch r.kind {
        case .master: (id, file) = ("\(prefix).master", "master.yaml")
        case .special: (id, file) = ("\(prefix).\(hazards[0])", "\(hazards[0]).yaml")
        case .departmental: (id, file) = ("\(prefix).dept.\(owner)", "dept/\(owner).yaml")
        case .unit, .event, .joint:
            guard let name = r.name else {
                throw Problem(Message("new.name-needed", ["kind": .term(Term(.kind, r.kind.rawValue))]))
            }
            let folder = r.kind.rawValue
            (id, file) = ("\(prefix).\(folder).\(name)", "\(folder)/\(name).yaml")
        }
        // An id that exists: replaced in its own file with --force, never written to a second file.
        var replaces: String?
        if let existing = index.plan(id) {
            guard r.force else { throw Problem(Message("new.exists", ["id": .verbatim(id), "file": .verbatim(existing.file)])) }
            replaces = existing.file
        } else if index.target(id) != nil || index.brokenPlanIDs.contains(id) {
            throw Problem(Message("new.id-taken", ["id": .verbatim(id)]))
        }
        // Where plans of this region live: beside the region's master, else by region path.
        let folder: String
        if let masterFile = regionMaster?.file, let absolute = FileSystem.realPath(masterFile) {
            folder = FileSystem.relative(FileSystem.parent(of: absolute), to: root)
        } else if let sibling = index.plans.first(where: { $0.region?.value == r.region }), let absolute = FileSystem.realPath(sibling.file) {
            folder = FileSystem.relative(FileSystem.parent(of: absolute), to: root)
        } else {
            folder = "plans/" + r.region
        }
        let path = (folder == "." ? "" : folder + "/") + file
        let depth = path.split(separator: "/").count - 1

        let language = r.language
        // English: "Special plan qs.lin.flood"; Chinese: "qs.lin.flood 专项应急预案".
        let kindName = language == .en ? r.kind.rawValue.prefix(1).uppercased() + r.kind.rawValue.dropFirst()
            : Term(.kind, r.kind.rawValue).name(language)
        // The title is left for a person to write: lint reports it missing until then.
        let title = Message("new.title", ["kind": .verbatim(kindName), "id": .verbatim(id)]).text(language)
        var lines: [String] = ["eplan: plan/v1", "id: \(id)", "title:  # \(Message("new.title-comment", ["example": .verbatim(title)]).text(language))",
                               "kind: \(r.kind.rawValue)", "level: \(level.rawValue)", "region: \(r.region)", "owner: \(owner)",
                               "version: \"1\"", "issued: \(r.today)"]
        if let parent, let pid = parent.id {
            if let version = parent.version?.value {
                lines.append("parent: {id: \(pid), version: \(quoted(version.text))}")
            } else {
                lines.append("parent: \(pid)")
            }
        }
        if [.special, .departmental, .event].contains(r.kind), let master = regionMaster?.id?.value {
            lines.append("master: \(master)")
        }
        if !hazards.isEmpty { lines += ["scope:", "  hazards: [\(hazards.joined(separator: ", "))]"] }
        if !excluded.isEmpty {
            if hazards.isEmpty { lines += ["scope:"] }
            lines.append("  excluded:")
            for (hazard, by) in excluded {
                lines += ["    - hazard: \(hazard)", "      reason: \(yaml(Message("new.excluded-reason", ["id": .verbatim(by)]).text(language)))"]
            }
        }
        // The event's dates are left for a person: lint reports them missing until then.
        if r.kind == .event { lines += ["event-dates:  # \(Message("new.event-dates-comment").text(language))"] }
        if r.kind == .joint { lines += ["regions: [\(r.region)]  # \(Message("new.regions-comment").text(language))"] }
        // The organization: the region master's agencies, with duties to write.
        var agencies: [String] = [owner]
        // Government plans take the region's agencies; a unit, event or joint plan starts with its owner.
        // A departmental plan is its department's: it starts with that department alone.
        let shared = r.kind == .master || r.kind == .special ? regionMaster?.organization?.members ?? [] : []
        for member in shared {
            if let agency = member.agency?.value, agency.region == nil, !agencies.contains(agency.agency) { agencies.append(agency.agency) }
        }
        // Duties the parent assigns to this region's agencies (`REGION:slug` members of the parent) come along.
        var assigned: [String: [String]] = [:]
        for member in parent?.id.flatMap(analysis.plan)?.organization?.members ?? [] {
            guard let agency = member.agency?.value, agency.region == r.region, Patterns.isSlug(agency.agency) else { continue }
            assigned[agency.agency, default: []] += (member.duties?.value ?? []).compactMap(\.value)
            if !agencies.contains(agency.agency) { agencies.append(agency.agency) }
        }
        if r.kind != .departmental || agencies.count > 1 {
            lines += ["organization:", "  members:"]
            for (i, agency) in agencies.enumerated() {
                lines.append("    - agency: \(agency)")
                if i == 0 { lines.append("      role: lead") }
                if let duties = assigned[agency], !duties.isEmpty {
                    lines.append("      duties:")
                    lines += duties.map { "        - \(yaml($0))" }
                } else {
                    lines.append("      duties: []")
                }
            }
        }
        // Reporting no looser than the parent's.
        if let reporting = parent?.reporting ?? (r.kind == .master || r.kind == .special || r.kind == .unit ? regionMaster?.reporting : nil) {
            var parts: [String] = []
            for (key, limit) in [("initial", reporting.initial?.value), ("written", reporting.written?.value)] {
                switch limit {
                case .all(let d)?: parts.append("\(key): \(d.text)")
                case .perClass(let map)?:
                    parts.append("\(key): {" + map.keys.compactMap { c in map[c]?.value.map { "\(c.rawValue): \($0.text)" } }.joined(separator: ", ") + "}")
                case nil: break
                }
            }
            if let f = reporting.followUp?.value { parts.append("follow-up: \(f.text)") }
            if !parts.isEmpty { lines += ["reporting:"] + parts.map { "  " + $0 } }
        } else if r.kind == .master || r.kind == .special || r.kind == .unit {
            lines += ["reporting:", "  initial: 30m"]
        }
        if r.kind == .master || r.kind == .special {
            // The parent's levels, triggers and leads; a lead this region's plans do not know becomes the owner.
            let levels = parent?.id.flatMap(analysis.plan)?.responseLevels?.value ?? []
            lines.append("response-levels:")
            if levels.isEmpty {
                lines += ["  - level: IV", "    trigger: \"\"", "    lead: \(owner)"]
            }
            for level in levels {
                guard let name = level.level?.value else { continue }
                let leads = (level.lead?.value ?? []).compactMap(\.value).map(\.agency).filter { agencies.contains($0) }
                lines += ["  - level: \(name.rawValue)", "    trigger: \(yaml(level.trigger?.value ?? ""))",
                          "    lead: \(leads.first ?? owner)"]
            }
        }
        // One action per stage, in block style, its answers left for a person: lint asks how, when and
        // with what resources (`resources: []` would say "none needed", a decision no one made).
        lines.append("actions:")
        for (stage, phase) in [("prepare", "preparedness"), ("respond", "response"), ("recover", "recovery")] {
            lines += ["  - id: \(stage)", "    phase: \(phase)", "    who: \(owner)", "    how: \"\"", "    when: \"\"",
                      "    # resources: [ID, ...]  \(Message("new.resources-comment").text(language))"]
        }
        return NewPlan(id: id, path: replaces ?? path, text: modeline("plan", depth: depth) + lines.joined(separator: "\n") + "\n",
                       replaces: replaces, parentChoice: choice)
    }
}
