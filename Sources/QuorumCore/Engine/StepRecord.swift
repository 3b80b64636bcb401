/// What one meeting produced, as the user recorded it: attendance and either vote totals or an agreed list.
public struct StepRecord: Codable, Sendable, Equatable {
    public var step: String
    public var attempt: Int
    /// Members present at the meeting.
    public var present: Int?
    /// Members summoned, when not the whole body.
    public var summoned: Int?
    /// Who attended, by name, when the minutes list them.
    public var attendees: [String] = []
    /// The vote-counting committee's counts: issued, returned, valid, invalid.
    public var ballots: BallotCount?
    /// Ballot papers entered one by one, as the step's secrecy allows them to be kept (none, unordered, numbered).
    public var papers: [BallotPaper]
    /// 1 or 2 when the step's results are entered twice by different people.
    public var entry: Int?
    /// Results of a run-off among candidates tied for the last place.
    public var runOff: Bool
    /// Ballot steps: approvals per candidate, per title, as in the vote-count minutes.
    public var votes: [TitleVotes]
    /// Discussion steps: the list the body agreed, per title.
    public var agreed: [TitleList]
    public var note: String?
    /// The file the results were read from, for the record.
    public var source: String?

    public init(step: String, attempt: Int = 1, present: Int? = nil, ballots: BallotCount? = nil, papers: [BallotPaper] = [],
                entry: Int? = nil, runOff: Bool = false, votes: [TitleVotes] = [], agreed: [TitleList] = [], note: String? = nil,
                source: String? = nil) {
        self.step = step
        self.attempt = attempt
        self.present = present
        self.ballots = ballots
        self.papers = papers
        self.entry = entry
        self.runOff = runOff
        self.votes = votes
        self.agreed = agreed
        self.note = note
        self.source = source
    }

    public var validBallots: Int? { ballots?.valid }

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

extension StepRecord {
    /// What differs between two entries of the same results, one line each, for the counting committee to check.
    public func differences(from other: StepRecord) -> [String] {
        var lines: [String] = []
        func compare(_ what: String, _ first: Int?, _ second: Int?) {
            if first != second { lines.append("\(what): entry 1 = \(first.map(String.init) ?? "—"), entry 2 = \(second.map(String.init) ?? "—")") }
        }
        compare("members present", present, other.present)
        compare("ballots issued", ballots?.issued, other.ballots?.issued)
        compare("ballots returned", ballots?.returned, other.ballots?.returned)
        compare("valid ballots", ballots?.valid, other.ballots?.valid)
        compare("invalid ballots", ballots?.invalid, other.ballots?.invalid)
        for title in Set(votes.map(\.title) + other.votes.map(\.title)).sorted() {
            let mine = votes(for: title) ?? [], theirs = other.votes(for: title) ?? []
            var names = mine.map(\.name)
            names += theirs.map(\.name).filter { !names.contains($0) }
            for name in names {
                compare("\(name) (\(title))", mine.first { $0.name == name }?.votes, theirs.first { $0.name == name }?.votes)
            }
        }
        for title in Set(agreed.map(\.title) + other.agreed.map(\.title)).sorted() where agreed(for: title) != other.agreed(for: title) {
            lines.append("agreed list for \(title): entry 1 = \((agreed(for: title) ?? []).joined(separator: ", ")), entry 2 = \((other.agreed(for: title) ?? []).joined(separator: ", "))")
        }
        return lines
    }
}
