import Foundation
@testable import QuorumCore
import Testing

/// The review half of "rà soát, bổ sung": people kept are screened and each is kept or removed with a reason; the
/// leadership decides the list after a ballot; the limit on titles per person holds across the cycle.
struct ReviewTests {
    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "clerk") }

    static let ruleSet: RuleSet = {
        var document = Fixtures.ruleSetDocument
        document.rules! += [
            Fixtures.goodRatingsLastYear,
            RuleDocument(id: "reference", kind: "threshold", base: "members-present", comparison: "more-than", fraction: "1/2"),
        ]
        document.limits = LimitsDocument(titlesPerPerson: 1)
        return RuleSetValidator().validate(document, file: "test").0!
    }()

    /// A review meeting, a nomination ballot whose list the council decides, then the vote.
    static func definition(_ edit: (inout WorkflowDocument) -> Void = { _ in }) -> WorkflowDefinition {
        var document = Fixtures.document()
        document.year = 2021
        document.term = "2021-2026"
        document.cycle = "test cycle"
        document.eligibility = ["good-ratings"]
        document.people! += [PersonDocument(id: "lan", name: "Lan")]
        document.titles = [TitleDocument(id: "deputy", name: "Deputy", kept: ["kim", "lan"])]
        document.steps![0].review = true
        document.steps!.insert(StepDocument(id: "nominate", name: "Nominations", body: "council", form: "nomination-ballot",
                                            date: "2021-03-15", time: "14:00", threshold: "reference", listDecidedBy: "council"), at: 1)
        edit(&document)
        let (definition, problems) = WorkflowValidator(ruleSets: [ruleSet]).validate(document, name: "track")
        precondition(definition != nil, "\(problems)")
        return definition!
    }

    static func person(_ id: String, _ name: String, rating: String = "HTTNV", title: String? = nil, planned: [String] = []) -> RosterPerson {
        RosterPerson(id: id, name: name, currentTitle: title, ratings: [.init(year: 2020, text: rating)], plannedTitles: planned)
    }

    static let roster = Roster(people: [
        person("1", "Ann"), person("2", "Bob"), person("3", "Cat", planned: ["Head of A", "Head of B"]), person("4", "Dan"),
        person("9", "Kim"), person("10", "Lan", rating: "KHTNV"),
    ], source: "test")

    private func started(_ definition: WorkflowDefinition, roster: Roster = roster, in service: InstanceService? = nil) throws -> String {
        let service = service ?? self.service
        let id = try service.start(definition, another: true).id
        try service.importRoster(roster, into: id, current: definition)
        return id
    }

    private func review(_ entries: [ReviewEntry], agreed: [String] = ["Ann", "Bob", "Cat"]) -> StepRecord {
        var record = Fixtures.agreed(agreed)
        record.review = entries
        return record
    }

    @Test func everyKeptPersonIsReviewedAndOneWhoFailsNeedsAReasonToStay() throws {
        let definition = Self.definition()
        let id = try started(definition)
        _ = try service.record(Fixtures.agreed(["Ann"]), in: id, current: definition)
        #expect(throws: EngineError.nothingRecorded(step: "agree", needs: [.review(title: "deputy", people: ["Kim", "Lan"])])) {
            try service.advance(id, current: definition)
        }
        _ = try service.correct(review([ReviewEntry(title: "deputy", person: "Kim", decision: .keep),
                                        ReviewEntry(title: "deputy", person: "Lan", decision: .keep)]), in: id, reason: "review added", current: definition)
        do {
            _ = try service.advance(id, current: definition)
            Issue.record("a kept person who fails the standards cannot stay silently")
        } catch EngineError.keptNeedsReason(let title, let person, let findings, let appointed) {
            #expect(title == "deputy" && person == "Lan" && !appointed)
            #expect(findings.first?.outcome == .doesNotMeet && findings.first?.name == "Rated good last year")
        }
        let removal = review([ReviewEntry(title: "deputy", person: "Kim", decision: .keep),
                              ReviewEntry(title: "deputy", person: "Lan", decision: .remove)])
        #expect(throws: EngineError.self, "a removal needs a reason") { try service.correct(removal, in: id, reason: "x", current: definition) }
        _ = try service.correct(review([ReviewEntry(title: "deputy", person: "Kim", decision: .keep),
                                        ReviewEntry(title: "deputy", person: "Lan", decision: .remove, reason: "not rated good in 2020")]),
                                in: id, reason: "the body's review", current: definition)
        let (decision, state) = try service.advance(id, current: definition)
        #expect(decision.titles[0].review?.map(\.decision) == [.keep, .remove])
        #expect(decision.titles[0].kept == 1, "the removal frees a place under the cap")
        #expect(state.kept("deputy") == ["kim"])
        #expect(state.reviews("deputy").first { $0.person == "lan" }?.reason == "not rated good in 2020")
    }

    @Test func aKeptPersonWhoNowHoldsTheTitleIsProposedForRemovalAsAppointed() throws {
        let definition = Self.definition()
        var people = Self.roster.people
        people[4].currentTitle = "Deputy"
        let id = try started(definition, roster: Roster(people: people, source: "test"))
        _ = try service.record(review([ReviewEntry(title: "deputy", person: "Kim", decision: .keep),
                                       ReviewEntry(title: "deputy", person: "Lan", decision: .remove, reason: "x")]), in: id, current: definition)
        #expect(throws: EngineError.keptNeedsReason(title: "deputy", person: "Kim", findings: [], appointed: true)) {
            try service.advance(id, current: definition)
        }
    }

    @Test func theLeadershipDecidesTheListOnTheCountsWithAReasonBelowTheReference() throws {
        let definition = Self.definition()
        let id = try started(definition)
        _ = try service.record(review([ReviewEntry(title: "deputy", person: "Kim", decision: .keep),
                                       ReviewEntry(title: "deputy", person: "Lan", decision: .remove, reason: "x")]), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        _ = try service.record(StepRecord(step: "nominate", present: 4, votes: [TitleVotes(title: "deputy", candidates: [
            CandidateVotes(name: "Ann", votes: 4), CandidateVotes(name: "Bob", votes: 1), CandidateVotes(name: "Cat", votes: 3)])]),
                               in: id, current: definition)
        #expect(throws: EngineError.nothingRecorded(step: "nominate", needs: [.listDecision(body: "council", titles: ["deputy"])])) {
            try service.advance(id, current: definition)
        }
        #expect(throws: EngineError.noDecisionExpected(step: "nominate", title: "deputy", reason: .notACandidate("Dan"))) {
            try service.decide([.init(title: "deputy", chosen: ["Dan"], reason: nil)], in: id, current: definition)
        }
        _ = try service.decide([.init(title: "deputy", chosen: ["Ann", "Bob"], reason: nil)], in: id, current: definition)
        #expect(throws: EngineError.belowReferenceWithoutReason(step: "nominate", title: "deputy", people: ["Bob"])) {
            try service.advance(id, current: definition)
        }
        _ = try service.decide([.init(title: "deputy", chosen: ["Ann", "Bob"], reason: "Bob's experience")], in: id, current: definition)
        let (decision, state) = try service.advance(id, current: definition)
        #expect(decision.titles[0].handedOn == ["ann", "bob"], "the body's list, not an automatic threshold")
        #expect(decision.titles[0].candidates.first { $0.name == "cat" }?.verdict == .notChosen)
        #expect(state.candidates?["deputy"] == ["ann", "bob"])
    }

    /// Read from the other track's summary where the store keeps one, else from its folded history.
    @Test(arguments: [true, false]) func theLimitOnTitlesPerPersonHoldsAcrossTheCycle(keepsSummaries: Bool) throws {
        let service = InstanceService(store: MemoryInstanceStore(keepsSummaries: keepsSummaries), actor: "clerk")
        let definition = Self.definition()
        let other = Self.definition { document in
            document.id = "other-track"
            document.titles = [TitleDocument(id: "head", name: "Head of C")]
            document.steps![0].review = nil
        }
        // Another track of the same cycle has already planned Ann as Head of C.
        let elsewhere = try started(other, in: service)
        _ = try service.record(StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "head", names: ["Ann"])]), in: elsewhere, current: other)
        _ = try service.advance(elsewhere, current: other)
        _ = try service.record(StepRecord(step: "nominate", present: 4, votes: [TitleVotes(title: "head", candidates: [CandidateVotes(name: "Ann", votes: 4)])]),
                               in: elsewhere, current: other)
        _ = try service.decide([.init(title: "head", chosen: ["Ann"], reason: nil)], in: elsewhere, current: other)
        _ = try service.advance(elsewhere, current: other)
        _ = try service.record(StepRecord(step: "vote", present: 4, votes: [TitleVotes(title: "head", candidates: [CandidateVotes(name: "Ann", votes: 4)])]),
                               in: elsewhere, current: other)
        #expect(try service.advance(elsewhere, current: other).1.added == ["head": ["ann"]])
        #expect(try service.store.summaries().isEmpty != keepsSummaries)

        let id = try started(definition, in: service)
        _ = try service.record(review([ReviewEntry(title: "deputy", person: "Kim", decision: .keep),
                                       ReviewEntry(title: "deputy", person: "Lan", decision: .remove, reason: "x")], agreed: ["Ann", "Cat"]),
                               in: id, current: definition)
        _ = try service.advance(id, current: definition)
        _ = try service.record(StepRecord(step: "nominate", present: 4, votes: [TitleVotes(title: "deputy", candidates: [
            CandidateVotes(name: "Ann", votes: 4), CandidateVotes(name: "Cat", votes: 4)])]), in: id, current: definition)
        _ = try service.decide([.init(title: "deputy", chosen: ["Ann", "Cat"], reason: nil)], in: id, current: definition)
        _ = try service.advance(id, current: definition)
        _ = try service.record(Fixtures.votes(["Ann": 4, "Cat": 4]), in: id, current: definition)
        do {
            _ = try service.advance(id, current: definition)
            Issue.record("Cat would hold 3 titles, and Ann this one besides one in another track")
        } catch EngineError.overLimit(let loads) {
            #expect(loads.map(\.person) == ["Ann", "Cat"])
            #expect(loads.first?.titles == ["Deputy", "Head of C"], "another track of the same cycle counts")
            #expect(loads.last?.titles == ["Deputy", "Head of A", "Head of B"])
        }
        _ = try service.recordOverride(Override(person: "Ann", rule: Override.titleLimit, reason: "decided by the Standing Committee"), in: id, current: definition)
        _ = try service.recordOverride(Override(person: "Cat", rule: Override.titleLimit, reason: "decided by the Standing Committee"), in: id, current: definition)
        let (decision, _) = try service.advance(id, current: definition)
        #expect(decision.titles[0].overLimit?.map(\.overriddenBecause) == ["decided by the Standing Committee", "decided by the Standing Committee"])
    }

    @Test func aCapBeyondTheRuleSetIsAValidationError() {
        var document = Fixtures.document()
        document.titles = [TitleDocument(id: "deputy", name: "Deputy", cap: 5)]
        let problems = WorkflowValidator(ruleSets: [Fixtures.ruleSet]).validate(document, name: "track").1
        #expect(problems.contains { $0.path.description == "titles[0].cap" && $0.message.english == "cap 5 is more than rule set 'test-rules' allows (at most 3 people per title)" })
    }
}
