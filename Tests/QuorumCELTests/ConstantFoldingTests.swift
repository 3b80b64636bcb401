import Testing
@testable import QuorumCEL

/// What an expression computes from constants alone is computed once, when it compiles; what a comprehension's body
/// computes without its variables is computed once per run of the comprehension. Neither changes a result, errors
/// included.
struct ConstantFoldingTests {
    let cycle: Value = .map(CELMap([("year", .int(2021)), ("recent_years", .list((2011...2020).reversed().map { .int(Int64($0)) }))]))
    let params: Value = .map(CELMap([("years", .int(3)), ("accepted", .list([.string("HTTNV"), .string("HTXSNV")])), ("zero", .int(0))]))
    let person: Value = .map(CELMap([("ratings", .map(CELMap([(.int(2018), .string("HTTNV")), (.int(2019), .string("HTXSNV")), (.int(2020), .string("HTNV"))]))),
                                     ("degree", .string("Thạc sĩ"))]))

    private func compiled(_ source: String, constants: [String: Value]) throws -> (program: Program, compiler: Compiler) {
        var compiler = Compiler(declared: ["person", "cycle", "params"], constants: constants)
        let expression = try Parser.parse(source)
        _ = compiler.compile(expression)
        return (Program(expression, declaring: ["person", "cycle", "params"], constants: constants), compiler)
    }

    @Test(arguments: [
        "cycle.recent_years.filter(y, y >= cycle.year - params.years).all(y, y in person.ratings && person.ratings[y] in params.accepted)",
        "cycle.recent_years.filter(y, y >= cycle.year - params.years)",
        "person.degree in params.accepted || 1 / params.zero == 1",
        "params.accepted.map(a, a + '!')",
        "1 / params.zero",
        "params.missing",
        "[1, 2, 3].map(x, [10, 20].map(y, y + x * cycle.year))",
        "[1, 2].all(x, [3, 4].exists(y, y == x + 2))",
        "[].all(x, 1 / params.zero == 1)",
        "[0, 1].exists(x, x == 1 || 1 / x == 1)",
        "{'a': 1, 'a': 2}",
        "['HTXSNV', 'HTTNV'].exists(r, r == person.ratings[2019])",
    ])
    func foldingNeverChangesAResult(_ source: String) throws {
        let values = [person, cycle, params]
        let plain = try Program(parsing: source).evaluate(["person": person, "cycle": cycle, "params": params])
        let declared = try Program(parsing: source, declaring: ["person", "cycle", "params"]).evaluate(declared: values)
        let constant = try compiled(source, constants: ["cycle": cycle, "params": params]).program.evaluate(declared: values)
        #expect(declared == plain)
        #expect(constant == plain)
    }

    @Test func whatReadsConstantsOnlyIsComputedWhenItCompiles() throws {
        let rule = "cycle.recent_years.filter(y, y >= cycle.year - params.years).all(y, y in person.ratings)"
        #expect(try compiled(rule, constants: ["cycle": cycle, "params": params]).compiler.folded > 0)
        #expect(try compiled(rule, constants: [:]).compiler.folded == 0, "nothing is constant without constants")
        #expect(try compiled("['HTXSNV', 'HTTNV']", constants: [:]).compiler.folded == 1, "a list of literals")
        #expect(try compiled("[person.degree]", constants: [:]).compiler.folded == 0, "reads a variable")
    }

    @Test func aConstantIsReadInsteadOfTheValueGivenWhenEvaluating() throws {
        let program = try Program(parsing: "params.years + 1", declaring: ["params"], constants: ["params": params])
        #expect(program.evaluate(declared: [.map(CELMap([("years", .int(40))]))]) == .int(4))
    }

    @Test func aLoopComputesWhatDoesNotDependOnItsVariableOnce() throws {
        let loop = try compiled("cycle.recent_years.filter(y, y >= cycle.year - params.years)", constants: [:]).compiler
        #expect(loop.memoCount == 1)
        let nested = try compiled("[1, 2].all(x, [3, 4].exists(y, y == x + 2))", constants: [:]).compiler
        #expect(nested.memoCount == 1, "x + 2 is invariant in the inner loop, kept for one run of it")
    }

    @Test func aFieldIsFoundWhereverMapsOfAnotherLayoutKeepIt() throws {
        let program = try Program(parsing: "person.b", declaring: ["person"])
        let layouts: [(Value, Value)] = [
            (.map(CELMap([("a", .int(1)), ("b", .int(2))])), .int(2)),
            (.map(CELMap([("b", .int(3))])), .int(3)),
            (.map(CELMap([("c", .int(4)), ("a", .int(5))])), .error(EvalError("no such key: 'b'"))),
            (.map(CELMap([(.int(1), .string("b")), (.string("b"), .int(6))])), .int(6)),
            (.map(CELMap([("a", .int(1)), ("b", .int(7))])), .int(7)),
        ]
        for (person, expected) in layouts + layouts.reversed() {
            #expect(program.evaluate(declared: [person]) == expected)
        }
    }
}
