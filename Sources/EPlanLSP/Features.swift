import EPlanKit
import EPlanText
import EPlanYAML

/// What the cursor is on, in a decoded plan.
enum Target {
    case plan(String, SourceSpan)
    case agency(AgencyRef, region: String?, SourceSpan)
    case term(Term.Category, String, SourceSpan)
    case region(String, SourceSpan)
    case resource(String, SourceSpan)
    case rule(String, SourceSpan)

    var span: SourceSpan {
        switch self {
        case .plan(_, let s), .agency(_, _, let s), .term(_, _, let s), .region(_, let s), .resource(_, let s), .rule(_, let s): return s
        }
    }
}

extension LanguageServer {
    // MARK: What is at the cursor

    func target(_ document: OpenDocument, _ position: Position) -> Target? {
        let mark = document.lines.mark(of: position, encoding)
        func on(_ span: SourceSpan) -> Bool { span.start <= mark && mark <= span.end }
        // A rule id in a suppression comment.
        for suppression in document.document?.suppressions ?? [] where suppression.span.start.line == mark.line && on(suppression.span) {
            let word = self.word(document, position)
            if let rule = suppression.rules.first(where: { $0 == word.text }) { return .rule(rule, word.span) }
        }
        guard let plan = document.document?.plan else {
            if case .inventory(let inventory)? = document.document?.content {
                for resource in inventory.resources { if let id = resource.id, let v = id.value, on(id.span) { return .resource(v, id.span) } }
            }
            return nil
        }
        let region = plan.region?.value
        var found: Target?
        func check<T>(_ field: Field<T>?, _ make: (T, SourceSpan) -> Target?) {
            guard found == nil, let field, let value = field.value, on(field.span) else { return }
            found = make(value, field.span)
        }
        func agency(_ field: Field<AgencyRef>?) { check(field) { .agency($0, region: $0.region ?? region, $1) } }
        func term<T: RawRepresentable>(_ field: Field<T>?, _ category: Term.Category) where T.RawValue == String {
            check(field) { .term(category, $0.rawValue, $1) }
        }
        check(plan.id) { .plan($0, $1) }
        check(plan.parent?.id) { .plan($0, $1) }
        check(plan.master) { .plan($0, $1) }
        check(plan.region) { .region($0, $1) }
        for entry in plan.regions?.value ?? [] { check(entry) { .region($0, $1) } }
        term(plan.kind, .kind)
        term(plan.level, .level)
        term(plan.status, .status)
        term(plan.category, .unitCategory)
        term(plan.form, .form)
        agency(plan.owner)
        if let scope = plan.scope {
            for hazard in scope.hazards?.value ?? [] { check(hazard) { .term(.hazard, $0, $1) } }
            for severity in scope.severities?.value ?? [] { term(severity, .severity) }
            for exclusion in scope.excluded { check(exclusion.hazard) { .term(.hazard, $0, $1) } }
        }
        if let organization = plan.organization {
            agency(organization.command?.office)
            for member in organization.members {
                agency(member.agency)
                term(member.role, .role)
            }
        }
        agency(plan.reporting?.to)
        for level in plan.responseLevels?.value ?? [] {
            term(level.level, .severity)
            for lead in level.lead?.value ?? [] { agency(lead) }
        }
        for action in plan.actions?.value ?? [] {
            term(action.phase, .phase)
            for who in action.who?.value ?? [] { agency(who) }
            for resource in action.resources?.value ?? [] { check(resource) { .resource($0, $1) } }
            for hazard in action.hazards?.value ?? [] { check(hazard) { .term(.hazard, $0, $1) } }
        }
        for resource in plan.resources?.value ?? [] {
            check(resource.id) { .resource($0, $1) }
            term(resource.type, .resourceType)
            agency(resource.holder)
        }
        for drill in plan.drills?.value ?? [] { term(drill.type, .drillType) }
        return found
    }

    /// The word at a position (letters, digits, `-`, `_`, `.`), with its span as an eplan span.
    func word(_ document: OpenDocument, _ position: Position) -> (text: String, span: SourceSpan) {
        let lines = document.lines
        let offset = lines.offset(of: position, encoding)
        let bytes = lines.bytes
        func isWord(_ b: UInt8) -> Bool {
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2D || b == 0x5F || b == 0x2E
        }
        var start = offset
        while start > 0, isWord(bytes[start - 1]) { start -= 1 }
        var end = offset
        while end < bytes.count, isWord(bytes[end]) { end += 1 }
        return (String(decoding: bytes[start..<end], as: UTF8.self), SourceSpan(start: lines.mark(at: start), end: lines.mark(at: end)))
    }

