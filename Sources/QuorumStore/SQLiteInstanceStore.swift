import Foundation
import GRDB
import Logging
import QuorumCore

/// The embedded store: one SQLite file, written through GRDB. Events are append-only (triggers refuse updates and
/// deletes), each command is one IMMEDIATE transaction, and the (instance, sequence) key makes a double advance impossible.
public final class SQLiteInstanceStore: InstanceStore {
    private let database: DatabaseQueue
    public let location: String?
    private let logger = Logger(label: "quorum.store")

    /// Opens the store at `path`, creating the file and its folder on first use.
    public init(path: String) throws {
        location = path
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .wal
        database = try DatabaseQueue(path: path, configuration: configuration)
        try StoreSchema.migrator.migrate(database)
        logger.debug("opened store at \(path)")
    }

    public func create(_ header: InstanceHeader, definition: PinnedDefinition, events: [Event]) throws {
        try writeImmediately { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM instance WHERE id = ?", arguments: [header.id]) != nil {
                throw EngineError.duplicateInstance(header.id)
            }
            try db.execute(sql: "INSERT INTO instance (id, workflow, created_at) VALUES (?, ?, ?)",
                           arguments: [header.id, header.workflow, header.createdAt])
            try Self.insert([definition], db)
            try Self.insert(events, for: header.id, db)
        }
    }

    public func append(_ events: [Event], to instance: String, expectedRevision: Int, definitions: [PinnedDefinition]) throws {
        try writeImmediately { db in
            let revision = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM event WHERE instance_id = ?", arguments: [instance]) ?? 0
            guard revision == expectedRevision else {
                throw EngineError.concurrentChange(instance: instance, expected: expectedRevision, actual: revision)
            }
            try Self.insert(definitions, db)
            try Self.insert(events, for: instance, db)
        }
    }

    public func load(_ instance: String) throws -> InstanceLog? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, workflow, created_at FROM instance WHERE id = ?", arguments: [instance]) else {
                return nil
            }
            let header = InstanceHeader(id: row["id"], workflow: row["workflow"], createdAt: row["created_at"])
            let events = try Row.fetchAll(db, sql: "SELECT sequence, at, actor, payload, previous_hash, hash FROM event WHERE instance_id = ? ORDER BY sequence",
                                          arguments: [instance]).map { row in
                let payload = Data((row["payload"] as String).utf8)
                return Event(sequence: row["sequence"], at: row["at"], actor: row["actor"], payload: try EventChain.decode(payload),
                             payloadData: payload, previousHash: row["previous_hash"], hash: row["hash"])
            }
            let hashes = events.compactMap { event -> String? in
                switch event.payload {
                case .started(let started): started.definitionHash
                case .migrated(let migration): migration.toHash
                default: nil
                }
            }
            var definitions: [String: Data] = [:]
            for hash in hashes {
                definitions[hash] = try Data.fetchOne(db, sql: "SELECT json FROM definition WHERE hash = ?", arguments: [hash])
            }
            return InstanceLog(header: header, events: events, definitions: definitions)
        }
    }

    public func instances() throws -> [InstanceHeader] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, workflow, created_at FROM instance ORDER BY created_at, id").map {
                InstanceHeader(id: $0["id"], workflow: $0["workflow"], createdAt: $0["created_at"])
            }
        }
    }

    /// Takes the write lock at the start, so a concurrent writer waits and then sees this one's result.
    private func writeImmediately(_ work: (Database) throws -> Void) throws {
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try work(db)
                return .commit
            }
        }
    }

    private static func insert(_ definitions: [PinnedDefinition], _ db: Database) throws {
        for definition in definitions {
            try db.execute(sql: "INSERT OR IGNORE INTO definition (hash, json) VALUES (?, ?)", arguments: [definition.hash, definition.json])
        }
    }

    private static func insert(_ events: [Event], for instance: String, _ db: Database) throws {
        for event in events {
            let payload = String(decoding: event.payloadData, as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO event (instance_id, sequence, at, actor, kind, payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [instance, event.sequence, event.at, event.actor, event.payload.kind, payload, event.previousHash, event.hash])
        }
    }
}
