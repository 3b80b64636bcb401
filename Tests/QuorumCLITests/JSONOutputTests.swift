import Foundation
import Testing

/// Every command that reports something prints JSON with --json, in the shape its schema in schema/output/ documents.
/// The shapes are checked with Python's jsonschema, an independent validator; .ci/run installs it.
@Suite("JSON output")
struct JSONOutputTests {
    static let python: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(.enabled(if: python || QuorumProcess.requireTools, "Python's jsonschema is not installed; .ci/run installs it"))
    func everyReportMatchesItsSchema() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let instance = "pho-chanh-van-phong-2021-1", track = "pho-chanh-van-phong-2021"
        #expect(try quorum.run("demo", "--store", quorum.store, "--formats", "md").status == 0)
        try "id: Sai\nstep: []\n".write(toFile: quorum.path("hong.yaml"), atomically: true, encoding: .utf8)

        // (schema, command, expected exit status)
        let runs: [(String, [String], Int32)] = [
            ("validate", ["validate"], 0),
            ("validate", ["validate", "hong.yaml"], 2),
            ("status-list", ["status"], 0),
            ("status", ["status", instance], 0),
            ("history", ["history", instance], 0),
            ("screen", ["screen", instance, "--all"], 0),
            ("schedule", ["schedule"], 0),
            ("eval", ["eval", "[1, 2].size() > 1"], 0),
            ("simulate", ["simulate", track], 0),
            ("verify", ["verify", instance], 0),
            ("verify", ["verify", instance, "--expect", "0123abcd"], 3),
            ("show", ["show", track], 0),
            ("report", ["report", instance], 0),
            ("report", ["report", instance, "--format", "docx", "--output", quorum.path("to-trinh.docx")], 0),
            ("new-cycle", ["new-cycle", track, "--year", "2022"], 0),
        ]
        var pairs: [(String, String)] = []
        var outputs: [String: Any] = [:]
        for (index, run) in runs.enumerated() {
            let result = try quorum.run(run.1 + ["--json"])
            #expect(result.status == run.2, "\(run.1.joined(separator: " ")): exit \(result.status), \(result.errors)")
            let file = quorum.path("out-\(index).json")
            try result.output.write(toFile: file, atomically: true, encoding: .utf8)
            pairs.append((file, QuorumProcess.repository.appendingPathComponent("schema/output/\(run.0).schema.json").path))
            outputs[run.1.joined(separator: " ")] = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        }
        // advance: a new instance's first step.
        #expect(try quorum.run("start", "chanh-van-phong-2021", "--another").status == 0)
        let started = "chanh-van-phong-2021-2"
        #expect(try quorum.run("roster", started, "--file", "samples/chanh-van-phong-2021/roster.csv").status == 0)
        #expect(try quorum.run("record", started, "buoc-1", "--file", "samples/chanh-van-phong-2021/buoc-1.yaml").status == 0)
        let advanced = try quorum.run("advance", started, "--json")
        #expect(advanced.status == 0, "\(advanced.errors)")
        try advanced.output.write(toFile: quorum.path("advance.json"), atomically: true, encoding: .utf8)
        pairs.append((quorum.path("advance.json"), QuorumProcess.repository.appendingPathComponent("schema/output/advance.schema.json").path))

        // A schema that accepts anything would pass: one with a field added must be refused.
        let tampered = quorum.path("tampered.json")
        try #"{"expression": "1", "result": "1", "type": "int", "extra": true}"#.write(toFile: tampered, atomically: true, encoding: .utf8)
        pairs.append((tampered, QuorumProcess.repository.appendingPathComponent("schema/output/eval.schema.json").path))

        let results = try Self.validate(pairs)
        for (file, schema) in pairs.dropLast() { #expect(results[file] == "ok", "\(file) against \(schema): \(results[file] ?? "not checked")") }
        #expect(results[tampered]?.contains("Additional properties") == true, "\(results[tampered] ?? "not checked")")

        // The figures agree with themselves, not only with the shape.
        let broken = outputs["validate hong.yaml"] as? [String: Any]
        let diagnostics = broken?["diagnostics"] as? [[String: Any]] ?? []
        #expect(broken?["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count && !diagnostics.isEmpty)
        #expect(diagnostics.contains { $0["code"] as? String == "unknown-key" && $0["line"] as? Int == 2 })
        #expect((outputs["eval [1, 2].size() > 1"] as? [String: String]) == ["expression": "[1, 2].size() > 1", "result": "true", "type": "bool"])
        let verified = outputs["verify \(instance)"] as? [String: Any]
        #expect(verified?["intact"] as? Bool == true && (verified?["events"] as? Int ?? 0) > 10)
    }

    /// Runs Python's jsonschema over each (JSON file, schema) pair: "ok" or the problems.
    static func validate(_ pairs: [(String, String)]) throws -> [String: String] {
        let script = """
            import json, sys, jsonschema
            args = sys.argv[1:]
            for file, schema in zip(args[::2], args[1::2]):
                jsonschema.Draft7Validator.check_schema(json.load(open(schema)))
                errors = sorted(jsonschema.Draft7Validator(json.load(open(schema))).iter_errors(json.load(open(file))), key=str)
                print(json.dumps([file, "ok" if not errors else "; ".join(e.message for e in errors[:5])]))
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
        #expect(process.terminationStatus == 0, "python3 with jsonschema is needed: \(failure)")
        var results: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if let pair = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String] { results[pair[0]] = pair[1] }
        }
        return results
    }
}
