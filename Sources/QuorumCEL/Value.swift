import Foundation

/// A CEL value. Errors are values too: `false && (1/0 > 0)` is `false`, and an error only surfaces when it decides
/// the result.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([Value])
    case map(CELMap)
    case type(CELType)
    case timestamp(Timestamp)
    case duration(Duration)
    indirect case optional(Value?)
    case error(EvalError)

    public var type: CELType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .list: .list
        case .map: .map
        case .type: .type
        case .timestamp: .timestamp
        case .duration: .duration
        case .optional: .optional
        case .error: .error
        }
    }

    public var isError: Bool { if case .error = self { true } else { false } }

    static func fail(_ message: String) -> Value { .error(EvalError(message)) }
    static func noOverload(_ function: String, _ arguments: Value...) -> Value {
        .fail("no such overload: \(function)(\(arguments.map(\.type.name).joined(separator: ", ")))")
    }
}

/// A CEL type, as a value (`type(1) == int`).
public struct CELType: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public static let null = CELType(name: "null_type")
    public static let bool = CELType(name: "bool")
    public static let int = CELType(name: "int")
    public static let uint = CELType(name: "uint")
    public static let double = CELType(name: "double")
    public static let string = CELType(name: "string")
    public static let bytes = CELType(name: "bytes")
    public static let list = CELType(name: "list")
    public static let map = CELType(name: "map")
    public static let type = CELType(name: "type")
    public static let timestamp = CELType(name: "google.protobuf.Timestamp")
    public static let duration = CELType(name: "google.protobuf.Duration")
    public static let optional = CELType(name: "optional_type")
    public static let error = CELType(name: "error")

    /// The type names an expression can use as identifiers.
    static let denotable: [String: CELType] = Dictionary(uniqueKeysWithValues:
        [null, bool, int, uint, double, string, bytes, list, map, type, timestamp, duration].map { ($0.name, $0) }
        + [("dyn", CELType(name: "dyn"))])

    public var description: String { name }
}

/// An evaluation error, carried as a value until it decides a result.
public struct EvalError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
