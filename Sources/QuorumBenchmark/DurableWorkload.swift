import Foundation
import GRDB
import QuorumCore
import QuorumFiles
import QuorumStore

/// A durable `advance` in process on the SQLite store — read and verify the history, decide, seal the new events,
/// commit them with the instance's summary — against a bare GRDB insert and commit of the same events into a table
/// of the same shape, in a database on the same disk with the same journal (WAL) and synchronous setting. The
/// instances are all of one cycle, so each advance also reads the others for the rule set's titles-per-person limit:
/// the figure grows with `advances`, as it does for a province running many tracks of one cycle in one store.
struct DurableWorkload {
    let project: String
    let catalog: DefinitionCatalog
    let advances: Int

    func run() throws -> [Row] {
        try Scratch.folder("durable") { scratch in
            let definition = try catalog.benchmarkTrack(in: project)
            let store = try SQLiteInstanceStore(path: scratch.appendingPathComponent("store.sqlite").path)
            let service = InstanceService(store: store, actor: "benchmark")
            let roster = try RosterReader.read(project + "/samples/\(definition.id)/roster.csv", format: catalog.rosterFormat).roster
            let first = definition.steps[0].id
            let record = try ResultSheetReader.read(project + "/samples/\(definition.id)/\(first).yaml", step: first).record
            var ready: [String] = []
            for _ in 0..<advances {
                let id = try service.start(definition, another: true).id
                try service.importRoster(roster, into: id, current: definition)
                _ = try service.record(record, in: id, current: definition)
                ready.append(id)
            }
            let advance = try Measure.time { for id in ready { _ = try service.advance(id, current: definition) } }.seconds / Double(advances)

            // The same events, inserted bare: one transaction per advance, as the store commits them.
            var appended: [(String, [Event])] = []
            for id in ready {
                guard let log = try store.load(id) else { throw BenchmarkFailure("\(id) was not stored") }
                appended.append((id, log.events.filter { $0.sequence > log.events.count - 2 }))
            }
            let bare = try DatabaseQueue(path: scratch.appendingPathComponent("bare.sqlite").path, configuration: SQLiteInstanceStore.configuration)
            try bare.writeWithoutTransaction(SQLiteInstanceStore.logAhead)
            try bare.write { db in
                try db.execute(sql: """
                    CREATE TABLE event (instance_id TEXT NOT NULL, sequence INTEGER NOT NULL, at DATETIME NOT NULL, actor TEXT NOT NULL,
                                        kind TEXT NOT NULL, payload TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL,
                                        PRIMARY KEY (instance_id, sequence))
                    """)
            }
            let commit = try Measure.time {
                for (id, events) in appended {
                    try bare.write { db in
                        for event in events {
                            try db.execute(sql: "INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                           arguments: [id, event.sequence, event.at, event.actor, event.payload.kind,
                                                       String(decoding: event.payloadData, as: UTF8.self), event.previousHash, event.hash])
                        }
                    }
                }
            }.seconds / Double(advances)
            return [Row("durable advance in process (SQLite, \(advances) instances)", Measure.milliseconds(advance),
                        against: "bare GRDB insert+commit " + Measure.milliseconds(commit), ratio: advance / commit)]
        }
    }
}
