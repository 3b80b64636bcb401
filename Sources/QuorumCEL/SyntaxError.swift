/// A problem in the text of an expression, with where it is (0-based offset in Unicode scalars, and 1-based
/// line and column within the expression).
public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public let line: Int
    public let column: Int

    init(_ message: String, at offset: Int, in source: [Unicode.Scalar]) {
        self.message = message
        self.offset = offset
        var line = 1, column = 1
        for scalar in source.prefix(offset) {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(message)" }
}
