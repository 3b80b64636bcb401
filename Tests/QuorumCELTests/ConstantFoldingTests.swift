import Testing
@testable import QuorumCEL

/// Lists and maps written with constants only are built once, when the expression compiles; anything that reads a
/// variable, calls a function or fails is left to evaluation, with its error there.
struct ConstantFoldingTests {
    @Test func constantListsAndMapsAreBuiltAtCompileTime() throws {
        #expect(Compiler.constant(try Parser.parse("['HTXSNV', 'HTTNV']")) == .list([.string("HTXSNV"), .string("HTTNV")]))
        #expect(Compiler.constant(try Parser.parse("{'a': [1, 2]}")) != nil)
        #expect(Compiler.constant(try Parser.parse("[person.degree]")) == nil, "reads a variable")
        #expect(Compiler.constant(try Parser.parse("[size('ab')]")) == nil, "calls a function")
        #expect(Compiler.constant(try Parser.parse("{'a': 1, 'a': 2}")) == nil, "a repeated key fails when evaluated, as before")
        #expect(Program(try Parser.parse("{'a': 1, 'a': 2}")).evaluate().isError)
        #expect(try Program(parsing: "'HTTNV' in ['HTXSNV', 'HTTNV']").evaluate() == .bool(true))
    }
}
