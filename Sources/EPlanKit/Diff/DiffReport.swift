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

    // MARK: Markdown

    public static func markdown(_ result: DiffResult) -> String {
        switch result {
        case .docking(let d):
            let counts = DockingItem.Status.allCases.compactMap { s -> String? in
                let n = d.items.filter { $0.status == s }.count
                return n == 0 ? nil : "\(n) \(s.rawValue)"
            }.joined(separator: ", ")
            var out = "**eplan diff**: `\(cell(d.plan))` docked with its parent `\(cell(d.parent))`: \(counts.isEmpty ? "nothing to dock" : counts)\n\n"
            out += "| status | aspect | key | parent | this plan | note |\n|---|---|---|---|---|---|\n"
            let items = d.items.enumerated().sorted { a, b in
                statusRank(a.element.status) != statusRank(b.element.status)
                    ? statusRank(a.element.status) < statusRank(b.element.status) : a.offset < b.offset
            }.map(\.element)
            for item in items {
                out += "| \(item.status.rawValue) | \(cell(item.aspect)) | \(cell(item.key)) | \(cell(item.parent ?? "")) | \(cell(item.child ?? "")) | \(cell(item.note ?? "")) |\n"
            }
            return out
        case .revisions(let base, let diffs):
            let all = diffs.flatMap(\.changes)
            let count = { (i: Change.Impact) in all.filter { $0.impact == i }.count }
            let changed = diffs.filter { !$0.changes.isEmpty }
            var out = "**eplan diff**\(base.map { " since `\(cell($0))`" } ?? ""): \(changed.count) plan\(changed.count == 1 ? "" : "s") changed"
            out += all.isEmpty ? ", no change in substance\n" : ": \(count(.weakening)) weakening, \(count(.strengthening)) strengthening, \(count(.neutral)) neutral\n"
            for d in changed {
                let versions = "\(d.oldVersion ?? "—") → \(d.newVersion ?? "—")"
                out += "\n### `\(cell(d.plan))` (\(cell(versions)))\n\n| impact | change | path | old | new |\n|---|---|---|---|---|\n"
                for c in sorted(d.changes) {
                    out += "| \(c.impact.rawValue) | \(c.change.rawValue) | `\(cell(c.path))` | \(cell(c.old ?? "")) | \(cell(c.new ?? "")) |\n"
                }
            }
            return out
        }
    }

    /// A Markdown table cell: `|` escaped, line breaks as spaces, backticks kept out of code spans.
    public static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "`": out += "'"
            case "<": out += "&lt;"
            default: out.append(c)
            }
        }
        return out
    }

    // MARK: Text

    public static func text(_ result: DiffResult, color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        switch result {
        case .docking(let d):
            var out = paint("\(d.plan) docked with \(d.parent)", "1") + " (\(d.childFile) against \(d.parentFile))\n"
            for item in d.items {
                let code = item.status == .missing || item.status == .weaker ? "31" : item.status == .covered ? "32" : "33"
                var line = "  " + paint(item.status.rawValue.padding(8), code) + " \(item.aspect) \(TextReport.oneLine(item.key))"
                if item.parent != nil || item.child != nil {
                    line += ": parent \(TextReport.oneLine(item.parent ?? "—")), this plan \(TextReport.oneLine(item.child ?? "—"))"
                }
                if let note = item.note { line += " (\(TextReport.oneLine(note)))" }
                out += line + "\n"
            }
            return out
        case .revisions(_, let diffs):
            var out = ""
            for d in diffs {
                out += paint("\(d.plan): \(d.oldVersion ?? "—") -> \(d.newVersion ?? "—")", "1") + " (\(d.oldFile) -> \(d.newFile))\n"
                if d.changes.isEmpty { out += "  no change in substance\n" }
                for c in sorted(d.changes) {
                    let code = c.impact == .weakening ? "31" : c.impact == .strengthening ? "32" : "2"
                    var line = "  " + paint(c.impact.rawValue.padding(13), code) + " \(c.change.rawValue.padding(7)) \(TextReport.oneLine(c.path))"
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
