/// A Pratt parser for CEL, with CEL's precedence: `?:` < `||` < `&&` < relations < `+ -` < `* / %` < unary < member.
public struct Parser {
    private let source: [Unicode.Scalar]
    private var tokens: [Token] = []
    private var index = 0
    private var depth = 0
    private let macros: Bool

    static let maximumDepth = 250
    /// The longest expression read, in Unicode scalars, as the reference implementations limit it.
    static let maximumLength = 100_000
    static let reserved: Set<String> = ["as", "break", "const", "continue", "else", "for", "function", "if", "import",
                                        "let", "loop", "package", "namespace", "return", "var", "void", "while"]

    public static func parse(_ text: String, macros: Bool = true) throws(SyntaxError) -> Expr {
        var parser = Parser(source: Array(text.unicodeScalars), macros: macros)
        guard parser.source.count <= maximumLength else {
            throw SyntaxError("the expression is longer than \(maximumLength) characters", at: 0, in: [])
        }
        var lexer = Lexer(parser.source)
        parser.tokens = try lexer.tokens()
        let expression = try parser.expression()
        guard parser.current.kind == .end else { throw parser.error("unexpected \(parser.describe(parser.current)) after the expression") }
        return expression
    }

    private init(source: [Unicode.Scalar], macros: Bool) {
        self.source = source
        self.macros = macros
    }

    private var current: Token { tokens[index] }

