/// `optional.of`, `optional.none`, `optional.ofNonZeroValue`, and `hasValue`, `value`, `orValue`, `or`.
enum Optionals {
    static let functions: [String: [Int: Library.Implementation]] = [
        "optional.of": [1: .unary { .optional($0) }],
        "optional.none": [0: .nullary { .optional(nil) }],
        "optional.ofNonZeroValue": [1: .unary { isZero($0) ? .optional(nil) : .optional($0) }],
        "hasValue": [1: .unary { value in
            guard case .optional(let wrapped) = value else { return .noOverload("hasValue", value) }
            return .bool(wrapped != nil)
        }],
        "value": [1: .unary { value in
            guard case .optional(let wrapped) = value else { return .noOverload("value", value) }
            return wrapped ?? .fail("optional.none() has no value")
        }],
        "orValue": [2: .binary { value, fallback in
            guard case .optional(let wrapped) = value else { return .noOverload("orValue", value, fallback) }
            return wrapped ?? fallback
        }],
        "or": [2: .binary { value, other in
            guard case .optional(let wrapped) = value, case .optional = other else { return .noOverload("or", value, other) }
            return wrapped == nil ? other : value
        }],
    ]

    /// The zero value of each type: 0, "", false, null, empty lists and maps.
    static func isZero(_ value: Value) -> Bool {
        switch value {
        case .null: true
        case .bool(let flag): !flag
        case .int(let number): number == 0
        case .uint(let number): number == 0
        case .double(let number): number == 0
        case .string(let text): text.isEmpty
        case .bytes(let bytes): bytes.isEmpty
        case .list(let elements): elements.isEmpty
        case .map(let map): map.isEmpty
        case .timestamp(let time): time.seconds == 0 && time.nanos == 0
        case .duration(let span): span.seconds == 0 && span.nanos == 0
        default: false
        }
    }
}
