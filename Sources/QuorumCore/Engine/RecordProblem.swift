/// One thing wrong (or worth a warning) in a meeting's results, with what it is about, so the reader of the
/// results file can point at the line that holds it.
public struct RecordProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Subject: Hashable, Sendable {
        case record
        case present
        case ballots
        case paper(Int)
        case title(String)
        case candidate(title: String, name: String)
    }

    public let subject: Subject
    public let message: String

    public init(_ subject: Subject, _ message: String) {
        self.subject = subject
        self.message = message
    }

    public var description: String { message }

    /// The diagnostic code: which part of the results is wrong (`results-ballots`, `results-candidate`).
    public var code: String {
        switch subject {
        case .record: "results"
        case .present: "results-present"
        case .ballots: "results-ballots"
        case .paper: "results-paper"
        case .title: "results-title"
        case .candidate: "results-candidate"
        }
    }
}
