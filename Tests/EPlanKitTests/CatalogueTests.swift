import EPlanKit
import EPlanText
import EPlanYAML
import Foundation
import Testing

/// The two message catalogues say the same things: the same keys, each with the same placeholders;
/// every key the code names exists; every term of the format has a display name; Chinese templates
/// are Chinese.
@Suite("Message catalogues")
struct CatalogueTests {
    @Test("the English and the Chinese catalogue have the same keys")
    func sameKeys() {
        let english = Set(Catalogue.en.keys), chinese = Set(Catalogue.zhCN.keys)
        #expect(english.subtracting(chinese).sorted() == [], "keys without Chinese text")
        #expect(chinese.subtracting(english).sorted() == [], "keys without English text")
    }

    @Test("each key names the same placeholders in both catalogues")
    func samePlaceholders() {
        for (key, english) in Catalogue.en {
            guard let chinese = Catalogue.zhCN[key] else { continue }
            #expect(Catalogue.placeholders(english) == Catalogue.placeholders(chinese),
                    "\(key): en \(Catalogue.placeholders(english)), zh-CN \(Catalogue.placeholders(chinese))")
        }
    }

    @Test("a Chinese template is written in Chinese (unless it is only placeholders, ids and signs)")
    func chineseIsChinese() {
        for (key, template) in Catalogue.zhCN {
            let text = Catalogue.fill(template) { _ in "" }
            let hasLetters = text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
            let hasHan = text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            #expect(hasHan || !hasLetters || key.hasPrefix("severity.") , "\(key) is not Chinese: \(template)")
        }
    }

    @Test("every key written in the sources is in the catalogues")
    func sourceKeys() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("EPlanText/") } ?? []
        let pattern = try Regex(#"Message\("([a-z0-9.-]+)""#)
        var seen = 0
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(match.output[1].substring ?? "")
                seen += 1
                #expect(Catalogue.en[key] != nil, "\(file): '\(key)' is not in the English catalogue")
                #expect(Catalogue.zhCN[key] != nil, "\(file): '\(key)' is not in the Chinese catalogue")
            }
        }
        #expect(seen > 10)
    }

    @Test("every term of the format has an English and a Chinese display name")
    func terms() {
        var terms: [Term] = []
        terms += Level.allCases.map { Term(.level, $0.rawValue) }
        terms += PlanKind.allCases.map { Term(.kind, $0.rawValue) }
        terms += PlanStatus.allCases.map { Term(.status, $0.rawValue) }
        terms += UnitCategory.allCases.map { Term(.unitCategory, $0.rawValue) }
        terms += PlanForm.allCases.map { Term(.form, $0.rawValue) }
        terms += SeverityClass.allCases.map { Term(.severity, $0.rawValue) }
        terms += Phase.allCases.map { Term(.phase, $0.rawValue) }
        terms += Stage.allCases.map { Term(.stage, $0.rawValue) }
        terms += MemberRole.allCases.map { Term(.role, $0.rawValue) }
        terms += ResourceType.allCases.map { Term(.resourceType, $0.rawValue) }
        terms += DrillType.allCases.map { Term(.drillType, $0.rawValue) }
        terms += WarningColour.allCases.map { Term(.warningLevel, $0.rawValue) }
        terms += SupportArea.allCases.map { Term(.supportArea, $0.rawValue) }
        terms += HazardCatalog.builtIn.map { Term(.hazard, $0) }
        terms += HazardCatalog.categories.map { Term(.hazardCategory, $0.name) }
        for term in terms {
            #expect(term.key != nil, "\(term.category.rawValue) '\(term.id)' has no display name")
            #expect(term.name(.zhCN) != term.id, "\(term.category.rawValue) '\(term.id)' has no Chinese name")
        }
    }

    @Test("messages render in both languages: placeholders filled, terms named, lists joined")
    func rendering() {
        let message = Message("reporting-looser.looser", ["key": "initial", "parent": .message(Message("plan.named", ["id": "qs.master"])),
                                                          "classes": .list([.message(Message("reporting-looser.group", [
                                                              "classes": .verbatims(["I", "II"]),
                                                              "comparison": .message(Message("reporting-looser.compare", ["limit": "1h", "parent": "30m"])),
                                                          ]))])])
        #expect(message.text(.en) == "reporting.initial is looser than the limit of parent plan 'qs.master' (I, II: 1h > 30m)")
        #expect(message.text(.zhCN) == "信息报告时限 reporting.initial 宽于上级预案 qs.master 的要求（I、II 级：1h 慢于 30m）")
        #expect(MessageArgument.term(Term(.hazard, "flood")).text(.zhCN) == "洪涝灾害（flood）")
        #expect(MessageArgument.term(Term(.hazard, "x-local")).text(.zhCN) == "x-local")
        #expect(Catalogue.fill("{{a}} {b}") { $0 == "b" ? "B" : nil } == "{a} B")
        #expect(Term.ids(named: "专项", in: .kind) == ["special"])
        #expect(Term.ids(named: "Ⅳ", in: .severity) == ["IV"])
    }

    @Test("the run's language: --lang, EPLAN_LANG, lang:, the locale, English")
    func language() {
        #expect(Language.resolve(flag: .en, environment: ["EPLAN_LANG": "zh-CN"], configured: .zhCN) == .en)
        #expect(Language.resolve(flag: nil, environment: ["EPLAN_LANG": "zh", "LANG": "en_US.UTF-8"], configured: .en) == .zhCN)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8"], configured: .en) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8"], configured: nil) == .zhCN)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "zh_CN"], configured: nil) == .zhCN)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "C", "LANG": "zh_CN"], configured: nil) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "zh-Hans"], configured: nil) == .zhCN)
        #expect(Language.resolve(flag: nil, environment: [:], configured: nil) == .en)
        #expect(Language.parse("fr") == nil)
        #expect(Language.parse("zh-CN") == .zhCN)
    }
}
