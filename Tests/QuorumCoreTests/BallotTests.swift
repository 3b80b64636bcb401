import Foundation
@testable import QuorumCore
import Testing

struct BallotTests {
    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "clerk") }

    static let ruleSet: RuleSet = {
        var document = Fixtures.ruleSetDocument
        document.rules! += [
            RuleDocument(id: "not-blank", kind: "ballot-validity", name: "Blank papers are invalid", expression: "ballot.marked.size() > 0"),
            RuleDocument(id: "listed-only", kind: "ballot-validity", name: "Only listed candidates",
                         expression: "ballot.marked.all(n, n in candidates)"),
            RuleDocument(id: "decide-ties", kind: "selection", cap: 3, ties: "body-decision"),
        ]
        return RuleSetValidator().validate(document, file: "test").0!
    }()

    static func definition(secrecy: String? = nil, ties: String = "top-three") -> WorkflowDefinition {
        var document = Fixtures.document()
        document.steps![1].ballotValidity = ["not-blank", "listed-only"]
        document.steps![1].secrecy = secrecy
        document.steps![1].selection = ties
        return WorkflowValidator(ruleSets: [ruleSet]).validate(document, name: "track").0!
    }

    private func atVote(_ definition: WorkflowDefinition, candidates: [String] = ["Ann", "Bob", "Cat"]) throws -> String {
        try Fixtures.atVote(service, definition, candidates: candidates)
    }

    private func problems(_ record: StepRecord, _ definition: WorkflowDefinition = definition()) throws -> [RecordProblem] {
        let id = try atVote(definition)
        let before = try #require(try store.load(id)).events
        defer { #expect((try? store.load(id))?.events == before, "a refused record stores nothing") }
        do {
            _ = try service.record(record, in: id, current: definition)
            return []
        } catch EngineError.invalidRecord(_, let problems) {
            return problems
        }
    }

    @Test func moreBallotsThanPeoplePresentIsRefused() throws {
        var record = Fixtures.votes(["Ann": 3], present: 3)
        record.ballots = BallotCount(issued: 4, returned: 3, valid: 3, invalid: 0)
        #expect(try problems(record).has(.issuedOverPresent, ["issued": "4", "present": "3"]))
    }

    @Test func moreReturnedThanIssuedIsRefused() throws {
        var record = Fixtures.votes(["Ann": 3])
        record.ballots = BallotCount(issued: 3, returned: 4, valid: 4, invalid: 0)
        #expect(try problems(record).has(.returnedOverIssued, ["returned": "4", "issued": "3"]))
    }

    @Test func validAndInvalidMustAddUpToReturned() throws {
        var record = Fixtures.votes(["Ann": 3])
        record.ballots = BallotCount(issued: 4, returned: 4, valid: 3, invalid: 0)
        #expect(try problems(record).has(.validPlusInvalid, ["valid": "3", "invalid": "0", "returned": "4"]))
    }

    @Test func moreApprovalsThanValidBallotsIsRefused() throws {
        var record = Fixtures.votes(["Ann": 4, "Bob": 2])
        record.ballots = BallotCount(issued: 4, returned: 4, valid: 3, invalid: 1)
        #expect(try problems(record).has(.votesOverValidBallots, ["name": "Ann", "votes": "4", "count": "3"]))
    }

    @Test func papersAreCheckedCountedAndKeptOnlyAsSecrecyAllows() throws {
        let definition = Self.definition(secrecy: "unordered")
        let id = try atVote(definition)
        var record = StepRecord(step: "vote", present: 4, ballots: BallotCount(issued: 4, returned: 0, valid: 0, invalid: 0))
        record.papers = [["Bob", "Ann"], ["Ann"], [], ["Zed"]].enumerated().map {
            BallotPaper(number: $0.offset + 1, marks: [TitleList(title: "", names: $0.element)])
        }
        _ = try service.record(record, in: id, current: definition)
        let stored = try #require(service.load(id).state.record)
        #expect(stored.ballots == BallotCount(issued: 4, returned: 4, valid: 2, invalid: 2))
        #expect(stored.votes(for: "deputy") == [CandidateVotes(name: "ann", votes: 2), CandidateVotes(name: "bob", votes: 1)])
        #expect(stored.papers.allSatisfy { $0.number == nil }, "unordered papers keep no numbers")
        #expect(stored.papers == stored.papers.sorted(), "and no counting order")
        #expect(stored.papers.filter { $0.valid == false }.compactMap(\.invalidBecause).sorted() == ["Blank papers are invalid", "Only listed candidates"])
    }

    @Test func aSecretBallotKeepsOnlyTotalsAndNoVoterAnywhere() throws {
        let definition = Self.definition()
        let id = try atVote(definition)
        var record = StepRecord(step: "vote", present: 4, ballots: BallotCount(issued: 4, returned: 0, valid: 0, invalid: 0))
        record.papers = (1...4).map { BallotPaper(number: $0, marks: [TitleList(title: "deputy", names: $0 % 2 == 0 ? ["Ann"] : ["Bob", "Ann"])]) }
        _ = try service.record(record, in: id, current: definition)
        let events = try #require(try store.load(id)).events
        let stored = try JSONEncoder().encode(events.map(\.payload))
        let text = String(decoding: stored, as: UTF8.self)
        #expect(!text.contains("papers\":[{"), "no paper of a secret ballot is stored")
        #expect(!text.contains("\"number\""), "no ballot number is stored")
        #expect(try service.load(id).state.record?.votes(for: "deputy") == [CandidateVotes(name: "ann", votes: 4), CandidateVotes(name: "bob", votes: 2)])
    }

    @Test func aSecretBallotCannotKeepNumberedPapers() {
        var document = Fixtures.document()
        document.steps![1].secrecy = "numbered"
        let problems = WorkflowValidator(ruleSets: [Self.ruleSet]).validate(document, name: "track").1
        #expect(problems.contains { $0.path.description == "steps[1].secrecy" && $0.message.english.contains("cannot keep numbered papers") })
    }

    @Test func aRunOffSettlesATieAtTheCap() throws {
        let definition = Self.definition()
        let id = try atVote(definition, candidates: ["Ann", "Bob", "Cat", "Dan"])
        _ = try service.record(Fixtures.votes(["Ann": 4, "Bob": 3, "Cat": 3, "Dan": 3]), in: id, current: definition)
        #expect(throws: EngineError.self) { try service.advance(id, current: definition) }
        var runOff = Fixtures.votes(["Bob": 2, "Cat": 2, "Dan": 0])
        runOff.runOff = true
        _ = try service.record(runOff, in: id, current: definition)
        #expect(throws: EngineError.self, "a tied run-off is still a tie") { try service.advance(id, current: definition) }
        runOff = Fixtures.votes(["Bob": 1, "Cat": 3, "Dan": 0])
        runOff.runOff = true
        _ = try service.record(runOff, in: id, current: definition)
        let (decision, _) = try service.advance(id, current: definition)
        #expect(decision.titles[0].handedOn == ["ann", "cat"])
        #expect(decision.titles[0].candidates.first { $0.name == "cat" }?.tieBreak == TieBreak(method: .runOff, votes: 3))
    }

    @Test func theBodysDecisionSettlesATieWhenTheRuleSaysSo() throws {
        let definition = Self.definition(ties: "decide-ties")
        let id = try atVote(definition, candidates: ["Ann", "Bob", "Cat"])
        _ = try service.record(Fixtures.votes(["Ann": 4, "Bob": 3, "Cat": 3]), in: id, current: definition)
        #expect(throws: EngineError.self) { try service.advance(id, current: definition) }
        _ = try service.decide([.init(title: "deputy", chosen: ["Cat"], reason: "biểu quyết của tập thể")], in: id, current: definition)
        let (decision, _) = try service.advance(id, current: definition)
        #expect(decision.titles[0].handedOn == ["ann", "cat"])
        #expect(try #require(try store.load(id)).events.map(\.payload.kind).contains("tie-decided"))
    }
}
