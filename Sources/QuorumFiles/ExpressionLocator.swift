import Foundation
import QuorumCore

/// Finds where a position inside an expression lies in the YAML file that holds it, for plain, quoted, folded (`>`)
/// and literal (`|`) scalars, so a syntax error in a rule points at the very character.
enum ExpressionLocator {
    static func locate(_ inner: Diagnostic.InnerPosition, in scalar: SourceLocation) -> SourceLocation {
        guard let text = try? String(contentsOfFile: scalar.file, encoding: .utf8) else { return scalar }
        let lines = TextLines.split(text)
        guard lines.indices.contains(scalar.line - 1) else { return scalar }
        let first = Array(lines[scalar.line - 1].unicodeScalars)
        let start = scalar.column - 1
        let indicator = start < first.count ? first[start] : " "
        if indicator == "|" || indicator == ">" {
            let content = lines[scalar.line...].prefix { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.first == " " }
            let indent = content.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.prefix { $0 == " " }.count ?? 0
            let pieces = content.enumerated().map { offset, line in
                Piece(line: scalar.line + 1 + offset, column: indent + 1, length: max(0, line.unicodeScalars.count - indent),
                      keepsBreak: indicator == "|" || line.prefix { $0 == " " }.count > indent || line.trimmingCharacters(in: .whitespaces).isEmpty)
            }
            return walk(pieces, to: inner, file: scalar.file) ?? scalar
        }
        let quoted = indicator == "\"" || indicator == "'"
        // Plain and quoted scalars may continue on following lines, folded with spaces.
        var pieces = [Piece(line: scalar.line, column: scalar.column + (quoted ? 1 : 0), length: first.count - start - (quoted ? 1 : 0), keepsBreak: false)]
        for (offset, line) in lines[scalar.line...].enumerated() {
            let leading = line.prefix { $0 == " " }.count
            guard leading >= scalar.column - 1, leading > 0, !line.trimmingCharacters(in: .whitespaces).isEmpty else { break }
            pieces.append(Piece(line: scalar.line + 1 + offset, column: leading + 1, length: line.unicodeScalars.count - leading, keepsBreak: false))
        }
        return walk(pieces, to: inner, file: scalar.file) ?? scalar
    }

    /// One source line of a scalar: where its text starts, how long it is, and whether the break after it survives
    /// in the value (literal blocks; more-indented or empty lines of folded blocks) or folds into a space.
    private struct Piece {
        let line: Int
        let column: Int
        let length: Int
        let keepsBreak: Bool
    }

    /// Follows the value's lines and columns through the source lines that produced them.
    private static func walk(_ pieces: [Piece], to inner: Diagnostic.InnerPosition, file: String) -> SourceLocation? {
        var valueLine = 1, valueColumn = 1
        for (index, piece) in pieces.enumerated() {
            if valueLine == inner.line, (valueColumn...valueColumn + piece.length).contains(inner.column) {
                return SourceLocation(file: file, line: piece.line, column: piece.column + inner.column - valueColumn)
            }
            let next = pieces.indices.contains(index + 1) ? pieces[index + 1] : nil
            if piece.keepsBreak || next?.keepsBreak == true {
                valueLine += 1
                valueColumn = 1
            } else {
                valueColumn += piece.length + 1
            }
        }
        return pieces.last.map { SourceLocation(file: file, line: $0.line, column: $0.column + $0.length) }
    }
}
