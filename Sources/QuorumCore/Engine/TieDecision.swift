/// The body's recorded decision on candidates tied for the last place, when the selection rule asks for one.
public struct TieDecision: Codable, Sendable, Equatable {
    public let title: String
    /// The tied candidates the body chose, in order.
    public let chosen: [String]
    public let reason: String

    public init(title: String, chosen: [String], reason: String) {
        self.title = title
        self.chosen = chosen
        self.reason = reason
    }
}
