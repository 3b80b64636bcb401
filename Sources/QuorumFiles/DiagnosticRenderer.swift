import QuorumCore
import Foundation

/// Prints diagnostics as a compiler does: `file:line:col: error: message`, the source line, a caret, then notes; the
/// words of each message come from `words`, in the language of the messages.
public struct DiagnosticRenderer {
    private var sources: [String: [String]] = [:]
    private let words: (Phrase) -> String

    public init(words: @escaping (Phrase) -> String) {
        self.words = words
    }

    public mutating func render(_ diagnostic: LocatedDiagnostic) -> String {
        guard let location = diagnostic.location else {
            return (["\(diagnostic.severity.rawValue): \(words(diagnostic.message))"] + diagnostic.notes.map { "note: " + words($0) }).joined(separator: "\n")
        }
        var lines = ["\(location): \(diagnostic.severity.rawValue): \(words(diagnostic.message))"]
        if location.cell == nil, let source = line(location.line, of: location.file) {
            lines.append(source)
            lines.append(Self.caret(under: location.column, in: source))
        }
        lines += diagnostic.notes.map { "note: " + words($0) }
        return lines.joined(separator: "\n")
    }

    public mutating func render(_ diagnostics: [LocatedDiagnostic]) -> String {
        diagnostics.map { render($0) }.joined(separator: "\n")
    }

    private mutating func line(_ number: Int, of file: String) -> String? {
        if sources[file] == nil {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            sources[file] = TextLines.split(text)
        }
        let lines = sources[file]!
        return lines.indices.contains(number - 1) ? lines[number - 1] : nil
    }

    /// Spaces up to the column (counted in Unicode scalars, as libyaml and our CSV reader count), keeping tabs.
    static func caret(under column: Int, in line: String) -> String {
        let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(0, column - 1))))
        return prefix.map { $0 == "\t" ? "\t" : " " }.joined() + "^"
    }
}
