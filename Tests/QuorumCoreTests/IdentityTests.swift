import Foundation
@testable import QuorumCore
import Testing

/// People are keyed by id: namesakes are told apart, a name that matches nobody exactly is refused with the person it
/// probably means, and write-ins must be declared.
struct IdentityTests {
    /// A name is compared in one form: composed (NFC), spaces collapsed. Text already in that form is returned as it
    /// is without composing it again; the result is the same either way.
    @Test(arguments: ["cb-0105", "1978-05-12", "2018:HTTNV; 2019:HTXSNV", "Le  Van", " Le Van", "Le Van ", "Le\tVan", "a\r\nb",
                      "", "x", "Nguye\u{0302}\u{0303}n Va\u{0306}n", "Nguyễn  Văn\u{00A0}An", "Ω\u{2126}", "Trần Thị Thu Hà"])
    func aNameHasOneNormalForm(_ text: String) {
        #expect(Array(PersonDirectory.normalized(text).unicodeScalars) == Array(Self.composed(text).unicodeScalars))
    }

    private static func composed(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every letter taken as already composed is what composing gives, alone, after a letter it might combine with,
    /// and before a combining mark (which sends the text to be composed).
    @Test func everyLetterTakenAsComposedIs() {
        let letters = (0x21..<0x7F).map { $0 } + (0xA1..<0x300).map { $0 } + (0x1E00..<0x1F00).map { $0 }
        var taken = 0
        for value in letters {
            let letter = String(Unicode.Scalar(UInt32(value))!)
            for text in [letter, "A" + letter, "a" + letter + " " + letter, letter + "\u{0301}", "Nguyễn " + letter] {
                if PersonDirectory.isNormalized(text) { taken += 1 }
                #expect(Array(PersonDirectory.normalized(text).unicodeScalars) == Array(Self.composed(text).unicodeScalars), "U+\(String(value, radix: 16))")
            }
        }
        #expect(taken == letters.count * 4, "every letter is taken as is, except before a combining mark")
    }

    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "clerk") }

    static let ruleSet: RuleSet = {
        var document = Fixtures.ruleSetDocument
        document.rules! += [
            Fixtures.goodRatingsLastYear,
            RuleDocument(id: "nominate", kind: "threshold", base: "members-present", comparison: "more-than", fraction: "1/2"),
        ]
        return RuleSetValidator().validate(document, file: "test").0!
    }()

    /// The fixture track with eligibility rules and a nomination ballot between the discussion and the vote.
    static func definition() -> WorkflowDefinition {
        var document = Fixtures.document()
        document.year = 2021
        document.term = "2021-2026"
        document.eligibility = ["good-ratings"]
        document.people! += [PersonDocument(id: "an-1", name: "Nguyễn Văn An", code: "cb-1"),
                             PersonDocument(id: "an-2", name: "Nguyễn Văn An", code: "cb-2"),
                             PersonDocument(id: "my-dung", name: "Lê Thị Mỹ Dung", code: "cb-3"),
                             PersonDocument(id: "tam", name: "Võ Thành Tâm", code: "cb-4")]
        document.steps!.insert(StepDocument(id: "nominate", name: "Nominations", body: "council", form: "nomination-ballot",
                                            date: "2021-03-15", time: "14:00", threshold: "nominate"), at: 1)
        return WorkflowValidator(ruleSets: [ruleSet]).validate(document, name: "track").0!
    }

    static let roster = Roster(people: [
        RosterPerson(id: "cb-1", name: "Nguyễn Văn An", birthDate: "1980-01-01", ratings: [.init(year: 2020, text: "HTTNV")]),
        RosterPerson(id: "cb-2", name: "Nguyễn Văn An", birthDate: "1985-06-01", ratings: [.init(year: 2020, text: "HTNV")]),
        RosterPerson(id: "cb-3", name: "Lê Thị Mỹ Dung", birthDate: "1983-02-27", ratings: [.init(year: 2020, text: "HTTNV")]),
        RosterPerson(id: "cb-4", name: "Võ Thành Tâm", birthDate: "1981-11-03", ratings: [.init(year: 2020, text: "HTTNV")]),
        RosterPerson(id: "cb-5", name: "Trương Minh Sang", birthDate: "1974-12-02", ratings: [.init(year: 2020, text: "HTTNV")]),
        RosterPerson(id: "cb-9", name: "Kim", ratings: [.init(year: 2020, text: "HTTNV")]),
    ], source: "test")

    let definition = Self.definition()

    private func started() throws -> String {
        let id = try service.start(definition).id
        try service.importRoster(Self.roster, into: id, current: definition)
        return id
    }

    private func refusal(_ record: StepRecord, in id: String) throws -> [RecordProblem] {
        let before = try #require(try store.load(id)).events
        defer { #expect((try? store.load(id))?.events == before, "a refused record stores nothing") }
        do {
            _ = try service.record(record, in: id, current: definition)
            Issue.record("expected a refusal")
            return []
        } catch EngineError.invalidRecord(_, let problems) {
            return problems
        }
    }

    @Test func namesakesAreToldApartAndNeverGuessed() throws {
        let id = try started()
        let messages = try refusal(StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "deputy", names: ["Nguyễn Văn An"])]), in: id)
        #expect(messages.count == 1 && messages.has(.ambiguousName, ["name": "Nguyễn Văn An", "count": "2",
                                                                     "people": "'Nguyễn Văn An' (cb-1, 1980), 'Nguyễn Văn An' (cb-2, 1985)",
                                                                     "example": "Nguyễn Văn An (1980)"]))
        _ = try service.record(StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "deputy", names: ["Nguyễn Văn An (1985)", "cb-1"])]),
                               in: id, current: definition)
        let (decision, _) = try service.advance(id, current: definition)
        let verdicts = Dictionary(uniqueKeysWithValues: decision.titles[0].candidates.map { ($0.name, $0.verdict) })
        #expect(verdicts == ["an-2": .ineligible, "an-1": .agreed], "each namesake is screened with their own record")
        let directory = try service.load(id).directory
        #expect(directory.label("an-1") == "Nguyễn Văn An (1980)")
        #expect(directory.label("tam") == "Võ Thành Tâm", "a unique name needs no birth year")
    }

    @Test(arguments: [("Lê Thị Mỹ dung", "'Lê Thị Mỹ Dung' (cb-3, 1983)"), ("Vo Thanh Tam", "'Võ Thành Tâm' (cb-4, 1981)"),
                      ("Trương Minh sang", "'Trương Minh Sang' (cb-5, 1974)"), ("Le  Thi My Dung", "'Lê Thị Mỹ Dung' (cb-3, 1983)")])
    func aNameThatMatchesNobodyExactlyIsRefusedWithTheLikelyPerson(typed: String, meant: String) throws {
        let id = try started()
        let messages = try refusal(StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "deputy", names: [typed])]), in: id)
        #expect(messages.count == 1 && messages.has(.unknownName, ["name": typed], suggestion: meant))
    }

    @Test func aNameOffTheListIsAWriteInOnlyWhenDeclared() throws {
        let id = try started()
        _ = try service.record(StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "deputy", names: ["Võ Thành Tâm"])]),
                               in: id, current: definition)
        _ = try service.advance(id, current: definition)
        var ballot = StepRecord(step: "nominate", present: 4, votes: [TitleVotes(title: "deputy", candidates: [
            CandidateVotes(name: "Võ Thành Tâm", votes: 3), CandidateVotes(name: "Vo Thanh Tam", votes: 1)])])
        #expect(try refusal(ballot, in: id).has(.unknownName, ["name": "Vo Thanh Tam"], suggestion: "'Võ Thành Tâm' (cb-4, 1981)"),
                "a misspelt candidate is never recorded as a write-in")
        ballot.votes[0].candidates[1] = CandidateVotes(name: "Lê Thị Mỹ Dung", votes: 3)
        #expect(try refusal(ballot, in: id).has(.notACandidateWriteIn, ["name": "Lê Thị Mỹ Dung", "title": "deputy"]))
        ballot.writeIns = [TitleList(title: "deputy", names: ["Lê Thị Mỹ Dung"])]
        _ = try service.record(ballot, in: id, current: definition)
        let (decision, _) = try service.advance(id, current: definition)
        #expect(decision.titles[0].handedOn == ["tam", "my-dung"], "a declared write-in is counted and screened")
        #expect(decision.titles[0].candidates.first { $0.name == "my-dung" }?.screening.first?.passed == true)
    }

    @Test func overridesAndDecisionsNameARealPerson() throws {
        let id = try started()
        #expect(throws: EngineError.unknownPerson("Huynh Van Loc", likely: [])) {
            try service.recordOverride(Override(person: "Huynh Van Loc", rule: "good-ratings", reason: "x"), in: id, current: definition)
        }
        #expect(throws: EngineError.ambiguousPerson("Nguyễn Văn An", candidates: ["'Nguyễn Văn An' (cb-1, 1980)", "'Nguyễn Văn An' (cb-2, 1985)"])) {
            try service.recordOverride(Override(person: "Nguyễn Văn An", rule: "good-ratings", reason: "x"), in: id, current: definition)
        }
        let stored = try service.recordOverride(Override(person: "cb-2", rule: "good-ratings", reason: "the body agreed"), in: id, current: definition)
        #expect(stored.person == "an-2")
    }

    @Test func attendeesAreMembersByIdentity() throws {
        let id = try started()
        var record = Fixtures.agreed(["Võ Thành Tâm"])
        record.present = nil
        record.attendees = ["Ann", "BOB", "Cat", "Kim"]
        let messages = try refusal(record, in: id)
        #expect(messages.has(.unknownName, ["name": "BOB"], suggestion: "'Bob' (bob)"))
        #expect(messages.has(.notAMember, ["person": "Kim", "body": "Council"]))
    }
}
