import QuorumRules

/// One thing wrong (or worth a warning) in a meeting's results, as data: what it is about, so the reader of the
/// results file can point at the line that holds it, which problem it is and the values it names. The command line
/// puts it into words from its catalogs (`problem.<kind>` in `messages/`).
public struct RecordProblem: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        case record
        case present
        case ballots
        case paper(Int)
        case title(String)
        case candidate(title: String, name: String)
    }

    /// Which problem it is; each has a message in every catalog, naming the values by their placeholders.
    public enum Kind: String, CaseIterable, Sendable {
        // Ballot papers entered one by one
        case papersOverPresent, papersOverMembers, papersOverIssued, notATitleOnPaper, discussionHasNoPapers, paperNeedsTitle
        case papersNeedIssued
        // Attendance and counts
        case negativeAttendance, presentOverMembers, presentOverSummoned, quorumMissed, ballotNeedsPresent, countsNotRecorded
        case negativeBallotCounts, issuedOverPresent, returnedOverIssued, validPlusInvalid, attendeesMiscounted, attendeeTwice
        case notAMember, absentNotAMember, presentAndAbsent
        // The form of the step
        case unknownTitle, ballotTakesVotes, writeInsOnNomination, discussionTakesList, discussionHasNoRunOff
        case enteredOnce, enteredTwice, sameClerk, noTieToSettle
        // People and votes
        case ambiguousName, unknownName, candidateTwice, negativeVotes, votesOverValidBallots, votesOverPresent, votesOverMembers
        case notAmongTied, notACandidate, notACandidateWriteIn, noVotesRecorded, personTwiceInList, alreadyKept
        // The meeting and the review
        case notATime, endsBeforeStarts, noReviewAtStep, notInPlan, removalNeedsReason
    }

    public let subject: Subject
    public let kind: Kind
    /// The values the message names, by placeholder.
    public let values: [String: String]
    /// The word most likely meant, for a "did you mean".
    public let suggestion: String?
    /// A threshold the results failed (the quorum), with its arithmetic.
    public let check: ThresholdCheck?

    public init(_ subject: Subject, _ kind: Kind, _ values: KeyValuePairs<String, any CustomStringConvertible> = [:],
                suggestion: String? = nil, check: ThresholdCheck? = nil) {
        self.subject = subject
        self.kind = kind
        self.values = Dictionary(values.map { ($0.key, $0.value.description) }, uniquingKeysWith: { $1 })
        self.suggestion = suggestion
        self.check = check
    }

    /// The diagnostic code: which part of the results is wrong (`results-ballots`, `results-candidate`).
    public var code: String {
        switch subject {
        case .record: "results"
        case .present: "results-present"
        case .ballots: "results-ballots"
        case .paper: "results-paper"
        case .title: "results-title"
        case .candidate: "results-candidate"
        }
    }
}
