/// A parsed CEL expression. Operators are calls named as in the CEL specification (`_+_`, `!_`, `_?_:_`, `@in`).
public indirect enum Expr: Sendable, Equatable {
    case literal(Value)
    case identifier(String)
    /// `e.f`, or `e.?f` when `optional`.
    case select(Expr, field: String, optional: Bool)
    /// `has(e.f)`.
    case presence(Expr, field: String)
    /// `e[i]`, or `e[?i]` when `optional`.
    case index(Expr, Expr, optional: Bool)
    case call(String, target: Expr?, arguments: [Expr])
    /// List elements marked `?` are optionals, included only when they hold a value.
    case list([Expr], optional: [Bool])
    case map([MapEntry])
    case comprehension(Comprehension)

    public struct MapEntry: Sendable, Equatable {
        public let key: Expr
        public let value: Expr
        public let optional: Bool
    }
}

/// A macro over a list, a map or an optional, such as `people.all(p, p.age >= 30)`.
public struct Comprehension: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case all, exists, existsOne, map, filter, transformList, transformMap, optMap, optFlatMap
    }

    public let kind: Kind
    public let range: Expr
    /// One variable (the element, or the key of a map), or two (index or key, then value).
    public let variables: [String]
    public let filter: Expr?
    public let body: Expr
}

extension Expr {
    /// The names the expression reads that it does not bind itself (a comprehension binds its variables).
    var freeNames: Set<String> {
        switch self {
        case .literal: []
        case .identifier(let name): [name]
        case .select(let operand, _, _), .presence(let operand, _): operand.freeNames
        case .index(let operand, let key, _): operand.freeNames.union(key.freeNames)
        case .call(_, let target, let arguments): arguments.reduce(target?.freeNames ?? []) { $0.union($1.freeNames) }
        case .list(let elements, _): elements.reduce([]) { $0.union($1.freeNames) }
        case .map(let entries): entries.reduce([]) { $0.union($1.key.freeNames).union($1.value.freeNames) }
        case .comprehension(let inner):
            inner.range.freeNames.union(inner.body.freeNames.union(inner.filter?.freeNames ?? []).subtracting(inner.variables))
        }
    }
}
