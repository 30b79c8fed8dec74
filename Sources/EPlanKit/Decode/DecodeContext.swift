import EPlanText
import EPlanYAML

/// Shared machinery of the document decoders: every problem becomes a finding in `sink`, and
/// decoding goes on, so one run reports all of a file's problems. Nothing here throws or traps.
struct DecodeContext {
    var sink: DiagnosticSink
    let hazards: Set<String>
    /// Unknown keys met so far; past `unknownKeyLimit` they are counted, not listed one by one.
    var unknownKeys = 0
    var firstUnlistedUnknownKey: SourceSpan?
    static let unknownKeyLimit = 100

    init(file: String, hazards: Set<String>) {
        self.sink = DiagnosticSink(file: file)
        self.hazards = hazards
    }

    // MARK: Spans

    /// A key's span: from the key to the end of its value when the value ends on the key's line.
    func span(_ pair: YAMLPair) -> SourceSpan {
        let end = pair.value.span.end.line == pair.key.span.start.line ? pair.value.span.end : pair.key.span.end
        return SourceSpan(start: pair.key.span.start, end: max(end, pair.key.span.end))
    }

    /// An entry's span, limited to its first line.
    func span(_ node: YAMLNode) -> SourceSpan {
        if node.span.end.line == node.span.start.line { return node.span }
        return SourceSpan(start: node.span.start, end: SourceMark(line: node.span.start.line, column: node.span.start.column + 1))
    }

    // MARK: Keys

    /// Reports a key the format does not define (`x-` keys are fine), suggesting the nearest known one.
    /// Returns the known key it stands for (see `standsFor`), when `pairs`, its mapping, is given.
    /// `context` names the mapping with an indefinite article ("a plan", `schema.in.*`).
    @discardableResult
    mutating func unknownKey(_ pair: YAMLPair, known: [String], in context: Message, among pairs: YAMLMapping? = nil) -> String? {
        guard let key = pair.key.scalar else {
            sink.add(.schemaType, Message("schema.key-not-scalar", ["context": .message(context), "shape": Self.shape(pair.key)]),
                     at: span(pair.key))
            return nil
        }
        if key.hasPrefix("x-") { return nil }
        if typingMistake(key: pair, known: known) { return pairs.flatMap { Self.standsFor(pair, known: known, in: $0) } }
        unknownKeys += 1
        // Past the limit the file does not look like an eplan document: no suggestion is looked for.
        if unknownKeys > Self.unknownKeyLimit {
            if firstUnlistedUnknownKey == nil { firstUnlistedUnknownKey = span(pair.key) }
            return nil
        }
        if key == "<<" {
            sink.add(.schemaUnknownKey, Message("schema.merge-key"), at: span(pair), help: Message("schema.merge-key-help"))
            return nil
        }
        let help = Suggest.didYouMean(key, in: known)
            ?? Message("schema.keys-allowed", ["context": .message(context), "keys": .verbatims(known)])
        sink.add(.schemaUnknownKey, Message("schema.unknown-key", ["key": .verbatim(key), "context": .message(context)]),
                 at: span(pair.key), help: help)
        return pairs.flatMap { Self.standsFor(pair, known: known, in: $0) }
    }

    /// The known key that an unknown key stands for: its suggestion, when the mapping does not write
    /// that key itself (`titel` for an absent `title`, `inital` for an absent `initial`). One mistake
    /// is one finding (rules.md): the unknown key is reported with its suggestion, and neither
    /// `schema-missing-key` nor a rule that compares the key it stands for reports that key missing.
    static func standsFor(_ pair: YAMLPair, known: [String], in pairs: YAMLMapping) -> String? {
        if let meant = fullWidthKey(pair, known: known) { return writes(pairs, meant) ? nil : meant }
        guard let key = pair.key.scalar, !key.hasPrefix("x-"), key != "<<", !known.contains(key),
              let suggestion = Suggest.nearest(key, in: known), !writes(pairs, suggestion) else { return nil }
        return suggestion
    }

