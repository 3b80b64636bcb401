import Foundation
@testable import QuorumCore
import Testing

struct ScreeningTests {
    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "tester") }

    static let ruleSet: RuleSet = {
        var document = Fixtures.ruleSetDocument
        document.rules! += [
            RuleDocument(id: "good-ratings", kind: "eligibility", name: "Rated good three years",
                         expression: "person.ratings.filter(y, y >= cycle.year - 3 && person.ratings[y] in ['HTTNV', 'HTXSNV']).size() == 3"),
            RuleDocument(id: "women-share", kind: "structure", name: "At least one woman",
                         expression: "people.exists(p, has(p.gender) && p.gender == 'nữ')", binding: true),
        ]
        return RuleSetValidator().validate(document, file: "test").0!
    }()

    let definition: WorkflowDefinition = {
        var document = Fixtures.document()
        document.year = 2021
        document.term = "2021-2026"
        document.eligibility = ["good-ratings"]
        document.structure = ["women-share"]
        return WorkflowValidator(ruleSets: [ScreeningTests.ruleSet]).validate(document, name: "track").0!
    }()

    let roster = Roster(people: [
        RosterPerson(id: "1", name: "Ann", gender: "nữ", ratings: [.init(year: 2018, text: "HTTNV"), .init(year: 2019, text: "HTTNV"), .init(year: 2020, text: "HTXSNV")]),
        RosterPerson(id: "2", name: "Bob", gender: "nam", ratings: [.init(year: 2018, text: "HTTNV"), .init(year: 2019, text: "HTNV"), .init(year: 2020, text: "HTTNV")]),
        RosterPerson(id: "3", name: "Cat", gender: "nam", ratings: [.init(year: 2018, text: "HTTNV"), .init(year: 2019, text: "HTTNV"), .init(year: 2020, text: "HTTNV")]),
        RosterPerson(id: "4", name: "Kim", gender: "nam", ratings: [.init(year: 2018, text: "HTTNV"), .init(year: 2019, text: "HTTNV"), .init(year: 2020, text: "HTTNV")]),
    ], source: "test")

    @Test func withoutARosterTheStepRefusesInsteadOfFailingEveryone() throws {
        let id = try service.start(definition).id
        _ = try service.record(Fixtures.agreed(["Ann", "Bob"]), in: id, current: definition)
        #expect(throws: EngineError.rosterMissing(instance: id, step: "agree")) { try service.advance(id, current: definition) }
    }

    @Test func anIneligibleCandidateIsNotHandedOnAndSaysWhy() throws {
        let id = try service.start(definition).id
        try service.importRoster(roster, into: id, current: definition)
        _ = try service.record(Fixtures.agreed(["Ann", "Bob", "Dan"]), in: id, current: definition)
        let (decision, state) = try service.advance(id, current: definition)
        #expect(state.candidates?["deputy"] == ["ann"])
        let bob = try #require(decision.titles[0].candidates.first { $0.name == "bob" })
        #expect(bob.verdict == .ineligible)
        let failed = try #require(bob.screening.first { $0.blocks })
        #expect(failed.outcome == .doesNotMeet && failed.name == "Rated good three years")
        #expect(failed.detail == "ratings = {2018: \"HTTNV\", 2019: \"HTNV\", 2020: \"HTTNV\"}, cycle.year = 2021", "the data behind the verdict")
        let dan = try #require(decision.titles[0].candidates.first { $0.name == "dan" })
        #expect(dan.screening.first?.outcome == .notInRoster && dan.screening.first?.detail == "Dan")
    }

    @Test func aRecordedOverrideLetsThemThroughAndIsShown() throws {
        let id = try service.start(definition).id
        try service.importRoster(roster, into: id, current: definition)
        let stored = try service.recordOverride(Override(person: "Bob", rule: "good-ratings", reason: "the body agreed"), in: id, current: definition)
        #expect(stored.person == "bob", "an override names the person by id")
        #expect(throws: EngineError.unknownPerson("Bobby", likely: ["'Bob' (2)"])) {
            try service.recordOverride(Override(person: "Bobby", rule: "good-ratings", reason: "x"), in: id, current: definition)
        }
        #expect(throws: EngineError.self) {
            try service.recordOverride(Override(person: "Bob", rule: "no-such-rule", reason: "x"), in: id, current: definition)
        }
        _ = try service.record(Fixtures.agreed(["Ann", "Bob"]), in: id, current: definition)
        let (decision, state) = try service.advance(id, current: definition)
        #expect(state.candidates?["deputy"] == ["ann", "bob"])
        let bob = decision.titles[0].candidates[1]
        #expect(bob.verdict == .agreed && bob.screening.contains { $0.name == "Rated good three years" && $0.overriddenBecause == "the body agreed" })
    }

    @Test func aBindingStructureTargetStopsTheFinalListUntilDecided() throws {
        let id = try service.start(definition).id
        try service.importRoster(roster, into: id, current: definition)
        _ = try service.record(Fixtures.agreed(["Cat"]), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        _ = try service.record(Fixtures.votes(["Cat": 4]), in: id, current: definition)
        #expect(throws: EngineError.self) { try service.advance(id, current: definition) }
        try service.recordOverride(Override(person: "deputy", rule: "women-share", reason: "no woman stood"), in: id, current: definition)
        let (decision, state) = try service.advance(id, current: definition)
        #expect(state.isFinished)
        #expect(decision.titles[0].structure.first?.passed == false)
        #expect(decision.titles[0].structure.first?.detail?.contains("Kim") == true, "kept people count in the final list")
    }
}
