import EPlanText

/// The plan hierarchy as Graphviz DOT, Mermaid or JSON. Parent links are solid, master links dashed,
/// broken links and missing plans red; plans with findings are outlined in red (errors) or amber.
public enum GraphReport {
    /// A word of the format as a label shows it: the id in English, the Chinese name in Chinese.
    static func name(_ category: Term.Category, _ id: String, _ language: Language) -> String {
        language == .en ? id : Term(category, id).name(language)
    }

    static func label(_ node: PlanSystem.Node, _ language: Language = .en) -> String {
        let kind = name(.kind, node.kind, language), level = name(.level, node.level, language)
        let title = node.title.isEmpty
            ? (node.external ? Message("graph.external-plan", ["kind": .verbatim(kind)]).text(language) : kind) : node.title
        let kindLevel = node.status == "in-force" || node.external
            ? Message("graph.kind-level", ["kind": .verbatim(kind), "level": .verbatim(level)])
            : Message("graph.kind-level-status", ["kind": .verbatim(kind), "level": .verbatim(level),
                                                  "status": .verbatim(name(.status, node.status, language))])
        return "\(node.id)\n\(wrapped(title))\n\(kindLevel.text(language))"
    }

    /// A title in lines of at most `width` display columns (a CJK character counts two), broken
    /// after spaces and CJK characters and before an opening bracket, so that a node is a compact box
    /// and a graph of a few plans fits a screen.
    public static func wrapped(_ title: String, width: Int = 28) -> String {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var word = ""
        var wordWidth = 0
        func flushWord() {
            if lineWidth > 0, lineWidth + wordWidth > width {
                lines.append(String(line.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()))
                line = ""
                lineWidth = 0
            }
            line += word
            lineWidth += wordWidth
            word = ""
            wordWidth = 0
        }
        for scalar in title.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if scalar == "(" || scalar == "（" { flushWord() }
            word.unicodeScalars.append(scalar)
            wordWidth += w
            // A space ends a word; so does a wide (CJK) character, which may be broken after.
            if scalar == " " || w == 2 { flushWord() }
        }
        flushWord()
        let last = String(line.drop { $0 == " " })
        if !last.isEmpty { lines.append(last) }
        return lines.joined(separator: "\n")
    }

    /// What a missing item's box says: a title, then what is missing (on a new line in DOT, after a colon in Mermaid).
    static func missingLabel(_ m: PlanSystem.Missing, _ language: Language, oneLine: Bool) -> String {
        func titled(_ title: String, _ label: String) -> String {
            oneLine ? Message("graph.titled", ["title": .verbatim(title), "label": .verbatim(label)]).text(language) : "\(title)\n\(label)"
        }
        switch m.kind {
        case .plan: return titled(Message("graph.missing-plan").text(language), m.label)
        case .master: return Message("graph.missing-master", ["region": .verbatim(m.neededBy)]).text(language)
        case .hazard:
            let label = m.hazard.map {
                Message("graph.hazard-in-region", ["hazard": .verbatim(name(.hazard, $0, language)), "region": .verbatim(m.neededBy)]).text(language)
            } ?? m.label
            return titled(Message("graph.uncovered-hazard").text(language), label)
        }
    }

    static func edgeLabel(_ kind: PlanSystem.Edge.Kind, _ language: Language) -> String {
        switch kind {
        case .parent: return Message("graph.edge.parent").text(language)
        case .master: return Message("graph.edge.master").text(language)
        }
    }

    // MARK: DOT

    /// A DOT string literal: backslash and quote escaped, line breaks as \n.
    public static func dotString(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            default:
                if let escaped = TextReport.controlEscape(c) { out += "\\" + escaped } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    public static func dot(_ system: PlanSystem, language: Language = .en) -> String {
        var out = "digraph eplan {\n  rankdir=RL;\n  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Noto Sans CJK SC, Sans\"];\n"
        out += "  edge [fontname=\"Sans\", fontsize=9];\n"
        for node in system.nodes {
            var attributes = ["label=\(dotString(label(node, language)))"]
            if node.external { attributes.append("style=\"rounded,dashed\"") }
            if node.errors > 0 {
                attributes.append("color=red, penwidth=2, fillcolor=\"#fdecea\"")
            } else if node.warnings > 0 {
                attributes.append("color=orange, penwidth=2, fillcolor=\"#fff4e0\"")
            }
            if node.status == "draft" || node.status == "retired" { attributes.append("fontcolor=gray40") }
            out += "  \(dotString(node.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for m in system.missing {
            let text = missingLabel(m, language, oneLine: false)
            out += "  \(dotString(m.id)) [label=\(dotString(text)), shape=octagon, style=dashed, color=red, fontcolor=red];\n"
        }
        for edge in system.edges {
            let label = "label=\(dotString(edgeLabel(edge.kind, language)))"
            var attributes = [edge.kind == .parent ? label : "\(label), style=dashed, constraint=false"]
            if edge.broken { attributes.append("color=red, fontcolor=red") }
            out += "  \(dotString(edge.from)) -> \(dotString(edge.to)) [\(attributes.joined(separator: ", "))];\n"
        }
        for m in system.missing where m.kind != .plan {
            out += "  \(dotString(m.id)) -> \(dotString(m.neededBy.isEmpty ? m.id : regionAnchor(system, m.neededBy))) [style=dotted, color=red, arrowhead=none];\n"
        }
        return out + "}\n"
    }

    /// The node a region's missing items hang on: its master plan, else the first plan of the region.
    static func regionAnchor(_ system: PlanSystem, _ region: String) -> String {
        system.nodes.first { $0.region == region && $0.kind == "master" }?.id
            ?? system.nodes.first { $0.region == region }?.id
            ?? system.nodes.first { RepositoryIndex.isAncestor($0.region, of: region) && $0.kind == "master" }?.id
            ?? "missing:\(region):master"
    }

    // MARK: Mermaid

    /// Mermaid label text: quotes, angle brackets, ampersands and '#' as entity codes, breaks as <br>.
    public static func mermaidString(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "#": out += "#35;"
            case "`": out += "#96;"
            case "\n": out += "<br>"
            default:
                if let escaped = TextReport.controlEscape(c) { out += escaped } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    /// An edge label between `|…|`: the characters that would end it or open markup as entity codes.
    static func mermaidEdgeLabel(_ text: String) -> String {
        let quoted = mermaidString(text)
        return String(quoted.dropFirst().dropLast()).replacingAll("|", with: "#124;")
    }

    public static func mermaid(_ system: PlanSystem, language: Language = .en) -> String {
        var ids: [String: String] = [:]
        func id(_ key: String) -> String {
            if let known = ids[key] { return known }
            let new = "n\(ids.count)"
            ids[key] = new
            return new
        }
        var out = "flowchart RL\n"
        for node in system.nodes {
            let shape = node.external ? ("([", "])") : ("[", "]")
            out += "  \(id(node.id))\(shape.0)\(mermaidString(label(node, language)))\(shape.1)\n"
        }
        for m in system.missing {
            let text = missingLabel(m, language, oneLine: true)
            out += "  \(id(m.id)){{\(mermaidString(text))}}\n"
        }
        var linkIndex = 0
        var red: [Int] = []
        for edge in system.edges {
            let label = mermaidEdgeLabel(edgeLabel(edge.kind, language))
            let arrow = edge.kind == .parent ? "-->|\(label)|" : "-.->|\(label)|"
            out += "  \(id(edge.from)) \(arrow) \(id(edge.to))\n"
            if edge.broken { red.append(linkIndex) }
            linkIndex += 1
        }
        for m in system.missing where m.kind != .plan {
            out += "  \(id(m.id)) -.- \(id(regionAnchor(system, m.neededBy)))\n"
            red.append(linkIndex)
            linkIndex += 1
        }
        out += "  classDef missing stroke:#c00,color:#c00,stroke-dasharray:4 3\n"
        out += "  classDef errors stroke:#c00,stroke-width:2px,fill:#fdecea\n"
        out += "  classDef warnings stroke:#e80,stroke-width:2px,fill:#fff4e0\n"
        if !system.missing.isEmpty { out += "  class \(system.missing.map { id($0.id) }.joined(separator: ",")) missing\n" }
        let withErrors = system.nodes.filter { $0.errors > 0 }.map { id($0.id) }
        if !withErrors.isEmpty { out += "  class \(withErrors.joined(separator: ",")) errors\n" }
        let withWarnings = system.nodes.filter { $0.errors == 0 && $0.warnings > 0 }.map { id($0.id) }
        if !withWarnings.isEmpty { out += "  class \(withWarnings.joined(separator: ",")) warnings\n" }
        if !red.isEmpty { out += "  linkStyle \(red.map(String.init).joined(separator: ",")) stroke:#c00\n" }
        return out
    }

    // MARK: JSON

    public static func json(_ system: PlanSystem) -> String {
        JSON.object([
            ("nodes", .array(system.nodes.map { n in
                var members: [(String, JSON)] = [("id", .string(n.id)), ("title", .string(n.title)), ("kind", .string(n.kind)),
                                                 ("level", .string(n.level)), ("region", .string(n.region)),
                                                 ("status", .string(n.status)), ("external", .bool(n.external))]
                if let file = n.file { members.append(("file", .string(file))) }
                members += [("errors", .int(n.errors)), ("warnings", .int(n.warnings))]
                return .object(members)
            })),
            ("edges", .array(system.edges.map { e in
                .object([("from", .string(e.from)), ("to", .string(e.to)), ("kind", .string(e.kind.rawValue)), ("broken", .bool(e.broken))])
            })),
            ("missing", .array(system.missing.map { m in
                .object([("kind", .string(m.kind.rawValue)), ("id", .string(m.id)), ("label", .string(m.label)), ("neededBy", .string(m.neededBy))])
            })),
        ]).rendered()
    }
}
