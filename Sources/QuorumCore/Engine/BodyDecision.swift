/// A body's decision for one title at the current step, as the user gives it: the people chosen, in order, by name or
/// id, and the reason. The engine stores it as a `ListDecision` or a `TieDecision`, with people by key.
public struct BodyDecision: Sendable, Equatable {
    public let title: String
    public let chosen: [String]
    public let reason: String?

    public init(title: String, chosen: [String], reason: String?) {
        self.title = title
        self.chosen = chosen
        self.reason = reason
    }
}
