import QuorumRules

/// A validated rule set from `rules/`: named thresholds, quorum rules and selection rules with their legal basis.
public struct RuleSet: Sendable, Equatable {
    public let id: String
    public let name: String
    public let basis: String?
    /// When the set is in force, as `yyyy-MM-dd`; nil ends are open.
    public let effectiveFrom: String?
    public let effectiveUntil: String?
    public let rules: [Rule]
    /// The most titles one person may be planned for at the same level.
    public var titlesPerPerson: Int?
    /// Retirement ages by sex, for rules that ask whether someone can serve a whole term.
    public var retirement: [RetirementSchedule] = []

    /// The largest cap any selection rule of the set allows.
    public var maxCap: Int? {
        rules.compactMap { if case .selection(let rule) = $0.content { rule.cap } else { nil } }.max()
    }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}

public struct Rule: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Who passes a vote.
        case threshold
        /// How many members must attend for a vote to count.
        case quorum
        /// Ranking from the top down within a cap.
        case selection
        /// A CEL standard each candidate must meet.
        case eligibility
        /// A CEL target for the make-up of a final list.
        case structure
        /// A CEL condition a ballot paper must meet to count.
        case ballotValidity = "ballot-validity"
    }

    public enum Content: Sendable, Equatable {
        case threshold(ThresholdRule)
        case quorum(ThresholdRule)
        case selection(SelectionRule)
        case expression(ExpressionRule)
    }

    public let id: String
    public let name: String
    public let basis: String?
    public let content: Content
    /// When this rule is in force, if narrower than its set's period (`yyyy-MM-dd`).
    public var effectiveFrom: String?
    public var effectiveUntil: String?

    public var kind: Kind {
        switch content {
        case .threshold: .threshold
        case .quorum: .quorum
        case .selection: .selection
        case .expression(let rule):
            switch rule.kind {
            case .eligibility: .eligibility
            case .structure: .structure
            case .ballotValidity: .ballotValidity
            }
        }
    }
}
