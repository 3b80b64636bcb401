import QuorumCEL
import Testing

struct EvaluationTests {
    private func eval(_ source: String, _ variables: [String: Value] = [:]) throws -> Value {
        try Program(parsing: source).evaluate(variables)
    }

    @Test func errorsAreValuesThatOnlySurfaceWhenTheyDecide() throws {
        #expect(try eval("false && (1/0 > 0)") == .bool(false))
        #expect(try eval("(1/0 > 0) && false") == .bool(false))
        #expect(try eval("true || {}['missing']") == .bool(true))
        #expect(try eval("(1/0 > 0) || false").isError)
        #expect(try eval("[1, 0].exists(x, 1 / x == 1)") == .bool(true))
    }

    @Test func integerOverflowIsAnErrorNotACrash() throws {
        #expect(try eval("9223372036854775807 + 1") == .error(EvalError("integer overflow")))
        #expect(try eval("-9223372036854775808 / -1").isError)
        #expect(try eval("0u - 1u").isError)
        #expect(try eval("-9223372036854775808") == .int(.min))
    }

    @Test func variablesAndMacros() throws {
        let person: Value = .map(CELMap([("ratings", .list([.string("HTTNV"), .string("HTXSNV"), .string("HTTNV")])),
                                         ("birth", .string("1980-05-01T00:00:00Z"))]))
        #expect(try eval("person.ratings.all(r, r in ['HTTNV', 'HTXSNV'])", ["person": person]) == .bool(true))
        #expect(try eval("timestamp(person.birth).getFullYear()", ["person": person]) == .int(1980))
        #expect(try eval("person.ratings.filter(r, r == 'HTTNV').size()", ["person": person]) == .int(2))
        #expect(try eval("nobody").isError)
    }

    /// Two macro variables are kept in the frame itself, more in an array beside it: nested macros read each their own.
    @Test func nestedMacrosEachReadTheirOwnVariables() throws {
        let nested = "[1].all(a, [2].all(b, [3].all(c, [4, 40].exists(d, [5].all(e, a * 10000 + b * 1000 + c * 100 + d + e == SUM)))))"
        #expect(try eval(nested.replacingOccurrences(of: "SUM", with: "12309")) == .bool(true))
        #expect(try eval(nested.replacingOccurrences(of: "SUM", with: "12345")) == .bool(true))
        #expect(try eval(nested.replacingOccurrences(of: "SUM", with: "12346")) == .bool(false))
        #expect(try eval("{'x': 1, 'y': 2}.transformMap(k, v, [10, 20].map(i, [100].map(j, v * i + j)))")
                == .map(CELMap([("x", .list([.list([.int(110)]), .list([.int(120)])])), ("y", .list([.list([.int(120)]), .list([.int(140)])]))])))
    }

    @Test func printsResultsAsCELLiterals() throws {
        #expect(try eval("timestamp('2021-03-18T14:00:00+07:00')").literal == #"timestamp("2021-03-18T07:00:00Z")"#)
        #expect(try eval("{'a': 1, 'b': [2u, 2.5, b'\\xff']}").literal == #"{"a": 1, "b": [2u, 2.5, b"\xff"]}"#)
        #expect(try eval("duration('1h30m')").literal == #"duration("5400s")"#)
        #expect(try eval("optional.of(1.0)").literal == "optional.of(1.0)")
    }

    @Test func timestampsAreReadAndWrittenInFullWidth() {
        #expect(Timestamp(rfc3339: "0001-01-01T00:00:00Z")?.rfc3339 == "0001-01-01T00:00:00Z")
        #expect(Timestamp(rfc3339: "0999-12-31T23:59:59.120+00:30")?.rfc3339 == "0999-12-31T23:29:59.12Z")
        #expect(Timestamp(rfc3339: "1969-12-31T23:59:59.000000001Z")?.date == "1969-12-31")
        #expect(Timestamp(rfc3339: "2025-03-31T00:00:00-07:00")?.date == "2025-03-31")
        // Digits of other scripts are not digits here, nor is any other text around a well-formed one.
        for text in ["２０２１-03-18T07:00:00Z", "2021-03-18T07:00:00Zé", "2021-03-18T07:00:00", "2021-02-29T07:00:00Z", "2021-03-18T07:00:00+07"] {
            #expect(Timestamp(rfc3339: text) == nil, "\(text)")
        }
    }

    @Test func syntaxErrorsPointIntoTheExpression() {
        #expect(throws: SyntaxError.self) { try Program(parsing: "1 +") }
        do {
            _ = try Program(parsing: "person.age >=\n  30 &&& true")
            Issue.record("'&&&' is a syntax error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 8)
            #expect(error.offset == 21)
        }
    }

    @Test func aFunctionCalledWithTheWrongNumberOfArgumentsIsAnError() throws {
        for source in ["optional.of()", "optional.none(1)", "size()", "size(1, 2)", "'a'.contains()", "timestamp()"] {
            #expect(try eval(source).isError, "\(source)")
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(throws: SyntaxError.self) { try Program(parsing: deep) }
        #expect((try? Program(parsing: String(repeating: "!", count: 100) + "true").evaluate()) == .bool(true))
    }

    /// Random token soup: every input either fails to parse with a position inside it, or evaluates to some value.
    @Test func randomInputNeverCrashes() {
        let pieces = ["1", "0", "-", "+", "*", "/", "%", "(", ")", "[", "]", "{", "}", ",", ":", "?", ".", "'a'", "b'x'",
                      "x", "size", "all", "exists", "map", "filter", "has", "==", "<", "&&", "||", "!", "in", "2.5", "1u",
                      "timestamp('2021-01-01T00:00:00Z')", "duration('1s')", "int", "dyn", "optional.of(1)", ".?", "[?", "e",
                      "optional.of(", "optional.none(", "()"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let source = (0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " ")
            do {
                let value = try Program(parsing: source).evaluate(["x": .list([.int(1), .int(2)])])
                _ = value.literal
            } catch {
                #expect(error.offset <= source.unicodeScalars.count, "\(source): \(error)")
            }
        }
    }
}
