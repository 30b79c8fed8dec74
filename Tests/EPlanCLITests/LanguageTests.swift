import Foundation
import Testing

/// cli.md "Language": `--lang`, `EPLAN_LANG`, `lang:` of eplan.yaml, the locale; the same findings in
/// every language; the fixed words of every output in the run's language.
@Suite("Language of the command line")
struct LanguageTests {
    /// An environment that says nothing about language (the test process's own locale must not leak in).
    static let neutral: [String: String] = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "EPLAN_LANG": ""]

    static func run(_ arguments: [String], in folder: String, _ environment: [String: String] = [:]) throws -> Run {
        try CLI.run(arguments, in: folder, environment: neutral.merging(environment) { _, new in new })
    }

    /// Every repository the tests lint: the sample plans and each fixture folder with an eplan.yaml.
    static let repositories: [String] = {
        var found = ["\(CLI.packageRoot)/plans"]
        let tests = "\(CLI.packageRoot)/Tests"
        let walker = FileManager.default.enumerator(atPath: tests)
        while let path = walker?.nextObject() as? String {
            if (path as NSString).lastPathComponent == "eplan.yaml" {
                found.append("\(tests)/\((path as NSString).deletingLastPathComponent)")
            }
        }
        return found.sorted()
    }()

    /// A finding without its words: rule, severity, place, plan and related places.
    static func findings(_ json: String) throws -> [String] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        return diagnostics.map { d in
            let related = (d["related"] as? [[String: Any]] ?? []).map { "\($0["file"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "")" }
            return ["rule", "severity", "file", "line", "column", "endLine", "endColumn", "plan"].map { "\(d[$0] ?? "-")" }.joined(separator: "|")
                + " related " + related.joined(separator: ",") + (d["help"] == nil ? "" : " help")
        }
    }

    @Test("--lang zh-CN gives the findings of --lang en (rule, file, line, column, severity) on plans/ and every fixture repository",
          arguments: LanguageTests.repositories)
    func sameFindings(repository: String) throws {
        for today in ["2026-12-06", "2029-12-06"] {
            let english = try Self.run(["lint", "--format", "json", "--today", today, "--lang", "en"], in: repository)
            let chinese = try Self.run(["lint", "--format", "json", "--today", today, "--lang", "zh-CN"], in: repository)
            #expect(english.status == chinese.status, "\(repository): \(english.stderr) \(chinese.stderr)")
            #expect(english.status != 2, "\(repository): \(english.stderr)")
            let en = try Self.findings(english.stdout), zh = try Self.findings(chinese.stdout)
            #expect(en == zh, "\(repository) on \(today)")
            // The summary is the same numbers too.
            let summary = { (json: String) in json.components(separatedBy: "\"diagnostics\"").first ?? "" }
            #expect(summary(english.stdout) == summary(chinese.stdout))
        }
    }

    // MARK: Choosing the language

    /// A small repository (eplan init) with findings that have a help line: its plan was issued long ago.
    static func repository(lang: String? = nil) throws -> String {
        let folder = try CLI.temporaryFolder()
        let made = try run(["init", folder, "--level", "township", "--today", "2020-01-06", "--lang", "en"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        if let lang {
            let config = "\(folder)/eplan.yaml"
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try text.replacingOccurrences(of: "eplan: config/v1\n", with: "eplan: config/v1\nlang: \(lang)\n")
                .write(toFile: config, atomically: true, encoding: .utf8)
        }
        return folder
    }

    enum Spoken: String { case english, chinese, mixed }

    /// Which language a text report speaks, from its help lines and its summary line.
    static func spoken(_ output: String) -> Spoken {
        let lines = output.split(separator: "\n").map(String.init)
        let summary = lines.last ?? ""
        let englishSummary = summary.range(of: #"^\d+ errors?, \d+ warnings?, \d+ notes? in \d+ files? \(\d+ plans?\) in \d+\.\d\ds$"#,
                                           options: .regularExpression) != nil
        let chineseSummary = summary.range(of: #"^\d+ 个错误，\d+ 个警告，\d+ 条提示；共 \d+ 个文件（\d+ 个预案），用时 \d+\.\d\d 秒$"#,
                                           options: .regularExpression) != nil
        let englishHelp = lines.contains { $0.hasPrefix("  help: ") }
        let chineseHelp = lines.contains { $0.hasPrefix("  建议：") }
        if englishSummary && englishHelp && !chineseHelp { return .english }
        if chineseSummary && chineseHelp && !englishHelp { return .chinese }
        return .mixed
    }

    @Test("the language is, first found: --lang, EPLAN_LANG, lang: of eplan.yaml, the locale (LC_ALL, LC_MESSAGES, LANG), else English",
          arguments: [
              ([:], nil, [], Spoken.english),
              (["LANG": "zh_CN.UTF-8"], nil, [], .chinese),
              (["LANG": "zh_CN"], nil, [], .chinese),
              (["LANG": "zh_CN.GB18030"], nil, [], .chinese),
              (["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"], nil, [], .chinese),
              (["LANG": "zh_CN.UTF-8", "LC_ALL": "C"], nil, [], .english),
              (["LANG": "C.UTF-8", "LC_ALL": "zh_CN.UTF-8"], nil, [], .chinese),
              (["EPLAN_LANG": "zh-CN", "LANG": "en_US.UTF-8"], nil, [], .chinese),
              (["EPLAN_LANG": "zh-CN"], "en", [], .chinese),
              (["EPLAN_LANG": "en"], "zh-CN", [], .english),
              ([:], "zh-CN", [], .chinese),
              (["LANG": "zh_CN.UTF-8"], "en", [], .english),
              (["LANG": "en_US.UTF-8"], "zh-CN", [], .chinese),
              ([:], nil, ["--lang", "zh-CN"], .chinese),
              ([:], nil, ["--lang=zh-CN"], .chinese),
              (["LANG": "zh_CN.UTF-8", "EPLAN_LANG": "zh-CN"], "zh-CN", ["--lang", "en"], .english),
              (["LANG": "zh_CN.UTF-8"], nil, ["--lang", "en"], .english),
          ] as [([String: String], String?, [String], Spoken)])
    func choosing(environment: [String: String], configured: String?, flags: [String], expected: Spoken) throws {
        let folder = try Self.repository(lang: configured)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["lint", "--today", "2026-12-06"] + flags, in: folder, environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.spoken(run.stdout) == expected, "\(environment) lang: \(configured ?? "-") \(flags)\n\(run.stdout)")
    }

    @Test("every command takes --lang (rules and explain aside) and graph, report, diff and new honour lang: of eplan.yaml")
    func everyCommand() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chinese = try Self.repository(lang: "zh-CN")
        defer { try? FileManager.default.removeItem(atPath: chinese) }
        for (repo, flags) in [(folder, ["--lang", "zh-CN"]), (chinese, [])] {
            let graph = try Self.run(["graph", "--today", "2026-12-06"] + flags, in: repo)
            #expect(graph.status == 0, "\(graph.stderr)")
            #expect(graph.stdout.contains("label=\"上级预案\"") && graph.stdout.contains("乡镇级总体应急预案"), "\(graph.stdout)")
            let mermaid = try Self.run(["graph", "--format", "mermaid", "--today", "2026-12-06"] + flags, in: repo)
            #expect(mermaid.stdout.contains("-->|上级预案|"), "\(mermaid.stdout)")

            let out = "\(repo)/report-\(flags.count)"
            let report = try Self.run(["report", "--out", out, "--today", "2026-12-06"] + flags, in: repo)
            #expect(report.status == 0, "\(report.stderr)")
            #expect(report.stderr.hasPrefix("eplan: 已写入 \(out)/index.html（1 个预案，"), "\(report.stderr)")
            let html = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
            #expect(html.contains("<html lang=\"zh-CN\">") && html.contains("<h1>应急预案体系报告</h1>"))

            let same = try Self.run(["diff", "plans/town/master.yaml", "plans/town/master.yaml"] + flags, in: repo)
            #expect(same.stdout.contains("  无实质变化\n"), "\(same.stdout)")
            let external = try Self.run(["diff", "plans/town/master.yaml"] + flags, in: repo)
            #expect(external.status == 0, "\(external.stderr)")
            #expect(external.stdout.hasPrefix("town.master 与上级预案 county.master 的衔接"), "\(external.stdout)")

            let new = try Self.run(["new", "special", "--region", "town", "--hazard", "flood", "--out", "flood-\(flags.count).yaml",
                                    "--today", "2026-12-06"] + flags, in: repo)
            #expect(new.status == 0, "\(new.stderr)")
            #expect(new.stderr.hasSuffix("eplan: 已将预案 town.flood 写入 flood-\(flags.count).yaml\n"), "\(new.stderr)")
            #expect(new.stderr.hasPrefix("eplan: 上级预案 county.master："), "the parent chosen, and why: \(new.stderr)")
            let plan = try String(contentsOfFile: "\(repo)/flood-\(flags.count).yaml", encoding: .utf8)
            #expect(plan.contains("title:  # 请填写预案全称（中英文均可），如 town.flood 专项应急预案"), "\(plan)")
            try FileManager.default.removeItem(atPath: "\(repo)/flood-\(flags.count).yaml")
        }
        // --lang en wins over lang: zh-CN.
        let english = try Self.run(["graph", "--lang", "en", "--today", "2026-12-06"], in: chinese)
        #expect(english.stdout.contains("label=\"parent\"") && !english.stdout.contains("上级预案"))

        // schema: the schema itself is the same in every language; its errors are not.
        let schema = try Self.run(["schema", "plan", "--lang", "zh-CN"], in: folder)
        let plain = try Self.run(["schema", "plan"], in: folder)
        #expect(schema.status == 0 && schema.stdout == plain.stdout)
        let unknown = try Self.run(["schema", "plans", "--lang", "zh-CN"], in: folder)
        #expect(unknown.status == 2 && unknown.stderr.contains("Error: 未知的文件类型“plans”；可选：plan、regions、inventory、config"),
                "\(unknown.stderr)")
    }

    @Test("init in Chinese writes Chinese comments and texts, sets lang: zh-CN, and lints clean")
    func initInChinese() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try Self.run(["init", "repo", "--level", "township", "--today", "2026-06-01"], in: folder, ["LANG": "zh_CN.UTF-8"])
        #expect(made.status == 0)
        #expect(made.stderr.hasPrefix("eplan: 已写入 repo/eplan.yaml\neplan: 已写入 repo/regions.yaml\neplan: 已写入 repo/plans/town/master.yaml\n"),
                "\(made.stderr)")
        #expect(made.stderr.contains("eplan: 下一步：1. 进入 repo"), "\(made.stderr)")
        let config = try String(contentsOfFile: "\(folder)/repo/eplan.yaml", encoding: .utf8)
        #expect(config.contains("\nlang: zh-CN\n# 本仓库之外的预案（外部预案），本仓库的预案与之衔接。\nexternal:\n"), "\(config)")
        let plan = try String(contentsOfFile: "\(folder)/repo/plans/town/master.yaml", encoding: .utf8)
        #expect(plan.contains("lead: 镇长") && plan.contains("when: 预警解除后"))
        // Linted with no language in the environment: its eplan.yaml speaks Chinese.
        let lint = try Self.run(["lint", "--today", "2026-06-01"], in: "\(folder)/repo")
        #expect(lint.status == 0)
        #expect(lint.stdout.hasPrefix("0 个错误，0 个警告，0 条提示；共 3 个文件（1 个预案），用时 "), "\(lint.stdout)")
        let again = try Self.run(["init", "repo", "--level", "township"], in: folder, ["LANG": "zh_CN.UTF-8"])
        #expect(again.status == 2)
        #expect(again.stderr.hasPrefix("eplan: 不覆盖已有的 repo/eplan.yaml、repo/regions.yaml、repo/plans/town/master.yaml、repo/schemas/plan.schema.json"), "\(again.stderr)")
    }

    @Test("errors of the command line: eplan's own in the language; ArgumentParser's kept, after a Chinese line")
    func commandLineErrors() throws {
        let broken = "\(CLI.fixtures)/broken"
        let missing = try Self.run(["lint", "missing.yaml"], in: broken, ["LANG": "zh_CN.UTF-8"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "eplan: 找不到文件或文件夹：missing.yaml\n")
        let unknown = try Self.run(["lint", "--bogus", "--lang", "zh-CN"], in: broken)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("命令行有误：\nError: Unknown option '--bogus'"), "\(unknown.stderr)")
        let argument = try Self.run(["new"], in: broken, ["EPLAN_LANG": "zh-CN"])
        #expect(argument.stderr.hasPrefix("命令行有误：\nError: Missing expected argument"), "\(argument.stderr)")
        let ours = try Self.run(["lint", "--jobs", "0", "--today", "2026-12-06"], in: broken, ["LANG": "zh_CN"])
        #expect(ours.stderr.hasPrefix("命令行有误：\nError: --jobs 至少为 1\n"), "\(ours.stderr)")
        let date = try Self.run(["graph", "--today", "2026-02-30", "--lang", "zh-CN"], in: broken)
        #expect(date.stderr.contains("Error: --today 的值“2026-02-30”不是有效日期，请写成 YYYY-MM-DD\n"), "\(date.stderr)")
        let rule = try Self.run(["lint", "--rule", "parent-unresolvd", "--lang", "zh-CN"], in: broken)
        #expect(rule.stderr.contains("Error: 没有规则“parent-unresolvd”；是不是“parent-unresolved”？\n"), "\(rule.stderr)")
        // In English nothing is added.
        let english = try Self.run(["lint", "--bogus"], in: broken)
        #expect(english.stderr.hasPrefix("Error: Unknown option '--bogus'"), "\(english.stderr)")
        let writeOver = try Self.run(["lint", "--output", "eplan.yaml", "--lang", "zh-CN"], in: broken)
        #expect(writeOver.stderr == "eplan: eplan.yaml 是 eplan 文档（预案、区域划分、资源清单或 eplan.yaml）：报告不会覆盖它，请换一个文件\n", "\(writeOver.stderr)")
    }

    @Test("SARIF names its language in runs[0].language; the results are the same in both")
    func sarifLanguage() throws {
        var runs: [String: [String: Any]] = [:]
        for lang in ["en", "zh-CN"] {
            let run = try Self.run(["lint", "--format", "sarif", "--lang", lang, "--today", "2026-12-06"], in: "\(CLI.fixtures)/broken")
            let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let first = try #require((root["runs"] as? [[String: Any]])?.first)
            #expect(first["language"] as? String == lang)
            runs[lang] = first
        }
        func places(_ run: [String: Any]?) -> [String] {
            (run?["results"] as? [[String: Any]] ?? []).map { r in
                let place = ["ruleId", "ruleIndex", "level", "locations", "partialFingerprints", "relatedLocations"].map { key in
                    var value = r[key] ?? "-"
                    if key == "relatedLocations", let related = value as? [[String: Any]] {
                        value = related.map { $0.filter { $0.key != "message" } }  // the related message is words
                    }
                    let data = try? JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys])
                    return data.map { String(decoding: $0, as: UTF8.self) } ?? ""
                }
                return place.joined(separator: " ")
            }
        }
        #expect(places(runs["en"]) == places(runs["zh-CN"]))
        #expect(!places(runs["en"]).isEmpty)
    }

    @Test("the caret stays under the right character on a line holding Chinese, in both languages", arguments: ["en", "zh-CN"])
    func caret(lang: String) throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/plans/town/master.yaml"
        let line = "  - {trigger: 本镇发生一般洪涝灾害或者发生山洪灾害, level: V, lead: emergency-office}"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "response-levels:\n", with: "response-levels:\n\(line)\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let run = try Self.run(["lint", "plans/town/master.yaml", "--lang", lang, "--today", "2026-12-06"], in: folder)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = try #require(lines.firstIndex { $0.hasSuffix(" | \(line)") }, "\(run.stdout)")
        let caret = lines[source + 1]
        let bar = try #require(caret.range(of: " | "))
        let marks = caret[bar.upperBound...]
        // Two columns per ideograph: the finding is the pair 'level: V', its caret under the 'l'.
        let before = line.components(separatedBy: "level: V").first ?? ""
        let width = before.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
        #expect(marks.prefix(width).allSatisfy { $0 == " " } && marks.dropFirst(width).hasPrefix("^~~~~~~~"), "\(caret)")
    }

    // MARK: No English left in Chinese output

    /// ASCII words of `text` that are neither ids (with a digit or one of `.:-_/[]`, or a term's id after its
    /// Chinese name, `事前（before）`) nor words of the repository's own files (plan text, keys and ids are the
    /// plans' words, not eplan's).
    static func englishWords(_ text: String, allowing inputs: [String]) -> [String] {
        func tokens(_ text: String) -> [String] {
            text.split { !($0.isASCII && ($0.isLetter || $0.isNumber || "._-:/[]'".contains($0))) }.map(String.init)
        }
        func words(_ token: String) -> [String] { token.split { !$0.isLetter }.map { $0.lowercased() } }
        var allowed = Set(inputs.flatMap(tokens).flatMap(words) + ["eplan", "diff"])
        let termIDs = try? Regex(#"\p{Han}（([A-Za-z0-9._-]+)）"#)
        for match in termIDs.map({ text.matches(of: $0) }) ?? [] {
            allowed.formUnion(words(String(match.output[1].substring ?? "")))
        }
        return tokens(text).filter { token in
            token.contains { $0.isLetter } && !token.contains { $0.isNumber || ".:-_/[]".contains($0) }
                && !words(token).allSatisfy(allowed.contains)
        }
    }

    static func yamlFiles(_ folder: String) throws -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder)
        var texts: [String] = []
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".yaml") else { continue }
            texts.append(try String(contentsOfFile: "\(folder)/\(path)", encoding: .utf8))
        }
        return texts
    }

    @Test("the summary line in Chinese has no English word")
    func summaryLine() throws {
        for folder in ["\(CLI.fixtures)/broken", "\(CLI.packageRoot)/plans"] {
            let run = try Self.run(["lint", "--lang", "zh-CN", "--today", "2026-12-06"], in: folder)
            let summary = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(summary.contains("个错误"), "\(summary)")
            #expect(!summary.contains { $0.isASCII && $0.isLetter }, "\(summary)")
        }
        let one = try Self.run(["lint", "--lang", "zh-CN", "--today", "2026-12-06", "plans/qs/master.yaml"], in: CLI.packageRoot)
        #expect(one.stdout.hasPrefix("0 个错误，0 个警告，0 条提示；共 1 个文件（1 个预案），用时 "), "\(one.stdout)")
    }

    @Test("a docking and a revision diff in Chinese, text and markdown, have no English word besides the plans' own", arguments: [
        ["child.yaml", "--against", "parent.yaml"], ["old.yaml", "new.yaml"],
    ])
    func diffInChinese(sides: [String]) throws {
        let folder = "\(CLI.fixtures)/diff"
        let inputs = try sides.filter { $0.hasSuffix(".yaml") }.map { try String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
        for format in ["text", "markdown"] {
            let run = try Self.run(["diff"] + sides + ["--format", format, "--lang", "zh-CN"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.englishWords(run.stdout, allowing: inputs) == [], "\(run.stdout)")
            for phrase in ["docked with", "this plan", "against", "no change", "| status |", "| impact |", "covered", "weakening"] {
                #expect(!run.stdout.contains(phrase), "\(phrase) in \(run.stdout)")
            }
            #expect(run.stdout.contains(sides.count == 3 ? "上级预案" : "削弱"))
        }
        // The JSON of a diff is data: the same in every language.
        let english = try Self.run(["diff"] + sides + ["--format", "json"], in: folder)
        let chinese = try Self.run(["diff"] + sides + ["--format", "json", "--lang", "zh-CN"], in: folder)
        #expect(english.stdout == chinese.stdout)
    }

    @Test("the HTML report in Chinese has no English word besides the plans' own")
    func reportInChinese() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plans = "\(CLI.packageRoot)/plans"
        // plans/ is clean on this day: the findings table would hold the rules' messages, not the report's words.
        let run = try Self.run(["report", "--out", folder, "--lang", "zh-CN", "--today", "2026-12-06"], in: plans)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("0 项问题"))
        var html = try String(contentsOfFile: "\(folder)/index.html", encoding: .utf8)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        html = html.replacingOccurrences(of: #"<style>[\s\S]*?</style>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let words = Self.englishWords(html, allowing: try Self.yamlFiles(plans))
        #expect(words == [], "\(Set(words).sorted())")
        for heading in ["预案体系（纵向衔接）", "各区域突发事件覆盖情况（横向衔接）", "单位与预案", "预案评估、应急演练与备案", "检查结果"] {
            #expect(html.contains(heading))
        }
    }
}
