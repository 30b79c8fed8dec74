@testable import EPlanKit
import EPlanText
import EPlanYAML
import Foundation
import Testing

/// `validMaster` with one text replaced (which must be there).
private func master(replacing old: String, with new: String) -> String {
    #expect(validMaster.contains(old), "validMaster has no '\(old)'")
    return validMaster.replacingOccurrences(of: old, with: new)
}

/// The line and column (in Unicode scalars) of the first `needle` in `text`.
private func mark(of needle: String, in text: String) -> String {
    var line = 1, column = 1
    var rest = Substring(text)
    while !rest.isEmpty, !rest.hasPrefix(needle) {
        if rest.unicodeScalars.first == "\n" { line += 1; column = 1 } else { column += 1 }
        rest = Substring(rest.unicodeScalars.dropFirst())
    }
    return "\(line):\(column)"
}

/// The one finding of a plan, with its rule, place and texts.
private func only(_ text: String) throws -> Diagnostic {
    let diagnostics = decode(text).diagnostics
    #expect(diagnostics.count == 1, "\(diagnostics.map { "\($0.rule) \($0.location.line):\($0.location.column) \($0.message)" })")
    return try #require(diagnostics.first)
}

private func at(_ d: Diagnostic) -> String { "\(d.location.line):\(d.location.column)" }

@Suite("Typing mistakes in values")
struct ValueTypingMistakeTests {
    @Test("full-width punctuation in free text is ordinary Chinese: no finding")
    func chineseText() {
        let text = master(replacing: "title: 临县突发事件总体应急预案 (Lin County Master Plan)",
                          with: "title: 临县突发事件总体应急预案（试行）：2026年版，第二稿")
            .replacingOccurrences(of: "duties: [Coordinate the response]", with: "duties: [协调救援，组织转移；保障供电、供水：（全县）]")
            .replacingOccurrences(of: "how: Watch the forecasts", with: "how: 关注预报，开辟“应急通道”：先老弱、后青壮［重点］｛村｝")
            .replacingOccurrences(of: "when: Every day in the flood season", with: "when: \"汛期每天：8时、20时\"")
            .replacingOccurrences(of: "trigger: Ten or more deaths", with: "trigger: 死亡10人以上（含），或者重伤50人以上")
        #expect(decode(text).diagnostics.isEmpty, "\(decode(text).diagnostics.map(\.message))")
    }

    @Test("a full-width comma in a list of agencies is reported at the comma, as an invalid value")
    func commaInList() throws {
        let text = master(replacing: "who: emergency-management", with: "who: [emergency-management，fire-rescue]")
        let d = try only(text)
        #expect(d.rule == .schemaValue)
        #expect(at(d) == mark(of: "，", in: text))
        #expect(d.message.text(.en) == "full-width comma '，' where YAML needs ','")
        #expect(d.message.text(.zhCN) == "此处应为半角“,”，写成了全角逗号“，”")
        #expect(d.help?.text(.en) == "replace the full-width comma '，' with ','")
        #expect(d.help?.text(.zhCN) == "把全角逗号「，」改为半角「,」")
    }

    @Test("an enumeration comma between hazards is reported at the comma")
    func enumerationComma() throws {
        let text = master(replacing: "hazards: [flood, mountain-torrent]", with: "hazards: [flood、mountain-torrent]")
        let d = try only(text)
        #expect(d.rule == .schemaValue)
        #expect(at(d) == mark(of: "、", in: text))
        #expect(d.message.text(.en) == "enumeration comma '、' where YAML needs ','")
        #expect(d.help?.text(.zhCN) == "列表各项之间用半角逗号「,」（后加一个空格）分隔，不用顿号「、」")
    }

