import QuorumCore

/// A problem with the place in a file it points at.
public struct LocatedDiagnostic: Hashable, Sendable {
    public let severity: Diagnostic.Severity
    public let location: SourceLocation?
    /// What kind of problem it is, stable across versions and languages (`unknown-key`, `missing-name`).
    public let code: String
    /// What is wrong, as a phrase the command line words.
    public let message: Phrase
    public let notes: [Phrase]

    public init(_ severity: Diagnostic.Severity, at location: SourceLocation?, code: String, saying message: Phrase, notes: [Phrase] = []) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.notes = notes
    }

    /// A problem whose message is `diagnostic.<key>` (the code, unless one code has several messages).
    public init(_ severity: Diagnostic.Severity, at location: SourceLocation?, code: String, key: String? = nil,
                _ values: KeyValuePairs<String, any CustomStringConvertible> = [:], notes: [Phrase] = []) {
        self.init(severity, at: location, code: code, saying: .diagnostic(key ?? code, values), notes: notes)
    }

    public static func error(at location: SourceLocation?, code: String, key: String? = nil,
                             _ values: KeyValuePairs<String, any CustomStringConvertible> = [:], notes: [Phrase] = []) -> LocatedDiagnostic {
        LocatedDiagnostic(.error, at: location, code: code, key: key, values, notes: notes)
    }

    /// A problem the engine found in a file's content, put into words by the caller.
    public static func error(at location: SourceLocation?, code: String, saying message: Phrase) -> LocatedDiagnostic {
        LocatedDiagnostic(.error, at: location, code: code, saying: message)
    }
}

extension Array where Element == LocatedDiagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by place, each reported once (a procedure's problem shows up in every track that extends it).
    public func orderedUnique() -> [LocatedDiagnostic] {
        var seen = Set<LocatedDiagnostic>()
        return filter { seen.insert($0).inserted }.sorted {
            switch ($0.location, $1.location) {
            case let (left?, right?): left < right
            case (nil, _?): true
            default: false
            }
        }
    }
}

/// `{"file", "line", "column", "cell", "severity", "code", "message", "notes"}`, as `--json` prints it, the message
/// and notes in words; a problem with no place in a file has no file, line or column; one in a workbook has its cell
/// (`Sheet1!D7 (Ngày sinh)`).
public struct WordedDiagnostic: Encodable {
    let diagnostic: LocatedDiagnostic
    let words: (Phrase) -> String

    public init(_ diagnostic: LocatedDiagnostic, words: @escaping (Phrase) -> String) {
        self.diagnostic = diagnostic
        self.words = words
    }

    enum CodingKeys: String, CodingKey { case file, line, column, cell, severity, code, message, notes }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(diagnostic.location?.file, forKey: .file)
        try container.encodeIfPresent(diagnostic.location?.line, forKey: .line)
        try container.encodeIfPresent(diagnostic.location?.column, forKey: .column)
        try container.encodeIfPresent(diagnostic.location?.cell, forKey: .cell)
        try container.encode(diagnostic.severity.rawValue, forKey: .severity)
        try container.encode(diagnostic.code, forKey: .code)
        try container.encode(words(diagnostic.message), forKey: .message)
        try container.encode(diagnostic.notes.map(words), forKey: .notes)
    }
}
