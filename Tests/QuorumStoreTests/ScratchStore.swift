import Foundation
import GRDB
import PostgresNIO
@testable import QuorumStore
import Testing

/// The kinds of store every contract test runs against. PostgreSQL runs when `QUORUM_TEST_POSTGRES` names a
/// throw-away server (`scripts/with-postgres.sh swift test`, as `.ci/run` does); in CI it must.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let server = ProcessInfo.processInfo.environment["QUORUM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let available: [StoreKind] = server == nil ? [.sqlite] : [.sqlite, .postgres]
}

/// A new, empty store of one kind: a SQLite file in a new folder, or a new database on the test server. Besides the
/// store it can run SQL as someone with the database's own rights would: with the store's protections in place, or
/// set aside (and restored after) to tamper with the history behind the store's back.
struct ScratchStore {
    let kind: StoreKind
    /// What `--store` would say.
    let address: String

    init(_ kind: StoreKind) throws {
        self.kind = kind
        switch kind {
        case .sqlite:
            address = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-contract-\(UUID().uuidString)/store/quorum.sqlite").path
        case .postgres:
            let server = try #require(StoreKind.server)
            let name = "quorum_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            try Self.postgres(server, ["CREATE DATABASE \(name)"])
            var url = try #require(URLComponents(string: server))
            url.path = "/" + name
            address = try #require(url.string)
        }
    }

    func open() throws -> any HistoryCopyTarget { try StoreAddress.open(address) }

    /// Runs statements with the store's protections in place, as a clerk with the database's rights could try.
    func sql(_ statements: String...) throws {
        switch kind {
        case .sqlite: try DatabaseQueue(path: address).write { db in for statement in statements { try db.execute(sql: statement) } }
        case .postgres: try Self.postgres(address, statements)
        }
    }

    /// Runs statements with the protections set aside and restored after: tampering by someone who owns the database.
    func tamper(sqlite: String, postgres: String) throws {
        switch kind {
        case .sqlite:
            try DatabaseQueue(path: address).write { db in
                let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
                for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger["name"] as String)") }
                try db.execute(sql: sqlite)
                for trigger in triggers { try db.execute(sql: trigger["sql"]) }
            }
        case .postgres:
            try Self.postgres(address, ["SET session_replication_role = replica", postgres, "RESET session_replication_role"])
        }
    }

    func tamper(_ both: String) throws { try tamper(sqlite: both, postgres: both) }

    /// Runs statements on a PostgreSQL server, one after another, on a connection of their own.
    static func postgres(_ address: String, _ statements: [String]) throws {
        let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                        configuration: try PostgresAddress(address).configuration, id: 0,
                                                        logger: Logger(label: "quorum.test")).wait()
        defer { try? connection.close().wait() }
        for statement in statements {
            _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "quorum.test")).wait()
        }
    }
}

/// The PostgreSQL half of the contract is not skipped where it must run: in CI (`CI` set) and wherever `.ci/run` runs
/// the tests (`QUORUM_REQUIRE_TOOLS=1`).
struct StoreContractCoverageTests {
    @Test func postgresRunsInCI() {
        let environment = ProcessInfo.processInfo.environment
        let required = !(environment["CI"] ?? "").isEmpty || environment["QUORUM_REQUIRE_TOOLS"] == "1"
        #expect(!required || StoreKind.available.contains(.postgres),
                "CI must run the store contract against PostgreSQL: run the tests through scripts/with-postgres.sh")
    }
}
