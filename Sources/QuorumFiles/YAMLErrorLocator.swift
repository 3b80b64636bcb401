import QuorumCore
import Yams

/// Turns libyaml's errors into located diagnostics.
enum YAMLErrorLocator {
    static func diagnostic(for error: YamlError, file: String) -> LocatedDiagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml), let .composer(context, problem, mark, yaml):
            // At the end of the file libyaml points past the last line; where the unclosed construct began helps more.
            let pastEnd = mark.line > TextLines.split(yaml).count - 1
            let place = pastEnd ? context.map(\.mark) ?? mark : mark
            let notes = context.map { [Phrase("note.yamlContext", ["context": $0.text, "line": $0.mark.line, "column": $0.mark.column])] } ?? []
            return .error(at: at(place), code: "yaml-syntax-error", ["problem": problem], notes: notes + [Phrase("note.yamlCheck")])
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: at(context.mark), code: "duplicate-key-same-mapping", ["keys": keys])
        case let .reader(problem, offset, _, _):
            return .error(at: SourceLocation(file: file, line: 1, column: 1), code: "cannot-read-file", key: offset == nil ? "unreadable-text" : "unreadable-text-at",
                          ["problem": problem, "offset": offset ?? 0])
        default:
            return .error(at: SourceLocation(file: file, line: 1, column: 1), code: "cannot-read-yaml", ["error": "\(error)"])
        }
    }
}
