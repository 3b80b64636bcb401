import QuorumCore

/// A problem with the place in a file it points at.
public struct LocatedDiagnostic: Hashable, Sendable {
    public let severity: Diagnostic.Severity
    public let location: SourceLocation?
    public let message: String
    public let notes: [String]

    public init(_ severity: Diagnostic.Severity, at location: SourceLocation?, _ message: String, notes: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(at location: SourceLocation?, _ message: String, notes: [String] = []) -> LocatedDiagnostic {
        LocatedDiagnostic(.error, at: location, message, notes: notes)
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
