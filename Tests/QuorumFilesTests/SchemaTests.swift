import Foundation
import QuorumFiles
import Testing

/// The JSON Schemas editors use: committed copies match the format, and every bundled file conforms to them,
/// checked by an independent validator (Python's jsonschema).
struct SchemaTests {
    @Test(arguments: JSONSchemaWriter.Format.allCases)
    func committedSchemaMatchesTheFormat(format: JSONSchemaWriter.Format) throws {
        let path = ProjectFolder.path("schema/\(format.fileName)")
        let generated = JSONSchemaWriter.schema(for: format)
        if ProcessInfo.processInfo.environment["QUORUM_RECORD_SCHEMA"] != nil {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == generated,
                "schema/\(format.fileName) is out of date; run 'swift run quorum schema --write schema'")
    }

    @Test func everyKeyIsDescribed() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(JSONSchemaWriter.schema(for: .workflow).utf8)) as! [String: Any]
        var missing: [String] = []
        func walk(_ node: [String: Any], _ path: String) {
            if (node["description"] as? String)?.isEmpty ?? true { missing.append(path) }
            for (key, value) in node["properties"] as? [String: [String: Any]] ?? [:] { walk(value, "\(path).\(key)") }
            if let items = node["items"] as? [String: Any] { walk(items, "\(path)[]") }
        }
        walk(schema, "$")
        #expect(missing.isEmpty)
    }

    static let pythonHasJSONSchema: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema, yaml"]
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(.enabled(if: pythonHasJSONSchema || DiagramTests.requireTools,
                   "Python's jsonschema and PyYAML are not installed (python3 -m pip install jsonschema PyYAML); .ci/run installs them"))
    func bundledFilesConformAndABrokenOneDoesNot() throws {
        // Each file is checked against the schema its editor line names, so that line is checked too.
        let marker = "# yaml-language-server: $schema="
        let pairs = ["workflows", "rules", "samples", "scenarios"].flatMap { folder in
            DefinitionCatalog.yamlFiles(in: [ProjectFolder.path(folder)]).map { file in
                let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                let line = text.split(separator: "\n").first { $0.hasPrefix(marker) }
                let schema = line.map { URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(String($0.dropFirst(marker.count))).standardized.path }
                return (file, schema ?? "no schema line in \(file)")
            }
        }
        #expect(pairs.count >= 10)
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-broken-\(UUID().uuidString).yaml").path
        try "id: Sai Định Danh\nstep: []\n".write(toFile: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: broken) }

        let results = try Self.validateWithJSONSchema(pairs + [(broken, ProjectFolder.path("schema/workflow.schema.json"))])
        for (file, _) in pairs { #expect(results[file] == "ok", "\(file): \(results[file] ?? "not checked")") }
        #expect(results[broken]?.contains("Additional properties") == true || results[broken]?.contains("does not match") == true,
                "the schema must reject the broken file: \(results[broken] ?? "not checked")")
    }

    /// Runs Python's jsonschema over each (file, schema) pair. YAML dates stay strings, as in YAML 1.2 editors.
    static func validateWithJSONSchema(_ pairs: [(String, String)]) throws -> [String: String] {
        let script = """
            import json, sys, yaml, jsonschema
            class Loader(yaml.SafeLoader): pass
            Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != 'tag:yaml.org,2002:timestamp']
                                              for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            args = sys.argv[1:]
            for file, schema in zip(args[::2], args[1::2]):
                errors = sorted(jsonschema.Draft7Validator(json.load(open(schema))).iter_errors(yaml.load(open(file), Loader)), key=str)
                print(json.dumps([file, "ok" if not errors else "; ".join(e.message for e in errors)]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + pairs.flatMap { [$0.0, $0.1] }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let failure = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0,
                "python3 with jsonschema and PyYAML is needed (python3 -m pip install jsonschema PyYAML): \(failure)")
        var results: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if let pair = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String] { results[pair[0]] = pair[1] }
        }
        return results
    }
}

extension JSONSchemaWriter.Format: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}
