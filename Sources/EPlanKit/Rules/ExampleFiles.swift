/// Building blocks for rule examples: a small repository (a city `qs` with one county `lin`
/// under an external provincial master `sx.master`) and complete plans with parts replaced.
/// Examples are data: they document each rule in docs/rules.md and test it in one generic test.
enum ExampleFiles {
    static let config = ("eplan.yaml", """
        eplan: config/v1
        external:
          - {id: sx.master, kind: master, level: provincial, version: "2024"}
        """)

    static let regions = ("regions.yaml", """
        eplan: regions/v1
        regions:
          - id: qs
            level: municipal
            hazards: [flood]
            children:
              - {id: lin, level: county, hazards: [flood]}
        """)

    /// The config and regions files plus the given plans.
    static func repo(_ plans: (String, String)...) -> [(String, String)] {
        [config, regions] + plans
    }

    static let keyOrder = ["eplan", "id", "title", "kind", "category", "form", "level", "region", "owner", "status", "version", "issued",
                           "filed", "evaluated", "parent", "master", "scope", "organization", "reporting",
                           "response-levels", "actions", "resources", "drills", "revisions"]

    /// A complete plan. `parts` replaces a top-level key's text (the whole `key: value` block) or, with nil, removes it.
    static func plan(_ id: String, kind: String = "master", level: String = "municipal", region: String = "qs",
                     _ parts: [String: String?] = [:]) -> String {
        let prefix = region.replacingSlashes
        let parentRegionPrefix = region.split(separator: "/").dropLast().joined(separator: ".")
        let higherMaster = parentRegionPrefix.isEmpty ? "sx.master" : "\(parentRegionPrefix).master"
        var defaults: [String: String] = [
            "eplan": "eplan: plan/v1",
            "id": "id: \(id)",
            "title": "title: Plan \(id)",
            "kind": "kind: \(kind)",
            "level": "level: \(level)",
            "region": "region: \(region)",
            "owner": "owner: emergency-management",
            "version": "version: \"1\"",
            "issued": "issued: 2026-01-05",
            "filed": "filed: 2026-01-09",
            "scope": "scope: {hazards: [flood]}",
            "organization": """
                organization:
                  members:
                    - {agency: emergency-management, duties: [Coordinate the response]}
                """,
            "reporting": "reporting: {initial: 30m}",
            "response-levels": "response-levels:\n  - {level: I, lead: emergency-management}",
            "actions": """
                actions:
                  - {id: watch, phase: warning, who: emergency-management, how: Watch forecasts, when: Daily, resources: []}
                  - {id: respond, phase: response, who: emergency-management, how: Lead the response, when: On alarm, resources: []}
                  - {id: recover, phase: recovery, who: emergency-management, how: Restore services, when: After the response, resources: []}
                """,
            "drills": "drills:\n  - {date: 2026-06-01, type: tabletop}",
        ]
        switch kind {
        case "master":
            defaults["parent"] = "parent: \(higherMaster)"
        case "special":
            defaults["parent"] = "parent: \(higherMaster)"
            defaults["master"] = "master: \(prefix).master"
        case "unit":
            defaults["parent"] = "parent: \(prefix).master"
            defaults["organization"] = nil
            defaults["response-levels"] = nil
        case "departmental":
            defaults["master"] = "master: \(prefix).master"
            defaults["scope"] = nil
            defaults["organization"] = nil
            defaults["reporting"] = nil
            defaults["response-levels"] = nil
        default:
            break
        }
        for (key, value) in parts {
            defaults[key] = value
        }
        var keys = keyOrder
        for key in parts.keys.sorted() where !keys.contains(key) { keys.append(key) }
        return keys.compactMap { defaults[$0] }.joined(separator: "\n") + "\n"
    }

    /// Lines every example plan has unless the example changes them (the owner, dates, scope,
    /// organization, actions, drills of the defaults): `eplan explain` leaves them out of its short
    /// pages. The identity lines (`id`, `kind`, `level`, `region`, `parent`, `master`) are not among them.
    static let boilerplate: Set<String> = {
        let keys: Set<String> = ["owner", "version", "issued", "filed", "scope", "organization", "reporting",
                                 "response-levels", "actions", "drills"]
        var lines: Set<String> = []
        for (kind, level, region) in [("master", "municipal", "qs"), ("special", "county", "qs/lin"), ("unit", "county", "qs/lin"),
                                      ("departmental", "county", "qs/lin")] {
            let text = plan("x", kind: kind, level: level, region: region)
            var key = ""
            for line in text.split(separator: "\n") {
                if line.first != " " { key = String(line.prefix { $0 != ":" }) }
                if keys.contains(key) { lines.insert(String(line)) }
            }
        }
        return lines
    }()

    /// Whether a line of an example plan is boilerplate (above), or the default title `title: Plan ID`.
    static func isBoilerplate<S: StringProtocol>(_ line: S) -> Bool {
        boilerplate.contains(String(line)) || (line.hasPrefix("title: Plan ") && !line.dropFirst(12).contains(" "))
    }

    /// The path a plan of a region lives at by convention: `plans/qs/lin/flood.yaml`.
    static func path(_ id: String) -> String {
        "plans/" + id.split(separator: ".").joined(separator: "/") + ".yaml"
    }

    /// A plan as a (path, text) file.
    static func file(_ id: String, kind: String = "master", level: String = "municipal", region: String = "qs",
                     _ parts: [String: String?] = [:]) -> (String, String) {
        (path(id), plan(id, kind: kind, level: level, region: region, parts))
    }

    /// The city master and the county master, clean.
    static let cityMaster = file("qs.master")
    static let countyMaster = file("qs.lin.master", level: "county", region: "qs/lin")
}

extension String {
    var replacingSlashes: String {
        split(separator: "/").joined(separator: ".")
    }
}
