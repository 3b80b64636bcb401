/// The macros' loops: `all`, `exists`, `exists_one`, `map`, `filter`, `transformList`, `transformMap`, `optMap`,
/// `optFlatMap`. Quantifiers follow CEL's error rules: a decisive element wins over errors in other elements.
enum Comprehensions {
    static func run(_ kind: Comprehension.Kind, over range: Value, slots: [Int], filter: Program.Node?,
                    body: Program.Node, frame: inout Frame) -> Value {
        if case .error = range { return range }
        if kind == .optMap || kind == .optFlatMap {
            guard case .optional(let wrapped) = range else { return .noOverload(kind.rawValue, range) }
            guard let wrapped else { return range }
            frame.locals[slots[0]] = wrapped
            let result = body(&frame)
            if kind == .optMap || result.isError { return result.isError ? result : .optional(result) }
            guard case .optional = result else { return .fail("optFlatMap() must return an optional value") }
            return result
        }
        let isMap = if case .map = range { true } else { false }
        var firstError: Value?
        var count = 0
        var collected: [Value] = []
        var transformed = CELMap()
        /// One step of the loop: nil to go on, or the comprehension's result when this element decides it.
        func step(_ key: Value, _ value: Value) -> Value? {
            frame.budget -= 1
            if frame.budget < 0 {
                return .fail("the evaluation exceeds its cost limit of \(Frame.maximumSteps) comprehension steps")
            }
            if slots.count == 2 {
                frame.locals[slots[0]] = key
                frame.locals[slots[1]] = value
            } else {
                frame.locals[slots[0]] = isMap ? key : value
            }
            if let filter {
                switch filter(&frame) {
                case .bool(true): break
                case .bool(false): return nil
                case let other: return other.isError ? other : .noOverload(kind.rawValue, other)
                }
            }
            let result = body(&frame)
            switch kind {
            case .all, .exists:
                let decisive = kind == .exists
                if case .bool(decisive) = result { return result }
                if case .bool = result { return nil }
                firstError = firstError ?? (result.isError ? result : .noOverload(kind.rawValue, result))
            case .existsOne:
                guard case .bool(let flag) = result else { return result.isError ? result : .noOverload(kind.rawValue, result) }
                if flag { count += 1 }
            case .map, .transformList:
                if result.isError { return result }
                collected.append(result)
            case .filter:
                guard case .bool(let keep) = result else { return result.isError ? result : .noOverload(kind.rawValue, result) }
                if keep { collected.append(isMap ? key : value) }
            case .transformMap:
                if result.isError { return result }
                _ = transformed.insert(key, result)
            case .optMap, .optFlatMap:
                break
            }
            return nil
        }
        switch range {
        case .list(let elements):
            if kind != .all, kind != .exists, kind != .existsOne { collected.reserveCapacity(elements.count) }
            for index in elements.indices { if let result = step(.int(Int64(index)), elements[index]) { return result } }
        case .map(let map):
            for entry in map.entries { if let result = step(entry.key, entry.value) { return result } }
        default:
            return .noOverload(kind.rawValue, range)
        }
        switch kind {
        case .all, .exists: return firstError ?? .bool(kind == .all)
        case .existsOne: return .bool(count == 1)
        case .transformMap: return .map(transformed)
        default: return .list(collected)
        }
    }
}
