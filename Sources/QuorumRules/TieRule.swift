/// What happens when candidates tie for the last place a cap allows.
public enum TieRule: String, Codable, Sendable, CaseIterable {
    /// Stop and ask the body for a run-off vote among the tied candidates.
    case runOff = "run-off"
    /// Stop and ask for the body's recorded decision.
    case bodyDecision = "body-decision"
    /// Either, as the body chooses.
    case runOffOrDecision = "run-off-or-decision"

    public var allowsRunOff: Bool { self != .bodyDecision }
    public var allowsDecision: Bool { self != .runOff }
}