    /// True when the mapping writes `key` with a value: a key whose value is null (`~`, `null`, nothing
    /// after the colon) is treated as absent (1.1).
    static func writes(_ pairs: YAMLMapping, _ key: String) -> Bool {
        pairs.contains { $0.key.isScalar(key) && !$0.value.isNull }
    }

    /// True for a known key whose value is null: it is treated as absent (1.1), so a template's empty
    /// keys (`filed:`) mean "not written", not an invalid value. An unknown key is reported even when empty.
    static func isAbsent(_ pair: YAMLPair, known: [String]) -> Bool {
        guard pair.value.isNull, let key = pair.key.scalar else { return false }
        return known.contains(key)
    }

    /// Reports required keys that a mapping lacks, at the mapping's first key. A key whose value is null
    /// is absent; a key that an unknown key of the mapping stands for (a misspelling) is not reported again
    /// (while unknown keys are listed one by one: past the limit none is looked for). `context` names the
    /// mapping with a definite article ("the action", `schema.the.*`).
    mutating func requireKeys(_ pairs: YAMLMapping, _ required: [String], known: [String], in context: @autoclosure () -> Message,
                              at span: SourceSpan, reason: Message? = nil) {
        let listing = unknownKeys <= Self.unknownKeyLimit
        for key in required where !Self.writes(pairs, key)
            && !(listing && pairs.contains(where: { Self.standsFor($0, known: known, in: pairs) == key })) {
            missingKey(key, in: context(), at: span, reason: reason)
        }
    }

    /// `requireKeys` for a mapping whose decoder collected `written`, the bits of the known keys it
    /// saw with a value (what `writes` answers): only a required key missing from it is looked for.
    mutating func requireKeys<Key: MappingKey>(_ pairs: YAMLMapping, _ required: [Key], written: UInt64, known: [String],
                                               in context: @autoclosure () -> Message, at span: SourceSpan) {
        for key in required where written & key.bit == 0 {
            requireKeys(pairs, [key.rawValue], known: known, in: context(), at: span)
        }
    }

    mutating func missingKey(_ key: String, in context: Message, at span: SourceSpan, reason: Message? = nil) {
        let message = reason.map { Message("schema.missing-key-why", ["context": .message(context), "key": .verbatim(key), "reason": .message($0)]) }
            ?? Message("schema.missing-key", ["context": .message(context), "key": .verbatim(key)])
        sink.add(.schemaMissingKey, message, at: span,
                 help: Message("schema.missing-key-help", ["key": .verbatim(key), "context": .message(context)]))
    }

    /// The span of a mapping's first key, or the node's own start for an empty mapping.
    func firstKeySpan(_ node: YAMLNode) -> SourceSpan {
        node.firstKeySpan ?? span(node)
    }

    // MARK: Shapes

    /// The pairs of a mapping value, or a `schema-type` finding.
    mutating func mapping(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan) -> YAMLMapping? {
        if let pairs = node.mapping { return pairs }
        if typingMistake(mapping: node) { return nil }
        sink.add(.schemaType, Message("schema.not-mapping", ["path": "\(path)", "shape": Self.shape(node)]), at: span)
        return nil
    }

    /// A list value, read in place on the tape.
    enum ListValue {
        case items(YAMLSequence)
        /// Null: the empty list.
        case empty
        /// A scalar written for a one-item list.
        case one(YAMLNode)
    }

    /// The items of a list value; null is the empty list. A scalar is a one-item list when `scalarIsList`.
    mutating func list(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan, scalarIsList: Bool = false) -> ListValue? {
        if let items = node.sequence { return .items(items) }
        if node.isNull { return .empty }
        if typingMistake(list: node) { return nil }
        if scalarIsList, node.scalar != nil { return .one(node) }
        sink.add(.schemaType, Message("schema.not-list", ["path": "\(path)", "shape": Self.shape(node)]), at: span,
                 help: Message("schema.not-list-help"))
        return nil
    }