    @Test("a list written with full-width brackets is reported at the bracket, as a wrong shape")
    func bracketsAroundList() throws {
        let text = master(replacing: "hazards: [flood, mountain-torrent]", with: "hazards: ［flood, mountain-torrent］")
        let d = try only(text)
        #expect(d.rule == .schemaType)
        #expect(at(d) == mark(of: "［", in: text))
        #expect(d.message.text(.en) == "full-width bracket '［' where YAML needs '['")
        #expect(d.help?.text(.en) == "replace the full-width signs '［', '］' with '[', ']'")
        #expect(d.help?.text(.zhCN) == "把全角符号「［」、「］」分别改为半角「[」、「]」")
    }

    @Test("a full-width colon after a key in a flow mapping is reported at the colon; the key counts as written")
    func colonInFlowKey() throws {
        let text = master(replacing: "{level: I, trigger: Ten or more deaths", with: "{level：I, trigger: Ten or more deaths")
        let d = try only(text)
        #expect(d.rule == .yamlSyntax)
        #expect(at(d) == mark(of: "：", in: text))
        #expect(d.message.text(.zhCN) == "此处应为半角“:”，写成了全角冒号“：”")
        #expect(d.help?.text(.zhCN) == "把全角冒号「：」改为半角「:」，冒号后加一个空格")
    }

    @Test("a mapping item written with a full-width colon is reported at the colon, as a wrong shape")
    func colonInItem() throws {
        let text = master(replacing: "    - agency: emergency-management\n      role: lead\n      duties: [Coordinate the response]",
                          with: "    - agency：emergency-management")
        let d = try only(text)
        #expect(d.rule == .schemaType)
        #expect(at(d) == mark(of: "：", in: text))
    }

    @Test("a note in full-width parentheses after an id is reported at the parenthesis, suggesting the id")
    func parentheses() throws {
        let text = master(replacing: "office: emergency-management}", with: "office: emergency-management（应急局）}")
        let d = try only(text)
        #expect(d.rule == .schemaValue)
        #expect(at(d) == mark(of: "（", in: text))
        #expect(d.message.text(.en) == "full-width parenthesis '（' in 'emergency-management（应急局）' at 'organization.command.office'")
        #expect(d.help?.text(.en).hasPrefix("write 'emergency-management'") == true)
        #expect(d.help?.text(.zhCN).hasPrefix("改为 emergency-management") == true)
    }

    @Test("a valid value with a note in parentheses is about the note; a Chinese name with the id in parentheses suggests the id")
    func notes() throws {
        let kind = try only(master(replacing: "kind: master", with: "kind: master（总体）"))
        #expect(kind.message.text(.en) == "full-width parenthesis '（' in 'master（总体）' at 'kind'")
        #expect(kind.help?.text(.en).hasPrefix("write 'master':") == true)
        let level = try only(master(replacing: "level: county", with: "level: 县级(county)"))
        #expect(level.help?.text(.en) == "write 'county' instead of '县级(county)'")
    }

    @Test("severity classes written as in Chinese documents name the class id", arguments: [
        ("Ⅳ", "IV"), ("Ⅳ级", "IV"), ("IV级", "IV"), ("4", "IV"), ("四级", "IV"), ("一般", "IV"),
        ("Ⅰ", "I"), ("1", "I"), ("一级", "I"), ("特别重大", "I"), ("Ⅱ", "II"), ("重大", "II"), ("3", "III"), ("较大", "III"),
        ("一般（Ⅳ级）", "IV"), ("特别重大(I级)", "I"), ("较大事件", "III"),
    ])
    func severities(written: String, id: String) throws {
        let text = master(replacing: "hazards: [flood, mountain-torrent]", with: "hazards: [flood, mountain-torrent]\n  severities: [\(written)]")
        let d = try only(text)
        #expect(d.rule == .schemaValue)
        #expect(at(d) == mark(of: "[\(written)]", in: text).columnPlusOne)
        #expect(d.message.text(.en).hasPrefix("severity class '\(written)' at 'scope.severities' is written as in Chinese documents; the format writes '\(id)'"))
        #expect(d.help?.text(.en).hasPrefix("write '\(id)' instead of '\(written)'") == true)
        #expect(d.help?.text(.zhCN).hasPrefix("把“\(written)”改为 \(id)（I 特别重大") == true)
    }

