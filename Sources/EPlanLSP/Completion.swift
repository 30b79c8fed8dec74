import EPlanKit
import EPlanText
import EPlanYAML

/// Where the cursor is in the YAML text, read from the text itself (a document being typed is often
/// not valid YAML): the key whose value is being typed, or the mapping whose key is being typed.
struct CompletionContext: Equatable {
    enum Slot: Equatable {
        /// Typing the value of `key` (also an entry of its list).
        case value(key: String, parent: String?)
        /// Typing a key of the mapping under `parent` (nil: the top level); `inItem`: a list entry's mapping.
        case key(parent: String?, inItem: Bool)
    }

    var slot: Slot
    /// What is typed so far of the word.
    var prefix: String

    init(slot: Slot, prefix: String) {
        self.slot = slot
        self.prefix = prefix
    }

    /// A line split into its leading spaces, an optional `- `, and the rest.
    private struct Line {
        var dash: Int?
        var keyColumn: Int
        var rest: Substring
        var blank: Bool

        init(_ text: String) {
            var column = 0
            var rest = Substring(text)
            while rest.first == " " { rest.removeFirst(); column += 1 }
            var dash: Int?
            while rest.first == "-", rest.dropFirst().first == " " || rest.count == 1 {
                dash = column
                rest.removeFirst()
                column += 1
                while rest.first == " " { rest.removeFirst(); column += 1 }
            }
            self.dash = dash
            keyColumn = column
            self.rest = rest
            blank = rest.isEmpty && dash == nil || rest.first == "#"
        }

        /// `key:` at the start of the rest, and whether a value follows on the line.
        var key: (name: String, hasValue: Bool)? {
            guard let colon = rest.firstIndex(of: ":") else { return nil }
            let name = rest[rest.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
            let after = rest[rest.index(after: colon)...]
            guard after.isEmpty || after.first == " " else { return nil }
            let value = after.drop { $0 == " " }
            return (String(name), !value.isEmpty && value.first != "#")
        }
    }

    /// The context of the cursor at `character` (in Characters) of `lines[row]`.
    init(lines: [String], row: Int, prefixText: String) {
        let stops: Set<Character> = [" ", ",", "[", "{", "\"", "'", "\t"]
        let word = String(prefixText.reversed().prefix { !stops.contains($0) }.reversed())
        prefix = word
        let before = String(prefixText.dropLast(word.count))
        let current = Line(before + word)
        // A key on this line: the value after it, or in a flow mapping the last key before the cursor.
        if let colon = before.lastIndex(of: ":") {
            let head = before[before.startIndex..<colon]
            let key = String(head.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }.reversed())
            if !key.isEmpty {
                let enclosing = Self.parentKey(lines, row, current, insideFlow: before.contains("{"))
                slot = .value(key: before.contains("{") && key == "id" ? (Line(before).key?.name ?? key) : key, parent: enclosing.key)
                return
            }
        }
        let parent = Self.parentKey(lines, row, current, insideFlow: false)
        if current.dash != nil, current.keyColumn == Line(before + word).keyColumn, !word.isEmpty || before.hasSuffix("- ") {
            // `- word`: an entry of the list under the parent key (or a key of the entry's mapping).
            if let key = parent.key, Self.scalarLists.contains(key) {
                slot = .value(key: key, parent: nil)
                return
            }
        }
        slot = .key(parent: parent.key, inItem: parent.inItem)
    }

    /// Keys whose values are lists of scalars (so `- x` under them is a value, not a mapping).
    static let scalarLists: Set<String> = ["hazards", "severities", "who", "lead", "resources", "duties", "regions", "findings", "include", "exclude"]

    /// The key of the mapping that holds the current line, found by indentation.
    private static func parentKey(_ lines: [String], _ row: Int, _ current: Line, insideFlow: Bool) -> (key: String?, inItem: Bool) {
        var limit = current.dash ?? current.keyColumn
        var inItem = current.dash != nil
        var r = row - 1
        while r >= 0 {
            let line = Line(lines[r])
            r -= 1
            if line.blank { continue }
            if let dash = line.dash, dash < limit || (dash == limit && !inItem) {
                if line.keyColumn >= limit || current.dash == nil && dash < limit {
                    // The entry holding us: its list's key is above.
                    inItem = true
                    limit = dash
                    continue
                }
            }
            if line.keyColumn < limit || (inItem && line.keyColumn <= limit && line.dash == nil) {
                if let key = line.key, !key.hasValue { return (key.name, inItem) }
                if line.keyColumn < limit { return (line.key?.name, inItem) }
            }
        }
        return (nil, inItem)
    }
}

