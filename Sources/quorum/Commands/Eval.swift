import ArgumentParser
import QuorumCEL
import QuorumFiles

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: Messages.text(.helpEval),
        discussion: """
            Each --var value is itself a CEL constant expression: --var x='[1, 2u, "a"]'. --data binds the top-level \
            keys of a YAML or JSON file. The result is printed as a CEL literal; an evaluation error goes to stderr \
            with exit code 2.
            """
    )

    @OptionGroup var language: LanguageOption

    @Argument(help: "The expression.")
    var expression: String

    @Option(name: .customLong("var"), help: "NAME=VALUE, where VALUE is a CEL constant expression. Repeatable.")
    var variables: [String] = []

    @Option(help: "A YAML or JSON file whose top-level keys become variables.")
    var data: String?

    @Flag(help: "Print the expression, its result as a CEL literal and the result's type as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting {
            var bindings = try data.map { path throws(InputError) in try DataFile.variables(from: path) } ?? [:]
            for assignment in variables {
                guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                    throw CommandFailure(Messages.text(.varSyntax, ["assignment": assignment]), .badInput)
                }
                let name = String(assignment[..<equals]), source = String(assignment[assignment.index(after: equals)...])
                let value = try constant(source, for: name)
                bindings[name] = value
            }
            let program: Program
            do { program = try Program(parsing: expression) } catch let error as SyntaxError {
                throw CommandFailure(Self.caret(error, in: expression), .badInput)
            }
            let result = program.evaluate(bindings)
            if case .error(let error) = result { throw CommandFailure(Messages.text(.evaluationFailed, ["message": error.message]), .badInput) }
            if json { return try Output.json(["expression": expression, "result": result.literal, "type": "\(result.type)"]) }
            Output.line(result.literal)
        }
    }

    private func constant(_ source: String, for name: String) throws -> Value {
        do {
            let value = try Program(parsing: source).evaluate()
            if case .error(let error) = value { throw CommandFailure("--var \(name): \(error.message)", .badInput) }
            return value
        } catch let error as SyntaxError {
            throw CommandFailure("--var \(name): " + Self.caret(error, in: source), .badInput)
        }
    }

    /// `1:5: syntax error: …`, then the expression's line and a caret under the column.
    /// Lines are split on Unicode scalars, as the error counts them, so a Windows line ending (one Character in Swift)
    /// cannot put the line out of reach.
    static func caret(_ error: SyntaxError, in source: String) -> String {
        let lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        var line = lines.indices.contains(error.line - 1) ? String(String.UnicodeScalarView(lines[error.line - 1])) : ""
        if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
        // A very long line is shown around the column only.
        var column = max(0, error.column - 1)
        let scalars = Array(line.unicodeScalars)
        if scalars.count > 120 {
            let start = max(0, column - 60), end = min(scalars.count, column + 40)
            line = (start > 0 ? "…" : "") + String(String.UnicodeScalarView(scalars[start..<end])) + (end < scalars.count ? "…" : "")
            column = column - start + (start > 0 ? 1 : 0)
        }
        return "\(error.line):\(error.column): syntax error: \(error.message)\n\(line)\n"
            + String(repeating: " ", count: column) + "^"
    }
}
