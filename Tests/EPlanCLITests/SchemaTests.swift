import Foundation
import Testing

@Suite("JSON Schemas")
struct SchemaTests {
    @Test("schemas/ holds exactly what 'eplan schema' generates", arguments: ["plan", "regions", "inventory", "config"])
    func noDrift(type: String) throws {
        let run = try CLI.run(["schema", type], in: CLI.packageRoot)
        #expect(run.status == 0)
        let committed = try String(contentsOfFile: "\(CLI.packageRoot)/schemas/\(type).schema.json", encoding: .utf8)
        #expect(run.stdout == committed, "run `make docs` after changing the format")
    }

    @Test("every file of plans/ carries the schema modeline")
    func modelines() throws {
        let files = try yamlFiles(under: "\(CLI.packageRoot)/plans")
        #expect(files.count > 40)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema="), "\(file)")
        }
    }

    /// Files without schema findings validate; files with the listed schema findings do not.
    @Test("the schemas accept what eplan accepts and reject what its schema rules reject")
    func validation() throws {
        var valid = try yamlFiles(under: "\(CLI.packageRoot)/plans")
        let fixtures = "\(CLI.packageRoot)/Tests/EPlanKitTests/Fixtures/rules"
        if FileManager.default.fileExists(atPath: fixtures) {
            for file in try yamlFiles(under: fixtures) {
                let run = try CLI.run(["lint", "--format", "json", "--rule", "schema-missing-key", "--rule", "schema-unknown-key",
                                       "--rule", "schema-type", "--rule", "schema-value", "--rule", "yaml-syntax", file],
                                      in: CLI.packageRoot)
                if run.status == 0 { valid.append(file) }
            }
        }
        let broken = "\(CLI.fixtures)/broken/plans/flood.yaml"
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let invalidCases = [
            "kind: specal", "titel: x", "scope: {hazards: flood}", "version: [1]", "colour: red", "issued: 2025-1-1",
            "reporting: {initial: 30 minutes}", "actions: [{id: a, phase: during}]", "status: active",
        ]
        let base = try String(contentsOfFile: "\(CLI.packageRoot)/plans/qs/lin/flood.yaml", encoding: .utf8)
        var invalid = [broken]
        for (i, change) in invalidCases.enumerated() {
            let key = String(change.prefix { $0 != ":" })
            var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let at = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
                lines[at] = change
                var end = at + 1
                while end < lines.count, lines[end].hasPrefix(" ") { end += 1 }
                lines.removeSubrange((at + 1)..<end)
            } else {
                lines.append(change)
            }
            let path = "\(folder)/invalid-\(i).yaml"
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            invalid.append(path)
        }
        let script = """
            import json, subprocess, sys
            try:
                import jsonschema, yaml
            except ImportError:
                subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "jsonschema", "pyyaml"])
                import jsonschema, yaml
            class Loader(yaml.SafeLoader):
                pass
            # Editors read YAML 1.2, where 2025-04-20 is text: drop PyYAML's timestamp resolver.
            Loader.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
                                              for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            root, expect = sys.argv[1], sys.argv[2]
            failures = 0
            for path in sys.argv[3:]:
                doc = yaml.load(open(path, encoding="utf-8"), Loader=Loader)
                kind = str(doc.get("eplan", "plan/v1")).split("/")[0] if isinstance(doc, dict) else "plan"
                schema = json.load(open(f"{root}/schemas/{kind}.schema.json"))
                errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
                if (expect == "valid") != (not errors):
                    failures += 1
                    print(path, "should be", expect, [e.message[:120] for e in errors[:3]])
            sys.exit(1 if failures else 0)
            """
        try script.write(toFile: "\(folder)/validate.py", atomically: true, encoding: .utf8)
        for (expect, files) in [("valid", valid), ("invalid", invalid)] {
            let validation = try CLI.tool(["python3", "\(folder)/validate.py", CLI.packageRoot, expect] + files)
            #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        }
        // And eplan agrees that the invalid ones are invalid.
        for file in invalid.dropFirst() {
            let run = try CLI.run(["lint", "--quiet", "--rule", "schema-value", "--rule", "schema-unknown-key", "--rule", "schema-type", file],
                                  in: CLI.packageRoot)
            #expect(run.status == 1, "\(file)")
        }
    }

    func yamlFiles(under folder: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".yaml") { files.append("\(folder)/\(name)") }
        }
        return files.sorted()
    }
}
