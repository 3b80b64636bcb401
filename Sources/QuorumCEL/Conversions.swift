import Foundation

/// `int()`, `uint()`, `double()`, `string()`, `bytes()`, `bool()`, `timestamp()`, `duration()`.
enum Conversions {
    static let functions: [String: [Int: Library.Implementation]] = [
        "int": [1: .unary(int)],
        "uint": [1: .unary(uint)],
        "double": [1: .unary(double)],
        "string": [1: .unary(string)],
        "bytes": [1: .unary(bytes)],
        "bool": [1: .unary(bool)],
        "timestamp": [1: .unary(timestamp)],
        "duration": [1: .unary(duration)],
    ]

    static func int(_ value: Value) -> Value {
        switch value {
        case .int: return value
        case .uint(let number): return Int64(exactly: number).map(Value.int) ?? .fail("range error: \(number)u does not fit an int")
        case .double(let number):
            guard number.isFinite, number > -9.223372036854775808e18, number < 9.223372036854775808e18 else {
                return .fail("range error: \(number) does not fit an int")
            }
            return .int(Int64(number.rounded(.towardZero)))
        case .string(let text): return Int64(text).map(Value.int) ?? .fail("cannot convert '\(text)' to int")
        case .timestamp(let time): return .int(time.seconds)
        default: return .noOverload("int", value)
        }
    }

    static func uint(_ value: Value) -> Value {
        switch value {
        case .uint: return value
        case .int(let number): return UInt64(exactly: number).map(Value.uint) ?? .fail("range error: \(number) does not fit a uint")
        case .double(let number):
            guard number.isFinite, number > -1, number < 1.8446744073709552e19 else { return .fail("range error: \(number) does not fit a uint") }
            return .uint(UInt64(number.rounded(.towardZero)))
        case .string(let text): return UInt64(text).map(Value.uint) ?? .fail("cannot convert '\(text)' to uint")
        default: return .noOverload("uint", value)
        }
    }

    static func double(_ value: Value) -> Value {
        switch value {
        case .double: return value
        case .int(let number): return .double(Double(number))
        case .uint(let number): return .double(Double(number))
        case .string(let text):
            let special: [String: Double] = ["NaN": .nan, "Infinity": .infinity, "-Infinity": -.infinity, "inf": .infinity, "-inf": -.infinity]
            if let number = special[text] { return .double(number) }
            guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.isDigit || "+-.eE".unicodeScalars.contains($0) }),
                  let number = Swift.Double(text) else { return .fail("cannot convert '\(text)' to double") }
            return .double(number)
        default: return .noOverload("double", value)
        }
    }

    static func string(_ value: Value) -> Value {
        switch value {
        case .string: return value
        case .int(let number): return .string(String(number))
        case .uint(let number): return .string(String(number))
        case .double(let number): return .string(Value.format(number))
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .bytes(let data):
            guard let text = String(validating: data, as: UTF8.self) else { return .fail("invalid UTF-8 in bytes") }
            return .string(text)
        case .timestamp(let time): return .string(time.rfc3339)
        case .duration(let span): return .string(span.text)
        default: return .noOverload("string", value)
        }
    }

    static func bytes(_ value: Value) -> Value {
        switch value {
        case .bytes: value
        case .string(let text): .bytes(Array(text.utf8))
        default: .noOverload("bytes", value)
        }
    }

    static func bool(_ value: Value) -> Value {
        switch value {
        case .bool: return value
        case .string(let text):
            if ["1", "t", "true", "TRUE", "True"].contains(text) { return .bool(true) }
            if ["0", "f", "false", "FALSE", "False"].contains(text) { return .bool(false) }
            return .fail("Type conversion error: cannot convert '\(text)' to bool")
        default: return .noOverload("bool", value)
        }
    }

    static func timestamp(_ value: Value) -> Value {
        switch value {
        case .timestamp: value
        case .string(let text): Timestamp(rfc3339: text).map(Value.timestamp) ?? .fail("range or format error: timestamp('\(text)')")
        case .int(let seconds): Timestamp(seconds: seconds).map(Value.timestamp) ?? .fail("range error: timestamp(\(seconds))")
        default: .noOverload("timestamp", value)
        }
    }

    static func duration(_ value: Value) -> Value {
        switch value {
        case .duration: value
        case .string(let text): Duration(parsing: text).map(Value.duration) ?? .fail("range or format error: duration('\(text)')")
        default: .noOverload("duration", value)
        }
    }
}
