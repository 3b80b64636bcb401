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
