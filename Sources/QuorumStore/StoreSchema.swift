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
        return migrator
    }
}