extension LanguageServer {
    func completion(_ document: OpenDocument, _ position: Position) -> JSONValue? {
        guard let repository = repositories[document.root] else { return nil }
        let lines = document.lines
        let offset = lines.offset(of: position, encoding)
        let lineStart = lines.lineStart(position.line)
        let prefixText = String(decoding: lines.bytes[lineStart..<max(lineStart, offset)], as: UTF8.self)
        let rows = (0...min(position.line, lines.lineCount - 1)).map { lines.line($0) }
        let context = CompletionContext(lines: rows, row: position.line, prefixText: prefixText)
        let language = language(repository)
        let index = repository.analysis?.index
        let type = rows.first { $0.hasPrefix("eplan:") }.map { $0.dropFirst(6).trimmingCharacters() } ?? "plan/v1"
        var items: [(label: String, detail: String?, kind: Int)] = []
        /// How likely an item is (smaller first); unranked items come after the ranked ones.
        var rank: [String: Int] = [:]
        let valueKind = 12, keyKind = 10, referenceKind = 18
        func terms(_ category: Term.Category, _ ids: [String]) {
            items += ids.map { ($0, Term(category, $0).name(language), valueKind) }
        }
        switch context.slot {
        case .value(let key, let parent):
            switch key {
            case "parent", "master",
                 "id" where parent == "parent":
                // The likely links first: plans of the document's region and of the regions above it,
                // nearest first (for `master:` the region's master plans before all).
                let hazards = Set(document.document?.plan?.scope?.hazards?.value?.compactMap(\.value) ?? [])
                let region = document.document?.plan?.region?.value
                    ?? rows.first { $0.hasPrefix("region:") }.map { $0.dropFirst(7).trimmingCharacters() }
                for plan in index?.plans ?? [] {
                    guard let id = plan.id?.value, !plan.isRetired, id != document.document?.plan?.id?.value else { continue }
                    let title = repository.document(plan.file)?.plan?.title?.value
                    items.append((id, title ?? plan.file, referenceKind))
                    guard let region, let theirs = plan.region?.value, theirs == region || region.hasPrefix(theirs + "/") else { continue }
                    let up = region.split(separator: "/").count - theirs.split(separator: "/").count
                    let isMaster = plan.kind?.value == .master
                    if key == "master" {
                        rank[id] = isMaster ? up : 100 + up
                    } else if up == 0 {
                        rank[id] = isMaster ? 1 : 50
                    } else {
                        // A parent is most often a plan of the same kind for the same hazards one region up,
                        // else the master there.
                        let sameKind = plan.kind?.value != nil && plan.kind?.value == document.document?.plan?.kind?.value
                        let theirHazards = Set(plan.scope?.hazards?.value?.compactMap(\.value) ?? [])
                        let sameHazard = !theirHazards.isDisjoint(with: hazards)
                        rank[id] = (up - 1) * 4 + (sameKind && sameHazard ? 0 : isMaster ? 1 : sameKind ? 2 : 3)
                    }
                }
                for id in index?.externalByID.keys.sorted() ?? [] { items.append((id, repository.configurationDisplay, referenceKind)) }
            case "region", "regions":
                items += (index?.regionByPath ?? [:]).map { ($0.key, $0.value.region.name?.value, valueKind) }
            case "hazards", "hazard":
                terms(.hazard, repository.configuration.hazardVocabulary.sorted())
            case "severities":
                terms(.severity, SeverityClass.allCases.map(\.rawValue))
            case "level":
                if parent == "response-levels" {
                    terms(.severity, SeverityClass.allCases.map(\.rawValue))
                } else {
                    terms(.level, Level.allCases.map(\.rawValue))
                }
            case "kind": terms(.kind, PlanKind.allCases.map(\.rawValue))
            case "status": terms(.status, PlanStatus.allCases.map(\.rawValue))
            case "phase": terms(.phase, Phase.allCases.map(\.rawValue))
            case "role": terms(.role, MemberRole.allCases.map(\.rawValue))
            case "category": terms(.unitCategory, UnitCategory.allCases.map(\.rawValue))
            case "form": terms(.form, PlanForm.allCases.map(\.rawValue))
            case "type":
                if parent == "drills" { terms(.drillType, DrillType.allCases.map(\.rawValue)) } else { terms(.resourceType, ResourceType.allCases.map(\.rawValue)) }
            case "resources":
                items += (index?.resourceByID.keys.sorted() ?? []).map { ($0, nil, referenceKind) }
            case "who", "lead", "office", "owner", "agency", "holder", "to":
                items += agencies(document, repository).map { ($0, nil, referenceKind) }
            default: break
            }
        case .key(let parent, let inItem):
            let keys: [String]
            switch (type, parent) {
            case ("regions/v1", nil): keys = Keys.regionsDocument
            case ("regions/v1", _): keys = Keys.region
            case ("inventory/v1", nil): keys = Keys.inventory
            case ("inventory/v1", _): keys = Keys.resource
            case ("config/v1", nil): keys = Keys.config
            case ("config/v1", "external"): keys = Keys.external
            case ("config/v1", "calendar"): keys = Keys.calendar
            case ("config/v1", "reporting"): keys = Keys.reporting
            case (_, nil): keys = Keys.plan
            case (_, "parent"): keys = Keys.parent
            case (_, "scope"): keys = Keys.scope
            case (_, "excluded"): keys = Keys.exclusion
            case (_, "organization"): keys = Keys.organization
            case (_, "command"): keys = Keys.command
            case (_, "members"): keys = Keys.member
            case (_, "reporting"): keys = Keys.reporting
            case (_, "response-levels"): keys = Keys.responseLevel
            case (_, "actions"): keys = Keys.action
            case (_, "resources"): keys = inItem ? Keys.resource : []
            case (_, "drills"): keys = Keys.drill
            case (_, "revisions"): keys = Keys.revision
            case (_, "event-dates"): keys = Keys.eventDates
            default: keys = []
            }
            // At the top level, the keys the document already writes (at column 1, on other lines) are not offered again.
            var written: Set<String> = []
            if parent == nil {
                for row in 0..<lines.lineCount where row != position.line {
                    let line = lines.line(row)
                    guard let first = line.first, first != " ", first != "#", first != "-", let colon = line.firstIndex(of: ":") else { continue }
                    written.insert(String(line[..<colon]))
                }
            }
            items += keys.filter { !written.contains($0) }.map { ($0, nil, keyKind) }
        }
        // Filter here: a repository has thousands of plan ids; the client gets the closest first.
        let typed = context.prefix.lowercased()
        var matches = items.filter { typed.isEmpty || $0.label.lowercased().contains(typed) }
        matches.sort { a, b in
            let pa = a.label.lowercased().hasPrefix(typed), pb = b.label.lowercased().hasPrefix(typed)
            if pa != pb { return pa }
            let ra = rank[a.label] ?? Int.max, rb = rank[b.label] ?? Int.max
            return ra != rb ? ra < rb : a.label < b.label
        }
        let limit = 500
        let incomplete = matches.count > limit
        let isKey: Bool
        if case .key = context.slot { isKey = true } else { isKey = false }
        let start = Position(line: position.line,
                             character: lines.position(at: offset - context.prefix.utf8.count, encoding).character)
        let replace = Range(start: start, end: position)
        let list: [JSONValue] = matches.prefix(limit).enumerated().map { i, item in
            var members: [(String, JSONValue)] = [("label", .string(item.label)), ("kind", .int(item.kind))]
            if let detail = item.detail { members.append(("detail", .string(detail))) }
            members.append(("sortText", .string(String(repeating: "0", count: max(0, 5 - String(i).count)) + String(i))))
            members.append(("filterText", .string(item.label)))
            members.append(("textEdit", .object([("range", replace.json), ("newText", .string(isKey ? item.label + ": " : item.label))])))
            return .object(members)
        }
        return .object([("isIncomplete", .bool(incomplete)), ("items", .array(list))])
    }

    /// The agencies a reference in this document may name: the members of its region's master plans,
    /// and those of its own organization.
    func agencies(_ document: OpenDocument, _ repository: Repository) -> [String] {
        var names: Set<String> = []
        let plan = document.document?.plan
        if let region = plan?.region?.value {
            for master in repository.analysis?.lookups.masters[region] ?? [] {
                for member in master.organization?.members ?? [] { if let agency = member.agency?.value?.agency { names.insert(agency) } }
            }
        }
        for member in plan?.organization?.members ?? [] { if let agency = member.agency?.value?.agency { names.insert(agency) } }
        return names.sorted()
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " || $0 == "\r" }.reversed())
    }
}
