/// One problem found in a definition. It names a path; the loader that read the file adds the location.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable {
        case warning
        case error
    }

    public let severity: Severity
    /// The document the path belongs to: a workflow or rule set id, or a file name before ids are known.
    public let document: String
    public let path: DocumentPath
    /// What kind of problem it is, stable across versions and languages (`unknown-rule`, `missing-name`).
    public let code: String
    /// What is wrong, as a phrase the command line words (`diagnostic.<key>` in the catalogs).
    public let message: Phrase
    public let notes: [Phrase]
    /// For a problem inside an expression: the 1-based line and column within the expression's text.
    public var inner: InnerPosition?

    public struct InnerPosition: Hashable, Sendable {
        public let line: Int
        public let column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    public init(_ severity: Severity, in document: String, at path: DocumentPath, code: String, _ message: Phrase, notes: [Phrase] = [],
                inner: InnerPosition? = nil) {
        self.severity = severity
        self.document = document
        self.path = path
        self.code = code
        self.message = message
        self.notes = notes
        self.inner = inner
    }

    /// A problem whose message is `diagnostic.<key>` (the code, unless one code has several messages).
    public static func error(in document: String, at path: DocumentPath, code: String, key: String? = nil,
                             _ values: KeyValuePairs<String, any CustomStringConvertible> = [:], notes: [Phrase] = []) -> Diagnostic {
        Diagnostic(.error, in: document, at: path, code: code, .diagnostic(key ?? code, values), notes: notes)
    }

    public static func warning(in document: String, at path: DocumentPath, code: String, key: String? = nil,
                               _ values: KeyValuePairs<String, any CustomStringConvertible> = [:], notes: [Phrase] = []) -> Diagnostic {
        Diagnostic(.warning, in: document, at: path, code: code, .diagnostic(key ?? code, values), notes: notes)
    }
}
