import EPlanText
import EPlanYAML

/// The mistakes of a Chinese keyboard in a file that parses (the ones that stop libyaml are found in
/// EPlanYAML's `TypingMistakes`): full-width punctuation where an id, a list or a key needs ASCII
/// (`who: [energy，emergency-management]`, `hazards: ［flood, drought］`, `{how：…}`), and Chinese
/// names where the format writes an id (`kind: 专项`, `severities: [Ⅳ]`, `hazards: [洪涝]`).
///
/// The decoders ask here, in one line, before they report an invalid value, a wrong shape or an
/// unknown key; a value that is a typing mistake is reported here instead, naming the mistake and the
/// fix. Only values that must be ids, lists or keys are looked at: full-width punctuation in free
/// text (titles, duties, `how`, `when`) is ordinary Chinese and never reaches these checks.
extension DecodeContext {
    // MARK: Hooks

    /// An invalid value of an enum (`kind`, `level`, `phase`, a severity class ...): full-width signs,
    /// or a Chinese name of one of its cases. True when reported.
    mutating func typingMistake<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ raw: String, _ path: FieldPath,
                                                                    at span: SourceSpan, _ type: E.Type) -> Bool where E.RawValue == String {
        let cases = E.allCases.map(\.rawValue)
        if fullWidthSigns(node, raw) { return true }
        // `special（专项）`: a valid value with a note is about the note.
        if Self.parts(raw).contains(where: cases.contains), parenthesisNote(node, raw, path, valid: { cases.contains($0) }) { return true }
        if let category = Self.termCategory(type), chineseName(raw, path, at: span, category, among: cases) { return true }
        return parenthesisNote(node, raw, path, valid: { cases.contains($0) })
    }

    /// An unknown hazard: full-width signs, or a Chinese name of a hazard. True when reported.
    mutating func typingMistake(hazard node: YAMLNode, _ raw: String, _ path: FieldPath, at span: SourceSpan) -> Bool {
        let known = hazards
        if fullWidthSigns(node, raw) { return true }
        if Self.parts(raw).contains(where: known.contains), parenthesisNote(node, raw, path, valid: { known.contains($0) }) { return true }
        if chineseName(raw, path, at: span, .hazard, among: Array(known)) { return true }
        return parenthesisNote(node, raw, path, valid: { known.contains($0) })
    }

    /// An invalid id, slug, region path or agency reference (`valid` tells a valid one): full-width signs.
    mutating func typingMistake(_ node: YAMLNode, _ raw: String, _ path: FieldPath, valid: (String) -> Bool) -> Bool {
        fullWidthSigns(node, raw) || parenthesisNote(node, raw, path, valid: valid)
    }

    /// A single value where a list belongs, written with full-width brackets (`［flood, drought］`).
    mutating func typingMistake(list node: YAMLNode) -> Bool {
        guard let text = node.scalar, text.unicodeScalars.contains(where: { $0 == "［" || $0 == "］" }) else { return false }
        return reportSigns(node, text, rule: .schemaType, where: { _ in true })
    }

    /// A single value where a mapping belongs, written with a full-width colon or braces
    /// (`- agency：fire-rescue`, `｛agency: fire-rescue｝`).
    mutating func typingMistake(mapping node: YAMLNode) -> Bool {
        guard let text = node.scalar, Self.fullWidthColonAfterKey(text) != nil
                || text.unicodeScalars.first == "｛" else { return false }
        return reportSigns(node, text, rule: .schemaType, where: { _ in true })
    }

    /// A key written with a full-width colon in a flow mapping (`{id: watch, how：组织抢险}` reads as the
    /// key `how：组织抢险`): reported at the colon under `yaml-syntax`. True when reported.
    mutating func typingMistake(key pair: YAMLPair, known: [String]) -> Bool {
        guard let key = pair.key.scalar, let colon = Self.fullWidthColonAfterKey(key),
              Self.fullWidthKey(pair, known: known) != nil, let sign = FullWidth.sign("：") else { return false }
        sink.add(.yamlSyntax, FullWidth.message(sign), at: Self.span(ofScalar: colon, in: pair.key, text: key),
                 help: FullWidth.help([sign]))
        return true
    }

    /// The known key that a key written with a full-width colon stands for (`how` for `how：组织抢险`).
    static func fullWidthKey(_ pair: YAMLPair, known: [String]) -> String? {
        guard let key = pair.key.scalar, let colon = fullWidthColonAfterKey(key) else { return nil }
        var name = ""
        name.unicodeScalars.append(contentsOf: key.unicodeScalars.prefix(colon))
        name = name.trimmed(" \t")
        return known.contains(name) ? name : nil
    }

    // MARK: Full-width signs

    /// Reports the full-width signs of YAML (`：，、［］｛｝`) in a value that must be an id or an enum
    /// value: at the first sign, naming it and the fix.
    private mutating func fullWidthSigns(_ node: YAMLNode, _ raw: String) -> Bool {
        reportSigns(node, raw, rule: .schemaValue, where: { $0 != "（" && $0 != "）" })
    }

    /// Reports full-width parentheses around a note in an id or enum value (`energy（能源局）`),
    /// suggesting what is left without the note, or the note, when that is valid.
    private mutating func parenthesisNote(_ node: YAMLNode, _ raw: String, _ path: FieldPath, valid: (String) -> Bool) -> Bool {
        let scalars = Array(raw.unicodeScalars)
        guard let open = scalars.firstIndex(where: { $0 == "（" || $0 == "）" }) else { return false }
        let suggestion = Self.parts(raw).first { !$0.isEmpty && valid($0) }
        let arguments: [String: MessageArgument] = ["char": .verbatim(String(scalars[open])), "value": .verbatim(raw),
                                                    "path": .verbatim(path.description)]
        let help = suggestion.map { Message("typing.paren-suggest-help", ["suggestion": .verbatim($0)]) } ?? Message("typing.paren-help")
        sink.add(.schemaValue, Message("typing.paren", arguments), at: Self.span(ofScalar: open, in: node, text: raw), help: help)
        return true
    }

    /// The text outside and the text inside the parentheses (full-width or ASCII) of a value, trimmed;
    /// none when it has no parentheses.
    static func parts(_ raw: String) -> [String] {
        guard raw.unicodeScalars.contains(where: { "（）()".unicodeScalars.contains($0) }) else { return [] }
        var inside = "", outside = ""
        var depth = 0
        for scalar in raw.unicodeScalars {
            if scalar == "（" || scalar == "(" { depth += 1; continue }
            if scalar == "）" || scalar == ")" { depth = max(0, depth - 1); continue }
            if depth > 0 { inside.unicodeScalars.append(scalar) } else { outside.unicodeScalars.append(scalar) }
        }
        return [outside.trimmed(" \t"), inside.trimmed(" \t")]
    }

    /// Reports a value's full-width signs (those `where` keeps) at the first one.
    private mutating func reportSigns(_ node: YAMLNode, _ text: String, rule: RuleID, where keep: (Unicode.Scalar) -> Bool) -> Bool {
        var signs: [FullWidth.Sign] = []
        var first: Int?
        for (index, scalar) in text.unicodeScalars.enumerated() where keep(scalar) {
            guard let sign = FullWidth.sign(scalar) else { continue }
            if first == nil { first = index }
            signs.append(sign)
        }
        guard let first, let sign = signs.first else { return false }
        sink.add(rule, FullWidth.message(sign), at: Self.span(ofScalar: first, in: node, text: text), help: FullWidth.help(signs))
        return true
    }

    /// Where `key：` ends in a text (the index of the full-width colon, in scalars), when the text starts
    /// with a key (ASCII letters, digits, '-', '_', '.') followed by a full-width colon.
    static func fullWidthColonAfterKey(_ text: String) -> Int? {
        var index = 0
        var sawKey = false
        for scalar in text.unicodeScalars {
            if scalar == "：" { return sawKey ? index : nil }
            let isKey = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
            if isKey {
                sawKey = true
            } else if scalar != " " {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// The span of the `index`-th scalar of a scalar node's text: exact for a value on one line written
    /// plain or in quotes without escapes; the node's start otherwise.
    static func span(ofScalar index: Int, in node: YAMLNode, text: String) -> SourceSpan {
        let span = node.span
        let count = text.unicodeScalars.count
        let width = span.end.column - span.start.column
        var column = span.start.column
        if span.start.line == span.end.line {
            switch node.style {
            case .plain? where width == count: column += index
            case .singleQuoted? where width == count + 2, .doubleQuoted? where width == count + 2: column += index + 1
            default: break
            }
        }
        let start = SourceMark(line: span.start.line, column: column)
        return SourceSpan(start: start, end: SourceMark(line: start.line, column: column + 1))
    }

    // MARK: Chinese names

    /// Reports a Chinese name of a term (`专项`, `县级`, `洪涝`, `Ⅳ`, `四级`, `一般` ...) written where
    /// the format writes the id, suggesting the id. True when reported.
    private mutating func chineseName(_ raw: String, _ path: FieldPath, at span: SourceSpan, _ category: Term.Category,
                                      among valid: [String]) -> Bool {
        // The whole text, else a part of it: documents write `一般（Ⅳ级）`, `特别重大（I级）`.
        var ids: [String] = []
        for text in [raw.trimmed(" \t\u{3000}")] + Self.parts(raw) where ids.isEmpty && !text.isEmpty {
            ids = Term.ids(named: text, in: category).filter { valid.contains($0) }
        }
        guard let id = ids.first else { return false }
        let value: MessageArgument = .verbatim(raw)
        if category == .severity {
            sink.add(.schemaValue, Message("typing.severity", ["value": value, "path": .verbatim(path.description), "id": .verbatim(id),
                                                               "name": .message(Message("severity.\(id)"))]),
                     at: span, help: Message("typing.severity-help", ["value": value, "id": .verbatim(id)]))
            return true
        }
        let help = ids.count == 1
            ? Message("typing.chinese-name-help", ["value": value, "id": .verbatim(id)])
            : Message("typing.chinese-name-many-help", ["value": value, "ids": .terms(category, ids)])
        sink.add(.schemaValue, Message("typing.chinese-name", ["value": value, "path": .verbatim(path.description)]),
                 at: span, help: help)
        return true
    }

    /// The term category of an enum of the model, for the Chinese names of its cases.
    static func termCategory<E>(_ type: E.Type) -> Term.Category? {
        switch type {
        case is PlanKind.Type: return .kind
        case is Level.Type: return .level
        case is PlanStatus.Type: return .status
        case is UnitCategory.Type: return .unitCategory
        case is PlanForm.Type: return .form
        case is SeverityClass.Type: return .severity
        case is Phase.Type: return .phase
        case is Stage.Type: return .stage
        case is MemberRole.Type: return .role
        case is ResourceType.Type: return .resourceType
        case is DrillType.Type: return .drillType
        case is WarningColour.Type: return .warningLevel
        case is SupportArea.Type: return .supportArea
        default: return nil
        }
    }
}

private extension String {
    func trimmed(_ characters: String) -> String {
        let trim = Set(characters.unicodeScalars)
        var scalars = Array(unicodeScalars)
        while let first = scalars.first, trim.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, trim.contains(last) { scalars.removeLast() }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }
}
