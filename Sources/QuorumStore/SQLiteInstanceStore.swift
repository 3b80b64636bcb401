import Foundation
import GRDB
import Logging
import QuorumCore

/// The embedded store: one SQLite file, written through GRDB. Events are append-only (triggers refuse updates,
/// deletes, replacements and out-of-sequence inserts), each command is one IMMEDIATE transaction, and the (instance,
/// sequence) key makes a double advance impossible. The store holds personal data: its folder is created owner-only
/// (0700) and its files are made owner-only (0600), whatever the umask.
public final class SQLiteInstanceStore: HistoryCopyTarget {
    private let database: DatabaseQueue
    public let location: String?
    /// What events are read with: their signatures, or none from an archive written before they were kept.
    private let eventColumns: String
    private let logger = Logger(label: "quorum.store")

    /// Opens the store at `path`, creating the file and its folder on first use. Opening and migrating hold an
    /// exclusive lock on `path.lock`, so several processes using a new store at once create it once. A store whose
    /// file cannot be written (an archive) opens read-only: reading works, writing is refused.
    public init(path: String) throws {
        location = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let manager = FileManager.default
        let exists = manager.fileExists(atPath: path)
        if !exists, !manager.fileExists(atPath: folder.path) {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var configuration = Self.configuration
        if exists, !manager.isWritableFile(atPath: path) || !manager.isWritableFile(atPath: folder.path) {
            // An archive: nothing can change it, so SQLite may read it as immutable, without the WAL files it could not
            // create beside it.
            configuration.readonly = true
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))) ?? path
            database = try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration)
            eventColumns = try database.read(Self.eventColumns)
            logger.debug("opened store at \(path), read-only")
            return
        }
        database = try Self.locked(path + ".lock") {
            let database = try DatabaseQueue(path: path, configuration: configuration)
            try database.writeWithoutTransaction(Self.logAhead)
            try StoreSchema.migrator.migrate(database)
            return database
        }
        eventColumns = try database.read(Self.eventColumns)
        for file in [path, path + "-wal", path + "-shm", path + ".lock"] where manager.fileExists(atPath: file) {
            try? manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
        logger.debug("opened store at \(path)")
    }

    /// How every connection to a store is made: waiting up to 10 s for another process's command, and a commit
    /// flushed to disk before it returns (`synchronous = FULL`), so that a command that reports its events stored
    /// still has them after a power cut. (GRDB's WAL setting chooses NORMAL, which may lose the last commits.)
    public static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return configuration
    }

    /// Puts a store in write-ahead-log mode, which the file keeps: a new store once, an older one never again. GRDB's
    /// own WAL setting also writes a table and drops it whenever the log is empty, as it is after every clean close,
    /// so each command that only reads wrote the file and waited on three disk flushes.
    public static func logAhead(_ db: Database) throws {
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" else { return }
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
            throw DatabaseError(message: "the store could not be put in write-ahead-log mode")
        }
    }

    private static func eventColumns(_ db: Database) throws -> String {
        let signed = try db.columns(in: "event").contains { $0.name == "signature" }
        return "sequence, \(milliseconds("at")), at, actor, payload, previous_hash, hash, " + (signed ? "signer, signature" : "NULL, NULL")
    }

    /// Runs `body` holding an exclusive lock on a file beside the store.
    private static func locked<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// A trigger that keeps the history append-only and has gone missing.
    public func protectionProblem() -> EventChain.Problem? {
        let (present, applied) = (try? database.read { db in
            (try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"),
             try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations"))
        }) ?? ([], [])
        return StoreSchema.triggers(after: applied).first { !present.contains($0) }.map { .unprotected("the trigger \($0) was dropped") }
    }

    public func create(_ header: InstanceHeader, definition: PinnedDefinition, events: [Event], summary: StateSummary?) throws {
        try writeImmediately { db in try Self.insert(header, definitions: [definition], events: events, summary: summary, db) }
    }

    public func adopt(_ logs: [InstanceLog], summaries: [String: StateSummary]) throws {
        try writeImmediately { db in
            for log in logs {
                try Self.insert(log.header, definitions: log.definitions.map { PinnedDefinition(hash: $0.key, json: $0.value) },
                                events: log.events, summary: summaries[log.header.id], db)
            }
        }
    }

    private static func insert(_ header: InstanceHeader, definitions: [PinnedDefinition], events: [Event], summary: StateSummary?,
                               _ db: Database) throws {
        if try Int.fetchOne(db, sql: "SELECT 1 FROM instance WHERE id = ?", arguments: [header.id]) != nil {
            throw EngineError.duplicateInstance(header.id)
        }
        try db.execute(sql: "INSERT INTO instance (id, workflow, created_at) VALUES (?, ?, ?)",
                       arguments: [header.id, header.workflow, header.createdAt])
        try insert(definitions, db)
        try insert(events, for: header.id, db)
        try keep(summary, for: header.id, db)
    }

    public func append(_ events: [Event], to instance: String, expectedRevision: Int, definitions: [PinnedDefinition],
                       summary: StateSummary?) throws {
        try writeImmediately { db in
            let revision = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM event WHERE instance_id = ?", arguments: [instance]) ?? 0
            guard revision == expectedRevision else {
                throw EngineError.concurrentChange(instance: instance, expected: expectedRevision, actual: revision)
            }
            try Self.insert(definitions, db)
            try Self.insert(events, for: instance, db)
            try Self.keep(summary, for: instance, db)
        }
    }

    public func summaries() throws -> [String: StateSummary] {
        try database.read { db in
            // An archive opened read-only is not migrated: it may predate summaries, or their facts.
            guard try db.tableExists("summary") else { return [:] }
            let facts = try db.columns(in: "summary").contains { $0.name == "facts" } ? "facts" : "NULL"
            var summaries: [String: StateSummary] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT instance_id, revision, head, current_step, finished, seal, \(facts) FROM summary")
            while let row = try rows.next() {
                let (instance, summary) = try StoredChain.readable("summary", row.description) {
                    (try row.decode(atIndex: 0) as String,
                     StateSummary(revision: try row.decode(atIndex: 1), head: try row.decode(atIndex: 2), currentStep: try row.decode(atIndex: 3),
                                  finished: try row.decode(atIndex: 4), factsJSON: try row.decode(atIndex: 6),
                                  seal: try row.decode(atIndex: 5)))
                }
                summaries[instance] = summary
            }
            return summaries
        }
    }

    public func load(_ instance: String) throws -> InstanceLog? {
        try read(instance, decoding: nil).map { InstanceLog(header: $0.header, events: $0.events, definitions: $0.definitions) }
    }

    public func chain(_ instance: String, decoding cases: Set<String>) throws -> InstanceChain? {
        try read(instance, decoding: cases)
    }

    public func chains(_ instances: [String], decoding cases: Set<String>) throws -> [InstanceChain] {
        try database.read { db in
            var definitions: [String: Data] = [:]
            return try instances.compactMap { try Self.read($0, decoding: cases, columns: eventColumns, db, definitions: &definitions) }
        }
    }

    private func read(_ instance: String, decoding cases: Set<String>?) throws -> InstanceChain? {
        try database.read { db in
            var definitions: [String: Data] = [:]
            return try Self.read(instance, decoding: cases, columns: eventColumns, db, definitions: &definitions)
        }
    }

    /// The instance's chain with the payloads of `cases` decoded (every payload when nil), and the definitions its
    /// events pin (read once per transaction: many instances share one).
    private static func read(_ instance: String, decoding cases: Set<String>?, columns: String, _ db: Database,
                             definitions read: inout [String: Data]) throws -> InstanceChain? {
        // Statements prepared once per connection (listing reads every instance), columns by position from a
        // cursor: no row copied, no column looked up by name, payloads read as bytes.
        guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT \(headerColumns) FROM instance WHERE id = ?"),
                                         arguments: [instance]) else {
            return nil
        }
        let header = try Self.header(row)
        var links: [InstanceChain.Link] = []
        let rows = try Row.fetchCursor(try db.cachedStatement(sql: "SELECT \(columns) FROM event WHERE instance_id = ? ORDER BY sequence"),
                                       arguments: [instance])
        while let row = try rows.next() {
            links.append(try StoredChain.readable("event of \(instance)", row.description) {
                InstanceChain.Link(sequence: try row.decode(atIndex: 0), at: try time(row, milliseconds: 1, text: 2), actor: try row.decode(atIndex: 3),
                                   payloadData: try row.decode(atIndex: 4), previousHash: try row.decode(atIndex: 5), hash: try row.decode(atIndex: 6),
                                   signature: StoredChain.signature(signer: try row.decode(atIndex: 7), value: try row.decode(atIndex: 8)))
            })
        }
        return try StoredChain.assemble(header, links: links, decoding: cases) { hash in
            if read[hash] == nil {
                read[hash] = try Data.fetchOne(try db.cachedStatement(sql: "SELECT json FROM definition WHERE hash = ?"), arguments: [hash])
            }
            return read[hash]
        }
    }

    public func definition(_ hash: String) throws -> Data? {
        try database.read { db in try Data.fetchOne(db, sql: "SELECT json FROM definition WHERE hash = ?", arguments: [hash]) }
    }

    public func instances() throws -> [InstanceHeader] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.headerColumns) FROM instance ORDER BY created_at, id").map(Self.header)
        }
    }

    private static let headerColumns = "id, workflow, created_at, \(milliseconds("created_at"))"

    /// A stored time (GRDB writes a date as UTC text, `yyyy-MM-dd HH:mm:ss.SSS`) as milliseconds since 1970, worked out
    /// by SQLite's own date functions: GRDB's conversion builds a Foundation calendar first (a twentieth of a small
    /// command) and passes every row through it. Nothing for a time stored otherwise, which GRDB reads instead.
    private static func milliseconds(_ column: String) -> String {
        "CASE WHEN typeof(\(column)) = 'text' THEN CAST(ROUND((julianday(\(column)) - 2440587.5) * 86400000.0) AS INTEGER) END"
    }

    /// The time of a row from its milliseconds, or from its stored value when SQLite could not read it.
    private static func time(_ row: Row, milliseconds: Int, text: Int) throws -> Date {
        if let count = row[milliseconds] as Int64? { return Date(timeIntervalSince1970: Double(count) / 1000) }
        return StoredChain.millisecond(try row.decode(atIndex: text))
    }

    private static func header(_ row: Row) throws -> InstanceHeader {
        try StoredChain.readable("instance", row.description) {
            InstanceHeader(id: try row.decode(atIndex: 0), workflow: try row.decode(atIndex: 1), createdAt: try time(row, milliseconds: 3, text: 2))
        }
    }

    /// Takes the write lock at the start, so a concurrent writer waits and then sees this one's result.
    private func writeImmediately(_ work: (Database) throws -> Void) throws {
        do {
            try database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try work(db)
                    return .commit
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StoreError.readOnly(path: location ?? "")
        }
    }

    /// Replaces the instance's summary; without one, the old summary stays, describing an earlier head, and is not used.
    private static func keep(_ summary: StateSummary?, for instance: String, _ db: Database) throws {
        guard let summary else { return }
        try db.execute(sql: """
            INSERT OR REPLACE INTO summary (instance_id, revision, head, current_step, finished, seal, facts) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [instance, summary.revision, summary.head, summary.currentStep, summary.finished, summary.seal, summary.factsJSON])
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
                INSERT INTO event (instance_id, sequence, at, actor, kind, payload, previous_hash, hash, signer, signature)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [instance, event.sequence, event.at, event.actor, event.payload.kind, payload, event.previousHash, event.hash,
                                 event.signature?.signer, event.signature?.value])
        }
    }
}
