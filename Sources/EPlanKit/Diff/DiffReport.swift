import EPlanText

/// The result of `eplan diff`: docking items or revision changes, for one or several plans.
public enum DiffResult: Sendable {
    case docking(DockingDiff)
    case revisions(base: String?, [RevisionDiff])

    public enum FailOn: String, Sendable, CaseIterable {
        case weakening, missing, any
    }

    /// True when some item reaches the `--fail-on` threshold.
    public func fails(_ threshold: FailOn) -> Bool {
        switch self {
        case .docking(let d):
            switch threshold {
            case .weakening: return d.items.contains { $0.status == .weaker }
            case .missing: return d.items.contains { $0.status == .missing }
            case .any: return d.items.contains { $0.status != .covered }
            }
        case .revisions(_, let diffs):
            let changes = diffs.flatMap(\.changes)
            switch threshold {
            case .weakening: return changes.contains { $0.impact == .weakening }
            case .missing: return changes.contains { $0.change == .removed }
            case .any: return !changes.isEmpty
            }
        }
    }
}

public enum DiffReport {
    // MARK: JSON

    public static func json(_ result: DiffResult) -> String {
        switch result {
        case .docking(let d): return docking(d).rendered()
        case .revisions(let base?, let diffs):
            return JSON.object([("mode", .string("base")), ("base", .string(base)), ("diffs", .array(diffs.map(revision)))]).rendered()
        case .revisions(nil, let diffs):
            return (diffs.count == 1 ? revision(diffs[0]) : .array(diffs.map(revision))).rendered()
        }
    }

    static func revision(_ d: RevisionDiff) -> JSON {
        func side(_ file: String, _ version: String?) -> JSON {
            var members: [(String, JSON)] = [("file", .string(file))]
            if let version { members.append(("version", .string(version))) }
            return .object(members)
        }
        return .object([
            ("mode", .string("revision")),
            ("plan", .string(d.plan)),
            ("untracked", .bool(d.untracked)),
            ("old", side(d.oldFile, d.oldVersion)),
            ("new", side(d.newFile, d.newVersion)),
            ("changes", .array(sorted(d.changes).map { c in
                var members: [(String, JSON)] = [("path", .string(c.path)), ("change", .string(c.change.rawValue))]
                if let old = c.old { members.append(("old", .string(old))) }
                if let new = c.new { members.append(("new", .string(new))) }
                members.append(("impact", .string(c.impact.rawValue)))
                return .object(members)
            })),
        ])
    }

    static func docking(_ d: DockingDiff) -> JSON {
        .object([
            ("mode", .string("docking")),
            ("plan", .string(d.plan)),
            ("parent", .string(d.parent)),
            ("items", .array(d.items.map { item in
                var members: [(String, JSON)] = [("aspect", .string(item.aspect)), ("key", .string(item.key)),
                                                 ("status", .string(item.status.rawValue))]
                if let p = item.parent { members.append(("parent", .string(p))) }
                if let c = item.child { members.append(("child", .string(c))) }
                if let n = item.note { members.append(("note", .string(n))) }
                return .object(members)
            })),
        ])
    }