    // MARK: Hover

    func hover(_ document: OpenDocument, _ position: Position) -> JSONValue? {
        guard let target = target(document, position), let repository = repositories[document.root] else { return nil }
        let language = language(repository)
        let analysis = repository.analysis
        var lines: [Message] = []
        switch target {
        case .plan(let id, _):
            let facts: (kind: PlanKind?, level: Level?, version: Version?, status: PlanStatus, title: String?, where: Message)
            if let summary = analysis?.index.plan(id) {
                facts = (summary.kind?.value, summary.level?.value, summary.version?.value, summary.effectiveStatus,
                         repository.document(summary.file)?.plan?.title?.value, Message("lsp.hover.plan-file", ["file": .verbatim(summary.file)]))
            } else if let external = analysis?.index.externalByID[id] {
                facts = (external.kind?.value, external.level?.value, external.version?.value, .inForce, nil,
                         Message("lsp.hover.external", ["file": .verbatim(repository.configurationDisplay)]))
            } else {
                return nil
            }
            lines.append(Message("lsp.hover.plan", ["id": .verbatim(id), "title": .verbatim(facts.title ?? "")]))
            lines.append(Message("lsp.hover.plan-facts", [
                "kind": .term(Term(.kind, facts.kind?.rawValue ?? "?")), "level": .term(Term(.level, facts.level?.rawValue ?? "?")),
                "version": .verbatim(facts.version?.text ?? "?"), "status": .term(Term(.status, facts.status.rawValue)),
            ]))
            lines.append(facts.where)
        case .agency(let ref, let region, _):
            guard let region else { return nil }
            if let (master, member) = masterMember(ref, region, repository) {
                lines.append(Message("lsp.hover.agency", [
                    "agency": .verbatim(ref.agency), "region": .verbatim(region), "master": .verbatim(master.id?.value ?? ""),
                    "role": .term(Term(.role, member.effectiveRole.rawValue)),
                ]))
                let duties = member.duties?.value?.compactMap(\.value) ?? []
                if !duties.isEmpty { lines.append(Message("lsp.hover.agency-duties", ["duties": .verbatims(duties)])) }
            } else {
                lines.append(Message("lsp.hover.agency-unknown", ["agency": .verbatim(ref.agency), "region": .verbatim(region)]))
            }
        case .term(let category, let id, _):
            let term = Term(category, id)
            lines.append(Message("lsp.hover.term", ["id": .verbatim(id), "zh": .verbatim(term.name(.zhCN)), "en": .verbatim(term.name(.en))]))
        case .region(let path, _):
            guard let entry = analysis?.index.regionByPath[path] else { return nil }
            lines.append(Message("lsp.hover.region", [
                "path": .verbatim(path), "name": .verbatim(entry.region.name?.value ?? ""),
                "level": .term(Term(.level, entry.region.level?.value?.rawValue ?? "?")),
            ]))
        case .resource(let id, _):
            guard let index = analysis?.index, let definition = index.resourceByID[id] else { return nil }
            lines.append(Message("lsp.hover.resource", ["id": .verbatim(id), "file": .verbatim(index.file(of: definition))]))
        case .rule(let rule, _):
            guard let info = RuleID(rule).info else { return nil }
            lines.append(Message("lsp.hover.rule", [
                "rule": .verbatim(rule), "severity": .verbatim(info.severity.description),
                "summary": .message(Message("rule.\(rule).summary")),
            ]))
        }
        return .object([
            ("contents", .object([("kind", .string("markdown")),
                                  ("value", .string(lines.map { $0.text(language) }.joined(separator: "\n\n")))])),
            ("range", document.lines.range(of: target.span, encoding).json),
        ])
    }

