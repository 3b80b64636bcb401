import QuorumRules

/// What `advance` decided for a step, with the arithmetic behind every verdict. Stored as an event, so the
/// history shows years later who passed and why.
public struct StepDecision: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// Too few members attended; the step is held again or the path the workflow declares is taken.
        case quorumNotMet = "quorum-not-met"
        /// The vote or discussion produced a list for each title.
        case decided
    }

    public let step: String
    public let attempt: Int
    public let outcome: Outcome
    public let quorum: ThresholdCheck?
    /// The counting committee's counts the decision was made on.
    public var ballots: BallotCount?
    public let titles: [TitleOutcome]
    /// The guard that chose the path, or nil for the default path.
    public let guardTaken: TransitionGuard?
    public let next: TransitionTarget
}

public struct TitleOutcome: Codable, Sendable, Equatable {
    public let title: String
    public let cap: Int
    public let kept: Int
    public let candidates: [CandidateOutcome]
    /// Those who go on: to the next step, or into the final list when the procedure ends.
    public let handedOn: [String]
    /// Structure targets checked on the final list (last step only).
    public var structure: [EligibilityScreen.Finding] = []
}

public struct CandidateOutcome: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable {
        case selected
        case passedNotSelected = "passed-not-selected"
        case failed
        case agreed
        /// Passed the vote (or was agreed) but fails an eligibility rule, with no override recorded.
        case ineligible
    }

    public let name: String
    public let votes: Int?
    public let check: ThresholdCheck?
    public let rank: Int?
    public let verdict: Verdict
    public var screening: [EligibilityScreen.Finding] = []
    /// How a tie for the last place was settled for this candidate.
    public var tieBreak: String?

    /// `Nguyễn Văn A: 4 of 5 members = 80%, is more than 50% (4 × 2 = 8 > 5): passes, rank 1`.
    public func explanation(cap: Int, kept: Int) -> String {
        let rankText = rank.map { ", rank \($0)" } ?? ""
        let reason = switch verdict {
        case .selected: "passes\(rankText)" + (tieBreak.map { " (\($0))" } ?? "")
        case .passedNotSelected: "passes\(rankText)" + (tieBreak.map { " (\($0))" } ?? "")
            + ", not selected: the cap of \(cap) is full (\(kept) kept + \(cap - kept) added)"
        case .failed: "fails"
        case .agreed: "agreed by the body"
        case .ineligible: "not eligible: " + screening.filter(\.blocks).map(\.explanation).joined(separator: "; ")
        }
        let overrides = screening.compactMap { finding in finding.overriddenBecause.map { "override of '\(finding.name)': \($0)" } }
        let suffix = overrides.isEmpty ? "" : " [" + overrides.joined(separator: "; ") + "]"
        guard let check else { return "\(name): \(reason)\(suffix)" }
        return "\(name): \(check.explanation): \(reason)\(suffix)"
    }
}
