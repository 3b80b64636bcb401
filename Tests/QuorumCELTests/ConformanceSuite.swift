import Foundation
import QuorumCEL

/// Reads the CEL specification's conformance tests (converted to JSON) and runs them.
struct ConformanceSuite {
    struct Case {
        let file: String
        let section: String
        let name: String
        let expression: String
        let macros: Bool
        let bindings: [String: Value]
        let expected: Expected

        var id: String { "\(file)/\(section)/\(name)" }
    }

    enum Expected {
        case value(Value)
        case error(String)
    }

    struct Outcome {
        let testCase: Case
        let actual: String
        let passed: Bool
    }

    /// The conformance data bundled with the tests (see `Conformance/SOURCE.md`), or another copy named by
    /// `CEL_CONFORMANCE_DIR`.
    static var folder: URL {
        if let path = ProcessInfo.processInfo.environment["CEL_CONFORMANCE_DIR"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")
    }

    static func load() throws -> [Case] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.flatMap { file -> [Case] in
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let tests = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
            return try tests.map { test in
                let expect = test["expect"] as! [String: Any]
                let expected: Expected = if let value = expect["value"] { .value(try decode(value)) }
                    else { .error(expect["error"] as? String ?? "any error") }
                let bindings = try (test["bindings"] as? [String: Any] ?? [:]).mapValues(decode)
                return Case(file: test["file"] as! String, section: test["section"] as! String, name: test["name"] as! String,
                            expression: test["expr"] as! String, macros: !(test["disable_macros"] as? Bool ?? false),
                            bindings: bindings, expected: expected)
            }
        }
    }

    static func run(_ testCase: Case) -> Outcome {
        let result: Value
        do {
            result = try Program(parsing: testCase.expression, macros: testCase.macros).evaluate(testCase.bindings)
        } catch {
            result = .error(EvalError("syntax error: \(error)"))
        }
        let passed = switch testCase.expected {
        case .value(let value): result == value
        case .error: result.isError
        }
        return Outcome(testCase: testCase, actual: result.literal, passed: passed)
    }

    struct FormatError: Error { let text: String }

    /// A conformance VALUE: an object with exactly one key naming the type.
    static func decode(_ json: Any) throws -> Value {
        guard let object = json as? [String: Any], let (kind, payload) = object.first else { throw FormatError(text: "\(json)") }
        switch kind {
        case "null": return .null
        case "bool": return .bool(payload as! Bool)
        case "int": return .int(Int64(payload as! String)!)
        case "uint": return .uint(UInt64(payload as! String)!)
        case "double":
            if let text = payload as? String { return .double(["NaN": .nan, "Infinity": .infinity, "-Infinity": -.infinity][text]!) }
            return .double((payload as! NSNumber).doubleValue)
        case "string": return .string(payload as! String)
        case "bytes": return .bytes(Array(Data(base64Encoded: payload as! String)!))
        case "list": return .list(try (payload as! [Any]).map(decode))
        case "map":
            var map: [(Value, Value)] = []
            for pair in payload as! [[Any]] { map.append((try decode(pair[0]), try decode(pair[1]))) }
            let source = "{" + map.indices.map { "k\($0): v\($0)" }.joined(separator: ", ") + "}"
            var bindings: [String: Value] = [:]
            for (index, entry) in map.enumerated() { bindings["k\(index)"] = entry.0; bindings["v\(index)"] = entry.1 }
            return try Program(parsing: source).evaluate(bindings)
        case "type": return try Program(parsing: "type(x)").evaluate(["x": .null]).typeNamed(payload as! String)
        case "timestamp": return try Program(parsing: "timestamp(t)").evaluate(["t": .string(payload as! String)])
        case "duration": return try Program(parsing: "duration(d)").evaluate(["d": .string(payload as! String)])
        default: throw FormatError(text: kind)
        }
    }
}

private extension Value {
    /// The type value with the given name, as `type(x)` yields it.
    func typeNamed(_ name: String) -> Value {
        let samples: [String: String] = ["int": "1", "uint": "1u", "double": "1.0", "bool": "true", "string": "''", "bytes": "b''",
                                         "list": "[]", "map": "{}", "null_type": "null", "type": "int",
                                         "google.protobuf.Timestamp": "timestamp(0)", "google.protobuf.Duration": "duration('1s')"]
        guard let sample = samples[name], let program = try? Program(parsing: "type(\(sample))") else { return .null }
        return program.evaluate()
    }
}