    /// The in-force master plan of a region and its member entry for an agency.
    func masterMember(_ ref: AgencyRef, _ region: String, _ repository: Repository) -> (Plan, Member)? {
        for summary in repository.analysis?.lookups.masters[region] ?? [] {
            guard let master = repository.document(summary.file)?.plan else { continue }
            if let member = master.organization?.members.first(where: { $0.agency?.value?.agency == ref.agency }) {
                return (master, member)
            }
        }
        return nil
    }

    // MARK: Definition and references

    func definition(_ document: OpenDocument, _ position: Position) -> JSONValue? {
        guard let target = target(document, position), let repository = repositories[document.root],
              let index = repository.analysis?.index else { return nil }
        var sources = SourceCache(repository: repository, open: open.values.filter { $0.root == document.root })
        switch target {
        case .plan(let id, _):
            if let summary = index.plan(id) { return sources.location(summary.file, summary.id?.span ?? summary.firstKey, encoding) }
            if let external = index.externalByID[id] {
                return sources.location(repository.configurationDisplay, external.id?.span ?? external.span, encoding)
            }
        case .resource(let id, _):
            if let definition = index.resourceByID[id] { return sources.location(index.file(of: definition), definition.span, encoding) }
        case .agency(let ref, let region, _):
            if let region, let (master, member) = masterMember(ref, region, repository) {
                return sources.location(master.file, member.agency?.span ?? member.span, encoding)
            }
        case .region(let path, _):
            if let entry = index.regionByPath[path] { return sources.location(entry.file, entry.region.id?.span ?? entry.region.span, encoding) }
        case .term, .rule: break
        }
        return nil
    }

    /// The plans that name a plan as their parent or master.
    func references(_ document: OpenDocument, _ position: Position, includeDeclaration: Bool) -> JSONValue? {
        guard case .plan(let id, _)? = target(document, position), let repository = repositories[document.root],
              let index = repository.analysis?.index else { return nil }
        var sources = SourceCache(repository: repository, open: open.values.filter { $0.root == document.root })
        var locations: [JSONValue] = []
        if includeDeclaration, let summary = index.plan(id), let at = sources.location(summary.file, summary.id?.span ?? summary.firstKey, encoding) {
            locations.append(at)
        }
        for plan in index.plans {
            if let parent = plan.parent, parent.id.value == id, let at = sources.location(plan.file, parent.id.span, encoding) { locations.append(at) }
            if let master = plan.master, master.value == id, let at = sources.location(plan.file, master.span, encoding) { locations.append(at) }
        }
        return .array(locations)
    }

    // MARK: Code actions

    func codeActions(_ document: OpenDocument, _ range: Range) -> JSONValue {
        guard let repository = repositories[document.root] else { return .array([]) }
        let language = language(repository)
        var sources = SourceCache(repository: repository, open: [document])
        var actions: [JSONValue] = []
        for finding in findings[document.uri] ?? [] {
            let at = document.lines.range(of: finding.location.span, encoding)
            guard at.start <= range.end, range.start <= at.end else { continue }
            let diagnostic = lspDiagnostic(finding, document, language, &sources)
            func action(_ title: Message, _ edits: [JSONValue], preferred: Bool) {
                actions.append(.object([
                    ("title", .string(title.text(language))),
                    ("kind", .string("quickfix")),
                    ("diagnostics", .array([diagnostic])),
                    ("isPreferred", .bool(preferred)),
                    ("edit", .object([("changes", .object([(document.uri, .array(edits))]))])),
                ]))
            }
            func edit(_ range: Range, _ text: String) -> JSONValue {
                .object([("range", range.json), ("newText", .string(text))])
            }
            // "Did you mean …": the suggestion replaces what the finding points at.
            if let help = finding.help, let suggestion = Self.suggestion(help),
               let (old, span) = Self.misspelling(finding, suggestion: suggestion, in: document.lines) {
                action(Message("lsp.fix.replace", ["old": .verbatim(old), "new": .verbatim(suggestion)]),
                       [edit(document.lines.range(of: span, encoding), suggestion)], preferred: true)
            }
            // A stale parent version: dock with the parent's current one.
            if finding.rule == RuleID("parent-stale"), let plan = document.document?.plan, let parent = plan.parent,
               let recorded = parent.version, let parentID = parent.id.value,
               let current = repository.analysis?.index.target(parentID)?.version?.value,
               let value = Self.valueSpan(of: recorded, in: document.lines) {
                action(Message("lsp.fix.parent-version", ["parent": .verbatim(parentID), "version": .verbatim(current.text)]),
                       [edit(document.lines.range(of: value, encoding), "\"\(current.text)\"")], preferred: true)
            }
            // Suppress on the line: a comment above it, indented like it.
            let line = at.start.line
            let text = document.lines.line(line)
            let indent = String(text.prefix { $0 == " " || $0 == "\t" })
            let reason = Message("lsp.suppress-reason").text(language)
            let comment = "\(indent)# eplan-disable-next-line \(finding.rule.rawValue) -- \(reason)\n"
            action(Message("lsp.fix.suppress", ["rule": .verbatim(finding.rule.rawValue)]),
                   [edit(Range(start: Position(line: line, character: 0), end: Position(line: line, character: 0)), comment)], preferred: false)
        }
        return .array(actions)
    }

