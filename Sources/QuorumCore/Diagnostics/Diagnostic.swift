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
    public let message: String
    public let notes: [String]
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

    public init(_ severity: Severity, in document: String, at path: DocumentPath, code: String, _ message: String, notes: [String] = [],
                inner: InnerPosition? = nil) {
        self.severity = severity
        self.document = document
        self.path = path
        self.code = code
        self.message = message
        self.notes = notes
        self.inner = inner
    }

    public static func error(in document: String, at path: DocumentPath, code: String, _ message: String, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, in: document, at: path, code: code, message, notes: notes)
    }

    public static func warning(in document: String, at path: DocumentPath, code: String, _ message: String, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, in: document, at: path, code: code, message, notes: notes)
    }
}
