@testable import EPlanKit
import EPlanText
import Testing

/// The rule texts in the catalogues (`rule.*`) and the rule reference in both languages (`reference.*`):
/// the English catalogue says exactly what the rule files say, the Chinese one says it in Chinese,
/// nothing is left over, and `eplan explain` / `eplan rules` / the Markdown reference use no word
/// the catalogues lack.
@Suite("Rule texts in the catalogues")
struct RuleTextTests {
    static let rules = RuleCatalog.all.map(\.id.rawValue)

    /// Every text a rule file writes, by the `what` of its key (`summary`, `setting.months`, `failing.2`).
    static func texts(of rule: RuleDescription) -> [(what: String, english: String)] {
        var texts = [("summary", rule.summary), ("rationale", rule.rationale)]
        texts += rule.settings.map { ("setting.\($0.name)", $0.summary) }
        if let depth = rule.depth { texts.append(("setting.depth", depth.summary)) }
        for (outcome, examples) in [(RuleExample.Outcome.passing, rule.passing), (.failing, rule.failing)] {
            for (n, example) in examples.enumerated() {
                if let note = example.note { texts.append(("\(outcome.rawValue).\(n + 1)", note)) }
            }
        }
        return texts.map { (what: $0.0, english: $0.1) }
    }

    static func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test("the English catalogue holds each rule's summary, rationale, settings and notes exactly as the rule file writes them",
          arguments: rules)
    func englishMatchesRuleFile(id: String) throws {
        let rule = try #require(RuleID(id).info)
        for (what, english) in Self.texts(of: rule) {
            let key = rule.textKey(what)
            #expect(Catalogue.en[key] != nil, "\(key) is not in the English catalogue")
            #expect(rule.catalogueText(what, .en) == english, "\(key): the English catalogue differs from the rule file")
        }
    }