    /// The replacement a "did you mean" help suggests, when it is one.
    static func suggestion(_ help: Message) -> String? {
        if help.key.contains("did-you-mean") {
            for name in ["id", "name", "resource", "candidate", "suggestion"] {
                switch help.arguments[name] {
                case .verbatim(let value)?: return value
                case .term(let term)?: return term.id
                default: continue
                }
            }
        }
        for argument in help.arguments.values {
            if case .message(let nested) = argument, let found = suggestion(nested) { return found }
        }
        return nil
    }

    /// What a "did you mean" finding's suggestion replaces: the value its message names (`parent
    /// 'qs.trafic'`) where it stands in the finding's span, as a whole word; the span itself when the
    /// message names nothing found there.
    static func misspelling(_ finding: Diagnostic, suggestion: String, in lines: TextLines) -> (String, SourceSpan)? {
        let start = lines.offset(of: finding.location.span.start)
        let end = max(start, lines.offset(of: finding.location.span.end))
        let text = Array(lines.bytes[start..<end])
        var names: [String] = []
        func collect(_ argument: MessageArgument) {
            switch argument {
            case .verbatim(let value): names.append(value)
            case .term(let term): names.append(term.id)
            case .list(let items): items.forEach(collect)
            case .message(let message): message.arguments.keys.sorted().forEach { collect(message.arguments[$0]!) }
            }
        }
        let preferred = ["parent", "master", "region", "resource", "key", "value", "id", "name", "hazard", "agency"]
        for key in preferred + finding.message.arguments.keys.sorted() where !preferred.contains(key) || finding.message.arguments[key] != nil {
            if let argument = finding.message.arguments[key] { collect(argument) }
        }
        func isWord(_ b: UInt8) -> Bool {
            b >= 0x80 || (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x2F
        }
        for name in names where !name.isEmpty && name != suggestion {
            let needle = Array(name.utf8)
            guard needle.count <= text.count else { continue }
            for i in 0...(text.count - needle.count) where text[i..<(i + needle.count)].elementsEqual(needle) {
                let before = i == 0 ? nil : text[i - 1]
                let after = i + needle.count < text.count ? text[i + needle.count] : nil
                if before.map(isWord) == true || after.map(isWord) == true { continue }
                return (name, SourceSpan(start: lines.mark(at: start + i), end: lines.mark(at: start + i + needle.count)))
            }
        }
        let whole = String(decoding: text, as: UTF8.self)
        guard !whole.isEmpty, whole != suggestion, text.allSatisfy(isWord) else { return nil }
        return (whole, finding.location.span)
    }

    /// Where a version's value is written in its field's span (`version: "3.0"`: the `"3.0"`, quotes included).
    static func valueSpan(of field: Field<Version>, in lines: TextLines) -> SourceSpan? {
        guard let text = field.value?.text else { return nil }
        let start = lines.offset(of: field.span.start)
        let end = max(start, lines.offset(of: field.span.end))
        let bytes = Array(lines.bytes[start..<end])
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count,
              var at = (0...(bytes.count - needle.count)).last(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }) else { return nil }
        var after = at + needle.count
        if at > 0, after < bytes.count, bytes[at - 1] == bytes[after], bytes[after] == 0x22 || bytes[after] == 0x27 {
            at -= 1
            after += 1
        }
        return SourceSpan(start: lines.mark(at: start + at), end: lines.mark(at: start + after))
    }
}
