import Foundation
@testable import QuorumCore
import QuorumStore
import Testing

/// A store written by Quorum 0.1 (the demo's two instances). Every later version must still open it, decode every
/// event and pinned definition, verify its chain and derive the same outcome: years later, the record must still show
/// what happened and why. Fields added to stored types must be optional or decode with a default.
struct HistoryCompatibilityTests {
    static let fixture = Bundle.module.url(forResource: "Fixtures/history-v1", withExtension: "sqlite")!

    private func store() throws -> SQLiteInstanceStore {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-history-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        return try SQLiteInstanceStore(path: copy.path)
    }

    @Test func theHistoryOfVersionOneStillLoadsAndVerifies() throws {
        let store = try store()
        #expect(try store.instances().map(\.id) == ["chanh-van-phong-2021-1", "pho-chanh-van-phong-2021-1"])
        let service = InstanceService(store: store, actor: "reader")
        for header in try store.instances() {
            #expect(try service.verify(header.id) == nil, "\(header.id)'s chain must verify")
            let loaded = try service.load(header.id)
            #expect(loaded.state.isFinished)
            #expect(loaded.events.allSatisfy { $0.actor.hasPrefix("hanh.hctc") })
        }
        let deputy = try service.load("pho-chanh-van-phong-2021-1")
        #expect(deputy.state.added == ["pho-chanh-van-phong": ["Nguyễn Hữu Phước", "Võ Thành Tâm", "Lê Thị Mỹ Dung"]])
        #expect(deputy.definition.steps.map(\.id) == ["buoc-1", "buoc-2", "buoc-3", "buoc-4"])
        // Names stored before people were keyed by id still find their person.
        #expect(deputy.directory.key("Võ Thành Tâm") == "vo-thanh-tam")
        #expect(deputy.state.decisions.last?.titles.first?.candidates.first { $0.name == "Võ Thành Tâm" }?.tieBreak == TieBreak(method: .runOff, votes: 4))
    }
}
