import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import QuorumCore

/// The shared store: one PostgreSQL database that the units of a province write to at once, with the guarantees of
/// the SQLite store. Events are append-only (triggers, and the `quorum_writer` role, `PostgresSchema`); each command is
/// one transaction holding the instance's advisory lock, so of two advances on one revision exactly one is stored;
/// reads see one snapshot. Events are stored as their bytes, so the hash chain verifies after a copy either way.
///
/// The engine's calls are synchronous: each runs its statements on the store's connection and waits for them. One
/// connection carries one transaction at a time, so calls on one store object wait for each other.
public final class PostgresInstanceStore: HistoryCopyTarget, @unchecked Sendable {
    public let location: String?
    private let connection: PostgresConnection
    private let lock = NSLock()
    private let logger = Logger(label: "quorum.store")

    /// Connects, and brings the schema up to date (creating it in an empty database).
    public init(_ address: PostgresAddress) throws {
        location = address.shown
        let location = address.shown
        connection = try Self.reporting(location) {
            try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: address.configuration,
                                           id: 1, logger: Logger(label: "quorum.postgres")).wait()
        }
        try migrate()
        logger.debug("opened store at \(location)")
    }

    deinit {
        try? connection.close().wait()
    }

    private func migrate() throws {
        let applied = { (session: Session) throws -> Set<String> in
            guard try session.query("SELECT to_regclass('quorum_migration') IS NOT NULL").first?.decode(Bool.self) == true else { return [] }
            return Set(try session.query("SELECT identifier FROM quorum_migration").map { try $0.decode(String.self) })
        }
        let wanted = PostgresSchema.migrations.map(\.identifier)
        guard !Set(wanted).isSubset(of: try transaction(applied)) else { return }
        try transaction { session in
            try session.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
            try session.query("CREATE TABLE IF NOT EXISTS quorum_migration (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let done = try applied(session)
            for migration in PostgresSchema.migrations where !done.contains(migration.identifier) {
                for statement in migration.statements { try session.query(PostgresQuery(unsafeSQL: statement)) }
                try session.query("INSERT INTO quorum_migration (identifier) VALUES (\(migration.identifier))")
                logger.info("store \(location ?? ""): migrated to \(migration.identifier)")
            }
        }
    }

    /// A trigger that keeps the history append-only and has been dropped or disabled, if any; protections that cannot
    /// be read are a problem too, since they cannot be shown to hold.
    public func protectionProblem() throws -> EventChain.Problem? {
        let present: Set<String>
        do {
            present = try transaction(readOnly: true) { session in
                Set(try session.query("""
                    SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'
                        AND tgrelid IN ('event'::regclass, 'definition'::regclass, 'instance'::regclass)
                    """).map { try $0.decode(String.self) })
            }
        } catch let error as StoreError where error.isUnreachable {
            // A server out of reach says nothing about its protections: the command may be run again.
            throw error
        } catch {
            // One that does not show them is a problem: what cannot be checked is not trusted.
            return .unprotected("its triggers could not be read (\(error))")
        }
        return PostgresSchema.protections.map(\.name).first { !present.contains($0) }.map { .unprotected("the trigger \($0) was dropped or disabled") }
    }

    public func create(_ header: InstanceHeader, definition: PinnedDefinition, events: [Event], summary: StateSummary?) throws {
        try transaction { session in try Self.insert(header, definitions: [definition], events: events, summary: summary, session) }
    }

    public func adopt(_ logs: [InstanceLog], summaries: [String: StateSummary]) throws {
        try transaction { session in
            for log in logs {
                try Self.insert(log.header, definitions: log.definitions.map { PinnedDefinition(hash: $0.key, json: $0.value) },
                                events: log.events, summary: summaries[log.header.id], session)
            }
        }
    }

    public func append(_ events: [Event], to instance: String, expectedRevision: Int, definitions: [PinnedDefinition],
                       summary: StateSummary?) throws {
        try transaction { session in
            // Writers of one instance take turns: the second reads the revision the first stored.
            try session.query("SELECT pg_advisory_xact_lock(hashtextextended(\(instance), 0))")
            let revision = try session.query("SELECT COALESCE(MAX(sequence), 0) FROM event WHERE instance_id = \(instance)")
                .first?.decode(Int.self) ?? 0
            guard revision == expectedRevision else {
                throw EngineError.concurrentChange(instance: instance, expected: expectedRevision, actual: revision)
            }
            try Self.insert(definitions, session)
            try Self.insert(events, for: instance, session)
            try Self.keep(summary, for: instance, session)
        }
    }

    public func summaries() throws -> [String: StateSummary] {
        try transaction { session in
            var summaries: [String: StateSummary] = [:]
            for row in try session.query("SELECT instance_id, revision, head, current_step, finished, seal, facts FROM summary") {
                let (instance, revision, head, step, finished, seal, facts) = try StoredChain.readable("summary", "\(row)") {
                    try row.decode((String, Int, String, String?, Bool, String, String?).self)
                }
                summaries[instance] = StateSummary(revision: revision, head: head, currentStep: step, finished: finished,
                                                   factsJSON: facts, seal: seal)
            }
            return summaries
        }
    }

    public func load(_ instance: String) throws -> InstanceLog? {
        try chain(instance, decoding: nil).map { InstanceLog(header: $0.header, events: $0.events, definitions: $0.definitions) }
    }

    public func chain(_ instance: String, decoding cases: Set<String>) throws -> InstanceChain? {
        try chain(instance, decoding: Optional(cases))
    }

    private func chain(_ instance: String, decoding cases: Set<String>?) throws -> InstanceChain? {
        try transaction(readOnly: true) { session in
            var definitions: [String: Data] = [:]
            return try Self.read(instance, decoding: cases, session, definitions: &definitions)
        }
    }

    public func chains(_ instances: [String], decoding cases: Set<String>) throws -> [InstanceChain] {
        try transaction(readOnly: true) { session in
            var definitions: [String: Data] = [:]
            return try instances.compactMap { try Self.read($0, decoding: cases, session, definitions: &definitions) }
        }
    }

    public func definition(_ hash: String) throws -> Data? {
        try transaction(readOnly: true) { session in try Self.definition(hash, session) }
    }

    public func instances() throws -> [InstanceHeader] {
        try transaction(readOnly: true) { session in
            try session.query("SELECT id, workflow, created_at FROM instance ORDER BY created_at, id").map(Self.header)
        }
    }

    // MARK: Reading

    private static func read(_ instance: String, decoding cases: Set<String>?, _ session: Session,
                             definitions read: inout [String: Data]) throws -> InstanceChain? {
        guard let row = try session.query("SELECT id, workflow, created_at FROM instance WHERE id = \(instance)").first else { return nil }
        let header = try Self.header(row)
        let links = try session.query("""
            SELECT sequence, at, actor, payload, previous_hash, hash, signer, signature FROM event WHERE instance_id = \(instance) ORDER BY sequence
            """).map { row in
            try StoredChain.readable("event of \(instance)", "\(row)") {
                let (sequence, at, actor, payload, previous, hash, signer, signature) = try row.decode((Int, Date, String, Data, String, String, String?, String?).self)
                return InstanceChain.Link(sequence: sequence, at: StoredChain.millisecond(at), actor: actor, payloadData: payload,
                                          previousHash: previous, hash: hash, signature: StoredChain.signature(signer: signer, value: signature))
            }
        }
        return try StoredChain.assemble(header, links: links, decoding: cases) { hash in
            if read[hash] == nil { read[hash] = try definition(hash, session) }
            return read[hash]
        }
    }

    private static func definition(_ hash: String, _ session: Session) throws -> Data? {
        try session.query("SELECT json FROM definition WHERE hash = \(hash)").first?.decode(Data.self)
    }

    private static func header(_ row: PostgresRow) throws -> InstanceHeader {
        try StoredChain.readable("instance", "\(row)") {
            let (id, workflow, created) = try row.decode((String, String, Date).self)
            return InstanceHeader(id: id, workflow: workflow, createdAt: StoredChain.millisecond(created))
        }
    }

    // MARK: Writing

    private static func insert(_ header: InstanceHeader, definitions: [PinnedDefinition], events: [Event], summary: StateSummary?,
                               _ session: Session) throws {
        let inserted = try session.execute("""
            INSERT INTO instance (id, workflow, created_at) VALUES (\(header.id), \(header.workflow), \(header.createdAt)) ON CONFLICT (id) DO NOTHING
            """)
        guard inserted == 1 else { throw EngineError.duplicateInstance(header.id) }
        try insert(definitions, session)
        try insert(events, for: header.id, session)
        try keep(summary, for: header.id, session)
    }

    private static func insert(_ definitions: [PinnedDefinition], _ session: Session) throws {
        for definition in definitions {
            try session.query("INSERT INTO definition (hash, json) VALUES (\(definition.hash), \(definition.json)) ON CONFLICT (hash) DO NOTHING")
        }
    }

    /// Events in statements of up to 1,000 rows: a copied history of many events is not a round trip per event.
    private static func insert(_ events: [Event], for instance: String, _ session: Session) throws {
        for start in stride(from: 0, to: events.count, by: 1_000) {
            let batch = events[start..<min(start + 1_000, events.count)]
            var binds = PostgresBindings(capacity: batch.count * 10)
            var rows: [String] = []
            for event in batch {
                let first = binds.count + 1
                rows.append("(" + (first..<first + 10).map { "$\($0)" }.joined(separator: ", ") + ")")
                binds.append(instance)
                binds.append(event.sequence)
                binds.append(event.at)
                binds.append(event.actor)
                binds.append(event.payload.kind)
                try binds.append(event.payloadData)
                binds.append(event.previousHash)
                binds.append(event.hash)
                binds.append(event.signature?.signer)
                binds.append(event.signature?.value)
            }
            try session.query(PostgresQuery(unsafeSQL: """
                INSERT INTO event (instance_id, sequence, at, actor, kind, payload, previous_hash, hash, signer, signature)
                    VALUES \(rows.joined(separator: ", "))
                """, binds: binds))
        }
    }

    /// Replaces the instance's summary; without one, the old summary stays, describing an earlier head, and is not used.
    private static func keep(_ summary: StateSummary?, for instance: String, _ session: Session) throws {
        guard let summary else { return }
        try session.query("""
            INSERT INTO summary (instance_id, revision, head, current_step, finished, seal, facts)
                VALUES (\(instance), \(summary.revision), \(summary.head), \(summary.currentStep), \(summary.finished), \(summary.seal), \(summary.factsJSON))
            ON CONFLICT (instance_id) DO UPDATE SET revision = EXCLUDED.revision, head = EXCLUDED.head, current_step = EXCLUDED.current_step,
                finished = EXCLUDED.finished, seal = EXCLUDED.seal, facts = EXCLUDED.facts
            """)
    }

    // MARK: Transactions

    /// The connection inside one transaction, its statements waited for, each at most `answerTime`.
    struct Session {
        let connection: PostgresConnection
        let logger: Logger

        /// The longest a statement is waited for. A server that crashed can leave a statement without an answer for
        /// ever, even once its connection is closed, and a server's requests wait for each other: the statement is
        /// given up when the connection closes, or after this long (then the connection is closed), and the command
        /// is told the store is out of reach (nothing more was stored).
        static let answerTime = TimeAmount.seconds(15)

        @discardableResult
        func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
            let loop = connection.eventLoop, connection = connection, asked = NIODeadline.now()
            let answer = loop.makePromise(of: PostgresQueryResult.self)
            let settled = NIOLockedValueBox(false)
            let settle: @Sendable (Result<PostgresQueryResult, any Error>) -> Void = { result in
                guard settled.withLockedValue({ done in defer { done = true }; return !done }) else { return }
                answer.completeWith(result)
            }
            let watch = loop.scheduleRepeatedTask(initialDelay: .milliseconds(50), delay: .milliseconds(50)) { task in
                if connection.isClosed {
                    settle(.failure(NoAnswer(reason: "the server closed the connection")))
                } else if NIODeadline.now() - asked > Self.answerTime {
                    settle(.failure(NoAnswer(reason: "no answer within \(Self.answerTime.nanoseconds / 1_000_000_000) s")))
                    let _: EventLoopFuture<Void> = connection.close()
                } else {
                    return
                }
                task.cancel()
            }
            connection.query(query, logger: logger).whenComplete { result in
                watch.cancel()
                settle(result)
            }
            return try answer.futureResult.wait()
        }

        /// The number of rows a statement changed.
        func execute(_ query: PostgresQuery) throws -> Int {
            try self.query(query).metadata.rows ?? 0
        }
    }

    /// Runs `work` in one transaction, committed when it returns and rolled back when it throws: a command that cannot
    /// finish stores nothing. Reads run in a read-only snapshot, so a history is read as of one moment.
    private func transaction<T>(readOnly: Bool = false, _ work: (Session) throws -> T) throws -> T {
        try lock.withLock {
            // A connection the server closed (it restarted) is not used again: the store is opened anew.
            guard !connection.isClosed else { throw StoreError.unreachable(location: location ?? "", reason: "the server closed the connection") }
            return try Self.reporting(location ?? "") {
                let session = Session(connection: connection, logger: logger)
                try session.query(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
                do {
                    let result = try work(session)
                    try session.query("COMMIT")
                    return result
                } catch {
                    _ = try? session.query("ROLLBACK")
                    throw error
                }
            }
        }
    }

    /// The server's errors as the store's: a lost connection, or a refusal that passes (`transient`), is
    /// `unreachable` (nothing more was stored; trying again is safe); a statement the server refused is
    /// `refusedByServer` with the server's own words.
    private static func reporting<T>(_ location: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState] ?? "?", reason = "\(message) (SQLSTATE \(state))"
                if transient(state) { throw StoreError.unreachable(location: location, reason: reason) }
                throw StoreError.refusedByServer(location: location, reason: reason)
            }
            throw StoreError.unreachable(location: location, reason: error.underlying.map { "\($0)" } ?? "\(error.code)")
        } catch let error as ChannelError {
            throw StoreError.unreachable(location: location, reason: "\(error)")
        } catch let error as IOError {
            throw StoreError.unreachable(location: location, reason: error.description)
        } catch let error as NoAnswer {
            throw StoreError.unreachable(location: location, reason: error.description)
        }
    }

    /// A statement the server did not answer: it closed the connection, or took too long.
    struct NoAnswer: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// Whether a refusal's SQLSTATE passes by itself, the transaction rolled back: the connection lost (class 08),
    /// the server shutting down, crashed or starting up (57P01–57P03), out of connections or memory (class 53), or a
    /// serialization failure or deadlock (40001, 40P01).
    static func transient(_ sqlState: String) -> Bool {
        sqlState.hasPrefix("08") || sqlState.hasPrefix("57P") || sqlState.hasPrefix("53") || sqlState == "40001" || sqlState == "40P01"
    }
}
