import EPlanDocument
import Foundation
import Testing

/// What a program printed and how it ended.
struct ToolResult {
    var status: Int32
    var output: String
    var errors: String
}

/// The programs that read eplan's documents back (unzip, python3, pandoc, soffice, pdfinfo,
/// pdftotext; `make test-deps` installs them). Each runs under coreutils' `timeout`, its output
/// going to files, so that neither a slow LibreOffice nor a full pipe can hang the suite.
enum Tools {
    static func run(_ arguments: [String], seconds: Int = 120, in folder: String? = nil) throws -> ToolResult {
        let scratch = try temporaryFolder("tool")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outPath = scratch + "/out", errPath = scratch + "/err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A UTF-8 locale, so that unzip prints the UTF-8 names as they are.
        process.arguments = ["LC_ALL=C.UTF-8", "timeout", "--kill-after=10", String(seconds)] + arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        process.waitUntilExit()
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return ToolResult(status: process.terminationStatus, output: read(outPath), errors: read(errPath))
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eplan-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes bytes to `name` in a fresh temporary folder and returns the file's path.
    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        let path = try temporaryFolder("doc") + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// A document with every kind of block, Chinese text, and text that tries to be markup.
enum Sample {
    /// Text that must stay text: markup characters, a CDATA end, quotes, C0 controls (U+0001,
    /// ESC) that XML 1.0 cannot hold, and NEL (U+0085).
    static let hostile = "<w:t>&amp; ]]> \"双引号\" 'single' a\u{1}b c\u{1B}[31m d\u{85}e"
    /// What a reader finds of it: the forbidden controls as U+FFFD, NEL as a line break.
    static let hostileLines = ["<w:t>&amp; ]]> \"双引号\" 'single' a\u{FFFD}b c\u{FFFD}[31m d", "e"]

    static let headings = [
        (1, "1", "总则"), (2, "1.1", "编制目的"), (3, "1.1.1", "适用范围"),
        (1, "2", "组织指挥体系"), (1, "3", "应急响应"), (2, "3.1", "信息报告"),
    ]
    static let paragraphs = [
        "为规范临县防汛抗旱应急工作，保障人民群众生命财产安全，制定本预案。",
        "本预案适用于临县行政区域内洪涝、干旱灾害的预防和应急处置。",
        "Tabs\tand  double  spaces stay.",
    ]
    static let table = Table(
        header: ["成员单位", "职责", "联系电话"],
        rows: [
            ["县应急管理局", "承担指挥部日常工作，组织协调抢险救援。", "0000-1234567"],
            ["县水利局", "负责水情监测预报 & 水工程调度 <紧急>。", "0000-7654321"],
            ["县气象局", "发布气象预警", ""],
        ],
        widths: [2, 5, 2])
    /// A table longer than a page: its header row comes again on the next page.
    static let longTable = Table(header: ["序号", "物资名称", "数量"],
                                 rows: (1...40).map { ["\($0)", "编织袋（第\($0)批）", "\($0 * 100)"] })
    static let labels = [("牵头单位：", "县应急管理局"), ("When: ", "within 30 minutes")]
    static let items = ["《中华人民共和国突发事件应对法》", "《国家防汛抗旱应急预案》"]
    static let placeholder = "（待补充）"

    /// Four pages: the page breaks come before "3 应急响应" and before the labelled paragraphs,
    /// and the long table at the end runs over onto a fourth.
    static let document = PublishedDocument(
        title: "临县防汛抗旱应急预案",
        subtitle: ["临县人民政府", "2025年4月20日"],
        language: "zh-CN",
        blocks: [
            .heading(level: 1, number: "1", text: "总则"),
            .heading(level: 2, number: "1.1", text: "编制目的"),
            .paragraph(paragraphs[0]),
            .heading(level: 3, number: "1.1.1", text: "适用范围"),
            .paragraph(paragraphs[1]),
            .paragraph(paragraphs[2]),
            .heading(level: 1, number: "2", text: "组织指挥体系"),
            .table(table),
            .pageBreak,
            .heading(level: 1, number: "3", text: "应急响应"),
            .heading(level: 2, number: "3.1", text: "信息报告"),
            .placeholder(placeholder),
            .list(items),
            .paragraph(hostile),
            .pageBreak,
            .labelled(label: labels[0].0, text: labels[0].1),
            .labelled(label: labels[1].0, text: labels[1].1),
            .table(longTable),
        ])
}
