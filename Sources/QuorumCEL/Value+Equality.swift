/// CEL's heterogeneous equality and ordering: numbers compare by value across int, uint and double; other
/// values of different types are unequal, and ordering them is an error.
extension Value {
    static func equal(_ left: Value, _ right: Value) -> Value {
        if case .error = left { return left }
        if case .error = right { return right }
        return .bool(isEqual(left, right))
    }

    static func isEqual(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        // Code-point equality, without Unicode normalisation, as CEL requires; UTF-8 bytes compare the same.
        case let (.string(a), .string(b)): return Strings.identical(a, b)
        case let (.bytes(a), .bytes(b)): return a == b
        case let (.type(a), .type(b)): return a == b
        case let (.timestamp(a), .timestamp(b)): return a == b
        case let (.duration(a), .duration(b)): return a == b
        case let (.list(a), .list(b)): return a.count == b.count && zip(a, b).allSatisfy { isEqual($0, $1) }
        case let (.map(a), .map(b)):
            return a.count == b.count && a.entries.allSatisfy { entry in b[entry.key].map { isEqual(entry.value, $0) } ?? false }
        case let (.optional(a), .optional(b)):
            switch (a, b) {
            case (nil, nil): return true
            case let (a?, b?): return isEqual(a, b)
            default: return false
            }
        default:
            return compareNumbers(left, right) == .some(0)
        }
    }

    /// -1, 0 or 1 for two numbers of any numeric types; nil when either is not a number or NaN is involved.
    static func compareNumbers(_ left: Value, _ right: Value) -> Int? {
        switch (left, right) {
        case let (.int(a), .int(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.uint(a), .uint(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.double(a), .double(b)): return a.isNaN || b.isNaN ? nil : (a < b ? -1 : (a == b ? 0 : 1))
        case let (.int(a), .uint(b)): return a < 0 ? -1 : compareNumbers(.uint(UInt64(a)), .uint(b))
        case let (.uint(a), .int(b)): return compareNumbers(.int(b), .uint(a)).map { -$0 }
        // As the reference implementation and the conformance tests do: the integer is converted to double.
        case let (.int(a), .double(b)): return compareNumbers(.double(Double(a)), .double(b))
        case let (.uint(a), .double(b)): return compareNumbers(.double(Double(a)), .double(b))
        case (.double, .int), (.double, .uint): return compareNumbers(right, left).map { -$0 }
        default: return nil
        }
    }

    /// `_<_` and friends: numbers across types, and strings, bytes, bools, timestamps, durations within their type.
    static func order(_ function: String, _ left: Value, _ right: Value, _ accept: (Int) -> Bool) -> Value {
        if case .error = left { return left }
        if case .error = right { return right }
        let result: Int?
        switch (left, right) {
        case let (.string(a), .string(b)): result = a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : (isEqual(left, right) ? 0 : 1)
        case let (.bytes(a), .bytes(b)): result = a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)
        case let (.bool(a), .bool(b)): result = a == b ? 0 : (a ? 1 : -1)
        case let (.timestamp(a), .timestamp(b)): result = a < b ? -1 : (a == b ? 0 : 1)
        case let (.duration(a), .duration(b)): result = a < b ? -1 : (a == b ? 0 : 1)
        default:
            switch (left, right) {
            case (.int, .int), (.int, .uint), (.int, .double), (.uint, .int), (.uint, .uint), (.uint, .double),
                 (.double, .int), (.double, .uint), (.double, .double):
                guard let order = compareNumbers(left, right) else { return .bool(false) }
                result = order
            default:
                return .noOverload(function, left, right)
            }
        }
        return .bool(accept(result!))
    }
}
