// The English catalogue: key → template (see Catalogue.swift). Keep keys in the order of their
// sections; the Chinese catalogue (Catalogue+zhCN.swift) has the same keys and placeholders.
extension Catalogue {
    public static let en: [String: String] = [
        // MARK: Terms (display names)
        "hazard-category.natural": "natural disasters",
        "hazard-category.accident": "accidents",
        "hazard-category.public-health": "public health incidents",
        "hazard-category.social-safety": "social safety incidents",
        "hazard.flood": "flood",
        "hazard.drought": "drought",
        "hazard.mountain-torrent": "mountain torrent",
        "hazard.geological-disaster": "geological disaster",
        "hazard.earthquake": "earthquake",
        "hazard.meteorological": "meteorological disaster",
        "hazard.typhoon": "typhoon",
        "hazard.forest-fire": "forest fire",
        "hazard.grassland-fire": "grassland fire",
        "hazard.marine-disaster": "marine disaster",
        "hazard.biological-disaster": "biological disaster",
        "hazard.coal-mine-accident": "coal mine accident",
        "hazard.non-coal-mine-accident": "non-coal mine accident",
        "hazard.hazardous-chemicals": "hazardous chemicals accident",
        "hazard.fire": "fire",
        "hazard.road-traffic": "road traffic accident",
        "hazard.rail-traffic": "rail traffic accident",
        "hazard.water-traffic": "water traffic accident",
        "hazard.aviation": "aviation accident",
        "hazard.building-collapse": "building collapse",
        "hazard.utility-failure": "utility failure",
        "hazard.telecom-failure": "telecommunications failure",
        "hazard.environmental-pollution": "environmental pollution",
        "hazard.nuclear-radiation": "nuclear or radiation accident",
        "hazard.special-equipment": "special equipment accident",
        "hazard.infectious-disease": "infectious disease",
        "hazard.food-safety": "food safety incident",
        "hazard.occupational-poisoning": "occupational poisoning",
        "hazard.animal-epidemic": "animal epidemic",
        "hazard.mass-unexplained-illness": "mass unexplained illness",
        "hazard.mass-incident": "mass incident",
        "hazard.terrorist-attack": "terrorist attack",
        "hazard.cyber-security": "cyber security incident",
        "hazard.financial-incident": "financial incident",
        "hazard.foreign-related-incident": "foreign-related incident",
        "hazard.ethnic-religious-incident": "ethnic or religious incident",
        "kind.master": "master plan",
        "kind.special": "special plan",
        "kind.departmental": "departmental plan",
        "kind.unit": "unit plan",
        "kind.event": "public event plan",
        "kind.joint": "joint plan",
        "level.national": "national",
        "level.provincial": "provincial",
        "level.municipal": "municipal",
        "level.county": "county",
        "level.township": "township",
        "level.community": "community",
        "stage.before": "before the incident",
        "stage.during": "during the incident",
        "stage.after": "after the incident",
        "phase.prevention": "prevention",
        "phase.preparedness": "preparedness",
        "phase.warning": "warning",
        "phase.response": "response",
        "phase.recovery": "recovery",
        "severity.I": "particularly serious",
        "severity.II": "major",
        "severity.III": "larger",
        "severity.IV": "general",
        "resource-type.team": "team",
        "resource-type.material": "material",
        "resource-type.equipment": "equipment",
        "resource-type.facility": "facility",
        "resource-type.expert": "expert",
        "resource-type.fund": "fund",
        "drill-type.tabletop": "tabletop exercise",
        "drill-type.functional": "functional drill",
        "drill-type.full-scale": "full-scale drill",
        "status.in-force": "in force",
        "status.draft": "draft",
        "status.retired": "retired",
        "role.lead": "lead",
        "role.support": "support",
        "form.comprehensive": "comprehensive plan",
        "form.hazard-specific": "hazard-specific plan",
        "form.on-site": "on-site procedure",
        "unit-category.hazardous-materials": "hazardous materials unit",
        "unit-category.mine": "mine",
        "unit-category.metal-smelting": "metal smelting",
        "unit-category.rail-transit": "urban rail transit",
        "unit-category.construction": "construction",
        "unit-category.crowded-venue": "crowded venue",
        "unit-category.school": "school",
        "unit-category.hospital": "hospital",
        "unit-category.enterprise": "enterprise",
        "unit-category.community": "community",

        // MARK: Common words
        "plan.named": "plan '{id}'",
        "plan.this": "this plan",
        "plan.external": "external plan '{id}'",
        // end of common

        // MARK: YAML (EPlanYAML: syntax, encoding, limits, duplicate keys)
        // end of yaml

        // MARK: Schema (decoders: missing and unknown keys, types, values, duplicate ids)
        "schema.lang-unknown": "unknown language '{value}' in 'lang'",
        "schema.lang-help": "use en or zh-CN",
        // end of schema

        // MARK: Chinese typing mistakes (full-width punctuation, severity and term names, GBK, quotes)
        // end of typing

        // MARK: Repository (discovery, configuration, links, unreadable files, suppressions)
        // end of repository

        // MARK: Rules: vertical
        // end of vertical

        // MARK: Rules: docking
        "reporting-looser.compare": "{limit} > {parent}",
        "reporting-looser.none-compare": "none, parent {parent}",
        "reporting-looser.group": "{classes}: {comparison}",
        "reporting-looser.no-limit": "reporting sets no '{key}' limit, but {parent} sets one ({classes})",
        "reporting-looser.looser": "reporting.{key} is looser than the limit of parent {parent} ({classes})",
        "reporting-looser.help": "report at least as fast as the parent requires for every class this plan handles",
        "reporting-looser.parent-limit": "the parent's limit",
        "reporting-looser.follow-up": "reporting.follow-up is longer than the interval of parent {parent} ({limit} > {parent-limit})",
        "reporting-looser.follow-up-help": "send follow-up reports at least as often as the parent requires",
        "reporting-looser.parent-interval": "the parent's interval",
        // end of docking

        // MARK: Rules: horizontal
        // end of horizontal

        // MARK: Rules: completeness
        // end of completeness

        // MARK: Rules: management
        // end of management

        // MARK: Rules: suppression
        // end of suppression

        // MARK: Rule descriptions (summary, rationale, settings, example notes)
        // end of rules

        // MARK: Text report, summaries and CI formats
        // end of report

        // MARK: Diff
        // end of diff

        // MARK: Graph and HTML report
        // end of views

        // MARK: eplan new and eplan init (comments written into plans)
        // end of authoring

        // MARK: Command line (errors, explain, rules)
        "cli.lang-unknown": "unknown language '{value}' for --lang; use en or zh-CN",
        // end of cli
    ]
}
