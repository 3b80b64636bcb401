import Foundation

/// Writes a format's shape as a JSON Schema (draft-07), for editors with a YAML language server.
public enum JSONSchemaWriter {
    public enum Format: String, CaseIterable, Sendable {
        case workflow
        case rules
        case results
        case roster
        case scenario
        case calendar
        case decision
        case rosterFormat = "roster-format"

        var shape: Shape {
            switch self {
            case .workflow: FormatShapes.workflow
            case .rules: FormatShapes.ruleSet
            case .results: FormatShapes.results
            case .roster: FormatShapes.roster
            case .scenario: FormatShapes.scenario
            case .calendar: FormatShapes.calendar
            case .decision: FormatShapes.decision
            case .rosterFormat: FormatShapes.rosterFormat
            }
        }

        var title: String {
            switch self {
            case .workflow: "Quorum workflow definition"
            case .rules: "Quorum rule set"
            case .results: "Quorum meeting results"
            case .roster: "Quorum candidates' roster"
            case .scenario: "Quorum what-if scenario"
            case .calendar: "Quorum working calendar"
            case .decision: "Quorum body decision"
            case .rosterFormat: "Quorum roster columns and values"
            }
        }
        public var fileName: String { "\(rawValue).schema.json" }
    }

    public static func schema(for format: Format) -> String {
        var root = json(format.shape)
        root["$schema"] = "http://json-schema.org/draft-07/schema#"
        root["$id"] = "https://quorum.invalid/schema/\(format.fileName)"
        root["title"] = format.title
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func json(_ shape: Shape) -> [String: Any] {
        var schema: [String: Any] = ["description": shape.summary]
        switch shape {
        case .any:
            break
        case .string(_, let pattern):
            schema["type"] = "string"
            if let pattern { schema["pattern"] = pattern }
        case .choice(let options, _):
            schema["type"] = "string"
            schema["enum"] = options
        case .integer(_, let minimum):
            schema["type"] = "integer"
            if let minimum { schema["minimum"] = minimum }
        case .boolean:
            schema["type"] = "boolean"
        case .list(let element, _):
            schema["type"] = "array"
            schema["items"] = json(element)
        case .dictionary(let value, _):
            schema["type"] = "object"
            schema["additionalProperties"] = json(value)
        case .object(let fields, _):
            schema["type"] = "object"
            schema["additionalProperties"] = false
            schema["properties"] = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, json($0.shape)) })
            let required = fields.filter(\.required).map(\.name)
            if !required.isEmpty { schema["required"] = required }
        }
        return schema
    }
}