    /// Weakening first, then strengthening, then neutral; by path within each.
    static func sorted(_ changes: [Change]) -> [Change] {
        changes.enumerated().sorted { a, b in
            if a.element.impact != b.element.impact { return a.element.impact < b.element.impact }
            if a.element.path != b.element.path { return a.element.path < b.element.path }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func statusRank(_ s: DockingItem.Status) -> Int {
        switch s {
        case .missing: return 0
        case .weaker: return 1
        case .excluded: return 2
        case .extra: return 3
        case .stricter: return 4
        case .covered: return 5
        }
    }

    // MARK: Words

    /// The fixed words of a diff in a language: statuses, impacts, kinds of change, aspects, columns.
    static func word(_ key: String, _ language: Language) -> String { Message(key).text(language) }

    static func status(_ s: DockingItem.Status, _ language: Language) -> String {
        switch s {
        case .covered: return Message("diff.status.covered").text(language)
        case .missing: return Message("diff.status.missing").text(language)
        case .excluded: return Message("diff.status.excluded").text(language)
        case .weaker: return Message("diff.status.weaker").text(language)
        case .stricter: return Message("diff.status.stricter").text(language)
        case .extra: return Message("diff.status.extra").text(language)
        }
    }

    static func impact(_ i: Change.Impact, _ language: Language) -> String {
        switch i {
        case .weakening: return Message("diff.impact.weakening").text(language)
        case .strengthening: return Message("diff.impact.strengthening").text(language)
        case .neutral: return Message("diff.impact.neutral").text(language)
        }
    }

    static func change(_ k: Change.Kind, _ language: Language) -> String {
        switch k {
        case .added: return Message("diff.change.added").text(language)
        case .removed: return Message("diff.change.removed").text(language)
        case .changed: return Message("diff.change.changed").text(language)
        }
    }

    /// The aspect of a docking item ("hazard", "reporting.initial"): itself in English, its name in Chinese.
    static func aspect(_ aspect: String, _ language: Language) -> String {
        Catalogue.template("diff.aspect.\(aspect)", language) ?? aspect
    }

    /// The key of a docking item: a hazard, severity class or stage as a term (`洪涝灾害（flood）`), else as it is.
    static func key(_ item: DockingItem, _ language: Language) -> String {
        switch item.aspect {
        case "hazard": return MessageArgument.term(Term(.hazard, item.key)).text(language)
        case "severity": return MessageArgument.term(Term(.severity, item.key)).text(language)
        case "stage": return MessageArgument.term(Term(.stage, item.key)).text(language)
        default: return item.key
        }
    }

    /// The widest of some words in terminal columns (the column they are padded to).
    static func width(_ words: [String]) -> Int { words.map { DisplayWidth.of($0) }.max() ?? 0 }

    // MARK: Markdown

    public static func markdown(_ result: DiffResult, language: Language = .en) -> String {
        func column(_ key: String) -> String { word(key, language) }
        switch result {
        case .docking(let d):
            let counts: [MessageArgument] = DockingItem.Status.allCases.compactMap { s in
                let n = d.items.filter { $0.status == s }.count
                return n == 0 ? nil : .message(Message("diff.md-count", ["count": .number(n), "status": .verbatim(status(s, language))]))
            }
            let title = Message("diff.md-docking", [
                "plan": .verbatim(cell(d.plan)), "parent": .verbatim(cell(d.parent)),
                "counts": counts.isEmpty ? .message(Message("diff.md-nothing")) : .list(counts),
            ])
            var out = title.text(language) + "\n\n"
            let columns = ["diff.column.status", "diff.column.aspect", "diff.column.key", "diff.column.parent",
                           "diff.column.this-plan", "diff.column.note"].map(column)
            out += "| " + columns.joined(separator: " | ") + " |\n|---|---|---|---|---|---|\n"
            let items = d.items.enumerated().sorted { a, b in
                statusRank(a.element.status) != statusRank(b.element.status)
                    ? statusRank(a.element.status) < statusRank(b.element.status) : a.offset < b.offset
            }.map(\.element)
            for item in items {
                out += "| \(status(item.status, language)) | \(cell(aspect(item.aspect, language))) | \(cell(key(item, language))) "
                out += "| \(cell(item.parent ?? "")) | \(cell(item.child ?? "")) | \(cell(item.note ?? "")) |\n"
            }
            return out
        case .revisions(let base, let diffs):
            let all = diffs.flatMap(\.changes)
            let count = { (i: Change.Impact) in all.filter { $0.impact == i }.count }
            let changed = diffs.filter { !$0.changes.isEmpty }
            let since: MessageArgument = base.map { .message(Message("diff.md-since", ["base": .verbatim(cell($0))])) } ?? ""
            let title = Message(changed.count == 1 ? "diff.md-revisions.one" : "diff.md-revisions.other",
                                ["since": since, "count": .number(changed.count)])
            let tail = all.isEmpty ? Message("diff.md-no-change")
                : Message("diff.md-impacts", ["weakening": .number(count(.weakening)), "strengthening": .number(count(.strengthening)),
                                              "neutral": .number(count(.neutral))])
            var out = title.text(language) + tail.text(language) + "\n"
            let columns = ["diff.column.impact", "diff.column.change", "diff.column.path", "diff.column.old", "diff.column.new"].map(column)
            for d in changed {
                let versions = "\(d.oldVersion ?? "—") → \(d.newVersion ?? "—")"
                out += "\n### `\(cell(d.plan))` (\(cell(versions)))\n\n| " + columns.joined(separator: " | ") + " |\n|---|---|---|---|---|\n"
                for c in sorted(d.changes) {
                    out += "| \(impact(c.impact, language)) | \(change(c.change, language)) | `\(cell(c.path))` | \(cell(c.old ?? "")) | \(cell(c.new ?? "")) |\n"
                }
            }
            return out
        }
    }

    /// A Markdown table cell: `|` escaped, line breaks as spaces, backticks kept out of code spans.
    public static func cell(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar = " "
        for c in text.unicodeScalars {
            defer { previous = c }
            switch c {
            case "|": out += "\\|"
            case "\r": out += " "
            case "\n": if previous != "\r" { out += " " }
            case "`": out += "'"
            case "<": out += "&lt;"
            default:
                if let escaped = TextReport.controlEscape(c) { out += escaped } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    // MARK: Text

    public static func text(_ result: DiffResult, color: Bool, language: Language = .en) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        switch result {
        case .docking(let d):
            let title = Message("diff.docking-title", ["plan": .verbatim(d.plan), "parent": .verbatim(d.parent)]).text(language)
            let files = Message("diff.docking-files", ["child": .verbatim(d.childFile), "parent": .verbatim(d.parentFile)]).text(language)
            var out = paint(title, "1") + files + "\n"
            let statusWidth = width(DockingItem.Status.allCases.map { status($0, language) })
            for item in d.items {
                let code = item.status == .missing || item.status == .weaker ? "31" : item.status == .covered ? "32" : "33"
                let named: [String: MessageArgument] = ["aspect": .verbatim(aspect(item.aspect, language)),
                                                        "key": .verbatim(TextReport.oneLine(key(item, language)))]
                var line: Message
                if item.parent != nil || item.child != nil {
                    line = Message("diff.item-sides", named.merging(["parent": .verbatim(TextReport.oneLine(item.parent ?? "—")),
                                                                     "child": .verbatim(TextReport.oneLine(item.child ?? "—"))]) { a, _ in a })
                } else {
                    line = Message("diff.item", named)
                }
                if let note = item.note { line = Message("diff.item-note", ["item": .message(line), "note": .verbatim(TextReport.oneLine(note))]) }
                out += "  " + paint(DisplayWidth.pad(status(item.status, language), to: statusWidth), code) + " " + line.text(language) + "\n"
            }
            return out
        case .revisions(_, let diffs):
            var out = ""
            let impactWidth = width([Change.Impact.weakening, .strengthening, .neutral].map { impact($0, language) })
            let changeWidth = width([Change.Kind.added, .removed, .changed].map { change($0, language) })
            for d in diffs {
                out += paint("\(d.plan): \(d.oldVersion ?? "—") -> \(d.newVersion ?? "—")", "1") + " (\(d.oldFile) -> \(d.newFile))"
                    + (d.untracked ? " " + Message("diff.untracked").text(language) : "") + "\n"
                if d.changes.isEmpty { out += "  " + Message("diff.no-change").text(language) + "\n" }
                for c in sorted(d.changes) {
                    let code = c.impact == .weakening ? "31" : c.impact == .strengthening ? "32" : "2"
                    var line = "  " + paint(DisplayWidth.pad(impact(c.impact, language), to: impactWidth), code)
                        + " \(DisplayWidth.pad(change(c.change, language), to: changeWidth)) \(TextReport.oneLine(c.path))"
                    switch c.change {
                    case .changed: line += ": \(TextReport.oneLine(c.old ?? "")) -> \(TextReport.oneLine(c.new ?? ""))"
                    case .added: line += c.new.map { $0.isEmpty ? "" : ": \(TextReport.oneLine($0))" } ?? ""
                    case .removed: line += c.old.map { $0.isEmpty ? "" : ": \(TextReport.oneLine($0))" } ?? ""
                    }
                    out += line + "\n"
                }
            }
            return out
        }
    }
}
