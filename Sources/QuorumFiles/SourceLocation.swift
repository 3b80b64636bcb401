/// A place in a file: 1-based line and column (columns count Unicode scalars, as libyaml does). In a spreadsheet,
/// the row and column number of a cell, and the cell as Excel names it, with its column's header.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible, Comparable {
    public let file: String
    public let line: Int
    public let column: Int
    /// `Sheet1!D7 (Ngày sinh)`, for a cell of a workbook.
    public let cell: String?

    public init(file: String, line: Int, column: Int, cell: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.cell = cell
    }

    /// `roster.csv:7:12`, or `ho-so.xlsx:Sheet1!D7 (Ngày sinh)`.
    public var description: String { cell.map { "\(file):\($0)" } ?? "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