    @Test("a response level and a reporting class written the Chinese way name the class id")
    func responseLevelAndReporting() throws {
        let level = try only(master(replacing: "{level: I, trigger", with: "{level: 一级响应, trigger"))
        #expect(level.help?.text(.en).hasPrefix("write 'I' instead of '一级响应'") == true)
        let reporting = try only(master(replacing: "initial: {I: 15m", with: "initial: {Ⅰ: 15m"))
        #expect(reporting.rule == .schemaValue)
        #expect(reporting.help?.text(.en).hasPrefix("write 'I' instead of 'Ⅰ'") == true)
    }

    @Test("Chinese names of kinds, levels, hazards, phases, statuses and roles suggest the id", arguments: [
        ("kind: master", "kind: 总体", "master"),
        ("level: county", "level: 县级", "county"),
        ("hazards: [flood, mountain-torrent]", "hazards: [洪涝, mountain-torrent]", "flood"),
        ("hazards: [flood, mountain-torrent]", "hazards: [flood, 山洪灾害]", "mountain-torrent"),
        ("phase: warning", "phase: 监测预警", "warning"),
        ("role: lead", "role: 牵头", "lead"),
        ("version: \"2.0\"", "version: \"2.0\"\nstatus: 现行有效", "in-force"),
    ])
    func chineseNames(old: String, new: String, id: String) throws {
        let text = master(replacing: old, with: new)
        let d = try only(text)
        #expect(d.rule == .schemaValue)
        let value = new.components(separatedBy: CharacterSet(charactersIn: ":[], \n")).first { !$0.unicodeScalars.allSatisfy(\.isASCII) } ?? ""
        #expect(d.message.text(.en).hasPrefix("'\(value)' at '"), "\(d.message)")
        #expect(d.message.text(.en).hasSuffix("is a Chinese name; the format writes the id"))
        #expect(d.message.text(.zhCN).contains("写了中文名称“\(value)”，应写 id"))
        #expect(d.help?.text(.en) == "write '\(id)' instead of '\(value)'")
        #expect(d.help?.text(.zhCN) == "把“\(value)”改为 \(id)")
    }

    @Test("every enum of the format that has Chinese names is mapped to its term category")
    func categories() {
        #expect(DecodeContext.termCategory(PlanKind.self) == .kind)
        #expect(DecodeContext.termCategory(Level.self) == .level)
        #expect(DecodeContext.termCategory(PlanStatus.self) == .status)
        #expect(DecodeContext.termCategory(UnitCategory.self) == .unitCategory)
        #expect(DecodeContext.termCategory(PlanForm.self) == .form)
        #expect(DecodeContext.termCategory(SeverityClass.self) == .severity)
        #expect(DecodeContext.termCategory(Phase.self) == .phase)
        #expect(DecodeContext.termCategory(MemberRole.self) == .role)
        #expect(DecodeContext.termCategory(ResourceType.self) == .resourceType)
        #expect(DecodeContext.termCategory(DrillType.self) == .drillType)
        #expect(DecodeContext.termCategory(LinkPolicy.self) == nil)
        for (name, category, id) in [("专项", Term.Category.kind, "special"), ("县级", .level, "county"), ("洪涝", .hazard, "flood"),
                                     ("应急物资", .resourceType, "material"), ("桌面推演", .drillType, "tabletop"),
                                     ("现场处置方案", .form, "on-site"), ("矿山", .unitCategory, "mine"), ("应急处置", .phase, "response")] {
            #expect(Term.ids(named: name, in: category) == [id], "\(name)")
        }
    }
}

private extension String {
    /// "line:column" moved one column on (past a '[').
    var columnPlusOne: String {
        let parts = split(separator: ":")
        guard parts.count == 2, let column = Int(parts[1]) else { return self }
        return "\(parts[0]):\(column + 1)"
    }

}
