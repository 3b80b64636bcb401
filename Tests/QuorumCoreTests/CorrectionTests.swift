import Foundation
@testable import QuorumCore
import Testing

/// Mistakes are corrected in the open: new events with the actor and the reason, the earlier entries kept, and
/// everything after the reopened step decided again from the corrected results.
struct CorrectionTests {
    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "clerk") }
    let definition = Fixtures.definition()

    private func atVote() throws -> String { try Fixtures.atVote(service, definition) }

    @Test func aCorrectionBeforeAdvanceReplacesTheResultsAndKeepsTheOldOnes() throws {
        let id = try atVote()
        _ = try service.record(Fixtures.votes(["Ann": 4, "Bob": 1, "Cat": 3]), in: id, current: definition)
        #expect(throws: EngineError.emptyReason) {
            try service.correct(Fixtures.votes(["Ann": 4, "Bob": 3, "Cat": 3]), in: id, reason: " ", current: definition)
        }
        let (previous, _) = try service.correct(Fixtures.votes(["Ann": 4, "Bob": 1, "Cat": 2]), in: id, reason: "typed 3 for 2", current: definition)
        #expect(previous.votes(for: "deputy")?.first { $0.name == "cat" }?.votes == 3)
        let events = try #require(try store.load(id)).events
        #expect(events.suffix(2).map(\.payload.kind) == ["recorded", "corrected"], "the earlier results stay in the history")
        let (decision, _) = try service.advance(id, current: definition)
        #expect(decision.titles[0].handedOn == ["ann"])
        #expect(decision.titles[0].candidates.first { $0.name == "cat" }?.votes == 2)
    }

    @Test func aCorrectionAfterAdvanceReopensAndEverythingAfterIsDecidedAgain() throws {
        let id = try atVote()
        // Cat was mistyped out of the discussion's list; the vote that followed only knew Ann and Bob.
        _ = try service.record(Fixtures.votes(["Ann": 4, "Bob": 3, "Cat": 0]), in: id, current: definition)
        let (first, ended) = try service.advance(id, current: definition)
        #expect(ended.isFinished)
        #expect(first.titles[0].handedOn == ["ann", "bob"])
        let (_, _) = try service.correct(Fixtures.votes(["Ann": 4, "Bob": 1, "Cat": 3]), in: id,
                                         reason: "the minutes give Bob 1 and Cat 3", current: definition)
        let reopened = try service.load(id).state
        #expect(reopened.currentStep == "vote")
        #expect(!reopened.isFinished)
        #expect(reopened.decisions.count == 1, "the vote's decision no longer stands")
        let kinds = try #require(try store.load(id)).events.map(\.payload.kind)
        #expect(kinds.suffix(2) == ["reopened", "corrected"])
        #expect(kinds.filter { $0 == "advanced" }.count == 2, "the set-aside decision stays in the history")
        let (again, state) = try service.advance(id, current: definition)
        #expect(again.titles[0].handedOn == ["ann", "cat"])
        #expect(state.added == ["deputy": ["ann", "cat"]])
    }

    @Test func reopeningTakesTheInstanceBackAndKeepsTheResults() throws {
        let id = try atVote()
        #expect(throws: EngineError.notYetHeld(step: "vote")) { try service.reopen(id, step: "vote", reason: "x", current: definition) }
        let reopening = try service.reopen(id, step: "agree", reason: "advanced before the list was checked", current: definition)
        #expect(reopening.superseded == ["agree"])
        let state = try service.load(id).state
        #expect(state.currentStep == "agree")
        #expect(state.candidates == nil)
        #expect(state.record?.agreed(for: "deputy") == ["ann", "bob", "cat"], "the step's results are kept, to be corrected")
        _ = try service.correct(Fixtures.agreed(["Ann", "Cat"]), in: id, reason: "Bob was not agreed", current: definition)
        let (decision, next) = try service.advance(id, current: definition)
        #expect(decision.titles[0].handedOn == ["ann", "cat"])
        #expect(next.candidates?["deputy"] == ["ann", "cat"])
    }

    @Test func aCorrectionIsCheckedLikeNewResultsAndStoresNothingWhenRefused() throws {
        let id = try atVote()
        _ = try service.record(Fixtures.votes(["Ann": 4, "Bob": 1, "Cat": 3]), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        let before = try #require(try store.load(id)).events
        #expect(throws: EngineError.self) {
            try service.correct(Fixtures.votes(["Ann": 9]), in: id, reason: "more votes than members", current: definition)
        }
        #expect(try #require(try store.load(id)).events == before, "neither the reopening nor the correction is stored")
        #expect(throws: EngineError.nothingToCorrect(step: "nowhere")) {
            try service.correct(StepRecord(step: "nowhere"), in: id, reason: "x", current: definition)
        }
    }

    @Test func twoEntriesThatDisagreeAreCorrectedByTheirOwnEntry() throws {
        let doubled = Fixtures.definition { $0.steps![1].doubleEntry = true }
        let id = try service.start(doubled).id
        _ = try service.record(Fixtures.agreed(["Ann", "Bob"]), in: id, current: doubled)
        _ = try service.advance(id, current: doubled)
        var first = Fixtures.votes(["Ann": 4, "Bob": 3])
        first.entry = 1
        _ = try service.record(first, in: id, current: doubled)
        var second = Fixtures.votes(["Ann": 4, "Bob": 1])
        second.entry = 2
        let other = InstanceService(store: store, actor: "second clerk")
        _ = try other.record(second, in: id, current: doubled)
        #expect(throws: EngineError.self) { try service.advance(id, current: doubled) }
        second.votes = first.votes
        _ = try other.correct(second, in: id, reason: "Bob has 3 in the minutes", current: doubled)
        #expect(try service.advance(id, current: doubled).0.titles[0].handedOn == ["ann", "bob"])
    }
}
