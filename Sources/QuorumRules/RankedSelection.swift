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
    ///   - tieBreak: a second score that orders candidates with equal votes, from a run-off or the body's decision.
    public init(candidates: [(name: String, votes: Int)], freePlaces: Int?, tieBreak: [String: Int] = [:]) {
        let score = { (name: String, votes: Int) in [votes, tieBreak[name] ?? 0] }
        let ordered = candidates.enumerated().sorted {
            let left = score($0.element.name, $0.element.votes), right = score($1.element.name, $1.element.votes)
            return left != right ? left.lexicographicallyPrecedes(right) == false : $0.offset < $1.offset
        }.map(\.element)
        let places = max(0, freePlaces ?? ordered.count)
        var tie: Tie?
        let scores = ordered.map { score($0.name, $0.votes) }
        if ordered.count > places, places > 0, scores[places - 1] == scores[places] {
            let tied = scores[places]
            let above = scores.filter { $0.lexicographicallyPrecedes(tied) == false && $0 != tied }.count
            tie = Tie(names: zip(ordered, scores).filter { $0.1 == tied }.map(\.0.name), votes: ordered[places].votes, placesLeft: places - above)
        }
        var entries: [Entry] = []
        for (index, candidate) in ordered.enumerated() {
            let rank = (scores.firstIndex { $0 == scores[index] } ?? index) + 1
            let inTie = tie.map { _ in scores[index] == scores[places] } ?? false
            entries.append(Entry(name: candidate.name, votes: candidate.votes, rank: rank, selected: index < places && !inTie))
        }
        self.entries = entries
        self.freePlaces = places
        self.tie = tie
    }

    public var selected: [String] { entries.filter(\.selected).map(\.name) }
}
