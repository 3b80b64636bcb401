import Foundation
@testable import QuorumCore
import Testing

struct InstanceServiceTests {
    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "tester") }
    let definition = Fixtures.definition()

    /// Starts an instance and takes it through the discussion with the given candidates.
    private func atVote(_ candidates: [String] = ["Ann", "Bob", "Cat"]) throws -> String {
        try Fixtures.atVote(service, definition, candidates: candidates)
    }

    @Test func thresholdAtTheEdgeOfHalfTheMembers() throws {
        let id = try atVote()
        _ = try service.record(Fixtures.votes(["Ann": 3, "Bob": 2, "Cat": 4]), in: id, current: definition)
        let (decision, state) = try service.advance(id, current: definition)
        let verdicts = Dictionary(uniqueKeysWithValues: decision.titles[0].candidates.map { ($0.name, $0.verdict) })
        #expect(verdicts == ["cat": .selected, "ann": .selected, "bob": .failed])
        #expect(decision.titles[0].handedOn == ["cat", "ann"], "people are stored by id")
        #expect(state.isFinished)
        #expect(state.added == ["deputy": ["cat", "ann"]])
        let bob = try #require(decision.titles[0].candidates.first { $0.name == "bob" })
        #expect(bob.check?.count == 2 && bob.check?.baseCount == 4 && bob.check?.passes == false, "2 of 4 is not more than half")
    }

    @Test func theCapCountsThePeopleKept() throws {
        let id = try atVote(["Ann", "Bob", "Cat", "Dan"])
        _ = try service.record(Fixtures.votes(["Ann": 4, "Bob": 3, "Cat": 3, "Dan": 2]), in: id, current: definition)
        let revision = try service.load(id).state.revision
        do {
            _ = try service.advance(id, current: definition)
            Issue.record("a tie for the last free place must stop the advance")
        } catch EngineError.ties(_, _, let ties, _) {
            #expect(ties.map(\.title) == ["deputy"])
            #expect(ties.first?.tie.names == ["bob", "cat"])
            #expect(ties.first?.labels == ["Bob", "Cat"])
            #expect(ties.first?.tie.placesLeft == 1)
            #expect(ties.first?.rule == .runOff)
        }
        #expect(try service.load(id).state.revision == revision, "a refused advance stores nothing")
        _ = try service.record(Fixtures.votes(["Ann": 4, "Bob": 4, "Cat": 3, "Dan": 3]), in: id, current: definition)
        let (decision, _) = try service.advance(id, current: definition)
        #expect(decision.titles[0].handedOn == ["ann", "bob"], "3 places, 1 kept: only 2 can be added")
        let cat = try #require(decision.titles[0].candidates.first { $0.name == "cat" })
        #expect(cat.verdict == .passedNotSelected)
        #expect(cat.rank == 3 && cat.check?.passes == true, "passes, rank 3, but the cap is full")
    }

    @Test func aMissedQuorumHoldsTheStepAgain() throws {
        let id = try atVote()
        _ = try service.record(StepRecord(step: "vote", present: 2), in: id, current: definition)
        let (decision, state) = try service.advance(id, current: definition)
        #expect(decision.outcome == .quorumNotMet)
        #expect(decision.quorum?.passes == false)
        #expect(state.currentStep == "vote")
        #expect(state.attempt == 2)
        #expect(state.record == nil)
        #expect(state.candidates?["deputy"] == ["ann", "bob", "cat"])
    }

    @Test func attendanceAloneNeverReadsAsZeroVotes() throws {
        let id = try atVote()
        _ = try service.record(StepRecord(step: "vote", present: 4), in: id, current: definition)
        #expect(throws: EngineError.nothingRecorded(step: "vote", needs: StepDecider.needs(definition.steps[1]))) {
            try service.advance(id, current: definition)
        }
        _ = try service.record(StepRecord(step: "vote", present: 1), in: id, current: definition)
        #expect(try service.advance(id, current: definition).0.outcome == .quorumNotMet, "attendance alone still decides the quorum")
    }

    @Test func aMeetingThatMissedItsQuorumIsMovedAndHeldAgain() throws {
        let id = try atVote()
        _ = try service.record(StepRecord(step: "vote", present: 2), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        let later = try MeetingTime(date: "2021-03-25", time: "08:30", timezone: MeetingTime.defaultTimeZone)
        try service.reschedule(id, to: later, place: "Hội trường", reason: "không đủ số thành viên", current: definition)
        let state = try service.load(id).state
        #expect(state.attempt == 2)
        #expect(state.rescheduled?.meets == later)
        #expect(state.opening?.attempt == 2)
    }

    @Test func whenNobodyPassesTheProcedureEndsWithNobodyAdded() throws {
        let id = try atVote()
        _ = try service.record(Fixtures.votes(["Ann": 1, "Bob": 2, "Cat": 0]), in: id, current: definition)
        let (decision, state) = try service.advance(id, current: definition)
        #expect(decision.guardTaken == .nobodyPasses)
        #expect(state.isFinished)
        #expect(state.added == ["deputy": []])
    }

    @Test func refusedCommandsLeaveTheHistoryUnchanged() throws {
        let id = try service.start(definition).id
        let before = try #require(try store.load(id)).events
        #expect(throws: EngineError.self) { try service.advance(id, current: definition) }
        #expect(throws: EngineError.self) { try service.record(Fixtures.votes(["Ann": 3]), in: id, current: definition) }
        var tooMany = Fixtures.agreed(["Ann"])
        tooMany.present = 9
        #expect(throws: EngineError.self) { try service.record(tooMany, in: id, current: definition) }
        #expect(try #require(try store.load(id)).events == before)
    }

    @Test func impossibleResultsAreRefusedWithEveryReason() throws {
        let id = try atVote()
        var record = Fixtures.votes(["Ann": 5, "Zed": 1])
        record.votes.append(TitleVotes(title: "deputyy", candidates: []))
        do {
            _ = try service.record(record, in: id, current: definition)
            Issue.record("expected a refusal")
        } catch EngineError.invalidRecord(_, let problems) {
            #expect(problems.has(.votesOverPresent, ["count": "4"]))
            #expect(problems.has(.unknownName, ["name": "Zed"]))
            #expect(problems.has(.unknownTitle, ["title": "deputyy"], suggestion: "'deputy'"))
        }
    }

    @Test func aChangedDefinitionIsRefusedUntilMigrated() throws {
        let id = try service.start(definition).id
        let changed = Fixtures.definition { $0.steps![1].time = "17:00" }
        do {
            _ = try service.record(Fixtures.agreed(["Ann"]), in: id, current: changed)
            Issue.record("expected a refusal")
        } catch EngineError.definitionChanged(_, let changes) {
            #expect(changes == [#"  steps[vote].meets.instant: "2021-03-18T09:00:00Z" → "2021-03-18T10:00:00Z""#,
                                #"  steps[vote].meets.time: "16:00" → "17:00""#])
        }
        let changes = try service.migrate(id, to: changed, reason: "meeting moved")
        #expect(changes.count == 2)
        _ = try service.record(Fixtures.agreed(["Ann"]), in: id, current: changed)
        #expect(try service.load(id).definition == changed)
        #expect(throws: EngineError.definitionUnchanged(instance: id)) { try service.migrate(id, to: changed, reason: "again") }
    }

    @Test func eachEventRecordsItsActor() throws {
        let id = try atVote()
        let events = try #require(try store.load(id)).events
        #expect(events.map(\.payload.kind) == ["started", "opened", "recorded", "advanced", "opened"])
        #expect(events.allSatisfy { $0.actor == "tester" })
        #expect(events.map(\.sequence) == [1, 2, 3, 4, 5])
        guard case .opened(let opening) = events[4].payload else {
            Issue.record("the next step opens with a snapshot")
            return
        }
        #expect(opening.step == "vote")
        #expect(opening.members == ["Ann (member)", "Bob (member)", "Cat (member)", "Dan (member)"])
        #expect(EventChain.verify(try #require(try store.load(id))) == nil)
    }
}
