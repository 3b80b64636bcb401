/// The counts in the vote-count minutes ("biên bản kiểm phiếu").
public struct BallotCount: Codable, Sendable, Equatable {
    public var issued: Int
    public var returned: Int
    public var valid: Int
    public var invalid: Int

    public init(issued: Int, returned: Int, valid: Int, invalid: Int) {
        self.issued = issued
        self.returned = returned
        self.valid = valid
        self.invalid = invalid
    }
}

/// One ballot paper as entered: its number (kept only where the step's secrecy allows) and the names marked,
/// per title. It never names a voter.
public struct BallotPaper: Codable, Sendable, Equatable, Comparable {
    public var number: Int?
    public var marks: [TitleList]
    /// Set when the paper is counted: nil while entered, then true or false with the reason.
    public var valid: Bool?
    public var invalidBecause: String?

    public init(number: Int?, marks: [TitleList], valid: Bool? = nil, invalidBecause: String? = nil) {
        self.number = number
        self.marks = marks
        self.valid = valid
        self.invalidBecause = invalidBecause
    }

    /// An order that depends only on content, to store papers without the order they were counted in.
    public static func < (lhs: BallotPaper, rhs: BallotPaper) -> Bool { lhs.sortKey < rhs.sortKey }
    private var sortKey: String { marks.map { $0.title + ":" + $0.names.sorted().joined(separator: ",") }.joined(separator: "|") }
}

/// How much of each ballot paper a step keeps.
public enum Secrecy: String, Codable, Sendable, CaseIterable {
    /// Only the counts and the approvals per candidate.
    case totals
    /// Each paper's marks, without numbers and in an order that reveals nothing.
    case unordered
    /// Each paper with its number, for open steps only.
    case numbered
}
