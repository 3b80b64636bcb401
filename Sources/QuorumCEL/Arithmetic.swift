/// `+ - * / %` and negation, with 64-bit overflow reported as an error, never trapped.
enum Arithmetic {
    static func add(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case let (.int(a), .int(b)): return checked(a.addingReportingOverflow(b))
        case let (.uint(a), .uint(b)): return checked(a.addingReportingOverflow(b))
        case let (.double(a), .double(b)): return .double(a + b)
        case let (.string(a), .string(b)): return .string(a + b)
        case let (.bytes(a), .bytes(b)): return .bytes(a + b)
        case let (.list(a), .list(b)): return .list(a + b)
        case let (.timestamp(a), .duration(b)), let (.duration(b), .timestamp(a)): return shift(a, by: b, sign: 1)
        case let (.duration(a), .duration(b)): return span(a, b, sign: 1)
        default: return .noOverload("_+_", left, right)
        }
    }

    static func subtract(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case let (.int(a), .int(b)): return checked(a.subtractingReportingOverflow(b))
        case let (.uint(a), .uint(b)): return checked(a.subtractingReportingOverflow(b))
        case let (.double(a), .double(b)): return .double(a - b)
        case let (.timestamp(a), .duration(b)): return shift(a, by: b, sign: -1)
        case let (.duration(a), .duration(b)): return span(a, b, sign: -1)
        case let (.timestamp(a), .timestamp(b)):
            return Duration(seconds: a.seconds - b.seconds, nanos: Int64(a.nanos) - Int64(b.nanos)).map(Value.duration) ?? .fail("range error: duration out of range")
        default: return .noOverload("_-_", left, right)
        }
    }

    static func multiply(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case let (.int(a), .int(b)): return checked(a.multipliedReportingOverflow(by: b))
        case let (.uint(a), .uint(b)): return checked(a.multipliedReportingOverflow(by: b))
        case let (.double(a), .double(b)): return .double(a * b)
        default: return .noOverload("_*_", left, right)
        }
    }

    static func divide(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.int, .int(0)), (.uint, .uint(0)): return .fail("divide by zero")
        case let (.int(a), .int(b)): return checked(a.dividedReportingOverflow(by: b))
        case let (.uint(a), .uint(b)): return .uint(a / b)
        case let (.double(a), .double(b)): return .double(a / b)
        default: return .noOverload("_/_", left, right)
        }
    }

    static func remainder(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.int, .int(0)), (.uint, .uint(0)): return .fail("modulus by zero")
        case let (.int(a), .int(b)): return checked(a.remainderReportingOverflow(dividingBy: b))
        case let (.uint(a), .uint(b)): return .uint(a % b)
        default: return .noOverload("_%_", left, right)
        }
    }

    static func negate(_ value: Value) -> Value {
        switch value {
        case .int(let a): return a == .min ? .fail("integer overflow in negation") : .int(-a)
        case .double(let a): return .double(-a)
        default: return .noOverload("-_", value)
        }
    }

    private static func checked(_ result: (partialValue: Int64, overflow: Bool)) -> Value {
        result.overflow ? .fail("integer overflow") : .int(result.partialValue)
    }

    private static func checked(_ result: (partialValue: UInt64, overflow: Bool)) -> Value {
        result.overflow ? .fail("unsigned integer overflow") : .uint(result.partialValue)
    }

    private static func shift(_ time: Timestamp, by span: Duration, sign: Int64) -> Value {
        Timestamp(seconds: time.seconds + sign * span.seconds, nanos: 0).flatMap { base in
            let nanos = Int64(base.nanos) + Int64(time.nanos) + sign * Int64(span.nanos)
            let carry = nanos.floorDivided(by: 1_000_000_000)
            return Timestamp(seconds: base.seconds + carry.quotient, nanos: Int32(carry.remainder))
        }.map(Value.timestamp) ?? .fail("range error: timestamp out of range")
    }

    private static func span(_ a: Duration, _ b: Duration, sign: Int64) -> Value {
        Duration(seconds: a.seconds + sign * b.seconds, nanos: Int64(a.nanos) + sign * Int64(b.nanos))
            .map(Value.duration) ?? .fail("range error: duration out of range")
    }
}
