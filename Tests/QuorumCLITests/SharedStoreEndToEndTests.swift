import Foundation
import Testing

/// An office's clerk moves its history to the province's shared store with `quorum store copy`, the procedure goes on
/// there with `--store postgres://…`, and the history comes back to a SQLite file: the chain verifies at every stop.
/// Against SQLite always, and against PostgreSQL when `QUORUM_TEST_POSTGRES` names a throw-away server.
@Suite(.serialized)
struct SharedStoreEndToEndTests {
    let quorum: QuorumProcess
    let track = "pho-chanh-van-phong-2021"
    var instance: String { "\(track)-1" }

    init() throws { quorum = try QuorumProcess() }

    static let server = ProcessInfo.processInfo.environment["QUORUM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let targets = ["sqlite"] + (server == nil ? [] : ["postgres"])

    /// A new store of the kind: a SQLite file in the project, or a new database on the test server (made with psql).
    private func newStore(_ kind: String) throws -> String {
        guard kind == "postgres", let server = Self.server else { return quorum.path("shared-\(UUID().uuidString).sqlite") }
        let name = "quorum_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = ["psql", "-q", server, "-c", "CREATE DATABASE \(name)"]
        try psql.run()
        psql.waitUntilExit()
        #expect(psql.terminationStatus == 0, "psql creates the test database")
        var url = try #require(URLComponents(string: server))
        url.path = "/" + name
        return try #require(url.string)
    }

    @Test(arguments: targets) func aHistoryMovesToTheSharedStoreGoesOnThereAndComesBack(kind: String) throws {
        defer { quorum.remove() }
        #expect(try quorum.run("start", track).status == 0)
        #expect(try quorum.run("roster", instance, "--file", "samples/\(track)/roster.csv").status == 0)
        let shared = try newStore(kind)

        let copied = try quorum.run("store", "copy", quorum.store, shared)
        #expect(copied.status == 0, "\(copied.errors)")
        #expect(copied.output.contains("copied 1 instances (3 events)") && copied.output.contains("every history's hash chain verifies"))
        #expect(try quorum.run("store", "copy", quorum.store, shared).output.contains("already in the target with the same history"))

        let onShared: [String: String?] = ["QUORUM_STORE": shared]
        #expect(try quorum.run(["status"], environment: onShared).output.contains("\(instance)  at buoc-1"))
        try "present: 4\nagreed:\n  pho-chanh-van-phong: [Nguyễn Hữu Phước]\nreview:\n  pho-chanh-van-phong:\n    - { person: tran-thi-thu-ha, decision: keep }\n    - { person: cb-0099, decision: remove, reason: Không hoàn thành nhiệm vụ năm 2020 }\n"
            .write(toFile: quorum.path("b1.yaml"), atomically: true, encoding: .utf8)
        #expect(try quorum.run(["record", instance, "buoc-1", "--file", "b1.yaml", "--actor", "Văn thư"], environment: onShared).status == 0)
        #expect(try quorum.run(["advance", instance], environment: onShared).status == 0)
        let verified = try quorum.run(["verify", instance, "--json"], environment: onShared)
        #expect(verified.status == 0 && verified.output.contains("\"intact\" : true"), "\(verified.output)\(verified.errors)")

        // The office's own file still ends where it was copied; the shared store holds the rest, and it comes back whole.
        #expect(try quorum.run("store", "copy", shared, quorum.store).status == 1, "the office's copy of the instance is now behind")
        let back = quorum.path("back.sqlite")
        #expect(try quorum.run("store", "copy", shared, back).status == 0)
        let there = try quorum.run(["history", instance], environment: onShared).output
        let here = try quorum.run(["history", instance], environment: ["QUORUM_STORE": back]).output
        #expect(here == there && here.contains("Văn thư"))
        #expect(try quorum.run(["verify", instance], environment: ["QUORUM_STORE": back]).status == 0)
    }

    @Test func aStoreAddressThatIsNotOneIsBadInput() throws {
        defer { quorum.remove() }
        let result = try quorum.run(["status"], environment: ["QUORUM_STORE": "postgres://clerk@db.example/quorum?sslmode=sometimes"])
        #expect(result.status == 2)
        #expect(result.errors.contains("sslmode sometimes is none of disable, prefer, require, verify-ca, verify-full"))
        let unreachable = try quorum.run(["status", "--lang", "vi"], environment: ["QUORUM_STORE": "postgres://clerk:bí-mật@127.0.0.1:9/quorum?sslmode=disable"])
        #expect(unreachable.status == 4)
        #expect(unreachable.errors.contains("không kết nối được tới kho dữ liệu postgres://clerk:***@127.0.0.1:9/quorum"))
        #expect(!unreachable.errors.contains("bí-mật"), "the password is never shown")
    }
}
