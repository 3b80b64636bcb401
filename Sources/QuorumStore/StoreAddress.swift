import Foundation

/// What `--store` names: a PostgreSQL server (`postgres://…`) or the path of a SQLite file.
public enum StoreAddress {
    /// Opens the store, creating a SQLite file or a database's tables on first use.
    public static func open(_ address: String) throws -> any HistoryCopyTarget {
        PostgresAddress.names(address) ? try PostgresInstanceStore(try PostgresAddress(address)) : try SQLiteInstanceStore(path: address)
    }

    /// Whether there is a store to read there: a SQLite file exists; a server is asked when the store is opened.
    public static func exists(_ address: String) -> Bool {
        PostgresAddress.names(address) || FileManager.default.fileExists(atPath: address)
    }

    /// The address as it may be shown: a server's without its password.
    public static func shown(_ address: String) -> String {
        PostgresAddress.names(address) ? ((try? PostgresAddress(address))?.shown ?? "postgres://…") : address
    }
}