    @Test("the Chinese catalogue holds each of them in Chinese", arguments: rules)
    func chineseExists(id: String) throws {
        let rule = try #require(RuleID(id).info)
        for (what, english) in Self.texts(of: rule) {
            let key = rule.textKey(what)
            let chinese = try #require(rule.catalogueText(what, .zhCN), "\(key) is not in the Chinese catalogue")
            #expect(Self.isChinese(chinese), "\(key) is not Chinese: \(chinese)")
            #expect(chinese != english, "\(key) is the English text")
        }
        #expect(rule.summary(.zhCN) == rule.catalogueText("summary", .zhCN))
        #expect(rule.summary(.en) == rule.summary)
        for setting in rule.settings { #expect(Self.isChinese(rule.summary(of: setting, .zhCN))) }
        if rule.depth != nil { #expect(Self.isChinese(rule.depthSummary(.zhCN) ?? "")) }
    }

    @Test("no rule text in the catalogues is left over from a rule, setting or note that is gone")
    func noStaleKeys() {
        var known: Set<String> = []
        for rule in RuleCatalog.all {
            known.formUnion(Self.texts(of: rule).map { rule.textKey($0.what) })
            known.insert(rule.textKey("basis"))
        }
        for key in Catalogue.en.keys where key.hasPrefix("rule.") {
            #expect(known.contains(key), "\(key) names no rule text")
        }
    }

    @Test("the rule texts fill their placeholders: the years of the statutory calendar")
    func placeholders() throws {
        let rule = try #require(RuleID("filing-late").info)
        let years = StatutoryCalendar.years
        #expect(rule.rationale(.en).contains("notices for \(years.lowerBound) to \(years.upperBound) built in"))
        #expect(rule.rationale(.zhCN).contains("\(years.lowerBound) 年至 \(years.upperBound) 年"))
        for language in Language.allCases {
            for rule in RuleCatalog.all {
                for (what, _) in Self.texts(of: rule) {
                    let text = rule.catalogueText(what, language) ?? ""
                    #expect(!text.contains("{first-year}") && !text.contains("{last-year}"), "\(rule.textKey(what)) \(language)")
                }
            }
        }
    }

    @Test("a citation names the document and the article and quotes it, in both languages, line by line")
    func basis() {
        var cited: [String] = []
        for rule in RuleCatalog.all {
            let english = rule.basis(.en), chinese = rule.basis(.zhCN)
            #expect(english.count == chinese.count, "\(rule.id): \(english.count) English, \(chinese.count) Chinese citations")
            for line in chinese {
                #expect(line.hasPrefix("《"), "\(rule.id): \(line)")
                #expect(line.contains("第") && line.contains("条") && line.contains("：“"), "\(rule.id): no article quoted: \(line)")
                #expect(line.hasSuffix("”"), "\(rule.id): \(line)")
            }
            for line in english {
                #expect(line.contains("《") && line.contains("article") && line.contains(": \""), "\(rule.id): \(line)")
            }
            if !chinese.isEmpty { cited.append(rule.id.rawValue) }
        }
        #expect(cited.contains("filing-late"))
        #expect(Self.rules.count > cited.count)
    }

    @Test("explain's short page keeps the lines that matter; --full shows the examples whole")
    func shortExplain() throws {
        for rule in RuleCatalog.all {
            let short = RuleReference.explain(rule), full = RuleReference.explain(rule, full: true)
            let marked = { (text: String) in text.split(separator: "\n").filter { $0.contains("↓") && $0.hasPrefix("  ") } }
            #expect(marked(short) == marked(full), "\(rule.id): every line where a finding lands stays")
            #expect(short.split(separator: "\n").count <= full.split(separator: "\n").count)
            #expect(!full.contains("  …\n") && !full.contains("--full"), "\(rule.id)")
        }
        let stale = try #require(RuleID("parent-stale").info)
        let short = RuleReference.explain(stale), full = RuleReference.explain(stale, full: true)
        #expect(short.split(separator: "\n").count < 70, "\(short)")
        #expect(!short.contains("Coordinate the response") && full.contains("Coordinate the response"))
        #expect(short.contains("  parent: {id: qs.master, ↓version: \"2.9\"}\n"), "the line where the finding lands stays")
        #expect(short.contains("  version: \"2.10\"\n"), "a changed line stays")
        #expect(short.contains("'eplan explain parent-stale --full'"))
        // The key above a changed nested line stays: organization: and members: above a changed member.
        let lines: [Substring] = ["id: x", "organization:", "  members:", "    - {agency: emergency-management, duties: [Coordinate the response]}",
                                  "    - {agency: police, duties: [Keep order]}", "drills:", "  - {date: 2026-06-01, type: tabletop}"]
        #expect(RuleReference.shortened(lines) == ["id: x", "organization:", "  members:", nil, "    - {agency: police, duties: [Keep order]}", nil])
    }

    @Test("explain speaks the language: words, severities, groups, notes and the basis", arguments: Language.allCases)
    func explain(language: Language) throws {
        for rule in RuleCatalog.all {
            let text = RuleReference.explain(rule, language)
            #expect(!text.contains("reference."), "\(rule.id): a key the catalogue lacks")
            #expect(text.hasPrefix(rule.id.rawValue))
            #expect(text.contains(rule.summary(language)))
            #expect(text.contains(rule.rationale(language)))
            for line in rule.basis(language) { #expect(text.contains(line)) }
        }
        let filing = try #require(RuleID("filing-late").info)
        let text = RuleReference.explain(filing, language)
        switch language {
        case .en:
            #expect(text.hasPrefix("filing-late (warning, management)\n\nA plan is filed with the higher authority within 20 working days of issue.\n"))
            #expect(text.contains("\nBasis:\n  Measures for the Management of Emergency Plans"))
            #expect(text.contains("\nSettings (eplan.yaml: rules: {filing-late: {SETTING: VALUE}}):\n  working-days: "))
            #expect(text.contains("\nFails (↓ marks where the finding lands) (3): 21 working days"))
        case .zhCN:
            #expect(text.hasPrefix("filing-late（警告，管理）\n\n预案在印发后 20 个工作日内报上级备案。\n"))
            #expect(text.contains("\n依据：\n  《突发事件应急预案管理办法》（国办发〔2024〕5号）第二十六条："))
            #expect(text.contains("\n设置项（eplan.yaml：rules: {filing-late: {设置项: 值}}）：\n  working-days："))
            #expect(text.contains("\n不合格示例（↓ 标出问题所在的位置）（3）：21 个工作日"))
            #expect(!text.contains("Passes") && !text.contains("Fails") && !text.contains("Settings") && !text.contains("default"))
        }
    }

    @Test("the depth setting's default is named in the language")
    func depth() throws {
        let regionNoMaster = try #require(RuleID("region-no-master").info)
        let departmental = try #require(RuleID("departmental-plan-missing").info)
        #expect(regionNoMaster.depthDefault(.en) == "the `depth:` key (township)")
        #expect(departmental.depthDefault(.en) == "county")
        #expect(departmental.depthDefault(.zhCN) == "县级（county）")
        #expect(Self.isChinese(regionNoMaster.depthDefault(.zhCN) ?? ""))
    }

    @Test("the rule table lines its columns up in terminal cells, in both languages", arguments: Language.allCases)
    func table(language: Language) {
        let lines = RuleReference.table(language).split(separator: "\n").map(String.init)
        #expect(lines.count == RuleCatalog.all.count)
        let columns = Set(zip(lines, RuleCatalog.all).map { line, rule in
            let summary = rule.summary(language)
            return line.hasSuffix(summary) ? String(line.dropLast(summary.count)).displayWidth : -1
        })
        #expect(columns.count == 1 && !columns.contains(-1), "\(columns)")
        if language == .zhCN {
            #expect(lines[0].contains("错误") && lines[0].contains("结构"))
            #expect(!RuleReference.table(language).contains("warning"))
        }
    }

    @Test("the Markdown reference uses no key the catalogues lack, and the Chinese one no English heading")
    func markdown() {
        let chinese = RuleReference.markdown(.zhCN)
        #expect(!chinese.contains("reference."))
        #expect(!chinese.contains("\nPasses") && !chinese.contains("\nFails") && !chinese.contains("Default severity"))
        #expect(chinese.contains("\n## 纵向衔接：纵向到底\n"))
        #expect(chinese.contains("\n依据：\n\n- 《突发事件应急预案管理办法》"))
        #expect(!RuleReference.markdown(.en).contains("reference."))
    }

    @Test("an unknown rule id: the nearest id, or where to find them, in both languages")
    func unknownRule() {
        #expect(RuleReference.unknownRule("filing-lat").text(.en) == "unknown rule 'filing-lat'; did you mean 'filing-late'?")
        #expect(RuleReference.unknownRule("filing-lat").text(.zhCN) == "没有名为“filing-lat”的规则；是不是要找 filing-late？")
        #expect(RuleReference.unknownRule("zzz").text(.en) == "unknown rule 'zzz'; 'eplan rules' lists them")
        #expect(Self.isChinese(RuleReference.unknownRule("zzz").text(.zhCN)))
    }
}
