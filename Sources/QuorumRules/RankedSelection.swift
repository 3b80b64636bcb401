/// Ranks candidates by votes, top down, and fills the places a cap leaves free.
public struct RankedSelection: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let votes: Int
        /// Competition rank among those ranked: equal votes share a rank (1, 2, 2, 4).
        public let rank: Int
        public let selected: Bool
    }

    /// Candidates tied for the last free place; the selection cannot be made without a decision.
    public struct Tie: Sendable, Equatable {
        public let names: [String]
        public let votes: Int
        public let placesLeft: Int
    }

    public let entries: [Entry]
    public let freePlaces: Int
    public let tie: Tie?

    /// - Parameters:
    ///   - candidates: those who passed the threshold, with their votes, in any order.
    ///   - freePlaces: the places left under the cap, or `nil` when no cap applies.
    public init(candidates: [(name: String, votes: Int)], freePlaces: Int?) {
        let ordered = candidates.enumerated().sorted {
            $0.element.votes != $1.element.votes ? $0.element.votes > $1.element.votes : $0.offset < $1.offset
        }.map(\.element)
        let places = max(0, freePlaces ?? ordered.count)
        var tie: Tie?
        if ordered.count > places, places > 0, ordered[places - 1].votes == ordered[places].votes {
            let tiedVotes = ordered[places].votes
            let above = ordered.filter { $0.votes > tiedVotes }.count
            tie = Tie(names: ordered.filter { $0.votes == tiedVotes }.map(\.name), votes: tiedVotes, placesLeft: places - above)
        }
        var entries: [Entry] = []
        for (index, candidate) in ordered.enumerated() {
            let rank = (ordered.firstIndex { $0.votes == candidate.votes } ?? index) + 1
            let inTie = tie.map { $0.votes == candidate.votes } ?? false
            entries.append(Entry(name: candidate.name, votes: candidate.votes, rank: rank, selected: index < places && !inTie))
        }
        self.entries = entries
        self.freePlaces = places
        self.tie = tie
    }

    public var selected: [String] { entries.filter(\.selected).map(\.name) }
}
