import EPlanDocument
import EPlanText
import EPlanYAML

/// Source lines of the files findings point at, read once each (for excerpts and fingerprints).
public final class SourceLines: @unchecked Sendable {
    private var cache: [String: [Substring]] = [:]
    private let read: (String) -> [UInt8]?

    public init(read: @escaping (String) -> [UInt8]?) {
        self.read = read
    }

    public func lines(_ file: String) -> [Substring] {
        if let lines = cache[file] { return lines }
        let lines = read(file).map(TextReport.lines) ?? []
        cache[file] = lines
        return lines
    }

    public func line(_ file: String, _ number: Int) -> Substring? {
        let lines = lines(file)
        return number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}

/// A finding's identity that survives line shifts: rule, file, the message with numbers
/// blurred, and the text of the line it points at (not its number).
public enum Fingerprint {
    public static func of(_ d: Diagnostic, _ sources: SourceLines) -> String {
        var text = "\(d.rule.rawValue)\u{0}\(d.location.file)\u{0}"
        for scalar in d.message.english.unicodeScalars {
            text.unicodeScalars.append(("0"..."9").contains(scalar) ? "0" : scalar)
        }
        text += "\u{0}"
        if let line = sources.line(d.location.file, d.location.line) {
            text += line.trimmingWhitespaceSubstring
        }
        return hex(fnv1a(text))
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in  // contiguous bytes: no per-byte index checks
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The human text the CI formats add around a finding's message: its help, in the run's language.
/// (JSON keys, SARIF and JUnit structure and the severity words of annotations never change.)
enum CIText {
    /// "message (help: …)" (SARIF has one text per result).
    static func withHelp(_ d: Diagnostic, _ language: Language) -> String {
        guard let help = d.help else { return d.message.text(language) }
        return Message("report.with-help", ["message": .message(d.message), "help": .message(help)]).text(language)
    }

    /// "\nhelp: …" after the message, or nothing (JUnit failure text, GitHub annotations).
    static func helpLine(_ d: Diagnostic, _ language: Language) -> String {
        d.help.map { "\n" + Message("report.help-line", ["help": .message($0)]).text(language) } ?? ""
    }
}

/// SARIF 2.1.0: one run, the rules in `tool.driver.rules`, results with fingerprints.
public enum SARIFReport {
    public static func render(_ result: LintResult, sources: SourceLines, language: Language = .en) -> String {
        let rules = RuleCatalog.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driver: JSON = .object([
            ("name", .string("eplan")),
            ("version", .string(EPlan.version)),
            ("semanticVersion", .string(EPlan.version)),
            ("informationUri", .string("docs/rules.md")),
            ("rules", .array(rules.map { rule in
                .object([
                    ("id", .string(rule.id.rawValue)),
                    ("shortDescription", .object([("text", .string(rule.summary(language)))])),
                    ("fullDescription", .object([("text", .string(rule.rationale(language)))])),
                    // The rule's text itself, not a link: docs/ is not in the plan repository the log is read beside.
                    ("help", .object([
                        ("text", .string("\(rule.summary(language)). \(rule.rationale(language)) (eplan explain \(rule.id))")),
                        ("markdown", .string("**\(rule.summary(language))**\n\n\(rule.rationale(language))\n\n`eplan explain \(rule.id)`")),
                    ])),
                    ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
                    ("properties", .object([("tags", .array([.string(rule.group.rawValue)]))])),
                ])
            })),
        ])
        let results: [JSON] = result.diagnostics.map { d in
            var members: [(String, JSON)] = [
                ("ruleId", .string(d.rule.rawValue)),
                ("level", .string(level(d.severity))),
                ("message", .object([("text", .string(CIText.withHelp(d, language)))])),
                ("locations", .array([location(d.location)])),
                ("partialFingerprints", .object([("eplanFingerprint/v1", .string(Fingerprint.of(d, sources)))])),
            ]
            if let index = ruleIndex[d.rule] { members.insert(("ruleIndex", .int(index)), at: 1) }
            if !d.related.isEmpty {
                members.append(("relatedLocations", .array(d.related.enumerated().map { i, r in
                    .object([
                        ("id", .int(i + 1)),
                        ("physicalLocation", physical(r.location)),
                        ("message", .object([("text", .string(r.message.text(language)))])),
                    ])
                })))
            }
            if let s = d.suppressed {
                var suppression: [(String, JSON)] = [("kind", .string("inSource"))]
                if let reason = s.reason { suppression.append(("justification", .string(reason))) }
                members.append(("suppressions", .array([.object(suppression)])))
            }
            return .object(members)
        }
        let root: JSON = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                // The language of the messages (cli.md "Language"); the structure is the same in every language.
                ("language", .string(language.rawValue)),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
        return root.rendered()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    static func physical(_ location: Location) -> JSON {
        let span = location.span
        let end = span.end < span.start ? span.start : span.end
        return .object([
            ("artifactLocation", .object([("uri", .string(SARIFReport.uri(location.file)))])),
            ("region", .object([
                ("startLine", .int(max(1, span.start.line))),
                ("startColumn", .int(max(1, span.start.column))),
                ("endLine", .int(max(1, end.line))),
                ("endColumn", .int(max(1, end.column))),
            ])),
        ])
    }

    static func location(_ location: Location) -> JSON {
        .object([("physicalLocation", physical(location))])
    }
}

/// JUnit XML: one testsuite per file, one testcase per file (named after its plan). A finding at error
/// severity is a `<failure>` (the case fails, as the lint does); warnings and notes do not fail it: they
/// are listed in the case's `<system-out>`, which GitLab and Jenkins show with the case. The `tests`
/// and `failures` attributes count test cases, so they agree with the cases.
public enum JUnitReport {
    public static func render(_ result: LintResult, language: Language = .en) -> String {
        var byFile: [String: [Diagnostic]] = [:]
        for d in result.diagnostics where d.suppressed == nil { byFile[d.location.file, default: []].append(d) }
        var files = result.reportedFiles
        for file in byFile.keys where !files.contains(where: { $0.file == file }) {
            files.append(ReportedFile(file: file, plan: nil))
        }
        files.sort { $0.file < $1.file }
        let failing = files.filter { byFile[$0.file]?.contains { $0.severity == .error } == true }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"eplan\" tests=\"\(files.count)\" failures=\"\(failing)\" errors=\"0\">\n"
        for file in files {
            let findings = byFile[file.file] ?? []
            let errors = findings.filter { $0.severity == .error }
            let others = findings.filter { $0.severity != .error }
            out += "  <testsuite name=\"\(escape(file.file))\" tests=\"1\" failures=\"\(errors.isEmpty ? 0 : 1)\" errors=\"0\" skipped=\"0\">\n"
            let name = file.plan ?? file.file
            out += "    <testcase classname=\"\(escape(file.file))\" name=\"\(escape(name))\""
            func line(_ d: Diagnostic) -> String {
                "\(d.location.file):\(d.location.line):\(d.location.column): \(d.severity): \(d.message.text(language)) [\(d.rule)]"
                    + CIText.helpLine(d, language)
            }
            if findings.isEmpty {
                out += "/>\n"
            } else {
                out += ">\n"
                for d in errors {
                    out += "      <failure type=\"\(escape(d.rule.rawValue))\" message=\"\(escape(d.message.text(language)))\">"
                    out += escape(line(d)) + "</failure>\n"
                }
                if !others.isEmpty {
                    out += "      <system-out>" + escape(others.map(line).joined(separator: "\n")) + "</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// XML text and attribute escaping (the entities of `XMLText`, the DOCX writer's). Control characters
    /// (C0, DEL, C1) are written visibly as `\u{1b}`, as in the text format, and the noncharacters XML 1.0
    /// cannot hold become U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let reference = XMLText.reference(for: scalar) {
                out += reference
            } else if let escaped = TextReport.controlEscape(scalar) {
                out += escaped
            } else {
                out.unicodeScalars.append(XMLText.isXMLCharacter(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=RULE::MESSAGE`.
public enum GitHubReport {
    public static func render(_ result: LintResult, language: Language = .en) -> String {
        var out = ""
        for d in result.diagnostics where d.suppressed == nil {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            let s = d.location.span
            var properties = "file=\(property(d.location.file)),line=\(s.start.line),col=\(s.start.column)"
            if s.end.line >= s.start.line {
                properties += ",endLine=\(s.end.line),endColumn=\(s.end.column)"
            }
            properties += ",title=\(property(d.rule.rawValue))"
            let message = d.message.text(language) + CIText.helpLine(d, language)
            out += "::\(command) \(properties)::\(data(message))\n"
        }
        return out
    }

    /// Escaping of a command's message: `%`, CR and LF as GitHub decodes them; other control
    /// characters (an escape sequence in a file name) are shown as `\u{1b}`, never sent to the log raw.
    static func data(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if let escaped = TextReport.controlEscape(c) { out += escaped } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// Escaping of a property value: as for messages, plus `:` and `,`.
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

extension SARIFReport {
    /// A relative path as a URI reference (RFC 3986): every byte outside the unreserved characters
    /// and `/` percent-encoded (a space, a newline, `%`, quotes and Chinese names alike).
    public static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
