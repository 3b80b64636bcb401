/// Field selection, presence tests and indexing, including optional chaining (`.?f`, `[?k]`, and selection on
/// an optional value).
enum Access {
    static func select(_ base: Value, _ slot: FieldSlot, optional: Bool) -> Value {
        switch base {
        case .error:
            return base
        case .optional(let wrapped):
            guard let wrapped else { return .optional(nil) }
            return select(wrapped, slot, optional: true)
        case .map(let map):
            if let value = slot.value(in: map) { return optional ? .optional(value) : value }
            return optional ? .optional(nil) : .fail("no such key: '\(slot.field)'")
        default:
            return .fail("type '\(base.type)' does not support field selection")
        }
    }

    static func presence(_ base: Value, _ slot: FieldSlot) -> Value {
        switch base {
        case .error: base
        case .optional(let wrapped): wrapped.map { presence($0, slot) } ?? .bool(false)
        case .map(let map): .bool(slot.value(in: map) != nil)
        default: .fail("type '\(base.type)' does not support field selection")
        }
    }

    static func index(_ base: Value, _ key: Value, optional: Bool) -> Value {
        if case .error = key { return key }
        switch base {
        case .error:
            return base
        case .optional(let wrapped):
            guard let wrapped else { return .optional(nil) }
            return index(wrapped, key, optional: true)
        case .list(let elements):
            guard let position = position(key) else { return .noOverload("_[_]", base, key) }
            guard position >= 0, position < elements.count else {
                return optional ? .optional(nil) : .fail("index out of range: \(position)")
            }
            return optional ? .optional(elements[position]) : elements[position]
        case .map(let map):
            if let value = map[key] { return optional ? .optional(value) : value }
            return optional ? .optional(nil) : .fail("no such key: \(key.literal)")
        default:
            return .noOverload("_[_]", base, key)
        }
    }

    /// A list index: an int, a uint, or a double with no fraction.
    private static func position(_ key: Value) -> Int? {
        switch key {
        case .int(let number): Int(number)
        case .uint(let number): Int(exactly: number)
        case .double(let number) where number.rounded() == number: Int(exactly: number)
        default: nil
        }
    }
}

/// List and map literals, with optional entries (`[?x]`, `{?k: v}`) kept only when they hold a value.
enum Construct {
    static func list(_ values: [Value], optional: [Bool]) -> Value {
        var elements: [Value] = []
        elements.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            if case .error = value { return value }
            guard optional[index] else { elements.append(value); continue }
            guard case .optional(let wrapped) = value else { return .fail("a '?' list element must be an optional value") }
            if let wrapped { elements.append(wrapped) }
        }
        return .list(elements)
    }

    static func map(_ pairs: [(Value, Value)], optional: [Bool]) -> Value {
        var map = CELMap()
        for (index, (key, value)) in pairs.enumerated() {
            if case .error = key { return key }
            if case .error = value { return value }
            var entry = value
            if optional[index] {
                guard case .optional(let wrapped) = value else { return .fail("a '?' map entry must have an optional value") }
                guard let wrapped else { continue }
                entry = wrapped
            }
            if let error = map.insert(key, entry) { return .error(error) }
        }
        return .map(map)
    }
}

/// `&&` and `||`, commutative over errors: `false && error` and `error && false` are both `false`.
enum Logic {
    static func shortCircuit(_ left: Value, _ right: () -> Value, decisive: Bool) -> Value {
        if case .bool(decisive) = left { return left }
        let other = right()
        if case .bool(decisive) = other { return other }
        switch (left, other) {
        case (.bool, .bool): return .bool(!decisive)
        case (.error, _): return left
        case (_, .error): return other
        default: return .noOverload(decisive ? "_||_" : "_&&_", left, other)
        }
    }
}
