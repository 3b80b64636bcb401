import QuorumCore
import Yams

/// Checks one file's tree against the format: unknown keys (with a did-you-mean), wrong types, bad values.
/// It reports every problem, and gives the tree as the later checks may read it: a misspelt key with one likely
/// meaning under that meaning, other unknown keys and wrong values left out. Validation goes on with that tree, so
/// one run reports the problems of every part of the file, while each problem found here is reported once.
struct ShapeChecker {
    private(set) var diagnostics: [LocatedDiagnostic] = []

    static func check(_ tree: YAMLTree, against shape: Shape) -> [LocatedDiagnostic] { checkAndRepair(tree, against: shape).diagnostics }

    static func checkAndRepair(_ tree: YAMLTree, against shape: Shape) -> (diagnostics: [LocatedDiagnostic], repaired: YAMLTree?) {
        var checker = ShapeChecker()
        let repaired = checker.check(tree, shape, key: nil)
        return (checker.diagnostics, repaired)
    }

    /// The tree as it may be read on, or nil when this value must be left out.
    private mutating func check(_ tree: YAMLTree, _ shape: Shape, key: String?) -> YAMLTree? {
        let label = key.map { Phrase("word.key", ["key": $0]) } ?? Phrase("word.theDocument")
        if case .any = shape { return tree }
        if case .scalar(let scalar, let location) = tree, scalar.style == .plain, Node.scalar(scalar).null != nil {
            if case .object = shape, key == nil { return error(at: location, code: "file-empty", key: "file-empty-2", ["kind": shape.kind]) }
            return error(at: location, code: "no-value", ["label": label, "kind": shape.kind])
        }
        switch shape {
        case .any:
            return tree
        case .object(let fields, _):
            guard let entries = tree.entries else { return error(at: tree.location, code: "wrong-type", ["label": label, "kind": shape.kind, "found": Self.kind(of: tree)]) }
            let names = fields.map(\.name)
            var kept: [YAMLTree.Entry] = []
            for entry in entries {
                var entry = entry
                if !names.contains(entry.key) {
                    let meant = Suggestion.closest(to: entry.key, in: names)
                    error(at: entry.keyLocation, code: "unknown-key", key: key == nil ? "unknown-key-top" : "unknown-key", ["key": entry.key, "in": key ?? ""],
                          notes: Suggestion.note(for: entry.key, in: names) + [Phrase("note.allowedKeys", ["keys": names.joined(separator: ", ")])])
                    guard let meant, !entries.contains(where: { $0.key == meant }) else { continue }
                    entry = YAMLTree.Entry(key: meant, keyLocation: entry.keyLocation, value: entry.value)
                }
                guard let field = fields.first(where: { $0.name == entry.key }), let value = check(entry.value, field.shape, key: entry.key) else { continue }
                entry.value = value
                kept.append(entry)
            }
            for field in fields where field.required && !entries.contains(where: { $0.key == field.name }) && !kept.contains(where: { $0.key == field.name }) {
                error(at: tree.location, code: "missing-key", key: key == nil ? "missing-key-top" : "missing-key", ["name": field.name, "in": key ?? ""])
            }
            return .mapping(kept, tree.location)
        case .dictionary(let value, _):
            guard let entries = tree.entries else { return error(at: tree.location, code: "wrong-type", ["label": label, "kind": shape.kind, "found": Self.kind(of: tree)]) }
            return .mapping(entries.compactMap { entry in
                check(entry.value, value, key: entry.key).map { YAMLTree.Entry(key: entry.key, keyLocation: entry.keyLocation, value: $0) }
            }, tree.location)
        case .list(let element, _):
            guard let items = tree.items else { return error(at: tree.location, code: "wrong-type", ["label": label, "kind": shape.kind, "found": Self.kind(of: tree)]) }
            return .sequence(items.compactMap { check($0, element, key: key) }, tree.location)
        case .string(_, let pattern):
            guard let text = scalarText(tree, shape, label: label) else { return nil }
            if let pattern, (try? Regex(pattern).wholeMatch(in: text)) == nil {
                return error(at: tree.location, code: "invalid-value", ["text": text, "label": label, "summary": shape.summary])
            }
        case .choice(let options, _):
            guard let text = scalarText(tree, shape, label: label) else { return nil }
            if !options.contains(text) {
                return error(at: tree.location, code: "unknown-value", key: "unknown-choice", ["text": text, "label": label, "accepted": options.joined(separator: ", ")],
                             notes: Suggestion.note(for: text, in: options))
            }
        case .integer(_, let minimum):
            guard let text = scalarText(tree, shape, label: label) else { return nil }
            guard let value = Int(text) else { return error(at: tree.location, code: "whole-number-not", ["label": label, "text": text]) }
            if let minimum, value < minimum { return error(at: tree.location, code: "below-minimum", ["label": label, "minimum": minimum, "value": value]) }
        case .boolean:
            guard let text = scalarText(tree, shape, label: label) else { return nil }
            if !["true", "false"].contains(text) { return error(at: tree.location, code: "true-false-not", ["label": label, "text": text]) }
        }
        return tree
    }

    private mutating func scalarText(_ tree: YAMLTree, _ shape: Shape, label: Phrase) -> String? {
        guard let text = tree.string else {
            error(at: tree.location, code: "wrong-type", ["label": label, "kind": shape.kind, "found": Self.kind(of: tree)])
            return nil
        }
        return text
    }

    private static func kind(of tree: YAMLTree) -> Phrase {
        switch tree {
        case .scalar: Phrase("word.singleValue")
        case .mapping: Phrase("word.mapping")
        case .sequence: Phrase("word.list")
        }
    }

    /// Records a problem; the value it is about is left out (nil).
    @discardableResult
    private mutating func error(at location: SourceLocation, code: String, key: String? = nil,
                                _ values: KeyValuePairs<String, any CustomStringConvertible> = [:], notes: [Phrase] = []) -> YAMLTree? {
        diagnostics.append(.error(at: location, code: code, key: key, values, notes: notes))
        return nil
    }
}
