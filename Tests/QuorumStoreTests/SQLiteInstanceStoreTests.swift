import Foundation
import GRDB
@testable import QuorumCore
import QuorumStore
import Testing

struct SQLiteInstanceStoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-store-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("nested/quorum.sqlite").path }
    let definition = PinnedDefinition(hash: "abc123", json: Data(#"{"id":"w"}"#.utf8))
    let header = InstanceHeader(id: "w-1", workflow: "w", createdAt: Date(timeIntervalSince1970: 1_615_532_400))

    private func event(_ sequence: Int, _ payload: EventPayload? = nil) -> Event {
        Event(sequence: sequence, at: Date(timeIntervalSince1970: 1_615_532_400 + Double(sequence)), actor: "hcTC",
              payload: payload ?? .recorded(StepRecord(step: "buoc-1", present: sequence, note: "Ghi chú \(sequence)")))
    }

    private func started() -> Event {
        event(1, .started(Started(workflow: "w", definitionHash: definition.hash)))
    }

    @Test func createsItsFolderAndRoundTripsEvents() throws {
        let store = try SQLiteInstanceStore(path: path)
        try store.create(header, definition: definition, firstEvent: started())
        try store.append([event(2), event(3)], to: "w-1", expectedRevision: 1, definitions: [])
        let log = try #require(try store.load("w-1"))
        #expect(log.header == header)
        #expect(log.events == [started(), event(2), event(3)])
        #expect(log.definitions == ["abc123": definition.json])
        #expect(try store.instances() == [header])
        #expect(try store.load("missing") == nil)
    }

    @Test func aStaleRevisionIsRefusedAndNothingIsStored() throws {
        let store = try SQLiteInstanceStore(path: path)
        try store.create(header, definition: definition, firstEvent: started())
        #expect(throws: EngineError.concurrentChange(instance: "w-1", expected: 0, actual: 1)) {
            try store.append([event(2)], to: "w-1", expectedRevision: 0, definitions: [])
        }
        #expect(try store.load("w-1")?.events.count == 1)
    }

    @Test func aFailingAppendStoresNoneOfItsEvents() throws {
        let store = try SQLiteInstanceStore(path: path)
        try store.create(header, definition: definition, firstEvent: started())
        #expect(throws: (any Error).self) {
            try store.append([event(2), event(2)], to: "w-1", expectedRevision: 1, definitions: [])
        }
        #expect(try store.load("w-1")?.events.count == 1)
    }

    @Test func anInstanceIdCannotBeTakenTwice() throws {
        let store = try SQLiteInstanceStore(path: path)
        try store.create(header, definition: definition, firstEvent: started())
        #expect(throws: EngineError.duplicateInstance("w-1")) {
            try store.create(header, definition: definition, firstEvent: started())
        }
    }

    @Test func theHistoryIsAppendOnly() throws {
        let store = try SQLiteInstanceStore(path: path)
        try store.create(header, definition: definition, firstEvent: started())
        let database = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: "UPDATE event SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: "DELETE FROM event") } }
        #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: "UPDATE definition SET json = x''") } }
        #expect(try store.load("w-1")?.events == [started()])
    }

    @Test func twoWritersRacingOnOneRevisionMeansExactlyOneWins() throws {
        let first = try SQLiteInstanceStore(path: path)
        try first.create(header, definition: definition, firstEvent: started())
        let stores = [first, try SQLiteInstanceStore(path: path)]
        for round in 0..<10 {
            let revision = 1 + round
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                do {
                    try stores[index].append([event(revision + 1)], to: "w-1", expectedRevision: revision, definitions: [])
                    outcomes.add(true)
                } catch {
                    outcomes.add(false)
                }
            }
            #expect(outcomes.values.count == 2 && outcomes.values.filter { $0 }.count == 1, "round \(round): \(outcomes.values)")
        }
        #expect(try first.load("w-1")?.events.map(\.sequence) == Array(1...11))
    }
}

private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Bool] = []
    func add(_ value: Bool) { lock.withLock { stored.append(value) } }
    var values: [Bool] { lock.withLock { stored } }
}
