/// A body's recorded decision on who goes on from a ballot step whose list it agrees itself, e.g. the Office
/// leadership deciding, on the key-cadres conference's counts, whom to take to the next conference. Nothing about
/// it is automatic: the counts inform it, and a person taken on below the step's reference threshold needs a reason.
public struct ListDecision: Codable, Sendable, Equatable {
    public let step: String
    public let title: String
    /// The people chosen, in order (person keys).
    public let chosen: [String]
    public let reason: String?

    public init(step: String, title: String, chosen: [String], reason: String?) {
        self.step = step
        self.title = title
        self.chosen = chosen
        self.reason = reason
    }
}
