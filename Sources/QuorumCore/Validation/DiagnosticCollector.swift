/// Gathers the problems of one document so that validation reports all of them at once.
struct DiagnosticCollector: Sendable {
    let document: String
    private(set) var diagnostics: [Diagnostic] = []

    init(document: String) { self.document = document }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// An error whose message is `diagnostic.<key>` (the code, unless one code has several messages) with these values.
    mutating func error(at path: DocumentPath, code: String, key: String? = nil, _ values: KeyValuePairs<String, any CustomStringConvertible> = [:],
                        notes: [Phrase] = [], inner: Diagnostic.InnerPosition? = nil) {
        diagnostics.append(Diagnostic(.error, in: document, at: path, code: code, .diagnostic(key ?? code, values), notes: notes, inner: inner))
    }

    mutating func warning(at path: DocumentPath, code: String, key: String? = nil, _ values: KeyValuePairs<String, any CustomStringConvertible> = [:],
                          notes: [Phrase] = []) {
        diagnostics.append(.warning(in: document, at: path, code: code, key: key, values, notes: notes))
    }

    /// The value, or an error saying it is missing.
    mutating func require<Value>(_ value: Value?, at path: DocumentPath, code: String, key: String? = nil,
                                 _ values: KeyValuePairs<String, any CustomStringConvertible> = [:]) -> Value? {
        if value == nil { error(at: path, code: code, key: key, values) }
        return value
    }

    /// Reads one of an enumeration's spellings, listing the accepted ones when it is wrong.
    mutating func enumValue<Value: RawRepresentable & CaseIterable>(_ type: Value.Type, _ text: String?, at path: DocumentPath,
                                                                     what: String) -> Value? where Value.RawValue == String {
        let accepted = Value.allCases.map(\.rawValue)
        guard let text else {
            error(at: path, code: "missing-value", ["what": what, "accepted": accepted.joined(separator: ", ")])
            return nil
        }
        if let value = Value(rawValue: text) { return value }
        error(at: path, code: "unknown-value", ["what": what, "text": text, "accepted": accepted.joined(separator: ", ")],
              notes: Suggestion.note(for: text, in: accepted))
        return nil
    }
}
