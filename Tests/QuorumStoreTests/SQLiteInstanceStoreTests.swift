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

    private func event(_ sequence: Int, _ payload: EventPayload? = nil, after previous: String = "p") -> Event {
        Event(sequence: sequence, at: Date(timeIntervalSince1970: 1_615_532_400 + Double(sequence)), actor: "hcTC",
              payload: payload ?? .recorded(StepRecord(step: "buoc-1", present: sequence, note: "Ghi chú \(sequence)")),
              previousHash: previous)
    }

    private func started() -> Event {
        event(1, .started(Started(workflow: "w", definitionHash: definition.hash)), after: EventChain.origin)
    }

    @Test func createsItsFolderAndRoundTripsEvents() throws {
        let store = try SQLiteInstanceStore(path: path)
        try store.create(header, definition: definition, events: [started()])
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
        try store.create(header, definition: definition, events: [started()])
        #expect(throws: EngineError.concurrentChange(instance: "w-1", expected: 0, actual: 1)) {
            try store.append([event(2)], to: "w-1", expectedRevision: 0, definitions: [])
        }
        #expect(try store.load("w-1")?.events.count == 1)
    }

    @Test func aFailingAppendStoresNoneOfItsEvents() throws {
        let store = try SQLiteInstanceStore(path: path)
        try store.create(header, definition: definition, events: [started()])
        #expect(throws: (any Error).self) {
            try store.append([event(2), event(2)], to: "w-1", expectedRevision: 1, definitions: [])
        }
        #expect(try store.load("w-1")?.events.count == 1)
    }

    @Test func anInstanceIdCannotBeTakenTwice() throws {
        let store = try SQLiteInstanceStore(path: path)
        try store.create(header, definition: definition, events: [started()])
        #expect(throws: EngineError.duplicateInstance("w-1")) {
            try store.create(header, definition: definition, events: [started()])
        }
    }

    @Test func theHistoryIsAppendOnly() throws {
        let store = try SQLiteInstanceStore(path: path)
        try store.create(header, definition: definition, events: [started()])
        let database = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: "UPDATE event SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: "DELETE FROM event") } }
        #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: "UPDATE definition SET json = x''") } }
        #expect(try store.load("w-1")?.events == [started()])
    }

    @Test func twoWritersRacingOnOneRevisionMeansExactlyOneWins() throws {
        let first = try SQLiteInstanceStore(path: path)
        try first.create(header, definition: definition, events: [started()])
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

/// Tampering with the file behind the store's back, as someone with the SQLite file could.
struct TamperDetectionTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tamper-\(UUID().uuidString).sqlite").path

    private func chain(_ store: SQLiteInstanceStore) throws {
        let definition = PinnedDefinition(hash: "", json: Data("{}".utf8))
        let pinned = PinnedDefinition(hash: definition.recomputedHash, json: definition.json)
        var previous = Event(sequence: 1, at: Date(timeIntervalSince1970: 1_615_532_400.1234), actor: "a",
                             payload: .started(Started(workflow: "w", definitionHash: pinned.hash)), previousHash: EventChain.origin)
        try store.create(InstanceHeader(id: "w-1", workflow: "w", createdAt: Date()), definition: pinned, events: [previous])
        for sequence in 2...5 {
            let next = Event(sequence: sequence, at: Date(timeIntervalSince1970: 1_615_532_400.5 + Double(sequence)), actor: "b",
                             payload: .recorded(StepRecord(step: "s", present: sequence, votes: [TitleVotes(title: "t", candidates: [CandidateVotes(name: "Nguyễn Văn A", votes: sequence)])])),
                             previousHash: previous.hash)
            try store.append([next], to: "w-1", expectedRevision: sequence - 1, definitions: [])
            previous = next
        }
    }

    private func tamper(_ sql: String) throws {
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: sql)
        }
    }

    @Test func anIntactHistoryVerifies() throws {
        let store = try SQLiteInstanceStore(path: path)
        try chain(store)
        #expect(EventChain.verify(try #require(try store.load("w-1"))) == nil)
    }

    @Test func anAlteredVoteCountIsFoundAtItsEvent() throws {
        try chain(try SQLiteInstanceStore(path: path))
        try tamper("UPDATE event SET payload = replace(payload, ',3]', ',30]') WHERE sequence = 3")
        let log = try #require(try SQLiteInstanceStore(path: path).load("w-1"))
        #expect(log.events[2].payload != log.events[1].payload)
        #expect(EventChain.verify(log) == .altered(sequence: 3))
    }

    @Test func aChangedActorOrTimeIsFound() throws {
        try chain(try SQLiteInstanceStore(path: path))
        try tamper("UPDATE event SET actor = 'someone else' WHERE sequence = 4")
        #expect(EventChain.verify(try #require(try SQLiteInstanceStore(path: path).load("w-1"))) == .altered(sequence: 4))
    }

    @Test func aDeletedEventBreaksTheChainAndACutOffEndFailsTheExpectedHead() throws {
        try chain(try SQLiteInstanceStore(path: path))
        let head = try #require(try SQLiteInstanceStore(path: path).load("w-1")?.events.last?.hash)
        try tamper("DELETE FROM event WHERE sequence = 5")
        let service = InstanceService(store: try SQLiteInstanceStore(path: path), actor: "auditor")
        #expect(EventChain.verify(try #require(try SQLiteInstanceStore(path: path).load("w-1"))) == nil, "a chain alone cannot see its end cut off")
        guard case .unexpectedHead(let expected, _, let revision)? = try service.verify("w-1", expectedHead: head) ?? .unprotected("none") else {
            Issue.record("the head hash written down earlier shows the cut")
            return
        }
        #expect(expected == head && revision == 4)
        try tamper("DELETE FROM event WHERE sequence = 2")
        #expect(EventChain.verify(try #require(try SQLiteInstanceStore(path: path).load("w-1"))) == .missing(after: 1))
    }

    @Test func aRewrittenEventWithARecomputedHashStillBreaksTheChain() throws {
        try chain(try SQLiteInstanceStore(path: path))
        try tamper("UPDATE event SET hash = 'ffff' WHERE sequence = 2")
        #expect(EventChain.verify(try #require(try SQLiteInstanceStore(path: path).load("w-1"))) == .altered(sequence: 2))
    }

    @Test func anAlteredPinnedDefinitionIsFound() throws {
        try chain(try SQLiteInstanceStore(path: path))
        let hash = try #require(try SQLiteInstanceStore(path: path).load("w-1")?.definitions.keys.first)
        try tamper("UPDATE definition SET json = CAST('{\"x\":1}' AS BLOB)")
        #expect(EventChain.verify(try #require(try SQLiteInstanceStore(path: path).load("w-1"))) == .definitionAltered(hash: hash))
    }
}

private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Bool] = []
    func add(_ value: Bool) { lock.withLock { stored.append(value) } }
    var values: [Bool] { lock.withLock { stored } }
}
