/// What a user may do, in the units they are given.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Reads instances, their history, timetables and records.
    case viewer
    /// Enters a step's results (the first entry of a double entry).
    case clerk
    /// Enters the second entry of a double entry; a double entry needs two different users.
    case secondClerk = "second-clerk"
    /// Decides what the body decides and advances the step.
    case chair
    /// Manages users and may do everything.
    case administrator

    public static func < (lhs: Role, rhs: Role) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}
