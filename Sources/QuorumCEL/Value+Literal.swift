/// Printing values as CEL literals: `1u`, `"text"`, `b"\xff"`, `[1, 2]`, `{"a": 1}`, `timestamp("…")`.
extension Value: CustomStringConvertible {
    public var description: String { literal }

    public var literal: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .uint(let number): return "\(number)u"
        case .double(let number): return Self.formatLiteral(number)
        case .string(let text): return Self.quote(text)
        case .bytes(let bytes): return "b\"" + bytes.map(Self.escape).joined() + "\""
        case .list(let elements): return "[" + elements.map(\.literal).joined(separator: ", ") + "]"
        case .map(let map): return "{" + map.entries.map { "\($0.key.literal): \($0.value.literal)" }.joined(separator: ", ") + "}"
        case .type(let type): return type.name
        case .timestamp(let time): return "timestamp(\"\(time.rfc3339)\")"
        case .duration(let span): return "duration(\"\(span.text)\")"
        case .optional(let wrapped): return wrapped.map { "optional.of(\($0.literal))" } ?? "optional.none()"
        case .error(let error): return "error(\(Self.quote(error.message)))"
        }
    }

    /// Shortest text that reads back as the same double, as `string(x)` gives it.
    static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number > 0 ? "Infinity" : "-Infinity" }
        let text = number.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A double literal always shows it is a double: `1.0`, `1e+100`, `double("NaN")`.
    static func formatLiteral(_ number: Double) -> String {
        if !number.isFinite { return "double(\"\(format(number))\")" }
        let text = number.description
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\x%02x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): "\\\""
        case UInt8(ascii: "\\"): "\\\\"
        case 0x20..<0x7F: String(UnicodeScalar(byte))
        default: String(format: "\\x%02x", byte)
        }
    }
}

/// Structural equality of values, for tests and for comparing expressions; CEL's own `==` is `Value.equal`.
extension Value: Equatable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case let (.double(a), .double(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.error(a), .error(b)): return a == b
        case let (.list(a), .list(b)): return a == b
        case let (.map(a), .map(b)):
            return a.count == b.count && a.entries.allSatisfy { entry in b.entries.contains { $0.key == entry.key && $0.value == entry.value } }
        case let (.optional(a), .optional(b)): return a == b
        default: return lhs.type == rhs.type && isEqual(lhs, rhs)
        }
    }
}

import Foundation
