import Foundation
@testable import QuorumCore
import QuorumRules
import Testing

/// Every command tells the truth: what it refuses, it refuses before storing anything, and it says what blocks.
struct RefusalTests {
    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "clerk") }

    /// The fixture with a second title, and the tie rule given.
    static func definition(ties: String = "run-off") -> WorkflowDefinition {
        var rules = Fixtures.ruleSetDocument
        rules.rules![2].ties = ties
        let ruleSet = RuleSetValidator().validate(rules, file: "test").0!
        var document = Fixtures.document()
        document.titles! += [TitleDocument(id: "head", name: "Head")]
        return WorkflowValidator(ruleSets: [ruleSet]).validate(document, name: "track").0!
    }

    private func atVote(_ definition: WorkflowDefinition) throws -> String {
        let id = try service.start(definition).id
        var agreed = Fixtures.agreed(["Ann", "Bob", "Cat", "Dan"])
        agreed.agreed.append(TitleList(title: "head", names: ["Ann", "Bob", "Cat", "Dan"]))
        _ = try service.record(agreed, in: id, current: definition)
        _ = try service.advance(id, current: definition)
        return id
    }

    private func votes(_ deputy: [String: Int], _ head: [String: Int], present: Int = 4) -> StepRecord {
        var record = Fixtures.votes(deputy, present: present)
        record.votes.append(TitleVotes(title: "head", candidates: head.sorted { $0.key < $1.key }.map { CandidateVotes(name: $0.key, votes: $0.value) }))
        return record
    }

    @Test func votesFromAMeetingThatMissedItsQuorumAreRefused() throws {
        let definition = Self.definition()
        let id = try atVote(definition)
        #expect(throws: EngineError.self) { try service.record(Fixtures.votes(["Ann": 2], present: 2), in: id, current: definition) }
        _ = try service.record(StepRecord(step: "vote", present: 2), in: id, current: definition)
        #expect(try service.advance(id, current: definition).0.outcome == .quorumNotMet)
    }

    @Test func everyTieIsReportedAtOnceAndSettledTitlesWait() throws {
        let definition = Self.definition()
        let id = try atVote(definition)
        _ = try service.record(votes(["Ann": 4, "Bob": 3, "Cat": 3], ["Ann": 4, "Bob": 4, "Cat": 4, "Dan": 4]), in: id, current: definition)
        let state = try service.load(id)
        guard case .ties(_, _, let ties, let settled)? = service.blocker(state) as? EngineError else {
            Issue.record("the step is blocked by its ties")
            return
        }
        #expect(ties.map(\.title) == ["deputy", "head"])
        #expect(ties.map(\.tie.placesLeft) == [1, 3])
        #expect(settled.isEmpty)
        _ = try service.record(votes(["Ann": 4, "Bob": 3, "Cat": 2], ["Ann": 4, "Bob": 4, "Cat": 4, "Dan": 4]), in: id, current: definition)
        guard case .ties(_, _, let remaining, let waiting)? = service.blocker(try service.load(id)) as? EngineError else {
            Issue.record("one tie is left")
            return
        }
        #expect(remaining.map(\.title) == ["head"])
        #expect(waiting.map(\.title) == ["deputy"], "a settled title waits for the others, decided")
    }

    /// A province's step of many titles is decided on every core; what it reports keeps the definition's order.
    @Test func theTitlesOfALargeStepAreReportedInTheirOrder() throws {
        var document = Fixtures.document()
        let extra = (0..<99).map { String(format: "t-%02d", $0) }
        document.titles! += extra.map { TitleDocument(id: $0, name: "Title \($0)") }
        let definition = WorkflowValidator(ruleSets: [RuleSetValidator().validate(Fixtures.ruleSetDocument, file: "test").0!])
            .validate(document, name: "track").0!
        #expect(definition.titles.count == 100)
        let id = try service.start(definition).id
        var agreed = Fixtures.agreed(["Ann", "Bob", "Cat", "Dan"])
        agreed.agreed += extra.map { TitleList(title: $0, names: ["Ann", "Bob", "Cat", "Dan"]) }
        _ = try service.record(agreed, in: id, current: definition)
        _ = try service.advance(id, current: definition)
        // Ties for the last place where the title's number is a multiple of 7; a clear order elsewhere.
        var record = Fixtures.votes(["Ann": 4, "Bob": 3, "Cat": 2])
        for (number, title) in extra.enumerated() {
            let tied = number % 7 == 0
            record.votes.append(TitleVotes(title: title, candidates: [CandidateVotes(name: "Ann", votes: 4), CandidateVotes(name: "Bob", votes: 4),
                                                                      CandidateVotes(name: "Cat", votes: tied ? 4 : 3), CandidateVotes(name: "Dan", votes: tied ? 4 : 1)]))
        }
        _ = try service.record(record, in: id, current: definition)
        guard case .ties(_, _, let ties, let settled)? = service.blocker(try service.load(id)) as? EngineError else {
            Issue.record("the step is blocked by its ties")
            return
        }
        let tied = extra.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        #expect(ties.map(\.title) == tied)
        #expect(settled.map(\.title) == definition.titles.map(\.id).filter { !tied.contains($0) })
    }

    @Test func aRunOffNamesOnlyTheTied() throws {
        let definition = Self.definition()
        let id = try atVote(definition)
        var noTie = votes(["Ann": 4, "Bob": 3], ["Ann": 4])
        noTie.runOff = true
        #expect(throws: EngineError.self, "no run-off without a tie") { try service.record(noTie, in: id, current: definition) }
        _ = try service.record(votes(["Ann": 4, "Bob": 3, "Cat": 3], ["Ann": 4]), in: id, current: definition)
        var runOff = Fixtures.votes(["Ann": 1, "Bob": 3, "Cat": 1])
        runOff.runOff = true
        do {
            _ = try service.record(runOff, in: id, current: definition)
            Issue.record("Ann is not tied")
        } catch EngineError.invalidRecord(_, let problems) {
            #expect(problems.count == 1 && problems.has(.notAmongTied, ["name": "Ann", "title": "deputy", "tied": "Bob, Cat"]))
        }
        runOff = Fixtures.votes(["Bob": 3, "Cat": 1])
        runOff.runOff = true
        _ = try service.record(runOff, in: id, current: definition)
        #expect(try service.advance(id, current: definition).0.titles[0].handedOn == ["ann", "bob"])
    }

    @Test func decideIsRefusedWhenThereIsNothingTheBodyMayDecide() throws {
        let definition = Self.definition()
        let id = try atVote(definition)
        _ = try service.record(votes(["Ann": 4, "Bob": 3, "Cat": 3], ["Ann": 4]), in: id, current: definition)
        #expect(throws: EngineError.noDecisionExpected(step: "vote", title: "deputy", reason: .runOffRequired)) {
            try service.decide([.init(title: "deputy", chosen: ["Bob"], reason: "x")], in: id, current: definition)
        }
        #expect(throws: EngineError.noDecisionExpected(step: "vote", title: "head", reason: .noTie)) {
            try service.decide([.init(title: "head", chosen: ["Ann"], reason: "x")], in: id, current: definition)
        }
        let either = Self.definition(ties: "run-off-or-decision")
        let other = try InstanceService(store: store, actor: "clerk").start(either, another: true).id
        var agreed = Fixtures.agreed(["Ann", "Bob", "Cat"])
        agreed.agreed.append(TitleList(title: "head", names: ["Ann"]))
        _ = try service.record(agreed, in: other, current: either)
        _ = try service.advance(other, current: either)
        _ = try service.record(votes(["Ann": 4, "Bob": 3, "Cat": 3], ["Ann": 4]), in: other, current: either)
        #expect(throws: EngineError.noDecisionExpected(step: "vote", title: "deputy", reason: .notAmongTied("Ann", tied: ["Bob", "Cat"]))) {
            try service.decide([.init(title: "deputy", chosen: ["Ann"], reason: "x")], in: other, current: either)
        }
        _ = try service.decide([.init(title: "deputy", chosen: ["Cat"], reason: "the body voted by show of hands")], in: other, current: either)
        let (decision, _) = try service.advance(other, current: either)
        #expect(decision.titles[0].handedOn == ["ann", "cat"])
        #expect(decision.titles[0].candidates.first { $0.name == "cat" }?.tieBreak == TieBreak(method: .bodyDecision, reason: "the body voted by show of hands"))
    }

    @Test func aSecondRunningInstanceMustBeAskedFor() throws {
        let definition = Self.definition()
        let first = try service.start(definition).id
        #expect(throws: EngineError.runningInstance(workflow: "track", instances: [first])) { try service.start(definition) }
        #expect(try service.start(definition, another: true).id == "track-2")
    }

    @Test func aMeetingCannotMoveBeforeTheStepItFollows() throws {
        let definition = Self.definition()
        let id = try atVote(definition)
        let early = try MeetingTime(date: "2021-03-11", time: "09:00", timezone: MeetingTime.defaultTimeZone)
        #expect(throws: EngineError.movedBeforePrevious(step: "vote", previous: "agree", previousTime: definition.steps[0].meets!)) {
            try service.reschedule(id, to: early, place: nil, reason: "x", current: definition)
        }
    }

    @Test func aMeetingThatFollowsAnotherTrackWaitsForIt() throws {
        let first = Fixtures.definition()
        var document = Fixtures.document()
        document.id = "second"
        document.steps![0].date = nil
        document.steps![0].time = nil
        document.steps![0].after = RelativeTimeDocument(step: "agree", workflow: "track", by: "1h")
        let second = try #require(WorkflowValidator(ruleSets: [Fixtures.ruleSet], otherTimes: ["track": ["agree": first.steps[0].meets!]])
            .validate(document, name: "second").0)
        #expect(second.steps[0].follows == StepReference(workflow: "track", step: "agree"))
        let id = try service.start(second).id
        #expect(throws: EngineError.outOfOrder(step: "agree", follows: StepReference(workflow: "track", step: "agree"))) {
            try service.record(Fixtures.agreed(["Ann"]), in: id, current: second)
        }
        var early = Fixtures.agreed(["Ann"])
        early.outOfOrder = "the chair had to leave; agreed by the Standing Committee"
        _ = try service.record(early, in: id, current: second)
        let other = try service.start(first).id
        _ = try service.record(Fixtures.agreed(["Ann"]), in: other, current: first)
        _ = try service.advance(other, current: first)
        _ = try service.record(Fixtures.agreed(["Bob"]), in: id, current: second)
    }
}

