import Foundation
import GRDB
@testable import QuorumCore
import QuorumStore
import Testing

/// A long history is decoded on every core: it must come back whole, in order, verified, and a damaged row deep in it
/// must still be reported as the store's, naming the row.
struct LongHistoryTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-long-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("quorum.sqlite").path }

    /// An instance with `count` overrides after its start, appended in one transaction.
    private func longHistory(_ count: Int) throws -> (SQLiteInstanceStore, String) {
        let store = try SQLiteInstanceStore(path: path)
        let id = try InstanceService(store: store, actor: "clerk").start(Fixtures.definition).id
        let log = try #require(try store.load(id))
        var previous = try #require(log.events.last)
        var events: [Event] = []
        for index in 0..<count {
            let event = Event(sequence: previous.sequence + 1, at: previous.at.addingTimeInterval(1), actor: "clerk",
                              payload: .overridden(Override(person: "ann", rule: "roster", reason: "lần \(index)")), previousHash: previous.hash)
            events.append(event)
            previous = event
        }
        try store.append(events, to: id, expectedRevision: log.events.count, definitions: [])
        return (store, id)
    }

    @Test func aLongHistoryComesBackWholeAndInOrder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, id) = try longHistory(3_000)
        let log = try #require(try store.load(id))
        let reasons = log.events.compactMap { event -> String? in if case .overridden(let override) = event.payload { override.reason } else { nil } }
        #expect(reasons == (0..<3_000).map { "lần \($0)" })
        #expect(log.events.map(\.sequence) == Array(1...log.events.count))
        #expect(EventChain.verify(log) == nil)
    }

    /// Hashes are checked on every core; the problem reported is still the first in the chain's order.
    @Test func theFirstProblemOfALongHistoryIsTheOneReported() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, id) = try longHistory(2_000)
        try rewrite(id, "UPDATE event SET payload = replace(payload, 'lần ', 'lần 9') WHERE instance_id = ?1 AND sequence = 1600",
                    "UPDATE event SET previous_hash = hash WHERE instance_id = ?1 AND sequence = 900")
        let service = InstanceService(store: try SQLiteInstanceStore(path: path), actor: "auditor")
        #expect(try service.verify(id) == .broken(sequence: 900))
        try rewrite(id, "UPDATE event SET previous_hash = (SELECT hash FROM event WHERE instance_id = ?1 AND sequence = 899) WHERE instance_id = ?1 AND sequence = 900")
        #expect(try service.verify(id) == .altered(sequence: 1600))
    }

    @Test func aDamagedRowDeepInALongHistoryIsTheStoresError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, id) = try longHistory(2_000)
        try rewrite(id, "UPDATE event SET payload = '{\"no such event\": 1}' WHERE instance_id = ?1 AND sequence = 1500")
        #expect(throws: StoreError.self) { try store.load(id) }
    }

    /// Rewrites the instance's history behind the store's back (`?1` is its id), its protection against updates set aside.
    private func rewrite(_ id: String, _ statements: String...) throws {
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS event_append_only_update")
            for statement in statements { try db.execute(sql: statement, arguments: [id]) }
        }
    }
}
