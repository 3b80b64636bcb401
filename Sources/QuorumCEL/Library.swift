/// The standard functions by name and number of arguments (a receiver counts as the first argument).
enum Library {
    enum Implementation: Sendable {
        case unary(@Sendable (Value) -> Value)
        case binary(@Sendable (Value, Value) -> Value)
        case ternary(@Sendable (Value, Value, Value) -> Value)
        case nullary(@Sendable () -> Value)
    }

    static func function(_ name: String, arity: Int) -> Implementation? { table[name]?[arity] }

    /// Calls a function; an error argument is the result, before the function runs.
    static func call(_ function: Implementation, _ arguments: [Value]) -> Value {
        for argument in arguments { if case .error = argument { return argument } }
        switch function {
        case .nullary(let body): return body()
        case .unary(let body): return body(arguments[0])
        case .binary(let body): return body(arguments[0], arguments[1])
        case .ternary(let body): return body(arguments[0], arguments[1], arguments[2])
        }
    }

    static let table: [String: [Int: Implementation]] = {
        var table: [String: [Int: Implementation]] = [
            "_+_": [2: .binary(Arithmetic.add)],
            "_-_": [2: .binary(Arithmetic.subtract)],
            "_*_": [2: .binary(Arithmetic.multiply)],
            "_/_": [2: .binary(Arithmetic.divide)],
            "_%_": [2: .binary(Arithmetic.remainder)],
            "-_": [1: .unary(Arithmetic.negate)],
            "!_": [1: .unary { value in if case .bool(let flag) = value { .bool(!flag) } else { .noOverload("!_", value) } }],
            "_==_": [2: .binary(Value.equal)],
            "_!=_": [2: .binary { left, right in
                if case .bool(let equal) = Value.equal(left, right) { return .bool(!equal) }
                return Value.equal(left, right)
            }],
            "_<_": [2: .binary { Value.order("_<_", $0, $1) { $0 < 0 } }],
            "_<=_": [2: .binary { Value.order("_<=_", $0, $1) { $0 <= 0 } }],
            "_>_": [2: .binary { Value.order("_>_", $0, $1) { $0 > 0 } }],
            "_>=_": [2: .binary { Value.order("_>=_", $0, $1) { $0 >= 0 } }],
            "@in": [2: .binary(membership)],
            "size": [1: .unary(size)],
            "dyn": [1: .unary { $0 }],
            "type": [1: .unary { .type($0.type) }],
        ]
        for (name, overloads) in Strings.functions.merging(Conversions.functions, uniquingKeysWith: { $1 })
            .merging(TimeFunctions.functions, uniquingKeysWith: { $1 }).merging(Optionals.functions, uniquingKeysWith: { $1 }) {
            table[name, default: [:]].merge(overloads) { $1 }
        }
        return table
    }()

    static func size(_ value: Value) -> Value {
        switch value {
        case .string(let text): .int(Int64(text.unicodeScalars.count))
        case .bytes(let bytes): .int(Int64(bytes.count))
        case .list(let elements): .int(Int64(elements.count))
        case .map(let map): .int(Int64(map.count))
        default: .noOverload("size", value)
        }
    }

    static func membership(_ element: Value, _ container: Value) -> Value {
        switch (element, container) {
        case let (.string(text), .list(elements)):
            .bool(elements.contains { if case .string(let other) = $0 { Strings.identical(text, other) } else { false } })
        case let (_, .list(elements)): .bool(elements.contains { Value.isEqual(element, $0) })
        case let (_, .map(map)): .bool(map[element] != nil)
        default: .noOverload("@in", element, container)
        }
    }
}
