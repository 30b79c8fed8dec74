import EPlanCatalog
import Foundation

// `eplan-catalog [RULES-FOLDER] [--check]`: writes RULES-FOLDER/RuleCatalog.swift (default
// Sources/EPlanKit/Rules) from the rule files in its group folders; `--check` only tells whether
// the file is up to date (exit status 1 when not). `make catalog` runs it.

/// Prints to standard error and exits with `status`.
func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("eplan-catalog: \(message)\n".utf8))
    exit(status)
}

let arguments = CommandLine.arguments.dropFirst()
let check = arguments.contains("--check")
if let unknown = arguments.first(where: { $0.hasPrefix("-") && $0 != "--check" }) {
    fail("unknown option '\(unknown)'; usage: eplan-catalog [RULES-FOLDER] [--check]", status: 2)
}
let folder = arguments.first { !$0.hasPrefix("-") } ?? "Sources/EPlanKit/Rules"
let path = "\(folder)/\(CatalogGenerator.fileName)"

do {
    let catalog = try CatalogGenerator.catalog(rulesFolder: folder)
    for rule in catalog.added { print("new rule: \(rule)") }
    for rule in catalog.dropped { print("rule gone: \(rule)") }
    if check {
        guard (try? String(contentsOfFile: path, encoding: .utf8)) == catalog.source else {
            fail("\(path) is out of date: run `make catalog`", status: 1)
        }
        print("\(path) is up to date (\(catalog.rules.count) rules)")
    } else if try CatalogGenerator.update(rulesFolder: folder, with: catalog) {
        print("wrote \(path) (\(catalog.rules.count) rules)")
    } else {
        print("\(path) is up to date (\(catalog.rules.count) rules)")
    }
} catch {
    fail("\(error)", status: 2)
}
