/// Gathers the problems of one document so that validation reports all of them at once.
struct DiagnosticCollector: Sendable {
    let document: String
    private(set) var diagnostics: [Diagnostic] = []

    init(document: String) { self.document = document }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(at path: DocumentPath, code: String, _ message: String, notes: [String] = [], inner: Diagnostic.InnerPosition? = nil) {
        diagnostics.append(Diagnostic(.error, in: document, at: path, code: code, message, notes: notes, inner: inner))
    }

    mutating func warning(at path: DocumentPath, code: String, _ message: String, notes: [String] = []) {
        diagnostics.append(.warning(in: document, at: path, code: code, message, notes: notes))
    }

    /// The value, or an error saying it is missing.
    mutating func require<Value>(_ value: Value?, at path: DocumentPath, code: String, _ message: String) -> Value? {
        if value == nil { error(at: path, code: code, message) }
        return value
    }

    /// Reads one of an enumeration's spellings, listing the accepted ones when it is wrong.
    mutating func enumValue<Value: RawRepresentable & CaseIterable>(_ type: Value.Type, _ text: String?, at path: DocumentPath,
                                                                     what: String) -> Value? where Value.RawValue == String {
        let accepted = Value.allCases.map(\.rawValue)
        guard let text else {
            error(at: path, code: "missing-value", "missing \(what); expected one of \(accepted.joined(separator: ", "))")
            return nil
        }
        if let value = Value(rawValue: text) { return value }
        error(at: path, code: "unknown-value", "unknown \(what) '\(text)'; expected one of \(accepted.joined(separator: ", "))",
              notes: Suggestion.note(for: text, in: accepted))
        return nil
    }
}
