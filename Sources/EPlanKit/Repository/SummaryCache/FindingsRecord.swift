import EPlanText
import EPlanYAML

/// What the findings cache keeps of a file besides its summary: the findings that depend on that
/// file alone (the decoder's, and those of the local rules, `Rule.isLocal`) on the day the record was
/// made, its suppression comments and, for a plan, what the rules that read today's date read of it
/// (`DatedPart`), for the content it was made from (`ContentHash`). A run that finds the file with the
/// same content, under the same eplan version and configuration (the cache's key), takes these
/// instead of parsing the file: on the record's day as they are; on another day, the findings of the
/// rules that read today's date are found again from the dated part (decoded only then). The
/// cross-plan rules run again over every plan.
///
/// Findings are kept before the configuration's severities, the rules chosen on the command line and
/// suppressions apply (a run applies them as to fresh findings). A location in the file itself is
/// kept without its path, so a run from another folder (another display path) reads the same record.
struct FindingsRecord {
    /// The day the findings were found for (`--today`).
    var today: String
    var diagnostics: [Diagnostic]
    var suppressions: [Suppression]
    /// A plan's dated part as written (`DatedPart`), decoded by `datedPart`; nil for other files and
    /// retired plans.
    private var datedBytes: ByteSlice?

    /// A record of `dated` (only its dated fields are kept).
    init(today: String, diagnostics: [Diagnostic], suppressions: [Suppression], dated: Plan?) {
        self.today = today
        self.diagnostics = diagnostics
        self.suppressions = suppressions
        datedBytes = dated.map { plan in
            var w = BinaryWriter()
            DatedPart.encode(plan, &w)
            return ByteSlice(w.bytes)
        }
    }

    /// The record for another day: the findings of the rules that read today's date (`rules`) replaced
    /// by `found` (those rules run on the dated part that day), the rest kept.
    func forDay(_ today: String, rules: Set<RuleID>, found: [Diagnostic]) -> FindingsRecord {
        var record = self
        record.today = today
        record.diagnostics = diagnostics.filter { !rules.contains($0.rule) } + found
        return record
    }

    /// The dated part, as a plan with only those fields (nil for other files and retired plans).
    func datedPart(file: String) -> Plan? {
        datedBytes.flatMap { bytes in
            try? BinaryReader.reading(bytes) { (r: inout BinaryReader) throws(BinaryReader.Truncated) in
                try DatedPart.decode(&r, file: file)
            }
        }
    }

    static func encode(_ record: FindingsRecord, file: String) -> [UInt8] {
        var w = BinaryWriter()
        w.string(record.today)
        w.optional(record.datedBytes) { w, bytes in w.block { $0.bytes.append(contentsOf: bytes) } }
        w.array(record.diagnostics) { w, d in
            w.string(d.rule.rawValue)
            w.int(d.severity.rawValue)
            encode(d.message, &w)
            location(d.location, file: file, &w)
            w.optional(d.plan) { w, v in w.string(v) }
            w.optional(d.help) { w, m in encode(m, &w) }
            w.array(d.related) { w, r in
                location(r.location, file: file, &w)
                encode(r.message, &w)
            }
        }
        w.array(record.suppressions) { w, s in
            w.string(s.scope.rawValue)
            w.array(s.rules) { w, v in w.string(v) }
            w.optional(s.reason) { w, v in w.string(v) }
            w.span(s.span)
        }
        return w.bytes
    }

    static func decode(_ bytes: ByteSlice, file: String) -> FindingsRecord? {
        typealias R = BinaryReader
        typealias T = BinaryReader.Truncated
        return try? BinaryReader.reading(bytes) { (r: inout R) throws(T) -> FindingsRecord in
            let today = try r.string()
            let dated = try r.optional { (r: inout R) throws(T) in try r.block() }
            let diagnostics = try r.array { (r: inout R) throws(T) -> Diagnostic in
                let rule = RuleID(rawValue: try r.string())
                guard let severity = Severity(rawValue: try r.int()) else { throw T() }
                let message = try decodeMessage(&r)
                let location = try decodeLocation(&r, file: file)
                let plan = try r.optional { (r: inout R) throws(T) in try r.string() }
                let help = try r.optional { (r: inout R) throws(T) in try decodeMessage(&r) }
                let related = try r.array { (r: inout R) throws(T) -> RelatedLocation in
                    let location = try decodeLocation(&r, file: file)
                    return RelatedLocation(location, try decodeMessage(&r))
                }
                var diagnostic = Diagnostic(rule, message, at: location, help: help, related: related, plan: plan)
                diagnostic.severity = severity
                return diagnostic
            }
            let suppressions = try r.array { (r: inout R) throws(T) -> Suppression in
                guard let scope = Suppression.Scope(rawValue: try r.string()) else { throw T() }
                let rules = try r.array { (r: inout R) throws(T) in try r.string() }
                let reason = try r.optional { (r: inout R) throws(T) in try r.string() }
                return Suppression(scope: scope, rules: rules, reason: reason, span: try r.span())
            }
            guard r.isAtEnd else { throw T() }
            var record = FindingsRecord(today: today, diagnostics: diagnostics, suppressions: suppressions, dated: nil)
            record.datedBytes = dated.map { bytes[(bytes.startIndex + $0.lowerBound) ..< (bytes.startIndex + $0.upperBound)] }
            return record
        }
    }

    // MARK: Parts

    private static func location(_ l: Location, file: String, _ w: inout BinaryWriter) {
        if l.file == file {
            w.bool(false)
        } else {
            w.bool(true)
            w.string(l.file)
        }
        w.span(l.span)
    }

    private static func decodeLocation(_ r: inout BinaryReader, file: String) throws(BinaryReader.Truncated) -> Location {
        let elsewhere = try r.bool()
        let path = elsewhere ? try r.string() : file
        return Location(file: path, span: try r.span())
    }

    private static func encode(_ m: Message, _ w: inout BinaryWriter) {
        w.string(m.key)
        w.array(m.arguments.keys.sorted()) { w, name in
            w.string(name)
            if let argument = m.arguments[name] { encode(argument, &w) }
        }
    }

    private static func decodeMessage(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> Message {
        let key = try r.string()
        var arguments: [String: MessageArgument] = [:]
        for (name, argument) in try r.array({ (r: inout BinaryReader) throws(BinaryReader.Truncated) in
            (try r.string(), try decodeArgument(&r))
        }) {
            arguments[name] = argument
        }
        return Message(key, arguments)
    }

    private static func encode(_ a: MessageArgument, _ w: inout BinaryWriter) {
        switch a {
        case .verbatim(let text): w.int(0); w.string(text)
        case .message(let message): w.int(1); encode(message, &w)
        case .term(let term): w.int(2); w.string(term.category.rawValue); w.string(term.id)
        case .list(let items): w.int(3); w.array(items) { w, item in encode(item, &w) }
        }
    }

    private static func decodeArgument(_ r: inout BinaryReader) throws(BinaryReader.Truncated) -> MessageArgument {
        switch try r.int() {
        case 0: return .verbatim(try r.string())
        case 1: return .message(try decodeMessage(&r))
        case 2:
            guard let category = Term.Category(rawValue: try r.string()) else { throw BinaryReader.Truncated() }
            return .term(Term(category, try r.string()))
        case 3: return .list(try r.array { (r: inout BinaryReader) throws(BinaryReader.Truncated) in try decodeArgument(&r) })
        default: throw BinaryReader.Truncated()
        }
    }
}