    /// A list of values decoded one by one; the field keeps the key's span.
    mutating func fieldList<T>(_ pair: YAMLPair, _ path: FieldPath, scalarIsList: Bool = false,
                               _ element: (inout DecodeContext, YAMLNode, FieldPath) -> T?) -> FieldList<T> {
        let keySpan = span(pair)
        switch list(pair.value, path, at: keySpan, scalarIsList: scalarIsList) {
        case nil: return Field(nil, span: keySpan)
        case .empty: return Field([], span: keySpan)
        case .one(let item):
            // A single value written for a list (`who: fire-rescue`) is about the key: it is located there.
            return Field([Field(element(&self, item, path), span: keySpan)], span: keySpan)
        case .items(let items):
            var fields: [Field<T>] = []
            fields.reserveCapacity(items.count)
            for item in items {
                fields.append(Field(element(&self, item, path), span: span(item)))
            }
            return Field(fields, span: keySpan)
        }
    }

    /// A list of mappings decoded by `element`.
    mutating func records<T>(_ pair: YAMLPair, _ path: FieldPath,
                             _ element: (inout DecodeContext, YAMLNode, YAMLMapping, FieldPath) -> T) -> Field<[T]> {
        let keySpan = span(pair)
        guard let list = list(pair.value, path, at: keySpan) else { return Field(nil, span: keySpan) }
        guard case .items(let items) = list else { return Field([], span: keySpan) }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let itemPath = path.item(index + 1)
            guard let pairs = mapping(item, itemPath, at: span(item)) else { continue }
            result.append(element(&self, item, pairs, itemPath))
        }
        return Field(result, span: keySpan)
    }

    // MARK: Scalars

    /// True for a scalar whose text is blank (`String.isBlank`), decided on its first byte when that is ASCII.
    static func isBlank(_ node: YAMLNode) -> Bool {
        guard let first = node.withScalarBytes({ $0.first }) else { return false }
        if let first, String.isNonBlankASCII(first) { return false }
        return node.scalar?.isBlank == true
    }

    /// A scalar's text. Null is "" when `allowEmpty`, else a finding. Collections are `schema-type`.
    mutating func text(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan, allowEmpty: Bool = false) -> String? {
        if node.isNull {
            if allowEmpty { return "" }
            sink.add(.schemaType, Message("schema.text-missing", ["path": "\(path)"]), at: span)
            return nil
        }
        guard let text = node.scalar else {
            sink.add(.schemaType, Message("schema.not-text", ["path": "\(path)", "shape": Self.shape(node)]), at: span)
            return nil
        }
        if !allowEmpty, text.isBlank {
            sink.add(.schemaValue, Message("schema.empty", ["path": "\(path)"]), at: span)
            return nil
        }
        return text
    }

    mutating func textField(_ pair: YAMLPair, _ path: FieldPath, allowEmpty: Bool = false) -> Field<String> {
        let s = span(pair)
        return Field(text(pair.value, path, at: s, allowEmpty: allowEmpty), span: s)
    }

    /// Any enum of the format; an unknown value gets the nearest suggestion.
    mutating func enumValue<E: ByteNamed & CaseIterable>(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan,
                                                          what: ValueName) -> E? {
        // A valid value is neither null nor blank: `text` would return it as it is.
        if let value = E.table.match(node).key { return value }
        guard let raw = text(node, path, at: span) else { return nil }
        if let value = E(rawValue: raw) { return value }
        if typingMistake(node, raw, path, at: span, E.self) { return nil }
        let names = E.allCases.map(\.rawValue)
        sink.add(.schemaValue, Message("schema.unknown-value", ["what": .message(what.message), "value": .verbatim(raw), "path": "\(path)"]),
                 at: span, help: Suggest.help(raw, oneOf: names, terms: what.terms))
        return nil
    }

    mutating func enumField<E: ByteNamed & CaseIterable>(_ pair: YAMLPair, _ path: FieldPath, what: ValueName) -> Field<E> {
        let s = span(pair)
        return Field(enumValue(pair.value, path, at: s, what: what), span: s)
    }

    mutating func hazard(_ node: YAMLNode, _ path: FieldPath) -> String? {
        let s = span(node)
        guard let raw = text(node, path, at: s) else { return nil }
        if hazards.contains(raw) { return raw }
        if typingMistake(hazard: node, raw, path, at: s) { return nil }
        sink.add(.schemaValue, Message("schema.unknown-value", ["what": .message(ValueName.hazard.message), "value": .verbatim(raw), "path": "\(path)"]),
                 at: s, help: Suggest.didYouMean(raw, in: hazards.sorted(), terms: .hazard) ?? Message("schema.hazard-help"))
        return nil
    }

    mutating func severityClass(_ node: YAMLNode, _ path: FieldPath) -> SeverityClass? {
        enumValue(node, path, at: span(node), what: .severityClass)
    }

    /// A plan or resource id: `^[a-z0-9]+([._-][a-z0-9]+)*$`.
    mutating func identifier(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan, what: ValueName) -> String? {
        guard let raw = text(node, path, at: span) else { return nil }
        if Patterns.isIdentifier(raw) { return raw }
        if typingMistake(node, raw, path, valid: Patterns.isIdentifier) { return nil }
        sink.add(.schemaValue, Message("schema.invalid-id", ["what": .message(what.message), "value": .verbatim(raw)]), at: span,
                 help: Message("schema.invalid-id-help"))
        return nil
    }

    mutating func slug(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan, what: ValueName) -> String? {
        guard let raw = text(node, path, at: span) else { return nil }
        if Patterns.isSlug(raw) { return raw }
        if typingMistake(node, raw, path, valid: Patterns.isSlug) { return nil }
        sink.add(.schemaValue, Message("schema.invalid-slug", ["what": .message(what.message), "value": .verbatim(raw)]), at: span,
                 help: Message("schema.invalid-slug-help"))
        return nil
    }

    mutating func regionPath(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan) -> String? {
        guard let raw = text(node, path, at: span) else { return nil }
        if Patterns.isRegionPath(raw) { return raw }
        if typingMistake(node, raw, path, valid: Patterns.isRegionPath) { return nil }
        sink.add(.schemaValue, Message("schema.invalid-region-path", ["value": .verbatim(raw)]), at: span,
                 help: Message("schema.invalid-region-path-help"))
        return nil
    }

    mutating func agencyRef(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan) -> AgencyRef? {
        guard let raw = text(node, path, at: span) else { return nil }
        if let ref = Patterns.agencyRef(raw) { return ref }
        if typingMistake(node, raw, path, valid: { Patterns.agencyRef($0) != nil }) { return nil }
        sink.add(.schemaValue, Message("schema.invalid-agency", ["value": .verbatim(raw)]), at: span,
                 help: Message("schema.invalid-agency-help"))
        return nil
    }

    mutating func date(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan) -> Day? {
        guard let raw = text(node, path, at: span) else { return nil }
        if let day = Day(raw) { return day }
        sink.add(.schemaValue, Message("schema.invalid-date", ["value": .verbatim(raw), "path": "\(path)"]), at: span,
                 help: Message("schema.invalid-date-help"))
        return nil
    }

    mutating func dateField(_ pair: YAMLPair, _ path: FieldPath) -> Field<Day> {
        let s = span(pair)
        return Field(date(pair.value, path, at: s), span: s)
    }

    mutating func duration(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan) -> Duration? {
        guard let raw = text(node, path, at: span) else { return nil }
        if let d = Duration(raw) { return d }
        sink.add(.schemaValue, Message("schema.invalid-duration", ["value": .verbatim(raw), "path": "\(path)"]), at: span,
                 help: Message("schema.invalid-duration-help"))
        return nil
    }

    mutating func version(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan) -> Version? {
        guard let raw = text(node, path, at: span) else { return nil }
        return Version(raw)
    }

    mutating func versionField(_ pair: YAMLPair, _ path: FieldPath) -> Field<Version> {
        let s = span(pair)
        return Field(version(pair.value, path, at: s), span: s)
    }

    /// A non-negative number (`quantity`).
    mutating func number(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan) -> Double? {
        guard let raw = text(node, path, at: span) else { return nil }
        // Most quantities are digits with at most one point: valid without looking at characters.
        if Self.isPlainDecimal(raw), let value = Double(raw), value.isFinite { return value }
        if let value = Double(raw), value.isFinite, value >= 0, raw.first != "+", !raw.contains(where: \.isLetter) {
            return value
        }
        sink.add(.schemaValue, Message("schema.invalid-number", ["value": .verbatim(raw), "path": "\(path)"]), at: span)
        return nil
    }

    /// Digits with at most one decimal point among them, and at least one digit (`12`, `0.5`, `3.`).
    static func isPlainDecimal(_ text: String) -> Bool {
        var digits = 0, points = 0
        for byte in text.utf8 {
            if byte >= 0x30, byte <= 0x39 { digits += 1 } else if byte == 0x2E { points += 1 } else { return false }
        }
        return digits > 0 && points <= 1
    }

    /// A phone number (`contacts[].phone`): digits, spaces and '-', with at least one digit.
    mutating func phone(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan) -> String? {
        guard let raw = text(node, path, at: span) else { return nil }
        let valid = raw.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == " " || $0 == "-" }
            && raw.unicodeScalars.contains { ("0"..."9").contains($0) }
        if valid { return raw }
        if typingMistake(node, raw, path, valid: { $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == " " || $0 == "-" } }) { return nil }
        sink.add(.schemaValue, Message("schema.invalid-phone", ["value": .verbatim(raw), "path": "\(path)"]), at: span,
                 help: Message("schema.invalid-phone-help"))
        return nil
    }

    /// A positive whole number (rule settings).
    mutating func positiveInteger(_ node: YAMLNode, _ path: FieldPath, at span: SourceSpan) -> Int? {
        guard let raw = text(node, path, at: span) else { return nil }
        if let value = Int(raw), value > 0 { return value }
        sink.add(.schemaValue, Message("schema.invalid-positive-integer", ["value": .verbatim(raw), "path": "\(path)"]), at: span)
        return nil
    }

    /// A duration for every class, or a mapping from class to duration. The class keys are data: `x-`
    /// keys among them are ignored, and a class whose value is null sets no limit (1.1). A mapping with
    /// an invalid entry (an unknown class, a bad duration) is not a valid limit: its value is nil, so
    /// that no rule compares it (the entry's `schema-value` finding says enough; which class was meant
    /// is unknown, so the classes it leaves out are not "no limit" either).
    mutating func reportingLimit(_ pair: YAMLPair, _ path: FieldPath) -> Field<ReportingLimit> {
        let s = span(pair)
        if let pairs = pair.value.mapping {
            var map = ClassLimits()
            var valid = true
            for entry in pairs {
                if entry.key.scalar?.hasPrefix("x-") == true { continue }
                let entrySpan = span(entry)
                guard let cls: SeverityClass = enumValue(entry.key, path.entryKey, at: span(entry.key), what: .severityClass)
                else {
                    valid = false
                    continue
                }
                if entry.value.isNull { continue }
                guard let limit = duration(entry.value, path.key(node: entry.key), at: entrySpan) else {
                    valid = false
                    continue
                }
                map[cls] = Field(limit, span: entrySpan)
            }
            return Field(valid ? .perClass(map) : nil, span: s)
        }
        if pair.value.sequence != nil {
            sink.add(.schemaType, Message("schema.reporting-limit-list", ["path": "\(path)"]), at: s)
            return Field(nil, span: s)
        }
        return Field(duration(pair.value, path, at: s).map(ReportingLimit.all), span: s)
    }
}

