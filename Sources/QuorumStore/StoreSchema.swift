import Foundation
import GRDB

/// The store's tables and how payloads are encoded. Versioned with GRDB's migrator so old stores open in new releases.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE instance (
                    id TEXT PRIMARY KEY NOT NULL,
                    workflow TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE definition (
                    hash TEXT PRIMARY KEY NOT NULL,
                    json BLOB NOT NULL
                );
                CREATE TABLE event (
                    instance_id TEXT NOT NULL REFERENCES instance(id),
                    sequence INTEGER NOT NULL,
                    at DATETIME NOT NULL,
                    actor TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    PRIMARY KEY (instance_id, sequence)
                );
                CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
                    BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
                CREATE TRIGGER definition_immutable BEFORE UPDATE ON definition
                    BEGIN SELECT RAISE(ABORT, 'pinned definitions never change'); END;
                """)
        }
        migrator.registerMigration("v2-hash-chain") { db in
            try db.execute(sql: """
                ALTER TABLE event ADD COLUMN previous_hash TEXT NOT NULL DEFAULT '';
                ALTER TABLE event ADD COLUMN hash TEXT NOT NULL DEFAULT '';
                """)
        }
        migrator.registerMigration("v3-no-rewrites") { db in
            try db.execute(sql: protections.map(\.sql).joined(separator: "\n"))
        }
        // Where each instance stands after its last event, written with the events (StateSummary): derived data,
        // replaced at every change and trusted only when it is sealed to the chain's verified head.
        migrator.registerMigration("v4-summary") { db in
            try db.execute(sql: """
                CREATE TABLE summary (
                    instance_id TEXT PRIMARY KEY NOT NULL REFERENCES instance(id),
                    revision INTEGER NOT NULL,
                    head TEXT NOT NULL,
                    current_step TEXT,
                    finished INTEGER NOT NULL,
                    seal TEXT NOT NULL
                );
                """)
        }
        // What other instances of the cycle read about one (StateSummary.Facts), sealed with the summary. Summaries
        // kept before it have none, and those instances are folded when asked.
        migrator.registerMigration("v5-summary-facts") { db in
            try db.execute(sql: "ALTER TABLE summary ADD COLUMN facts TEXT")
        }
        // The signature of the command that appended an event (on its last event), beside the hash it signs.
        migrator.registerMigration("v6-signatures") { db in
            try db.execute(sql: """
                ALTER TABLE event ADD COLUMN signer TEXT;
                ALTER TABLE event ADD COLUMN signature TEXT;
                """)
        }
        return migrator
    }

    /// Triggers that keep the history append-only beyond UPDATE and DELETE of events: no event replaced or inserted
    /// out of sequence (INSERT OR REPLACE deletes without firing delete triggers), no definition deleted or replaced,
    /// no instance row changed or removed. `verify` checks that every one of these, and those of v1, still exists.
    static let protections: [(name: String, sql: String)] = [
        ("event_in_sequence", """
            CREATE TRIGGER event_in_sequence BEFORE INSERT ON event
                WHEN NEW.sequence != (SELECT COALESCE(MAX(sequence), 0) + 1 FROM event WHERE instance_id = NEW.instance_id)
                BEGIN SELECT RAISE(ABORT, 'the history is append-only: events are added in sequence, never replaced'); END;
            """),
        ("definition_kept", """
            CREATE TRIGGER definition_kept BEFORE INSERT ON definition
                WHEN EXISTS (SELECT 1 FROM definition WHERE hash = NEW.hash)
                BEGIN SELECT RAISE(IGNORE); END;
            """),
        ("definition_undeletable", """
            CREATE TRIGGER definition_undeletable BEFORE DELETE ON definition
                BEGIN SELECT RAISE(ABORT, 'pinned definitions are never deleted'); END;
            """),
        ("instance_immutable", """
            CREATE TRIGGER instance_immutable BEFORE UPDATE ON instance
                BEGIN SELECT RAISE(ABORT, 'instances never change'); END;
            """),
        ("instance_undeletable", """
            CREATE TRIGGER instance_undeletable BEFORE DELETE ON instance
                BEGIN SELECT RAISE(ABORT, 'instances are never deleted'); END;
            """),
    ]

    /// Every trigger a store must have once `applied` migrations have run: those of v1, and from v3 the protections.
    /// A store opened for writing is migrated first, so it must have them all; an archive opened read-only is not, and
    /// one written before v3 never had the protections (they were not dropped).
    static func triggers(after applied: Set<String>) -> [String] {
        ["event_append_only_update", "event_append_only_delete", "definition_immutable"]
            + (applied.contains("v3-no-rewrites") ? protections.map(\.name) : [])
    }
}
