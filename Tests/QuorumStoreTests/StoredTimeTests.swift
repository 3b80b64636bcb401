import Foundation
import GRDB
@testable import QuorumCore
import QuorumStore
import Testing

/// Times are read back from SQLite's own reading of the text GRDB wrote, to the millisecond the chain hashes: before
/// 1970 and far after it, at a half millisecond, and from a time a program stored as a number instead of text.
struct StoredTimeTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-time-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("quorum.sqlite").path }

    static let times: [Date] = [-2_208_988_800.0, -0.5005, 0, 0.0015, 1_614_500_000.1234, 1_796_134_972.5195, 4_102_444_799.999]
        .map(Date.init(timeIntervalSince1970:))

    @Test func timesReadBackAsTheyWereHashed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteInstanceStore(path: path)
        let id = try InstanceService(store: store, actor: "clerk").start(Fixtures.definition).id
        let log = try #require(try store.load(id))
        var previous = try #require(log.events.last), events: [Event] = []
        for (index, time) in Self.times.enumerated() {
            let event = Event(sequence: previous.sequence + 1, at: time, actor: "clerk",
                              payload: .overridden(Override(person: "ann", rule: "roster", reason: "\(index)")), previousHash: previous.hash)
            events.append(event)
            previous = event
        }
        try store.append(events, to: id, expectedRevision: log.events.count, definitions: [])
        let read = try #require(try store.load(id))
        // What GRDB reads from the same text, to the millisecond, as the store read it before.
        func millisecond(_ date: Date) -> Date { Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000) }
        let grdb = try DatabaseQueue(path: path).read { db in
            try Date.fetchAll(db, sql: "SELECT at FROM event WHERE instance_id = ? ORDER BY sequence", arguments: [id]).map(millisecond)
        }
        #expect(read.events.map(\.at) == grdb)
        #expect(read.header.createdAt == log.header.createdAt)
        #expect(EventChain.verify(read) == nil)

        // A time kept as a number of seconds (as another program may write it) is read by GRDB, to the same instant.
        let sequence = log.events.count + 5
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            try db.execute(sql: "UPDATE event SET at = ? WHERE instance_id = ? AND sequence = ?",
                           arguments: [Self.times[4].timeIntervalSince1970, id, sequence])
        }
        let number = try #require(try SQLiteInstanceStore(path: path).load(id))
        #expect(number.events.first { $0.sequence == sequence }?.at == read.events.first { $0.sequence == sequence }?.at)
    }
}
