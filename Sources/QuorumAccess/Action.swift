/// What a signed-in user asks to do to an instance, as their roles allow it (`User.may`).
public enum Action: Sendable, Equatable {
    /// Read instances, their history, timetable, records and verification.
    case view
    /// Start an instance of a workflow.
    case start
    /// Enter a step's results: `entry` 2 is the second entry of a double entry, nil or 1 the first (or only) one.
    case record(entry: Int?)
    /// Correct a step's results, entry by entry as they were entered.
    case correct(entry: Int?)
    /// Import the roster an instance screens candidates with.
    case importRoster
    /// Decide what the body decides: ties, and lists a body chooses.
    case decide
    /// Decide the current step and move on.
    case advance

    /// The roles that may do it; an administrator may do everything.
    public var roles: Set<Role> {
        switch self {
        case .view: Set(Role.allCases)
        case .start, .decide, .advance: [.chair, .administrator]
        case .importRoster: [.clerk, .administrator]
        case .record(let entry), .correct(let entry): entry == 2 ? [.secondClerk, .administrator] : [.clerk, .administrator]
        }
    }
}

extension User {
    /// Whether one of the user's roles allows `action`.
    public func may(_ action: Action) -> Bool { !action.roles.isDisjoint(with: roles) }

    /// Whether the user acts in the unit of a workflow, given as the workflow's id and the ids of the workflows it
    /// extends: one of them is among the user's units, or the user has every unit (`*`).
    public func acts(in lineage: [String]) -> Bool { units.contains("*") || lineage.contains(where: units.contains) }
}
