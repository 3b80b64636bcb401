/// Expands receiver-style macros (`list.all(x, p)`) into comprehensions.
enum Macros {
    static func receiver(_ name: String, target: Expr, arguments: [Expr],
                         fail: (String) -> SyntaxError) throws(SyntaxError) -> Expr? {
        let kind: Comprehension.Kind
        let variableCounts: [Int: Bool]
        switch name {
        case "all": (kind, variableCounts) = (.all, [2: false, 3: false])
        case "exists": (kind, variableCounts) = (.exists, [2: false, 3: false])
        case "exists_one", "existsOne": (kind, variableCounts) = (.existsOne, [2: false, 3: false])
        case "map": (kind, variableCounts) = (.map, [2: false, 3: true])
        case "filter": (kind, variableCounts) = (.filter, [2: false])
        case "transformList": (kind, variableCounts) = (.transformList, [3: false, 4: true])
        case "transformMap": (kind, variableCounts) = (.transformMap, [3: false, 4: true])
        case "optMap": (kind, variableCounts) = (.optMap, [2: false])
        case "optFlatMap": (kind, variableCounts) = (.optFlatMap, [2: false])
        default: return nil
        }
        guard let hasFilter = variableCounts[arguments.count] else { return nil }
        let variableCount = name == "map" || name == "filter" || kind == .optMap || kind == .optFlatMap ? 1
            : arguments.count - (hasFilter ? 2 : 1)
        var variables: [String] = []
        for argument in arguments.prefix(variableCount) {
            guard case .identifier(let variable) = argument else {
                throw fail("the first arguments of \(name)() must be simple variable names")
            }
            variables.append(variable)
        }
        return .comprehension(Comprehension(kind: kind, range: target, variables: variables,
                                            filter: hasFilter ? arguments[variableCount] : nil, body: arguments.last!))
    }
}
