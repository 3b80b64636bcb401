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
    /// Nomination ballots: people written in who were not on the list, declared per title so that a misspelt
    /// candidate is never mistaken for a write-in.
    public var writeIns: [TitleList]?
    /// Review steps: the body's decision on each person already in the plan, per title.
    public var review: [ReviewEntry]?
    /// Why the meeting was recorded before a step of another track that it follows had ended.
    public var outOfOrder: String?
    /// The account of the machine the results were entered from, beside the typed actor label.
    public var enteredBy: String?
    /// Who chaired the meeting and who kept its minutes (person keys), for the signatures.
    public var chair: String?
    public var secretary: String?
    /// The vote-counting committee ("tổ kiểm phiếu"): members and their roles.
    public var committee: [CommitteeMember]?
    /// Members who did not attend, with their reasons when given.
    public var absent: [Absence]?
    /// When the meeting opened and closed (`HH:mm`).
    public var startedAt: String?
    public var endedAt: String?

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
    public func writeIns(for title: String) -> [String] { writeIns?.first { $0.title == title }?.names ?? [] }
    public func agreed(for title: String) -> [String]? { agreed.first { $0.title == title }?.names }
}

public struct TitleVotes: Codable, Sendable, Equatable {
    public var title: String
    public var candidates: [CandidateVotes]

    public init(title: String, candidates: [CandidateVotes]) {
        self.title = title
        self.candidates = candidates
    }

    /// Events store a title's votes as `tally`, a `[name, votes]` pair per candidate (a province's sheet of 110,000
    /// candidates read about twice as fast); any other encoder, and events stored before, write `candidates` as
    /// objects, and both read.
    private enum CodingKeys: String, CodingKey { case title, candidates, tally }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        candidates = container.contains(.tally)
            ? try container.decode([Pair].self, forKey: .tally).map(\.votes)
            : try container.decode([CandidateVotes].self, forKey: .candidates)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        if encoder.writesEvent {
            try container.encode(candidates.map(Pair.init), forKey: .tally)
        } else {
            try container.encode(candidates, forKey: .candidates)
        }
    }

    private struct Pair: Codable {
        let votes: CandidateVotes

        init(_ votes: CandidateVotes) { self.votes = votes }

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            votes = CandidateVotes(name: try pair.decode(String.self), votes: try pair.decode(Int.self))
            guard pair.isAtEnd else {
                throw DecodingError.dataCorruptedError(in: pair, debugDescription: "a tally entry has more than a name and a number of votes")
            }
        }

        func encode(to encoder: any Encoder) throws {
            var pair = encoder.unkeyedContainer()
            try pair.encode(votes.name)
            try pair.encode(votes.votes)
        }
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

public struct CommitteeMember: Codable, Sendable, Equatable {
    public var person: String
    public var role: String?

    public init(person: String, role: String?) {
        self.person = person
        self.role = role
    }
}

public struct Absence: Codable, Sendable, Equatable {
    public var person: String
    public var reason: String?

    public init(person: String, reason: String?) {
        self.person = person
        self.reason = reason
    }
}

/// Keep or remove one person already in the plan, as the review meeting decided.
public struct ReviewEntry: Codable, Sendable, Equatable {
    public enum Decision: String, Codable, Sendable, CaseIterable {
        case keep
        case remove
    }

    public var title: String
    public var person: String
    public var decision: Decision
    /// Required to remove someone, and to keep someone who fails a standard or already holds the title.
    public var reason: String?

    public init(title: String, person: String, decision: Decision, reason: String? = nil) {
        self.title = title
        self.person = person
        self.decision = decision
        self.reason = reason
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

/// One value that differs between two records of the same meeting (two entries, or a result and its correction).
public struct RecordChange: Sendable, Equatable {
    public enum Field: Sendable, Equatable {
        case present, issued, returned, valid, invalid
        case votes(title: String, person: String)
        case agreed(title: String)
        case review(title: String, person: String)
    }

    public let field: Field
    public let before: String?
    public let after: String?
}

extension StepRecord {
    /// What differs between two records of the same results, one change each, for the counting committee to check.
    public func differences(from other: StepRecord) -> [RecordChange] {
        var changes: [RecordChange] = []
        func compare(_ field: RecordChange.Field, _ first: String?, _ second: String?) {
            if first != second { changes.append(RecordChange(field: field, before: first, after: second)) }
        }
        func number(_ value: Int?) -> String? { value.map(String.init) }
        compare(.present, number(present), number(other.present))
        compare(.issued, number(ballots?.issued), number(other.ballots?.issued))
        compare(.returned, number(ballots?.returned), number(other.ballots?.returned))
        compare(.valid, number(ballots?.valid), number(other.ballots?.valid))
        compare(.invalid, number(ballots?.invalid), number(other.ballots?.invalid))
        for title in Set(votes.map(\.title) + other.votes.map(\.title)).sorted() {
            let mine = votes(for: title) ?? [], theirs = other.votes(for: title) ?? []
            var names = mine.map(\.name)
            names += theirs.map(\.name).filter { !names.contains($0) }
            for name in names {
                compare(.votes(title: title, person: name), number(mine.first { $0.name == name }?.votes),
                        number(theirs.first { $0.name == name }?.votes))
            }
        }
        for title in Set(agreed.map(\.title) + other.agreed.map(\.title)).sorted() where agreed(for: title) != other.agreed(for: title) {
            compare(.agreed(title: title), agreed(for: title)?.joined(separator: ", "), other.agreed(for: title)?.joined(separator: ", "))
        }
        for entry in (review ?? []) + (other.review ?? []) {
            let field = RecordChange.Field.review(title: entry.title, person: entry.person)
            guard !changes.contains(where: { $0.field == field }) else { continue }
            func text(_ record: StepRecord) -> String? {
                record.review?.last { $0.title == entry.title && $0.person == entry.person }.map { [$0.decision.rawValue, $0.reason].compactMap { $0 }.joined(separator: ": ") }
            }
            compare(field, text(self), text(other))
        }
        return changes
    }
}
