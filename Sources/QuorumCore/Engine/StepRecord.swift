/// What one meeting produced, as the user recorded it: attendance and either vote totals or an agreed list.
public struct StepRecord: Codable, Sendable, Equatable {
    public var step: String
    public var attempt: Int
    /// Members present at the meeting.
    public var present: Int?
    /// Valid ballots counted, when known.
    public var validBallots: Int?
    /// Ballot steps: approvals per candidate, per title, as in the vote-count minutes.
    public var votes: [TitleVotes]
    /// Discussion steps: the list the body agreed, per title.
    public var agreed: [TitleList]
    public var note: String?
    /// The file the results were read from, for the record.
    public var source: String?

    public init(step: String, attempt: Int = 1, present: Int? = nil, validBallots: Int? = nil, votes: [TitleVotes] = [],
                agreed: [TitleList] = [], note: String? = nil, source: String? = nil) {
        self.step = step
        self.attempt = attempt
        self.present = present
        self.validBallots = validBallots
        self.votes = votes
        self.agreed = agreed
        self.note = note
        self.source = source
    }

    public func votes(for title: String) -> [CandidateVotes]? { votes.first { $0.title == title }?.candidates }
    public func agreed(for title: String) -> [String]? { agreed.first { $0.title == title }?.names }
}

public struct TitleVotes: Codable, Sendable, Equatable {
    public var title: String
    public var candidates: [CandidateVotes]

    public init(title: String, candidates: [CandidateVotes]) {
        self.title = title
        self.candidates = candidates
    }
}

public struct CandidateVotes: Codable, Sendable, Equatable {
    public var name: String
    public var votes: Int

    public init(name: String, votes: Int) {
        self.name = name
        self.votes = votes
    }
}

public struct TitleList: Codable, Sendable, Equatable {
    public var title: String
    public var names: [String]

    public init(title: String, names: [String]) {
        self.title = title
        self.names = names
    }
}
