/// The shared store's tables, versioned as the SQLite store's are: each migration runs once, in one transaction, under
/// an advisory lock, and is recorded in `quorum_migration`. The history is append-only in the database itself:
/// triggers refuse to change, delete or truncate events, definitions and instances, and the role `quorum_writer`, which
/// the accounts of clerks' machines and of `quorum serve` should be members of, may only read and insert them.
enum PostgresSchema {
    static let migrations: [(identifier: String, statements: [String])] = [
        ("v1", [
            """
            CREATE TABLE instance (
                id TEXT PRIMARY KEY,
                workflow TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE TABLE definition (hash TEXT PRIMARY KEY, json BYTEA NOT NULL)",
            """
            CREATE TABLE event (
                instance_id TEXT NOT NULL REFERENCES instance(id),
                sequence INTEGER NOT NULL,
                at TIMESTAMPTZ NOT NULL,
                actor TEXT NOT NULL,
                kind TEXT NOT NULL,
                payload BYTEA NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                signer TEXT,
                signature TEXT,
                PRIMARY KEY (instance_id, sequence)
            )
            """,
            """
            CREATE TABLE summary (
                instance_id TEXT PRIMARY KEY REFERENCES instance(id),
                revision INTEGER NOT NULL,
                head TEXT NOT NULL,
                current_step TEXT,
                finished BOOLEAN NOT NULL,
                seal TEXT NOT NULL,
                facts TEXT
            )
            """,
            """
            CREATE FUNCTION quorum_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation'; END $$
            """,
            """
            CREATE FUNCTION quorum_event_in_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.sequence <> (SELECT COALESCE(MAX(sequence), 0) + 1 FROM event WHERE instance_id = NEW.instance_id) THEN
                    RAISE EXCEPTION 'the history is append-only: events are added in sequence, never replaced'
                        USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END $$
            """,
        ] + protections.map(\.sql) + [
            // The role a writer's account is given: read and append, never change or remove. Roles belong to the
            // server, not to one database, so another store on the same server may have made it first; an account
            // that may not create roles leaves it to the administrator (docs/store.md).
            """
            DO $$ BEGIN CREATE ROLE quorum_writer NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation OR insufficient_privilege THEN NULL; END $$
            """,
            """
            DO $$ BEGIN
                GRANT SELECT, INSERT ON instance, definition, event TO quorum_writer;
                GRANT SELECT, INSERT, UPDATE ON summary TO quorum_writer;
                GRANT SELECT ON quorum_migration TO quorum_writer;
            EXCEPTION WHEN undefined_object OR insufficient_privilege THEN NULL; END $$
            """,
        ]),
    ]

    /// The triggers that keep the history append-only; `verify` checks that each one is there and enabled.
    static let protections: [(name: String, sql: String)] = [
        ("event_append_only", "CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event FOR EACH ROW EXECUTE FUNCTION quorum_refuse('the history is append-only')"),
        ("event_not_truncated", "CREATE TRIGGER event_not_truncated BEFORE TRUNCATE ON event FOR EACH STATEMENT EXECUTE FUNCTION quorum_refuse('the history is append-only')"),
        ("event_in_sequence", "CREATE TRIGGER event_in_sequence BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION quorum_event_in_sequence()"),
        ("definition_immutable", "CREATE TRIGGER definition_immutable BEFORE UPDATE OR DELETE ON definition FOR EACH ROW EXECUTE FUNCTION quorum_refuse('pinned definitions never change')"),
        ("definition_not_truncated", "CREATE TRIGGER definition_not_truncated BEFORE TRUNCATE ON definition FOR EACH STATEMENT EXECUTE FUNCTION quorum_refuse('pinned definitions never change')"),
        ("instance_immutable", "CREATE TRIGGER instance_immutable BEFORE UPDATE OR DELETE ON instance FOR EACH ROW EXECUTE FUNCTION quorum_refuse('instances never change')"),
        ("instance_not_truncated", "CREATE TRIGGER instance_not_truncated BEFORE TRUNCATE ON instance FOR EACH STATEMENT EXECUTE FUNCTION quorum_refuse('instances never change')"),
    ]

    /// The key of the advisory lock migrations hold, so that two commands opening a new store create it once.
    static let migrationLock: Int64 = 0x5155_4f52_554d  // "QUORUM"
}
