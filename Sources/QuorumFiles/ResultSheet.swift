import Foundation
import QuorumCore

/// A meeting's results read from a file, with where each part was written so problems can be located.
public struct ResultSheet: Sendable {
    public var record: StepRecord
    public let file: String
    let locations: [RecordProblem.Subject: SourceLocation]

    /// Points a problem the engine found, put into words by the caller, at the line of the file it is about.
    public func locate(_ problem: RecordProblem, saying message: Phrase, severity: Diagnostic.Severity = .error) -> LocatedDiagnostic {
        var location = locations[problem.subject]
        if location == nil, case .candidate(let title, _) = problem.subject { location = locations[.title(title)] }
        return LocatedDiagnostic(severity, at: location ?? locations[.record], code: problem.code, saying: message)
    }

    /// Full names are compared after Unicode NFC normalisation with spaces collapsed, so the same name typed
    /// on two keyboards matches.
    static func normalizedName(_ name: String) -> String { PersonDirectory.normalized(name) }
}

/// Problems in an input file (results, roster, data), each located; nothing from the file was used.
public struct InputError: Error, Sendable {
    public let diagnostics: [LocatedDiagnostic]
}
