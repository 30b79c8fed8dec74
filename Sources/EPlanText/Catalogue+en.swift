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
        "yaml.encoding-wide": "the file is encoded as {encoding}; eplan reads UTF-8 only",
        "yaml.encoding-help": "save the file as UTF-8 (a UTF-8 byte-order mark is fine)",
        "yaml.parser-start": "the YAML parser could not start (out of memory)",
        "yaml.extra-document": "only the first YAML document of a file is read; this is document {number}",
        "yaml.extra-document-help": "keep one plan per file: move this document to a file of its own",
        "yaml.text-limit": "the document holds more than 2 GB of text",
        "yaml.alias-undefined": "alias '*{name}' refers to no anchor defined before it",
        "yaml.alias-undefined-help": "define '&{name}' on a node above this alias",
        "yaml.alias-limit": "aliases expand this document by more than {limit} nodes",
        "yaml.alias-limit-help": "write the repeated content out, or raise 'alias-nodes' of rule yaml-limit in eplan.yaml",
        "yaml.nesting-limit": "nesting is deeper than {limit} levels",
        "yaml.nesting-limit-help": "plans never need this depth; raise 'nesting' of rule yaml-limit in eplan.yaml if it is real",
        "yaml.duplicate-key": "key '{key}' appears twice in this mapping (first at line {line})",
        "yaml.duplicate-key-help": "remove one of them or merge their values",
        "yaml.nul-byte": "the file contains a NUL byte, which YAML does not allow",
        "yaml.control-character": "the file contains the control character U+{code}, which YAML does not allow",
        "yaml.control-help": "remove the character; a binary or UTF-16 file is not a plan",
        "yaml.invalid-utf8": "the file is not valid UTF-8: {problem}",
        "yaml.invalid-utf8-byte": "the file is not valid UTF-8: {problem} (byte 0x{byte})",
        "yaml.save-utf8": "save the file as UTF-8",
        "yaml.problem-in": "{problem} {context}",
        "yaml.problem-in-from": "{problem} {context} that starts at line {line}",
        "yaml.cannot-read": "cannot read the file: {error}",
        "yaml.cannot-read-help": "check that the file exists and is readable",
        "yaml.not-regular": "not a regular file (a device, FIFO or socket); eplan reads only regular files",
        "yaml.not-regular-help": "remove it or exclude it in eplan.yaml",
        "yaml.file-size": "the file is larger than {limit} ({size})",
        "yaml.file-size-help": "split it, or raise 'file-size' of rule yaml-limit in eplan.yaml",
        "yaml.size-mib": "{n} MiB",
        "yaml.size-bytes": "{n} bytes",
        "yaml.errno.enoent": "{system}",
        "yaml.errno.eacces": "{system}",
        "yaml.errno.eperm": "{system}",
        "yaml.errno.eisdir": "{system}",
        "yaml.errno.enotdir": "{system}",
        "yaml.errno.eloop": "{system}",
        "yaml.errno.enametoolong": "{system}",
        "yaml.errno.eio": "{system}",
        "yaml.errno.emfile": "{system}",
        "yaml.errno.other": "{system}",
        "yaml.libyaml.expected-colon": "could not find expected ':'",
        "yaml.libyaml.mapping-values": "mapping values are not allowed in this context",
        "yaml.libyaml.mapping-keys": "mapping keys are not allowed in this context",
        "yaml.libyaml.sequence-entries": "block sequence entries are not allowed in this context",
        "yaml.libyaml.cannot-start": "found character that cannot start any token",
        "yaml.libyaml.end-of-stream": "found unexpected end of stream",
        "yaml.libyaml.document-indicator": "found unexpected document indicator",
        "yaml.libyaml.tab-indentation": "found a tab character that violates indentation",
        "yaml.libyaml.tab-space": "found a tab character where an indentation space is expected",
        "yaml.libyaml.unexpected-colon": "found unexpected ':'",
        "yaml.libyaml.indicator-zero": "found an indentation indicator equal to 0",
        "yaml.libyaml.unknown-escape": "found unknown escape character",
        "yaml.libyaml.invalid-escape": "found invalid Unicode character escape code",
        "yaml.libyaml.non-alphabetical": "found unexpected non-alphabetical character",
        "yaml.libyaml.long-version": "found extremely long version number",
        "yaml.libyaml.unknown-directive": "found unknown directive name",
        "yaml.libyaml.directive-name": "could not find expected directive name",
        "yaml.libyaml.comment-or-break": "did not find expected comment or line break",
        "yaml.libyaml.space-or-break": "did not find expected whitespace or line break",
        "yaml.libyaml.space": "did not find expected whitespace",
        "yaml.libyaml.alphanumeric": "did not find expected alphabetic or numeric character",
        "yaml.libyaml.digit-or-dot": "did not find expected digit or '.' character",
        "yaml.libyaml.hex": "did not find expected hexdecimal number",
        "yaml.libyaml.tag-uri": "did not find expected tag URI",
        "yaml.libyaml.exclamation": "did not find expected '!'",
        "yaml.libyaml.greater": "did not find the expected '>'",
        "yaml.libyaml.version-number": "did not find expected version number",
        "yaml.libyaml.uri-octet": "did not find URI escaped octet",
        "yaml.libyaml.expected-key": "did not find expected key",
        "yaml.libyaml.expected-dash": "did not find expected '-' indicator",
        "yaml.libyaml.node-content": "did not find expected node content",
        "yaml.libyaml.comma-or-bracket": "did not find expected ',' or ']'",
        "yaml.libyaml.comma-or-brace": "did not find expected ',' or '}}'",
        "yaml.libyaml.document-start": "did not find expected <document start>",
        "yaml.libyaml.stream-start": "did not find expected <stream-start>",
        "yaml.libyaml.duplicate-yaml-directive": "found duplicate %YAML directive",
        "yaml.libyaml.duplicate-tag-directive": "found duplicate %TAG directive",
        "yaml.libyaml.incompatible": "found incompatible YAML document",
        "yaml.libyaml.tag-handle": "found undefined tag handle",
        "yaml.libyaml.utf8-leading": "invalid leading UTF-8 octet",
        "yaml.libyaml.utf8-trailing": "invalid trailing UTF-8 octet",
        "yaml.libyaml.utf8-incomplete": "incomplete UTF-8 octet sequence",
        "yaml.libyaml.utf8-length": "invalid length of a UTF-8 sequence",
        "yaml.libyaml.invalid-character": "invalid Unicode character",
        "yaml.libyaml.control-characters": "control characters are not allowed",
        "yaml.libyaml.utf16-incomplete": "incomplete UTF-16 character",
        "yaml.libyaml.utf16-pair": "incomplete UTF-16 surrogate pair",
        "yaml.libyaml.utf16-low": "unexpected low surrogate area",
        "yaml.libyaml.too-long": "input is too long",
        "yaml.libyaml.input-error": "input error",
        "yaml.libyaml.unknown-problem": "unknown problem",
        "yaml.libyaml.other-problem": "{text}",
        "yaml.libyaml.in-simple-key": "while scanning a simple key",
        "yaml.libyaml.in-plain-scalar": "while scanning a plain scalar",
        "yaml.libyaml.in-quoted-scalar": "while scanning a quoted scalar",
        "yaml.libyaml.in-block-scalar": "while scanning a block scalar",
        "yaml.libyaml.in-next-token": "while scanning for the next token",
        "yaml.libyaml.in-anchor": "while scanning an anchor",
        "yaml.libyaml.in-alias": "while scanning an alias",
        "yaml.libyaml.in-tag": "while scanning a tag",
        "yaml.libyaml.in-directive": "while scanning a directive",
        "yaml.libyaml.in-yaml-directive": "while scanning a %YAML directive",
        "yaml.libyaml.in-tag-directive": "while scanning a %TAG directive",
        "yaml.libyaml.in-tag-directive-lower": "while scanning a tag directive",
        "yaml.libyaml.in-block-mapping": "while parsing a block mapping",
        "yaml.libyaml.in-block-collection": "while parsing a block collection",
        "yaml.libyaml.in-flow-mapping": "while parsing a flow mapping",
        "yaml.libyaml.in-flow-sequence": "while parsing a flow sequence",
        "yaml.libyaml.in-block-node": "while parsing a block node",
        "yaml.libyaml.in-flow-node": "while parsing a flow node",
        "yaml.libyaml.in-node": "while parsing a node",
        "yaml.libyaml.in-parsing-quoted": "while parsing a quoted scalar",
        "yaml.libyaml.in-parsing-tag": "while parsing a tag",
        "yaml.libyaml.in-parsing-tag-directive": "while parsing a tag directive",
        "yaml.libyaml.in-parsing-percent-tag": "while parsing a %TAG directive",
        "yaml.libyaml.other-context": "{text}",
        "yaml.hint.mapping-values": "a value contains ': ' or the indentation is off; quote the value or align the keys",
        "yaml.hint.expected-key": "check the indentation: the keys of one mapping start in the same column",
        "yaml.hint.cannot-start": "YAML does not indent with tabs, and a plain value cannot start with '@' or '`'; use spaces or quote the value",
        "yaml.hint.expected-colon": "a key needs ': ' after it; quote a value that runs over several lines",
        "yaml.hint.expected-dash": "the items of one list start in the same column",
        "yaml.hint.end-of-stream": "a quote or bracket is not closed",
        "yaml.hint.node-content": "a value is missing after '-' or ':', or a flow list has an extra ','",
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