    private func error(_ message: String, at token: Token? = nil) -> SyntaxError {
        SyntaxError(message, at: (token ?? current).offset, in: source)
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: "end of expression"
        case .punctuation(let text): "'\(text)'"
        case .identifier(let name): "'\(name)'"
        default: "literal"
        }
    }

    private mutating func take(_ symbol: String) -> Bool {
        guard current.punctuation == symbol else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ symbol: String) throws(SyntaxError) {
        guard take(symbol) else { throw error("expected '\(symbol)' but found \(describe(current))") }
    }

    private mutating func nested<T>(_ body: (inout Parser) throws(SyntaxError) -> T) throws(SyntaxError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("the expression is nested too deeply") }
        return try body(&self)
    }

    mutating func expression() throws(SyntaxError) -> Expr {
        try nested { parser throws(SyntaxError) in
            let condition = try parser.binary(0)
            guard parser.take("?") else { return condition }
            let then = try parser.binary(0)
            try parser.expect(":")
            let otherwise = try parser.expression()
            return .call("_?_:_", target: nil, arguments: [condition, then, otherwise])
        }
    }

    private static let binaryLevels: [[String: String]] = [
        ["||": "_||_"],
        ["&&": "_&&_"],
        ["==": "_==_", "!=": "_!=_", "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_", "in": "@in"],
        ["+": "_+_", "-": "_-_"],
        ["*": "_*_", "/": "_/_", "%": "_%_"],
    ]

    private mutating func binary(_ level: Int) throws(SyntaxError) -> Expr {
        guard level < Self.binaryLevels.count else { return try unary() }
        var left = try binary(level + 1)
        var operands = 1
        while true {
            let symbol: String? = switch current.kind {
            case .punctuation(let text): text
            case .identifier("in"): "in"
            default: nil
            }
            guard let symbol, let function = Self.binaryLevels[level][symbol] else { return left }
            index += 1
            // A chain `a + b + c …` nests to the left: it counts towards the depth like parentheses do.
            operands += 1
            guard depth + operands <= Self.maximumDepth else { throw error("the expression is nested too deeply") }
            let right = try nested { parser throws(SyntaxError) in try parser.binary(level + 1) }
            left = .call(function, target: nil, arguments: [left, right])
        }
    }

    private mutating func unary() throws(SyntaxError) -> Expr {
        if take("!") { return .call("!_", target: nil, arguments: [try nested { p throws(SyntaxError) in try p.unary() }]) }
        if current.punctuation == "-" {
            index += 1
            switch current.kind {
            case .int(let value) where tokens[index + 1].punctuation.map({ $0 != "." && $0 != "[" && $0 != ".?" && $0 != "[?" }) ?? true:
                index += 1
                return .literal(.int(-value))
            case .minimumMagnitude:
                index += 1
                return try member(.literal(.int(.min)))
            default:
                return .call("-_", target: nil, arguments: [try nested { p throws(SyntaxError) in try p.unary() }])
            }
        }
        return try member(try primary())
    }

    private mutating func member(_ base: Expr) throws(SyntaxError) -> Expr {
        var result = base
        while true {
            if take(".") || current.punctuation == ".?" {
                let optional = take(".?")
                let name: String
                switch current.kind {
                case .identifier(let field), .quotedIdentifier(let field): name = field
                default: throw error("expected a field name after '.'")
                }
                let nameToken = current
                index += 1
                if !optional, nameToken.kind == .identifier(name), take("(") {
                    let arguments = try arguments(closing: ")")
                    let expanded = try macros ? Macros.receiver(name, target: result, arguments: arguments) { message in
                        SyntaxError(message, at: nameToken.offset, in: source)
                    } : nil
                    result = expanded ?? .call(name, target: result, arguments: arguments)
                } else {
                    result = .select(result, field: name, optional: optional)
                }
            } else if current.punctuation == "[" || current.punctuation == "[?" {
                let optional = current.punctuation == "[?"
                index += 1
                let key = try expression()
                try expect("]")
                result = .index(result, key, optional: optional)
            } else {
                return result
            }
        }
    }

    private mutating func arguments(closing: String) throws(SyntaxError) -> [Expr] {
        var arguments: [Expr] = []
        if take(closing) { return arguments }
        repeat { arguments.append(try expression()) } while take(",") && current.punctuation != closing
        try expect(closing)
        return arguments
    }

    private mutating func primary() throws(SyntaxError) -> Expr {
        let token = current
        index += 1
        switch token.kind {
        case .int(let value): return .literal(.int(value))
        case .minimumMagnitude: throw error("integer out of range", at: token)
        case .uint(let value): return .literal(.uint(value))
        case .double(let value): return .literal(.double(value))
        case .string(let value): return .literal(.string(value))
        case .bytes(let value): return .literal(.bytes(value))
        case .identifier(let name): return try identifier(name, at: token)
        case .punctuation("."):
            guard case .identifier(let name) = current.kind else { throw error("expected an identifier after '.'") }
            index += 1
            return try identifier(name, at: token)
        case .punctuation("("):
            let inner = try expression()
            try expect(")")
            return inner
        case .punctuation("["): return try list(firstOptional: false)
        case .punctuation("[?"): return try list(firstOptional: true)
        case .punctuation("{"): return try map()
        default: throw error("unexpected \(describe(token))", at: token)
        }
    }

    private mutating func identifier(_ name: String, at token: Token) throws(SyntaxError) -> Expr {
        switch name {
        case "true": return .literal(.bool(true))
        case "false": return .literal(.bool(false))
        case "null": return .literal(.null)
        default: break
        }
        if Self.reserved.contains(name) || name == "in" { throw error("'\(name)' is a reserved word", at: token) }
        guard take("(") else { return .identifier(name) }
        let arguments = try arguments(closing: ")")
        if macros, name == "has" {
            guard arguments.count == 1, case .select(let operand, let field, false) = arguments[0] else {
                throw error("has() takes a field selection such as has(person.degree)", at: token)
            }
            return .presence(operand, field: field)
        }
        return .call(name, target: nil, arguments: arguments)
    }

    /// The lexer reads `[?` as one token, so a list whose first element is optional arrives with it taken.
    private mutating func list(firstOptional: Bool) throws(SyntaxError) -> Expr {
        var elements: [Expr] = [], optional: [Bool] = []
        var pendingOptional = firstOptional
        while pendingOptional || !take("]") {
            optional.append(take("?") || pendingOptional)
            pendingOptional = false
            elements.append(try expression())
            if !take(",") { try expect("]"); break }
        }
        return .list(elements, optional: optional)
    }

    private mutating func map() throws(SyntaxError) -> Expr {
        var entries: [Expr.MapEntry] = []
        while !take("}") {
            let optional = take("?")
            let key = try expression()
            try expect(":")
            entries.append(Expr.MapEntry(key: key, value: try expression(), optional: optional))
            if !take(",") { try expect("}"); break }
        }
        return .map(entries)
    }
}
