import QuorumRules
import Testing

struct RankedSelectionTests {
    @Test func takesFromTheTopWithinTheFreePlaces() {
        let ranking = RankedSelection(candidates: [("B", 5), ("A", 7), ("C", 3)], freePlaces: 2)
        #expect(ranking.selected == ["A", "B"])
        #expect(ranking.entries.map(\.rank) == [1, 2, 3])
        #expect(ranking.tie == nil)
    }

    @Test func aTieForTheLastPlaceStopsTheSelection() throws {
        let ranking = RankedSelection(candidates: [("A", 7), ("B", 5), ("C", 5), ("D", 2)], freePlaces: 2)
        let tie = try #require(ranking.tie)
        #expect(tie.names == ["B", "C"])
        #expect(tie.votes == 5)
        #expect(tie.placesLeft == 1)
        #expect(ranking.selected == ["A"])
    }

    @Test func aTieInsideTheCapSharesARank() {
        let ranking = RankedSelection(candidates: [("A", 7), ("B", 5), ("C", 5), ("D", 2)], freePlaces: 3)
        #expect(ranking.tie == nil)
        #expect(ranking.selected == ["A", "B", "C"])
        #expect(ranking.entries.map(\.rank) == [1, 2, 2, 4])
    }

    @Test func noFreePlacesSelectsNobody() {
        let ranking = RankedSelection(candidates: [("A", 7)], freePlaces: 0)
        #expect(ranking.selected.isEmpty)
        #expect(ranking.tie == nil)
    }

    @Test func withoutACapEveryoneGoesOnInOrder() {
        let ranking = RankedSelection(candidates: [("A", 1), ("B", 9)], freePlaces: nil)
        #expect(ranking.selected == ["B", "A"])
    }
}
