import Foundation
@testable import QuorumCore
@testable import QuorumStore
import Testing

/// The shared store as a clerk's account, a careless administrator or many units at once would try it: the role
/// writers are given may only read and append, a dropped or disabled protection is found and refused, and units
/// opening a new store at once create it once.
@Suite(.enabled(if: StoreKind.server != nil, "needs QUORUM_TEST_POSTGRES (scripts/with-postgres.sh)"))
struct PostgresHardeningTests {
    /// A store with two instances of a one-step workflow, written through the engine.
    private func twoInstances() throws -> (ScratchStore, InstanceService) {
        let scratch = try ScratchStore(.postgres)
        let service = InstanceService(store: try scratch.open(), actor: "clerk")
        for _ in 0..<2 {
            let id = try service.start(Fixtures.definition, another: true).id
            _ = try service.record(StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "deputy", names: ["Ann"])]), in: id,
                                   current: Fixtures.definition)
        }
        return (scratch, service)
    }

    /// The store's address as a new login of the writers' role.
    private func asWriter(_ scratch: ScratchStore) throws -> String {
        let login = "clerk_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try ScratchStore.postgres(scratch.address, ["CREATE ROLE \(login) LOGIN IN ROLE quorum_writer"])
        var url = try #require(URLComponents(string: scratch.address))
        url.user = login
        return try #require(url.string)
    }

    @Test func theWritersRoleMayReadAndAppendButNeverChangeOrRemove() throws {
        let (scratch, _) = try twoInstances()
        let writer = try asWriter(scratch)
        let service = InstanceService(store: try StoreAddress.open(writer), actor: "clerk")
        _ = try service.advance("track-1", current: Fixtures.definition)
        #expect(try service.load("track-1").state.isFinished, "a writer runs the procedure")
        for statement in ["UPDATE event SET actor = 'x'", "DELETE FROM event", "TRUNCATE event CASCADE", "UPDATE definition SET json = ''",
                          "DELETE FROM instance", "ALTER TABLE event DISABLE TRIGGER event_append_only", "DROP TRIGGER event_append_only ON event"] {
            do {
                try ScratchStore.postgres(writer, [statement])
                Issue.record("a writer may not: \(statement)")
            } catch {
                // Refused by the role's rights, before any trigger is asked.
                #expect(String(reflecting: error).contains("42501"), "\(statement): \(String(reflecting: error))")
            }
        }
        #expect(try service.verify("track-1") == nil)
    }

    @Test(arguments: ["DROP TRIGGER event_append_only ON event", "ALTER TABLE event DISABLE TRIGGER event_append_only"])
    func aDroppedOrDisabledProtectionIsFoundAndRefused(statement: String) throws {
        let (scratch, service) = try twoInstances()
        try scratch.sql(statement)
        let problem = EventChain.Problem.unprotected("the trigger event_append_only was dropped or disabled")
        #expect(try service.verify("track-1") == problem)
        #expect(throws: EngineError.tampered(instance: "track-1", problem: problem)) { try service.load("track-1") }
    }

    /// A server that cannot take the connection now (starting up after a crash, out of connections) is out of reach
    /// for the moment, and the command may be run again; a refusal that stays (no privilege) is not.
    @Test func aServerThatCannotTakeTheConnectionNowCanBeTriedAgain() throws {
        let (scratch, _) = try twoInstances()
        let login = "busy_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try ScratchStore.postgres(scratch.address, ["CREATE ROLE \(login) LOGIN CONNECTION LIMIT 0 IN ROLE quorum_writer"])
        var url = try #require(URLComponents(string: scratch.address))
        url.user = login
        #expect {
            _ = try StoreAddress.open(try #require(url.string)).instances()
        } throws: { error in
            guard case StoreError.unreachable(_, let reason) = error else { return false }
            return reason.contains("SQLSTATE 53300")
        }
        #expect(["57P03", "57P01", "08006", "40001", "40P01", "53300"].allSatisfy(PostgresInstanceStore.transient))
        #expect(!["42501", "23505", "P0001", "57014"].contains(where: PostgresInstanceStore.transient))
    }

    /// A store whose server dropped its connection (a restart, an administrator) says so at once, as out of reach
    /// for now, and a store opened again works: a server keeping the store open across requests carries on.
    @Test func aConnectionTheServerDroppedIsOutOfReachAndAStoreOpenedAgainWorks() throws {
        let (scratch, _) = try twoInstances()
        let store = try scratch.open()
        #expect(try store.instances().count == 2)
        try ScratchStore.postgres(scratch.address, ["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"])
        let began = Date()
        #expect {
            _ = try store.instances()
        } throws: { error in
            (error as? StoreError)?.isUnreachable == true
        }
        #expect(Date().timeIntervalSince(began) < 5, "refused when the connection closed, not after the longest wait")
        #expect(try scratch.open().instances().count == 2)
    }

    @Test func anEventOutOfSequenceIsRefused() throws {
        let (scratch, _) = try twoInstances()
        #expect(throws: (any Error).self) {
            try scratch.sql("INSERT INTO event SELECT instance_id, sequence + 5, at, actor, kind, payload, previous_hash, hash FROM event WHERE instance_id = 'track-1' AND sequence = 1")
        }
        #expect(throws: (any Error).self) {
            try scratch.sql("INSERT INTO event SELECT * FROM event WHERE instance_id = 'track-1' AND sequence = 1 ON CONFLICT (instance_id, sequence) DO UPDATE SET actor = 'x'")
        }
    }

    @Test func manyUnitsOpeningANewStoreAtOnceCreateItOnce() throws {
        let scratch = try ScratchStore(.postgres)
        let failures = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                _ = try scratch.open().instances()
            } catch {
                failures.add(String(reflecting: error))
            }
        }
        #expect(failures.values.isEmpty)
        #expect(try scratch.open().protectionProblem() == nil)
    }

    @Test func anUnreachableServerIsARetryableErrorNamingTheStoreWithoutItsPassword() throws {
        do {
            _ = try StoreAddress.open("postgres://clerk:secret@127.0.0.1:9/quorum?sslmode=disable")
            Issue.record("nothing listens on port 9")
        } catch StoreError.unreachable(let location, _) {
            #expect(location == "postgres://clerk:***@127.0.0.1:9/quorum?sslmode=disable")
        }
    }
}