extension DecodeContext {
    /// How a node is written, for messages: "a single value", "a list", "a mapping", "nothing (null)".
    static func shape(_ node: YAMLNode) -> MessageArgument {
        switch node.kind {
        case .scalar: return .message(node.isNull ? Message("schema.shape.null") : Message("schema.shape.scalar"))
        case .sequence: return .message(Message("schema.shape.list"))
        case .mapping: return .message(Message("schema.shape.mapping"))
        }
    }
}

/// What a value is, for messages ("unknown phase 'x' at ...", "plan id 'X' is not a valid id"): its
/// name in the catalogues, and the category of its values when the format gives them display names
/// (so that Chinese help names `应急处置与救援（response）`, and typing-mistake help can map Chinese names).
struct ValueName: Sendable {
    let message: Message
    let terms: Term.Category?

    init(_ message: Message, terms: Term.Category? = nil) {
        self.message = message
        self.terms = terms
    }

    static let planKind = ValueName(Message("schema.what.plan-kind"), terms: .kind)
    static let level = ValueName(Message("schema.what.level"), terms: .level)
    static let status = ValueName(Message("schema.what.status"), terms: .status)
    static let unitCategory = ValueName(Message("schema.what.unit-category"), terms: .unitCategory)
    static let planForm = ValueName(Message("schema.what.plan-form"), terms: .form)
    static let memberRole = ValueName(Message("schema.what.member-role"), terms: .role)
    static let responseLevel = ValueName(Message("schema.what.response-level"), terms: .severity)
    static let phase = ValueName(Message("schema.what.phase"), terms: .phase)
    static let resourceType = ValueName(Message("schema.what.resource-type"), terms: .resourceType)
    static let drillType = ValueName(Message("schema.what.drill-type"), terms: .drillType)
    static let severityClass = ValueName(Message("schema.what.severity-class"), terms: .severity)
    static let warningLevel = ValueName(Message("schema.what.warning-level"), terms: .warningLevel)
    static let supportArea = ValueName(Message("schema.what.support-area"), terms: .supportArea)
    static let linkPolicy = ValueName(Message("schema.what.link-policy"))
    static let hazard = ValueName(Message("schema.what.hazard"), terms: .hazard)
    static let planID = ValueName(Message("schema.what.plan-id"))
    static let masterPlanID = ValueName(Message("schema.what.master-plan-id"))
    static let parentPlanID = ValueName(Message("schema.what.parent-plan-id"))
    static let resourceID = ValueName(Message("schema.what.resource-id"))
    static let actionID = ValueName(Message("schema.what.action-id"))
    static let regionID = ValueName(Message("schema.what.region-id"))
    static let hazardID = ValueName(Message("schema.what.hazard-id"))
}

