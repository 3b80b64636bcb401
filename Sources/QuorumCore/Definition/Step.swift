import QuorumRules

/// One meeting of the procedure.
public struct Step: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let body: String
    public let form: StepForm
    public let purpose: String?
    public let meets: MeetingTime?
    public let quorum: ThresholdRule?
    public let threshold: ThresholdRule?
    public let selection: SelectionRule?
    /// Rules a ballot paper must meet to be valid.
    public let ballotValidity: [ExpressionRule]
    public let secrecy: Secrecy
    /// Results are entered twice, by different people, and must agree.
    public let doubleEntry: Bool
    /// Where the meeting is held, for the minutes.
    public let place: String?
    /// How long the meeting is planned to last, in minutes, for clash checks and calendars.
    public let minutes: Int
    /// The weekday written next to the date in the plan ("Thứ năm"), kept as data and checked.
    public let weekday: String?
    /// Guarded paths, tried in order before the default.
    public let transitions: [Transition]
    /// Where the step goes when no guard applies: the next step, or the end.
    public let next: TransitionTarget
    /// The meeting reviews the people already in the plan: keep, or remove with a reason.
    public var reviewsKept: Bool?
    /// A ballot step whose counts inform a body's decision on who goes on, instead of passing people automatically;
    /// the step's threshold, if any, is then a reference that needs a reason to go below.
    public var listDecidedBy: String?
    /// The step of another workflow this meeting follows, which must have ended before it is recorded.
    public var follows: StepReference?

    public var reviews: Bool { reviewsKept ?? false }
}

/// A step of a workflow, possibly another track's.
public struct StepReference: Codable, Sendable, Equatable {
    public let workflow: String
    public let step: String

    public init(workflow: String, step: String) {
        self.workflow = workflow
        self.step = step
    }
}

/// How a step reaches its outcome.
public enum StepForm: String, Codable, Sendable, CaseIterable {
    /// The body discusses and agrees a list ("thảo luận, thống nhất").
    case discussion
    /// Written nomination ballot ("ghi và bỏ phiếu giới thiệu").
    case nominationBallot = "nomination-ballot"
    /// Written secret ballot ("bỏ phiếu kín").
    case secretBallot = "secret-ballot"

    public var isBallot: Bool { self != .discussion }

    /// As documents (diagrams, calendars) write it, in Vietnamese.
    public var label: String {
        switch self {
        case .discussion: "thảo luận, thống nhất"
        case .nominationBallot: "ghi phiếu giới thiệu"
        case .secretBallot: "bỏ phiếu kín"
        }
    }
}

public struct Transition: Codable, Sendable, Equatable {
    public let when: TransitionGuard
    public let to: TransitionTarget
}

/// The conditions a transition can wait for.
public enum TransitionGuard: String, Codable, Sendable, CaseIterable {
    /// Too few members attended; usually leads back to the same step, held again.
    case quorumNotMet = "quorum-not-met"
    /// No candidate for any title passed.
    case nobodyPasses = "nobody-passes"
}

public enum TransitionTarget: Codable, Sendable, Equatable, CustomStringConvertible {
    case step(String)
    /// The procedure ends and hands its final list to the authority.
    case end

    public static let endKeyword = "end"

    public init(_ text: String) {
        self = text == Self.endKeyword ? .end : .step(text)
    }

    public var description: String {
        switch self {
        case .step(let id): id
        case .end: Self.endKeyword
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
