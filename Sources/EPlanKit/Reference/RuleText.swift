import EPlanText

/// A rule's texts in a language. The English of a rule's summary, rationale, setting summaries and
/// example notes is written in the rule's file (its `RuleDescription`); the catalogues hold the same
/// texts under `rule.<id>.summary`, `rule.<id>.rationale`, `rule.<id>.setting.<name>` (`depth` too) and
/// `rule.<id>.passing.<n>` / `rule.<id>.failing.<n>` (1-based, for examples with a note), in English
/// (equal to the rule file's, a test checks) and in Chinese. `rule.<id>.basis` cites the regulation
/// a rule enforces, one article a line, with the quoted text; only some rules have one.
extension RuleDescription {
    /// What the rule texts' templates may name: values that live in code, not in a catalogue
    /// (`{first-year}` and `{last-year}`: the years of the statutory calendar built in).
    public static var textArguments: [String: MessageArgument] {
        ["first-year": .number(StatutoryCalendar.years.lowerBound), "last-year": .number(StatutoryCalendar.years.upperBound)]
    }

    /// The catalogue key of one of the rule's texts (`rule.filing-late.summary`).
    public func textKey(_ what: String) -> String { "rule.\(id.rawValue).\(what)" }

    /// The catalogue's text under `rule.<id>.<what>` in `language`, its placeholders filled; nil
    /// when the catalogue has no such key.
    public func catalogueText(_ what: String, _ language: Language) -> String? {
        let key = textKey(what)
        guard Catalogue.template(key, language) != nil else { return nil }
        return Message(key, Self.textArguments).text(language)
    }

    /// English is the rule file's text as written; another language the catalogue's, or the English
    /// when the catalogue lacks it (the catalogue tests make sure it does not).
    private func text(_ what: String, english: String, _ language: Language) -> String {
        language == .en ? english : catalogueText(what, language) ?? english
    }

    /// The one-line summary (no closing full stop).
    public func summary(_ language: Language) -> String { text("summary", english: summary, language) }

    /// The planning principle the rule enforces.
    public func rationale(_ language: Language) -> String { text("rationale", english: rationale, language) }

    /// What a setting of the rule means.
    public func summary(of setting: RuleSetting, _ language: Language) -> String {
        text("setting.\(setting.name)", english: setting.summary, language)
    }

    /// What the rule's `depth` setting means (nil for a rule without one).
    public func depthSummary(_ language: Language) -> String? {
        depth.map { text("setting.depth", english: $0.summary, language) }
    }

    /// The default of the `depth` setting as the reference shows it.
    public func depthDefault(_ language: Language) -> String? {
        guard let depth else { return nil }
        guard let level = depth.defaultLevel else {
            return language == .en ? depth.defaultText : Message("reference.depth-key").text(language)
        }
        return MessageArgument.term(Term(.level, level.rawValue)).text(language)
    }

    /// The note of the passing or failing example at `index` (0-based), nil when it has none.
    public func note(_ outcome: RuleExample.Outcome, _ index: Int, _ language: Language) -> String? {
        let examples = outcome == .passing ? passing : failing
        guard examples.indices.contains(index), let note = examples[index].note else { return nil }
        return text("\(outcome.rawValue).\(index + 1)", english: note, language)
    }

    /// The regulations the rule enforces, one article a line with the words quoted (empty when the
    /// rule cites none: only articles read in the text itself are cited).
    public func basis(_ language: Language) -> [String] {
        guard let text = catalogueText("basis", language) ?? catalogueText("basis", .en) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}

extension RuleExample {
    /// Whether an example passes or fails; its name is the catalogue key's part for its note.
    public enum Outcome: String, Sendable, CaseIterable {
        case passing, failing
    }
}

extension Severity {
    /// The word for the severity in `language` (`warning`, `警告`).
    public func referenceWord(_ language: Language) -> String {
        switch self {
        case .error: return Message("reference.severity.error").text(language)
        case .warning: return Message("reference.severity.warning").text(language)
        case .note: return Message("reference.severity.note").text(language)
        }
    }
}

extension RuleGroup {
    /// The group's short name in `language` (`management`, `管理`).
    public func name(_ language: Language) -> String {
        switch self {
        case .schema: return Message("reference.group.schema").text(language)
        case .vertical: return Message("reference.group.vertical").text(language)
        case .horizontal: return Message("reference.group.horizontal").text(language)
        case .completeness: return Message("reference.group.completeness").text(language)
        case .docking: return Message("reference.group.docking").text(language)
        case .management: return Message("reference.group.management").text(language)
        case .suppression: return Message("reference.group.suppression").text(language)
        }
    }

    /// The group's heading in the rule reference.
    public func title(_ language: Language) -> String {
        switch self {
        case .schema: return Message("reference.group-title.schema").text(language)
        case .vertical: return Message("reference.group-title.vertical").text(language)
        case .horizontal: return Message("reference.group-title.horizontal").text(language)
        case .completeness: return Message("reference.group-title.completeness").text(language)
        case .docking: return Message("reference.group-title.docking").text(language)
        case .management: return Message("reference.group-title.management").text(language)
        case .suppression: return Message("reference.group-title.suppression").text(language)
        }
    }
}