/// Where a value sits in its document, for messages: `actions[3].who`, `organization.command.name`.
/// Decoders pass one to every value they read and make a new one at every key, but a message is rare:
/// so the text is put together only when a message needs it, and a path holds nothing counted by
/// reference (literal names, numbers, and the nodes of names and ids read from the document, not
/// retained: a path lives only while its document is decoded). Copying one copies a few words.
struct FieldPath: CustomStringConvertible, ExpressibleByStringLiteral, Sendable {
    private enum Part: Sendable {
        /// `.name` (no dot first).
        case name(StaticString)
        /// A name read from the document: a key's own text (`rules.NAME`, `support.KEY`).
        case nodeName(YAMLNodeReference)
        /// `[n]`, 1-based.
        case index(Int)
        /// `[id]`, the text of the scalar holding the id.
        case id(YAMLNodeReference)
        /// Text after the path as it is (` key`).
        case suffix(StaticString)
    }

    /// The parts, first to last; the decoders nest at most four deep (`rules.NAME.KEY`), and a part past
    /// the last slot is left out of the message rather than stored.
    private var parts: (Part?, Part?, Part?, Part?, Part?, Part?) = (nil, nil, nil, nil, nil, nil)
    private var count = 0

    init(stringLiteral name: StaticString) { append(.name(name)) }
    init(_ name: StaticString) { append(.name(name)) }
    /// A path named by a key as written in the document.
    init(node: YAMLNode) { append(.nodeName(YAMLNodeReference(node))) }

