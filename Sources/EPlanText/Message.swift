/// A message in no language yet: a catalogue key and its arguments. Findings, summaries and reports
/// keep messages and render them in the run's language at the end (`text(_:)`), so a finding is the
/// same finding in every language and a cached finding needs no language.
///
/// A key names a template in each catalogue (`Catalogue.en`, `Catalogue.zhCN`): `{name}` stands for
/// the argument `name`. Rule messages are keyed `<rule-id>.<message>`, the rest by where they are
/// used (`yaml.`, `schema.`, `summary.`, `diff.`, `cli.` ...).
public struct Message: Sendable, Hashable {
    public let key: String
    public let arguments: [String: MessageArgument]

    public init(_ key: String, _ arguments: [String: MessageArgument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The message in `language`. A key that a catalogue lacks falls back to English, then to the key
    /// itself (the catalogue tests make sure neither happens).
    public func text(_ language: Language) -> String {
        if key.isEmpty { return arguments["text"]?.text(language) ?? "" }
        guard let template = Catalogue.template(key, language) ?? Catalogue.template(key, .en) else {
            return key + (arguments.isEmpty ? "" : " " + arguments.keys.sorted().map { "\($0)=\(arguments[$0]!.text(language))" }.joined(separator: " "))
        }
        return Catalogue.fill(template) { name in arguments[name]?.text(language) }
    }

    /// The English text: the language-independent form used to order and fingerprint findings.
    public var english: String { text(.en) }

    /// The keys of this message and its nested messages that a catalogue lacks, plus "(raw)" for text
    /// not yet in the catalogues: empty for a message that reads right in every language.
    public var missingKeys: [String] {
        if isRaw { return ["(raw) " + english] }
        return keys.filter { key in Language.allCases.contains { Catalogue.template(key, $0) == nil } }
    }

    /// Every key this message and its nested messages use (for the catalogue tests).
    public var keys: [String] {
        [key] + arguments.keys.sorted().flatMap { arguments[$0]!.keys }
    }
}

/// What a placeholder stands for.
public indirect enum MessageArgument: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// Text written as it is in every language: ids, keys, paths, numbers, the plan's own words.
    case verbatim(String)
    /// A message of its own, rendered in the same language.
    case message(Message)
    /// A term of the format (a hazard, kind, level ...): its id in English, its Chinese name and the id
    /// in Chinese (`洪涝灾害（flood）`).
    case term(Term)
    /// Several arguments, joined as the language lists things (`a, b` / `a、b`).
    case list([MessageArgument])

    public init(stringLiteral value: String) { self = .verbatim(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .verbatim(String(stringInterpolation: stringInterpolation)) }

    public static func number(_ value: Int) -> MessageArgument { .verbatim(String(value)) }
    public static func terms(_ category: Term.Category, _ ids: [String]) -> MessageArgument { .list(ids.map { .term(Term(category, $0)) }) }
    public static func verbatims(_ values: [String]) -> MessageArgument { .list(values.map { .verbatim($0) }) }

    public func text(_ language: Language) -> String {
        switch self {
        case .verbatim(let text): return text
        case .message(let message): return message.text(language)
        case .term(let term): return term.inMessage(language)
        case .list(let items):
            return items.map { $0.text(language) }.joined(separator: language == .zhCN ? "、" : ", ")
        }
    }

    var keys: [String] {
        switch self {
        case .verbatim: return []
        case .message(let message): return message.keys
        case .term(let term): return term.key.map { [$0] } ?? []
        case .list(let items): return items.flatMap(\.keys)
        }
    }
}


extension Message {
    /// Text not yet in the catalogues. Only for code being moved to the catalogues: the catalogue
    /// tests fail on any finding whose message is raw.
    public static func raw(_ text: String) -> Message { Message("", ["text": .verbatim(text)]) }

    public var isRaw: Bool { key.isEmpty }
}

extension Message: CustomStringConvertible {
    /// The English text (what string interpolation and test descriptions show).
    public var description: String { english }
}

extension Message {
    /// Alternatives joined as the language says "or": `a or b` / `a或b`, `a, b or c` / `a、b或c`.
    public static func alternatives(_ items: [MessageArgument]) -> Message {
        guard items.count > 1, let last = items.last else { return Message("common.one", ["item": items.first ?? ""]) }
        return Message("common.or", ["items": .list(Array(items.dropLast())), "last": last])
    }
}
