/// A compiled expression: parse once, evaluate many times with different variables.
public struct Program: Sendable {
    typealias Node = @Sendable (inout Frame) -> Value

    let root: Node
    let slotCount: Int
    let memoCount: Int
    public let expression: Expr
    /// Variables resolved to positions at compile time, for `evaluate(declared:)`.
    public let declared: [String]

    /// Compiles an expression. Names in `declared` are resolved once, here, so that evaluating with
    /// `evaluate(declared:)` looks nothing up by name. Names in `constants` (a rule's parameters, the cycle) are bound
    /// here to their values, and whatever the expression computes from constants alone is computed here, once; a
    /// declared name that is also a constant reads the constant, not the value given when evaluating.
    public init(_ expression: Expr, declaring declared: [String] = [], constants: [String: Value] = [:]) {
        var compiler = Compiler(declared: declared, constants: constants)
        root = compiler.compile(expression)
        slotCount = compiler.slotCount
        memoCount = compiler.memoCount
        self.expression = expression
        self.declared = declared
    }

    /// Parses and compiles CEL source.
    public init(parsing source: String, macros: Bool = true, declaring declared: [String] = [],
                constants: [String: Value] = [:]) throws(SyntaxError) {
        self.init(try Parser.parse(source, macros: macros), declaring: declared, constants: constants)
    }

    /// Evaluates with the given variables. Never traps: failures come back as `.error` values.
    public func evaluate(_ variables: [String: Value] = [:]) -> Value {
        var frame = Frame(variables: variables, declared: declared.map { variables[$0] ?? .error(EvalError("undeclared reference to '\($0)'")) },
                          slots: slotCount, memos: memoCount)
        return root(&frame)
    }

    /// Evaluates with the values of the declared variables, in the order they were declared: the fast path.
    public func evaluate(declared values: [Value]) -> Value {
        var frame = Frame(variables: [:], declared: values, slots: slotCount, memos: memoCount)
        return root(&frame)
    }
}

/// The variables of one evaluation, and the slots of comprehension variables.
struct Frame {
    let variables: [String: Value]
    let declared: [Value]
    var locals: Locals
    /// The values of loop-invariant sub-expressions, kept for one run of their comprehension.
    var memos: [Value?]
    /// Comprehension steps left before the evaluation stops with an error, as the reference implementations bound
    /// evaluation cost: nested macros over large lists would otherwise take unbounded time and memory.
    var budget = Frame.maximumSteps

    static let maximumSteps = 100_000

    init(variables: [String: Value], declared: [Value], slots: Int, memos: Int) {
        self.variables = variables
        self.declared = declared
        locals = Locals(count: slots)
        self.memos = memos == 0 ? [] : Array(repeating: nil, count: memos)
    }

    /// The slots of comprehension variables: the first two in the frame itself, so that a rule with a macro or two
    /// allocates nothing to evaluate (the allocation was half of a rule with one macro over an empty list).
    struct Locals {
        private var first: Value = .null, second: Value = .null
        private var more: [Value]

        init(count: Int) { more = count > 2 ? Array(repeating: .null, count: count - 2) : [] }

        subscript(slot: Int) -> Value {
            get {
                switch slot {
                case 0: first
                case 1: second
                default: more[slot - 2]
                }
            }
            set {
                switch slot {
                case 0: first = newValue
                case 1: second = newValue
                default: more[slot - 2] = newValue
                }
            }
        }
    }
}

/// Builds the closure tree. Comprehension variables get slots at compile time; other names are looked up at run time.
/// A sub-expression that reads constants only is evaluated here and becomes its value (`[2020, 2019, 2018]` for
/// `cycle.recent_years.filter(y, y >= cycle.year - params.years)` when the cycle and the parameters are constants).
/// A sub-expression of a comprehension's body that does not read the comprehension's variables (`cycle.year -
/// params.years` inside `recent_years.filter(y, y >= cycle.year - params.years)`) is evaluated once per run of the
/// comprehension, when first needed, and kept: CEL has no side effects, so only the repeated work goes.
struct Compiler {
    private(set) var slotCount = 0
    private(set) var memoCount = 0
    /// How many sub-expressions were computed at compile time.
    private(set) var folded = 0
    /// The comprehensions being compiled, innermost last: their variables, and the memo slots of their invariants.
    private var loops: [(variables: Set<String>, memos: [Int])] = []
    private var hoisting = false
    private var scopes: [String: Int] = [:]
    private let declared: [String: Int]
    private let constants: [String: Value]

