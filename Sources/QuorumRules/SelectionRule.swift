/// "Take from the top down, at most `cap` people per title": ranks those who passed and fills the free places.
public struct SelectionRule: Hashable, Sendable, Codable {
    public let id: String
    /// The most people a title may hold in the plan, the people kept included.
    public let cap: Int
    public let ties: TieRule

    public init(id: String, cap: Int, ties: TieRule) {
        self.id = id
        self.cap = cap
        self.ties = ties
    }
}
