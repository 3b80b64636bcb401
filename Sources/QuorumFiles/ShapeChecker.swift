import QuorumCore
import Yams

/// Checks one file's tree against the format: unknown keys (with a did-you-mean), wrong types, bad values.
/// It reports every problem; the file is decoded only when there are none.
struct ShapeChecker {
    private(set) var diagnostics: [LocatedDiagnostic] = []

    static func check(_ tree: YAMLTree, against shape: Shape) -> [LocatedDiagnostic] {
        var checker = ShapeChecker()
        checker.check(tree, shape, key: nil)
        return checker.diagnostics
    }

    private mutating func check(_ tree: YAMLTree, _ shape: Shape, key: String?) {
        let label = key.map { "'\($0)'" } ?? "the document"
        if case .any = shape { return }
        if case .scalar(let scalar, let location) = tree, scalar.style == .plain, Node.scalar(scalar).null != nil {
            if case .object = shape, key == nil { return error(at: location, code: "file-empty", "the file is empty; expected \(shape.kind)") }
            return error(at: location, code: "no-value", "\(label) has no value; expected \(shape.kind)")
        }
        switch shape {
        case .any:
            return
        case .object(let fields, _):
            guard let entries = tree.entries else { return error(at: tree.location, code: "wrong-type", "\(label) must be \(shape.kind), not \(Self.kind(of: tree))") }
            let names = fields.map(\.name)
            for entry in entries {
                guard let field = fields.first(where: { $0.name == entry.key }) else {
                    error(at: entry.keyLocation, code: "unknown-key", "unknown key '\(entry.key)'\(key.map { " in '\($0)'" } ?? "")",
                          notes: Suggestion.note(for: entry.key, in: names) + ["allowed keys: \(names.joined(separator: ", "))"])
                    continue
                }
                check(entry.value, field.shape, key: entry.key)
            }
            for field in fields where field.required && !entries.contains(where: { $0.key == field.name }) {
                error(at: tree.location, code: "missing-key", "missing '\(field.name)'\(key.map { " in an entry of \($0)" } ?? "")")
            }
        case .dictionary(let value, _):
            guard let entries = tree.entries else { return error(at: tree.location, code: "wrong-type", "\(label) must be \(shape.kind), not \(Self.kind(of: tree))") }
            for entry in entries { check(entry.value, value, key: entry.key) }
        case .list(let element, _):
            guard let items = tree.items else { return error(at: tree.location, code: "wrong-type", "\(label) must be \(shape.kind), not \(Self.kind(of: tree))") }
            for item in items { check(item, element, key: key) }
        case .string(_, let pattern):
            guard let text = scalarText(tree, shape, label: label) else { return }
            if let pattern, (try? Regex(pattern).wholeMatch(in: text)) == nil {
                error(at: tree.location, code: "invalid-value", "'\(text)' is not a valid value for \(label): \(shape.summary)")
            }
        case .choice(let options, _):
            guard let text = scalarText(tree, shape, label: label) else { return }
            if !options.contains(text) {
                error(at: tree.location, code: "unknown-value", "unknown value '\(text)' for \(label); expected one of \(options.joined(separator: ", "))",
                      notes: Suggestion.note(for: text, in: options))
            }
        case .integer(_, let minimum):
            guard let text = scalarText(tree, shape, label: label) else { return }
            guard let value = Int(text) else { return error(at: tree.location, code: "whole-number-not", "\(label) must be a whole number, not '\(text)'") }
            if let minimum, value < minimum { error(at: tree.location, code: "below-minimum", "\(label) must be at least \(minimum), not \(value)") }
        case .boolean:
            guard let text = scalarText(tree, shape, label: label) else { return }
            if !["true", "false"].contains(text) { error(at: tree.location, code: "true-false-not", "\(label) must be true or false, not '\(text)'") }
        }
    }

    private mutating func scalarText(_ tree: YAMLTree, _ shape: Shape, label: String) -> String? {
        guard let text = tree.string else {
            error(at: tree.location, code: "wrong-type", "\(label) must be \(shape.kind), not \(Self.kind(of: tree))")
            return nil
        }
        return text
    }

    private static func kind(of tree: YAMLTree) -> String {
        switch tree {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    private mutating func error(at location: SourceLocation, code: String, _ message: String, notes: [String] = []) {
        diagnostics.append(.error(at: location, code: code, message, notes: notes))
    }
}
