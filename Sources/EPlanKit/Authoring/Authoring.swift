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

    /// The files of a starter repository: one township with its master plan, docked with an external county master.
    /// In Chinese, its texts are Chinese and its eplan.yaml sets `lang: zh-CN`, so that the repository
    /// speaks Chinese wherever it is linted (a CI job's locale is seldom Chinese).
    public static func starter(today: Day, language: Language = .en) -> [(path: String, text: String)] {
        func say(_ key: String) -> String { Message(key).text(language) }
        let lang = language == .en ? "" : "# \(say("init.lang-comment"))\nlang: \(language.rawValue)\n"
        let config = """
            eplan: config/v1
            \(lang)# \(say("init.external-comment"))
            external:
              - {id: county.master, kind: master, level: county, version: "1"}
            """
        let regions = """
            eplan: regions/v1
            regions:
              - id: town
                name: \(say("init.region-name"))
                level: township
                hazards: [flood]
            """
        let master = """
            eplan: plan/v1
            id: town.master
            title: \(say("init.title"))
            kind: master
            level: township
            region: town
            owner: emergency-office
            version: "1"
            issued: \(today)
            filed: \(today)
            parent: {id: county.master, version: "1"}
            scope:
              hazards: [flood]
            organization:
              command:
                name: \(say("init.command-name"))
                lead: \(say("init.command-lead"))
                office: emergency-office
              members:
                - agency: emergency-office
                  duties: [\(say("init.duty-office-1")), \(say("init.duty-office-2"))]
                - agency: village-committees
                  duties: [\(say("init.duty-villages-1")), \(say("init.duty-villages-2"))]
            reporting:
              initial: 30m
              written: 2h
            response-levels:
              - level: IV
                trigger: \(say("init.trigger"))
                lead: emergency-office
            actions:
              - id: check-shelters
                phase: preparedness
                who: emergency-office
                how: \(say("init.check-shelters-how"))
                when: \(say("init.check-shelters-when"))
                resources: []
              - id: evacuate
                phase: response
                who: [village-committees, emergency-office]
                how: \(say("init.evacuate-how"))
                when: \(say("init.evacuate-when"))
                within: 2h
                resources: []
              - id: return-home
                phase: recovery
                who: village-committees
                how: \(say("init.return-how"))
                when: \(say("init.return-when"))
                resources: []
            drills:
              - {date: \(today), type: tabletop}
            """
        return [
            ("eplan.yaml", modeline("config", depth: 0) + config + "\n"),
            ("regions.yaml", modeline("regions", depth: 0) + regions + "\n"),
            ("plans/town/master.yaml", modeline("plan", depth: 2) + master + "\n"),
        ]
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
        /// Relative to the repository root.
        public var path: String
        public var text: String
    }

    /// A new plan pre-filled from the repository: links, the parent's current version, hazards,
    /// reporting limits and response levels from the parent, agencies from the region's master plan.
    public static func newPlan(_ r: NewPlanRequest, analysis: Analysis, root: String) throws(Problem) -> NewPlan {
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

        // The parent: named, else the counterpart the rules expect.
        var parent: PlanTarget?
        if let id = r.parent {
            guard let target = index.target(id) else {
                throw Problem(Message("new.parent-unknown", ["id": .verbatim(id)]), suggesting: id, in: index.allPlanIDs)
            }
            parent = target
        } else {
            let higherMaster = parentRegion.flatMap { lookups.masters[$0]?.first }.map { PlanTarget.local($0) }
                ?? index.configuration.external.first { $0.kind?.value == .master && $0.level?.value.map { $0 < level } == true
                    && ($0.region?.value == nil || $0.region?.value == parentRegion) }.map { PlanTarget.external($0, file: "eplan.yaml") }
            switch r.kind {
            case .master: parent = higherMaster
            case .special:
                let wanted = Set(r.hazards.isEmpty ? [] : r.hazards)
                let counterpart = parentRegion.flatMap { lookups.specials[$0] }?
                    .first { plan in !wanted.isDisjoint(with: plan.scope?.hazards?.value?.compactMap(\.value) ?? []) }
                parent = counterpart.map { PlanTarget.local($0) } ?? higherMaster
            case .unit: parent = regionMaster.map { PlanTarget.local($0) } ?? higherMaster
            case .departmental, .event, .joint: parent = nil
            }
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
        if r.kind == .special || r.kind == .unit || r.kind == .event || r.kind == .joint, hazards.isEmpty {
            throw Problem(Message("new.hazards-needed"))
        }

        let owner = r.owner ?? (r.kind == .master ? regionMaster?.owner?.value?.agency : nil)
            ?? regionMaster?.organization?.office?.value?.agency ?? "emergency-management"
        let id: String
        let file: String
        switch r.kind {
        case .master: (id, file) = ("\(prefix).master", "master.yaml")
        case .special: (id, file) = ("\(prefix).\(hazards[0])", "\(hazards[0]).yaml")
        case .departmental: (id, file) = ("\(prefix).dept.\(owner)", "dept/\(owner).yaml")
        case .unit, .event, .joint:
            guard let name = r.name, Patterns.isSlug(name) else {
                throw Problem(Message("new.name-needed", ["kind": .term(Term(.kind, r.kind.rawValue))]))
            }
            let folder = r.kind.rawValue
            (id, file) = ("\(prefix).\(folder).\(name)", "\(folder)/\(name).yaml")
        }
        if let existing = index.plan(id) {
            throw Problem(Message("new.exists", ["id": .verbatim(id), "file": .verbatim(existing.file)]))
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
        let title = Message("new.title", ["kind": .verbatim(kindName), "id": .verbatim(id)]).text(language)
        var lines: [String] = ["eplan: plan/v1", "id: \(id)", "title: \(yaml(title))  # \(Message("new.title-comment").text(language))",
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
        if r.kind == .event { lines += ["event-dates: {from: \(r.today), to: \(r.today)}"] }
        if r.kind == .joint { lines += ["regions: [\(r.region)]  # \(Message("new.regions-comment").text(language))"] }
        // The organization: the region master's agencies, with duties to write.
        var agencies: [String] = [owner]
        // Government plans take the region's agencies; a unit, event or joint plan starts with its owner.
        let shared = r.kind == .master || r.kind == .special || r.kind == .departmental ? regionMaster?.organization?.members ?? [] : []
        for member in shared {
            if let agency = member.agency?.value, agency.region == nil, !agencies.contains(agency.agency) { agencies.append(agency.agency) }
        }
        if r.kind != .departmental || agencies.count > 1 {
            lines += ["organization:", "  members:"]
            for (i, agency) in agencies.enumerated() {
                lines.append("    - {agency: \(agency)\(i == 0 ? ", role: lead" : ""), duties: []}")
            }
        }
        // Reporting no looser than the parent's.
        if let reporting = parent?.reporting ?? (r.kind == .master || r.kind == .special || r.kind == .unit ? regionMaster?.reporting : nil) {
            var parts: [String] = []
            for (key, limit) in [("initial", reporting.initial?.value), ("written", reporting.written?.value)] {
                switch limit {
                case .all(let d)?: parts.append("\(key): \(d.text)")
                case .perClass(let map)?:
                    parts.append("\(key): {" + map.keys.sorted().compactMap { c in map[c]?.value.map { "\(c.rawValue): \($0.text)" } }.joined(separator: ", ") + "}")
                case nil: break
                }
            }
            if let f = reporting.followUp?.value { parts.append("follow-up: \(f.text)") }
            if !parts.isEmpty { lines += ["reporting:"] + parts.map { "  " + $0 } }
        } else if r.kind == .master || r.kind == .special || r.kind == .unit {
            lines += ["reporting:", "  initial: 30m"]
        }
        if r.kind == .master || r.kind == .special {
            let levels = parent?.id.flatMap(analysis.plan)?.responseLevels?.value?.compactMap { $0.level?.value } ?? []
            lines.append("response-levels:")
            for level in (levels.isEmpty ? [SeverityClass.IV] : levels) {
                lines.append("  - {level: \(level.rawValue), trigger: \"\", lead: \(owner)}")
            }
        }
        lines.append("actions:")
        for (stage, phase) in [("prepare", "preparedness"), ("respond", "response"), ("recover", "recovery")] {
            lines.append("  - {id: \(stage), phase: \(phase), who: \(owner), how: \"\", when: \"\", resources: []}")
        }
        return NewPlan(id: id, path: path, text: modeline("plan", depth: depth) + lines.joined(separator: "\n") + "\n")
    }
}