extension RefusalTests {
    @Test func aMeetingOvertakenByTheOneItFollowsMustBeMovedFirst() throws {
        let definition = Fixtures.definition()
        let id = try service.start(definition).id
        let late = try MeetingTime(date: "2021-03-20", time: "09:00", timezone: MeetingTime.defaultTimeZone)
        let overtaken = try service.reschedule(id, to: late, place: nil, reason: "the chair is away", current: definition)
        #expect(overtaken.map(\.id) == ["vote"], "the vote was planned for 18/03")
        _ = try service.record(Fixtures.agreed(["Ann"]), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        #expect(throws: EngineError.movedBeforePrevious(step: "vote", previous: "agree", previousTime: late)) {
            try service.record(Fixtures.votes(["Ann": 4]), in: id, current: definition)
        }
        let after = try MeetingTime(date: "2021-03-22", time: "09:00", timezone: MeetingTime.defaultTimeZone)
        _ = try service.reschedule(id, to: after, place: nil, reason: "after the discussion", current: definition)
        _ = try service.record(Fixtures.votes(["Ann": 4]), in: id, current: definition)
    }
}

/// What was recorded about a held meeting is frozen, and no input can be beyond what a body can produce.
struct FrozenPastAndBoundsTests {
    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "clerk") }
    let definition = Fixtures.definition()

    @Test func aMigrationMayChangeOnlyStepsNotYetHeld() throws {
        let id = try service.start(definition).id
        _ = try service.record(Fixtures.agreed(["Ann", "Bob"]), in: id, current: definition)
        let movedDiscussion = Fixtures.definition { $0.steps![0].place = "Nhà riêng" }
        do {
            _ = try service.migrate(id, to: movedDiscussion, reason: "x")
            Issue.record("the discussion was held: its place is frozen")
        } catch EngineError.frozenPast(_, let steps, let changes) {
            #expect(steps == ["agree"])
            #expect(changes == [#"  steps[agree].place: — → "Nhà riêng""#])
        }
        _ = try service.advance(id, current: definition)
        let movedVote = Fixtures.definition { $0.steps![1].place = "Hội trường" }
        #expect(try service.migrate(id, to: movedVote, reason: "the vote moves").count == 1, "a step not yet held may change")
        _ = try service.record(Fixtures.votes(["Ann": 4, "Bob": 3]), in: id, current: movedVote)
        _ = try service.advance(id, current: movedVote)
        #expect(throws: EngineError.frozenPast(instance: id, steps: [], changes: [#"  steps[vote].place: "Hội trường" → —"#])) {
            try service.migrate(id, to: definition, reason: "after the end")
        }
    }

    @Test func votesBeyondTheBodyAndBallotsWithoutAttendanceAreRefused() throws {
        let id = try service.start(definition).id
        _ = try service.record(Fixtures.agreed(["Ann", "Bob"]), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        var record = Fixtures.votes(["Ann": 10_000_000_000_000_000])
        record.present = nil
        do {
            _ = try service.record(record, in: id, current: definition)
            Issue.record("votes beyond the body are refused")
        } catch EngineError.invalidRecord(_, let problems) {
            #expect(problems.has(.votesOverMembers, ["name": "Ann", "votes": "10000000000000000", "count": "4", "body": "Council"]))
            #expect(problems.has(.ballotNeedsPresent))
        }
        var negative = Fixtures.votes(["Ann": 3])
        negative.ballots = BallotCount(issued: -1, returned: 0, valid: 0, invalid: 0)
        #expect(throws: EngineError.self) { try service.record(negative, in: id, current: definition) }
    }

    @Test func papersAreBoundedByThoseWhoCouldVoteAndHoldOnlyTitles() throws {
        let id = try service.start(definition).id
        _ = try service.record(Fixtures.agreed(["Ann", "Bob"]), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        var record = StepRecord(step: "vote", present: 3, ballots: BallotCount(issued: 3, returned: 0, valid: 0, invalid: 0))
        record.papers = (1...5).map { BallotPaper(number: $0, marks: [TitleList(title: "deputy", names: ["Ann"])]) }
        record.papers.append(BallotPaper(number: 6, marks: [TitleList(title: "voter", names: ["Nguyễn Văn Cử tri"])]))
        do {
            _ = try service.record(record, in: id, current: definition)
            Issue.record("more papers than people present are refused")
        } catch EngineError.invalidRecord(_, let problems) {
            #expect(problems.has(.papersOverPresent, ["papers": "6", "present": "3"]))
            #expect(problems.has(.papersOverIssued, ["papers": "6", "issued": "3"]))
            #expect(problems.has(.notATitleOnPaper, ["title": "voter"]))
        }
    }
}
