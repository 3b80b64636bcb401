import QuorumCEL

/// A rule written in CEL: an eligibility standard for a person, or a structure target for a final list.
public struct ExpressionRule: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Must hold for each candidate (`person`); a failing candidate cannot pass without a recorded override.
        case eligibility
        /// Should hold for each title's final list (`people`); a warning unless `binding`.
        case structure
        /// Must hold for a ballot paper (`ballot`) to count; a paper that fails is invalid.
        case ballotValidity = "ballot-validity"
    }

    public let id: String
    public let kind: Kind
    public let name: String
    public let basis: String?
    public let expression: String
    public let parameters: [String: RuleParameter]
    /// Structure targets only: a failure stops the procedure instead of warning.
    public let binding: Bool

    public var parameterValue: Value { RuleParameter.map(parameters).value }
}
