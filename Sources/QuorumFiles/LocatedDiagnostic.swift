import QuorumCore

/// A problem with the place in a file it points at.
public struct LocatedDiagnostic: Hashable, Sendable {
    public let severity: Diagnostic.Severity
    public let location: SourceLocation?
    /// What kind of problem it is, stable across versions and languages (`unknown-key`, `missing-name`).
    public let code: String
    public let message: String
    public let notes: [String]

    public init(_ severity: Diagnostic.Severity, at location: SourceLocation?, code: String, _ message: String, notes: [String] = []) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.notes = notes
    }

    public static func error(at location: SourceLocation?, code: String, _ message: String, notes: [String] = []) -> LocatedDiagnostic {
        LocatedDiagnostic(.error, at: location, code: code, message, notes: notes)
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

/// `{"file", "line", "column", "cell", "severity", "code", "message", "notes"}`, as `--json` prints it; a problem
/// with no place in a file has no file, line or column; one in a workbook has its cell (`Sheet1!D7 (Ngày sinh)`).
extension LocatedDiagnostic: Encodable {
    enum CodingKeys: String, CodingKey { case file, line, column, cell, severity, code, message, notes }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(location?.file, forKey: .file)
        try container.encodeIfPresent(location?.line, forKey: .line)
        try container.encodeIfPresent(location?.column, forKey: .column)
        try container.encodeIfPresent(location?.cell, forKey: .cell)
        try container.encode(severity.rawValue, forKey: .severity)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(notes, forKey: .notes)
    }
}
