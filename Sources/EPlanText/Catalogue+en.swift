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
        "level-mismatch.mismatch": "level is {level} but region '{region}' is {region-level}",
        "level-mismatch.help": "write 'level: {region-level}'",
        "level-mismatch.region-level": "the region's level",
        "master-mismatch.not-master": "master '{master}' is a {kind} plan, not a master plan",
        "master-mismatch.other-region": "master '{master}' is the master plan of region '{master-region}', not of '{region}'",
        "master-mismatch.no-region": "master '{master}' is an external master without a region, so it cannot be the master of '{region}'",
        "master-mismatch.help": "name the master plan of region '{region}'",
        "master-mismatch.did-you-mean": "did you mean '{id}'?",
        "master-mismatch.named-plan": "the named plan",
        "master-missing.missing": "{kind} {plan} names no master plan",
        "master-missing.help-region": "add 'master:' with the master plan of region '{region}'",
        "master-missing.help": "add 'master:'",
        "master-unresolved.unresolved": "master '{master}' is not a plan of this repository or an external master",
        "master-unresolved.help": "name the master plan of region '{region}'",
        "master-unresolved.did-you-mean-master": "did you mean '{id}', the master plan of '{region}'?",
        "master-unresolved.did-you-mean": "did you mean '{id}'?",
        "parent-cycle.cycle": "parent links form a cycle: {loop}",
        "parent-cycle.step": "'{id}' -> {next}",
        "parent-cycle.last": "'{id}'",
        "parent-cycle.help": "point one of these plans at the higher-level plan it really docks with",
        "parent-kind.master": "parent {parent} is a {parent-kind} plan; a {kind} plan docks with a master plan",
        "parent-kind.special": "parent {parent} is a {parent-kind} plan; a {kind} plan docks with a master or a special plan",
        "parent-kind.help-master": "dock with the master plan of the region above",
        "parent-kind.help-special": "dock with the special plan for this hazard of the region above, else its master plan",
        "parent-kind.parent": "the parent",
        "parent-level.higher": "parent {parent} is {parent-level}, not a higher level than this {level} plan",
        "parent-level.same-or-higher": "parent {parent} is {parent-level}, not the same level or higher than this {level} plan",
        "parent-level.help-higher": "dock with a plan of a higher level",
        "parent-level.help-same-or-higher": "dock with a plan of the same level or higher",
        "parent-level.parent": "the parent",
        "parent-missing.missing": "{kind} {plan} names no parent plan",
        "parent-missing.help": "add 'parent:' with the higher-level plan this plan docks with",
        "parent-not-counterpart.master": "parent is master plan '{master}' although {counterpart} of the parent region covers {hazards}",
        "parent-not-counterpart.help": "dock with '{id}'",
        "parent-not-counterpart.counterpart": "the counterpart special plan",
        "parent-region.region": "parent {parent} is of region '{parent-region}', which is not above '{region}'",
        "parent-region.help": "dock with a plan of a region that contains '{region}'",
        "parent-region.parent": "the parent",
        "parent-retired.retired": "parent {parent} is {status}, not in force",
        "parent-retired.help": "dock with the plan in force that replaced it",
        "parent-retired.status": "status",
        "parent-stale.stale": "parent {parent} is at version '{current}' but this plan last docked with '{recorded}'",
        "parent-stale.help": "review this plan against version '{current}' of the parent, then record it",
        "parent-stale.current": "current version",
        "parent-unresolved.unresolved": "parent '{parent}' is not a plan of this repository or an external plan",
        "parent-unresolved.help": "add it to eplan.yaml under 'external:' if it is kept elsewhere",
        "parent-unresolved.did-you-mean": "did you mean '{id}'?",
        "parent-unresolved.similar": "similar id",
        "region-no-master.missing": "region '{region}' ({level}) has no in-force master plan",
        "region-no-master.help": "write the master plan of '{region}', or declare it in eplan.yaml under 'external:' with 'region: {region}'",
        "region-unknown.unknown": "region '{region}' is not in the regions document",
        "region-unknown.agency": "region '{region}' of agency reference '{agency}' is not in the regions document",
        "region-unknown.did-you-mean": "did you mean '{id}'?",
        "region-unknown.help": "add region '{region}' to the regions document",
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
        "scope-narrower.omits": "{plan} omits hazard '{hazard}', which parent {parent} handles and region '{region}' faces",
        "scope-narrower.help": "add '{hazard}' to scope.hazards, or list it under scope.excluded with a reason",
        "severity-unhandled.unhandled": "incidents of class {class} have no plan to lead them: neither {plan} nor any plan above it handles {class}",
        "severity-unhandled.help": "add {class} to scope.severities, or write the lower-level plans that take it",
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
