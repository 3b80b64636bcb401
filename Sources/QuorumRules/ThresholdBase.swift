/// What a threshold's fraction is taken of.
public enum ThresholdBase: String, Codable, Sendable, CaseIterable {
    /// Every member of the body, present or not ("tổng số thành viên").
    case totalMembers = "total-members"
    /// The members recorded as present at the meeting.
    case membersPresent = "members-present"
    /// The valid ballots counted by the vote-counting committee.
    case validBallots = "valid-ballots"

    /// As documents (diagrams, calendars) write it, in Vietnamese.
    public var label: String {
        switch self {
        case .totalMembers: "tổng số thành viên"
        case .membersPresent: "số thành viên có mặt"
        case .validBallots: "số phiếu hợp lệ"
        }
    }
}