    private mutating func append(_ part: Part) {
        switch count {
        case 0: parts.0 = part
        case 1: parts.1 = part
        case 2: parts.2 = part
        case 3: parts.3 = part
        case 4: parts.4 = part
        case 5: parts.5 = part
        default: return
        }
        count += 1
    }

    private func with(_ part: Part) -> FieldPath {
        var path = self
        path.append(part)
        return path
    }

    /// This path followed by `.name`.
    func key(_ name: StaticString) -> FieldPath { with(.name(name)) }
    /// This path followed by `.` and the text of a key node.
    func key(node: YAMLNode) -> FieldPath { with(.nodeName(YAMLNodeReference(node))) }
    /// This path followed by `[n]` (n is 1-based).
    func item(_ n: Int) -> FieldPath { with(.index(n)) }
    /// This path followed by `[id]`, the text of the scalar `id`.
    func item(_ id: YAMLNode) -> FieldPath { with(.id(YAMLNodeReference(id))) }
    /// This path followed by ` key`: the key of a mapping entry rather than its value.
    var entryKey: FieldPath { with(.suffix(" key")) }

    var description: String {
        var text = ""
        for part in [parts.0, parts.1, parts.2, parts.3, parts.4, parts.5].prefix(count) {
            switch part {
            case .name(let name): text += (text.isEmpty ? "" : ".") + name.description
            case .nodeName(let node): text += (text.isEmpty ? "" : ".") + (node.node.scalar ?? "")
            case .index(let n): text += "[\(n)]"
            case .id(let node): text += "[\(node.node.scalar ?? "")]"
            case .suffix(let suffix): text += suffix.description
            case nil: break
            }
        }
        return text
    }
}

