@testable import QuorumCore
import Testing

/// Results written as an officer would: the title by the name the plan gives it, not only by its id.
struct TitleNameTests {
    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "clerk") }
    let definition = Fixtures.definition { document in
        document.titles = [TitleDocument(id: "deputy", name: "Phó Chánh Văn phòng", kept: ["kim"])]
        document.steps![0].review = true
    }

    @Test func aTitleNamedByItsDisplayNameIsStoredByItsID() throws {
        let id = try service.start(definition).id
        var record = StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "Phó  Chánh Văn phòng", names: ["Ann", "Bob"])])
        record.review = [ReviewEntry(title: "Phó Chánh Văn phòng", person: "kim", decision: .keep)]
        _ = try service.record(record, in: id, current: definition)
        let stored = try #require(try service.load(id).state.record)
        #expect(stored.agreed.map(\.title) == ["deputy"])
        #expect(stored.review?.map(\.title) == ["deputy"])
    }

    @Test func aTitleThatIsNeitherIDNorNameIsStillRefused() throws {
        let id = try service.start(definition).id
        let record = StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "Phó Chánh", names: ["Ann"])])
        #expect(throws: EngineError.self) { try service.record(record, in: id, current: definition) }
        #expect(try service.load(id).state.record == nil)
    }
}
