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
    /// Review steps: the decision on each person already in the plan, with their screening.
    public var review: [ReviewOutcome]?
    /// Titles planned for the same person beyond the legal limit, across the cycle (final list only).
    public var overLimit: [PlanLoad]?

    public init(title: String, cap: Int, kept: Int, candidates: [CandidateOutcome], handedOn: [String],
                structure: [EligibilityScreen.Finding] = [], review: [ReviewOutcome]? = nil) {
        self.title = title
        self.cap = cap
        self.kept = kept
        self.candidates = candidates
        self.handedOn = handedOn
        self.structure = structure
        self.review = review
    }
}

/// The review of one person already in the plan: kept or removed, why, and what screening found.
public struct ReviewOutcome: Codable, Sendable, Equatable {
    public let person: String
    public let decision: ReviewEntry.Decision
    public let reason: String?
    public let screening: [EligibilityScreen.Finding]
    /// The roster shows the person already holds the planned title ("đã thực hiện quy hoạch").
    public let appointed: Bool
}

/// One person planned for more titles than the rule set allows, counting the roster's plans and this cycle's.
public struct PlanLoad: Codable, Sendable, Equatable {
    public let person: String
    public let titles: [String]
    public let limit: Int
    public let overriddenBecause: String?
}

/// How a tie for the last place was settled: a run-off with its votes, or the body's decision with its reason.
public struct TieBreak: Codable, Sendable, Equatable {
    public enum Method: String, Codable, Sendable {
        case runOff = "run-off"
        case bodyDecision = "body-decision"
    }

    public let method: Method
    /// Run-off votes.
    public let votes: Int?
    public let reason: String?

    public init(method: Method, votes: Int? = nil, reason: String? = nil) {
        self.method = method
        self.votes = votes
        self.reason = reason
    }

    /// Histories before 0.2 stored an English phrase ("run-off: 3 votes", "chosen by the body").
    init(legacy text: String) {
        let number = text.split(separator: " ").compactMap { Int($0) }.first
        self.init(method: text.hasPrefix("run-off") ? .runOff : .bodyDecision, votes: number)
    }
}

public struct CandidateOutcome: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable {
        case selected
        case passedNotSelected = "passed-not-selected"
        case failed
        case agreed
        /// Passed the vote (or was agreed) but fails an eligibility rule, with no override recorded.
        case ineligible
        /// Counted at a step whose list the body agrees, and not taken on by it.
        case notChosen = "not-chosen"
    }

    public let name: String
    public let votes: Int?
    public let check: ThresholdCheck?
    public let rank: Int?
    public let verdict: Verdict
    public var screening: [EligibilityScreen.Finding] = []
    /// How a tie for the last place was settled for this candidate.
    public var tieBreak: TieBreak?

    public init(name: String, votes: Int?, check: ThresholdCheck?, rank: Int?, verdict: Verdict,
                screening: [EligibilityScreen.Finding] = [], tieBreak: TieBreak? = nil) {
        self.name = name
        self.votes = votes
        self.check = check
        self.rank = rank
        self.verdict = verdict
        self.screening = screening
        self.tieBreak = tieBreak
    }

    /// The same outcome with another check.
    func checked(_ check: ThresholdCheck?) -> CandidateOutcome {
        CandidateOutcome(name: name, votes: votes, check: check, rank: rank, verdict: verdict, screening: screening, tieBreak: tieBreak)
    }

    /// `passes` is a candidate's verdict on its title's threshold in the stored form (see `TitleOutcome`).
    enum CodingKeys: String, CodingKey { case name, votes, check, rank, verdict, screening, tieBreak, passes }

    /// Events leave out an empty screening, as most candidates' is (it reads back empty).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(votes, forKey: .votes)
        try container.encodeIfPresent(check, forKey: .check)
        try container.encodeIfPresent(rank, forKey: .rank)
        try container.encode(verdict, forKey: .verdict)
        if !screening.isEmpty || !encoder.writesEvent { try container.encode(screening, forKey: .screening) }
        try container.encodeIfPresent(tieBreak, forKey: .tieBreak)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.container(keyedBy: CodingKeys.self))
    }

    init(_ container: KeyedDecodingContainer<CodingKeys>) throws {
        name = try container.decode(String.self, forKey: .name)
        votes = try container.decodeIfPresent(Int.self, forKey: .votes)
        check = try container.decodeIfPresent(ThresholdCheck.self, forKey: .check)
        rank = try container.decodeIfPresent(Int.self, forKey: .rank)
        verdict = try container.decode(Verdict.self, forKey: .verdict)
        screening = try container.decodeIfPresent([EligibilityScreen.Finding].self, forKey: .screening) ?? []
        if let legacy = try? container.decodeIfPresent(String.self, forKey: .tieBreak) {
            tieBreak = TieBreak(legacy: legacy)
        } else {
            tieBreak = try container.decodeIfPresent(TieBreak.self, forKey: .tieBreak)
        }
    }
}