/// The id, slug and region patterns of plan-format §2, matched on bytes.
enum Patterns {
    /// Which separators a pattern allows.
    private struct Separators: OptionSet {
        let rawValue: UInt8
        static let dot = Separators(rawValue: 1), underscore = Separators(rawValue: 2)
        static let hyphen = Separators(rawValue: 4), slash = Separators(rawValue: 8)

        func allows(_ b: UInt8) -> Bool {
            switch b {
            case 0x2E: return contains(.dot)
            case 0x5F: return contains(.underscore)
            case 0x2D: return contains(.hyphen)
            case 0x2F: return contains(.slash)
            default: return false
            }
        }
    }

    /// Parts of `[a-z0-9]+` joined by single separators from `separators`.
    private static func matches(_ text: String, separators: Separators) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { matches($0, separators: separators) }
            ?? matches(Array(text.utf8), separators: separators)
    }

    private static func matches<Bytes: Collection<UInt8>>(_ bytes: Bytes, separators: Separators) -> Bool {
        var previousWasSeparator = true
        for b in bytes {
            // Most bytes are lowercase letters or digits: one range test each.
            if b &- 0x61 < 26 || b &- 0x30 < 10 {
                previousWasSeparator = false
            } else if separators.allows(b) {
                if previousWasSeparator { return false }
                previousWasSeparator = true
            } else {
                return false
            }
        }
        return !bytes.isEmpty && !previousWasSeparator
    }

    static func isIdentifier(_ text: String) -> Bool { matches(text, separators: [.dot, .underscore, .hyphen]) }
    static func isSlug(_ text: String) -> Bool { matches(text, separators: .hyphen) }

    /// Slugs joined by single '/': parts of `[a-z0-9]+` joined by single '-' or '/'.
    static func isRegionPath(_ text: String) -> Bool { matches(text, separators: [.hyphen, .slash]) }

    static func agencyRef(_ text: String) -> AgencyRef? {
        var contiguous = text  // withUTF8 needs var; a native string is not copied
        return contiguous.withUTF8 { bytes -> AgencyRef? in
            guard let colon = bytes.firstIndex(of: 0x3A) else {
                return matches(bytes, separators: .hyphen) ? AgencyRef(region: nil, agency: text) : nil
            }
            let region = UnsafeBufferPointer(rebasing: bytes[..<colon])
            let agency = UnsafeBufferPointer(rebasing: bytes[(colon + 1)...])
            guard matches(region, separators: [.hyphen, .slash]), matches(agency, separators: .hyphen) else { return nil }
            return AgencyRef(region: String(decoding: region, as: UTF8.self), agency: String(decoding: agency, as: UTF8.self))
        }
    }
}
