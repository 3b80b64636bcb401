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
            let pieces = content.enumerated().map { (line: scalar.line + 1 + $0.offset, column: indent + 1,
                                                     length: max(0, $0.element.unicodeScalars.count - indent)) }
            return walk(pieces, to: inner, folded: indicator == ">", file: scalar.file) ?? scalar
        }
        let quoted = indicator == "\"" || indicator == "'"
        // Plain and quoted scalars may continue on following lines, folded with spaces.
        var pieces = [(line: scalar.line, column: scalar.column + (quoted ? 1 : 0), length: first.count - start - (quoted ? 1 : 0))]
        for (offset, line) in lines[scalar.line...].enumerated() {
            let leading = line.prefix { $0 == " " }.count
            guard leading >= scalar.column - 1, leading > 0, !line.trimmingCharacters(in: .whitespaces).isEmpty else { break }
            pieces.append((scalar.line + 1 + offset, leading + 1, line.unicodeScalars.count - leading))
        }
        return walk(pieces, to: inner, folded: true, file: scalar.file) ?? scalar
    }

    /// Counts through the scalar's lines: a folded line break reads as one space, a literal one starts a new line.
    private static func walk(_ pieces: [(line: Int, column: Int, length: Int)], to inner: Diagnostic.InnerPosition,
                             folded: Bool, file: String) -> SourceLocation? {
        if !folded {
            guard pieces.indices.contains(inner.line - 1) else { return nil }
            let piece = pieces[inner.line - 1]
            return SourceLocation(file: file, line: piece.line, column: piece.column + inner.column - 1)
        }
        var remaining = inner.column - 1
        for piece in pieces {
            if remaining <= piece.length { return SourceLocation(file: file, line: piece.line, column: piece.column + remaining) }
            remaining -= piece.length + 1
        }
        return pieces.last.map { SourceLocation(file: file, line: $0.line, column: $0.column + $0.length) }
    }
}