    init(declared names: [String], constants: [String: Value]) {
        declared = Dictionary(names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.constants = constants
    }

    mutating func compile(_ expression: Expr) -> Program.Node {
        let free = expression.freeNames
        if Self.worthKeeping(expression), free.allSatisfy({ constants[$0] != nil && scopes[$0] == nil }) {
            let node = compileEach(expression)
            var frame = Frame(variables: [:], declared: [], slots: slotCount, memos: memoCount)
            let value = node(&frame)
            folded += 1
            return { _ in value }
        }
        guard !hoisting, let loop = loops.last, Self.worthKeeping(expression), free.isDisjoint(with: loop.variables) else {
            return compileEach(expression)
        }
        let slot = memoCount
        memoCount += 1
        loops[loops.count - 1].memos.append(slot)
        hoisting = true
        let node = compileEach(expression)
        hoisting = false
        return { frame in
            if let value = frame.memos[slot] { return value }
            let value = node(&frame)
            frame.memos[slot] = value
            return value
        }
    }

    /// Work worth computing once, at compile time or once per loop: not a literal, a name or a field read.
    private static func worthKeeping(_ expression: Expr) -> Bool {
        switch expression {
        case .call, .index, .comprehension, .list, .map: true
        case .literal, .identifier, .select, .presence: false
        }
    }

    private mutating func compileEach(_ expression: Expr) -> Program.Node {
        switch expression {
        case .literal(let value):
            return { _ in value }
        case .identifier(let name):
            if let slot = scopes[name] { return { $0.locals[slot] } }
            if let value = constants[name] { return { _ in value } }
            return global([name])
        case .select(let operand, let field, let optional):
            if !optional, let path = qualifiedName(expression) {
                return global(path)
            }
            let base = compile(operand), slot = FieldSlot(field)
            return { frame in Access.select(base(&frame), slot, optional: optional) }
        case .presence(let operand, let field):
            let base = compile(operand), slot = FieldSlot(field)
            return { frame in Access.presence(base(&frame), slot) }
        case .index(let operand, let key, let optional):
            let base = compile(operand), index = compile(key)
            return { frame in
                let container = base(&frame)
                return Access.index(container, index(&frame), optional: optional)
            }
        case .call(let name, let target, let arguments):
            return compileCall(name, target: target, arguments: arguments)
        case .list(let elements, let optional):
            let nodes = elements.map { compile($0) }
            return { frame in Construct.list(nodes.map { $0(&frame) }, optional: optional) }
        case .map(let entries):
            let keys = entries.map { compile($0.key) }, values = entries.map { compile($0.value) }
            let optional = entries.map(\.optional)
            return { frame in
                var pairs: [(Value, Value)] = []
                pairs.reserveCapacity(keys.count)
                for index in keys.indices { pairs.append((keys[index](&frame), values[index](&frame))) }
                return Construct.map(pairs, optional: optional)
            }
        case .comprehension(let comprehension):
            return compileComprehension(comprehension)
        }
    }

    /// `a.b.c` as the name parts, when its root is not a comprehension variable.
    private func qualifiedName(_ expression: Expr) -> [String]? {
        switch expression {
        case .identifier(let name): scopes[name] == nil ? [name] : nil
        case .select(let operand, let field, false): qualifiedName(operand).map { $0 + [field] }
        default: nil
        }
    }

    /// A constant or a declared variable, found at compile time by the longest declared prefix, then its fields selected.
    private mutating func global(_ path: [String]) -> Program.Node {
        if let value = constants[path[0]] {
            // A field of a constant (`params.accepted`) is a constant too: selected here, once.
            let selected = path.dropFirst().map(FieldSlot.init).reduce(value) { Access.select($0, $1, optional: false) }
            folded += 1
            return { _ in selected }
        }
        for length in (1...path.count).reversed() {
            guard let position = declared[path.prefix(length).joined(separator: ".")] else { continue }
            let slots = path.dropFirst(length).map(FieldSlot.init)
            if slots.isEmpty { return { $0.declared[position] } }
            if slots.count == 1 {
                let slot = slots[0]
                return { Access.select($0.declared[position], slot, optional: false) }
            }
            return { frame in slots.reduce(frame.declared[position]) { Access.select($0, $1, optional: false) } }
        }
        return Self.lookup(path)
    }

    /// Resolves `a.b.c` at run time to the longest bound prefix (`a.b.c`, then `a.b` with `.c` selected, then `a`).
    private static func lookup(_ path: [String]) -> Program.Node {
        let candidates = (1...path.count).reversed().map { length in
            (name: path.prefix(length).joined(separator: "."), rest: path.dropFirst(length).map(FieldSlot.init))
        }
        let typeValue = path.count == 1 ? CELType.denotable[path[0]].map(Value.type) : nil
        return { frame in
            for candidate in candidates {
                if var value = frame.variables[candidate.name] {
                    for field in candidate.rest { value = Access.select(value, field, optional: false) }
                    return value
                }
            }
            return typeValue ?? .fail("undeclared reference to '\(path.joined(separator: "."))'")
        }
    }

    private mutating func compileCall(_ name: String, target: Expr?, arguments: [Expr]) -> Program.Node {
        switch (name, arguments.count) {
        case ("_&&_", 2), ("_||_", 2):
            let left = compile(arguments[0]), right = compile(arguments[1])
            let decisive = name == "_||_"
            return { frame in Logic.shortCircuit(left(&frame), { right(&frame) }, decisive: decisive) }
        case ("_?_:_", 3):
            let condition = compile(arguments[0]), then = compile(arguments[1]), otherwise = compile(arguments[2])
            return { frame in
                switch condition(&frame) {
                case .bool(true): then(&frame)
                case .bool(false): otherwise(&frame)
                case .error(let error): .error(error)
                case let other: .noOverload("_?_:_", other)
                }
            }
        default:
            break
        }
        if let target, let qualifier = qualifiedName(target), case let qualified = qualifier.joined(separator: ".") + "." + name,
           let overloads = Library.table[qualified] {
            let nodes = arguments.map { compile($0) }
            guard let function = overloads[nodes.count] else { return Self.noOverload(qualified, nodes) }
            return { frame in Library.call(function, nodes.map { $0(&frame) }) }
        }
        let operands = (target.map { [$0] } ?? []) + arguments
        guard let function = Library.function(name, arity: operands.count) else { return Self.noOverload(name, operands.map { compile($0) }) }
        // Arguments are evaluated in order and the first error is the result, without building an argument array.
        // One or two operands are compiled into closures of their own, not into an array: a closure taken out of an
        // array is called through two conversion thunks on every evaluation.
        switch (function, operands.count) {
        case (.nullary(let body), 0):
            return { _ in body() }
        case (.unary(let body), 1):
            let only = compile(operands[0])
            return { frame in
                let value = only(&frame)
                if case .error = value { return value }
                return body(value)
            }
        case (.binary(let body), 2):
            let first = compile(operands[0]), second = compile(operands[1])
            if name == "@in", case .list(let elements)? = constant(operands[1], second) { return Self.membership(in: elements, of: first) }
            return { frame in
                let left = first(&frame)
                if case .error = left { return left }
                let right = second(&frame)
                if case .error = right { return right }
                return body(left, right)
            }
        default:
            let nodes = operands.map { compile($0) }
            return { frame in Library.call(function, nodes.map { $0(&frame) }) }
        }
    }

    /// The value of `node`, compiled from `expression`, when the expression reads constants only; nil otherwise.
    private func constant(_ expression: Expr, _ node: Program.Node) -> Value? {
        guard expression.freeNames.allSatisfy({ constants[$0] != nil && scopes[$0] == nil }) else { return nil }
        var frame = Frame(variables: [:], declared: [], slots: slotCount, memos: memoCount)
        return node(&frame)
    }

    /// `x in [constant list]`: a string is compared with the list's strings directly, without the list being passed
    /// around as a value for every evaluation (`person.degree in params.accepted`).
    private static func membership(in elements: [Value], of element: @escaping Program.Node) -> Program.Node {
        let list = Value.list(elements)
        let strings = elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
        guard strings.count == elements.count else {
            return { frame in
                let value = element(&frame)
                if case .error = value { return value }
                return Library.membership(value, list)
            }
        }
        return { frame in
            let value = element(&frame)
            if case .string(let text) = value { return .bool(strings.contains { Strings.identical(text, $0) }) }
            if case .error = value { return value }
            return Library.membership(value, list)
        }
    }

    /// A call no function answers: its arguments' first error, or "no such overload".
    private static func noOverload(_ name: String, _ nodes: [Program.Node]) -> Program.Node {
        { frame in
            for node in nodes { if case .error(let error) = node(&frame) { return .error(error) } }
            return .fail("no such overload: function '\(name)' with \(nodes.count) argument\(nodes.count == 1 ? "" : "s")")
        }
    }

    private mutating func compileComprehension(_ comprehension: Comprehension) -> Program.Node {
        let range = compile(comprehension.range)
        let saved = scopes
        let slots = comprehension.variables.map { variable -> Int in
            defer { slotCount += 1 }
            scopes[variable] = slotCount
            return slotCount
        }
        loops.append((Set(comprehension.variables), []))
        let filter = comprehension.filter.map { compile($0) }
        let body = compile(comprehension.body)
        let memos = loops.removeLast().memos
        scopes = saved
        let kind = comprehension.kind
        return { frame in
            for slot in memos { frame.memos[slot] = nil }
            return Comprehensions.run(kind, over: range(&frame), slots: slots, filter: filter, body: body, frame: &frame)
        }
    }
}
