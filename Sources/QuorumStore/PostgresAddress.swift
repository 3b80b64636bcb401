import Foundation
import PostgresNIO

/// Where a PostgreSQL store is, written as libpq writes it:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require|verify-ca|verify-full]`, or a Unix socket's folder as
/// `postgres://USER@/DATABASE?host=/run/postgresql`. The user defaults to the system user and the database to the
/// user, as with psql.
public struct PostgresAddress: Sendable {
    let configuration: PostgresConnection.Configuration
    /// The address without its password, for messages and logs.
    public let shown: String

    /// Whether a store option names a PostgreSQL server rather than a SQLite file.
    public static func names(_ text: String) -> Bool { text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") }

    public init(_ text: String) throws {
        guard Self.names(text), let url = URLComponents(string: text) else { throw StoreError.badAddress(text, reason: "not a postgres:// URL") }
        let user = url.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let database = String(url.path.drop { $0 == "/" }).removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? user
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let port = url.port ?? query["port"].flatMap(Int.init) ?? 5432
        var hidden = url
        if hidden.password != nil { hidden.password = "***" }
        shown = hidden.string ?? text
        if let socketFolder = query["host"], socketFolder.hasPrefix("/") {
            configuration = .init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: url.password, database: database)
            return
        }
        guard let host = url.host, !host.isEmpty else { throw StoreError.badAddress(shown, reason: "no host") }
        // As libpq reads sslmode: prefer and require encrypt without checking the server's certificate, verify-ca
        // checks it against the system's authorities, verify-full checks the host name too.
        func context(_ verification: CertificateVerification) throws -> NIOSSLContext {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = verification
            return try NIOSSLContext(configuration: configuration)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "allow", "prefer": tls = .prefer(try context(.none))
        case "require": tls = .require(try context(.none))
        case "verify-ca": tls = .require(try context(.noHostnameVerification))
        case "verify-full": tls = .require(try context(.fullVerification))
        case let mode: throw StoreError.badAddress(shown, reason: "sslmode \(mode) is none of disable, prefer, require, verify-ca, verify-full")
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: url.password,
                                                             database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
    }
}
