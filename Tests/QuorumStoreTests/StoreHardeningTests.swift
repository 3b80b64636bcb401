import Foundation
import GRDB
@testable import QuorumCore
import QuorumStore
import Testing

/// The store as an attacker, a careless clerk or a crashing machine would try it: rewriting through every door
/// SQLite leaves open, moving histories between instances, dropping protections, damaging rows, and many processes
/// opening a new store at once.
struct StoreHardeningTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-hard-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("store/quorum.sqlite").path }

    /// Two instances of a one-step workflow, each with a few events, written through the engine.
    private func twoInstances() throws -> InstanceService {
        let service = InstanceService(store: try SQLiteInstanceStore(path: path), actor: "clerk")
        let definition = Fixtures.definition
        for _ in 0..<2 {
            let id = try service.start(definition, another: true).id
            _ = try service.record(StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "deputy", names: ["Ann"])]), in: id, current: definition)
        }
        return service
    }

    private func sql(_ statement: String) throws {
        try DatabaseQueue(path: path).write { try $0.execute(sql: statement) }
    }

    @Test func noRowOfTheHistoryCanBeReplacedOrRemoved() throws {
        _ = try twoInstances()
        for statement in [
            "INSERT OR REPLACE INTO event SELECT * FROM event WHERE instance_id = 'track-1' AND sequence = 2",
            "REPLACE INTO event (instance_id, sequence, at, actor, kind, payload, previous_hash, hash) SELECT instance_id, sequence, at, 'x', kind, payload, previous_hash, hash FROM event WHERE sequence = 1",
            "INSERT INTO event (instance_id, sequence, at, actor, kind, payload, previous_hash, hash) VALUES ('track-1', 9, 0, 'x', 'k', '{}', '', '')",
            "DELETE FROM definition",
            "UPDATE instance SET workflow = 'other'",
            "DELETE FROM instance WHERE id = 'track-2'",
        ] {
            #expect(throws: DatabaseError.self, "\(statement)") { try sql(statement) }
        }
        try sql("INSERT OR REPLACE INTO definition (hash, json) SELECT hash, x'00' FROM definition")
        let service = InstanceService(store: try SQLiteInstanceStore(path: path), actor: "auditor")
        #expect(try service.verify("track-1") == nil, "a replaced definition is ignored, not stored")
        #expect(try service.verify("track-2") == nil)
    }

    @Test func historiesMovedBetweenInstancesNoLongerVerify() throws {
        let service = try twoInstances()
        try DatabaseQueue(path: path).write { db in
            for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") { try db.execute(sql: "DROP TRIGGER \(trigger)") }
            try db.execute(sql: "UPDATE event SET sequence = sequence + 100 WHERE instance_id = 'track-1'")
            try db.execute(sql: "UPDATE event SET instance_id = 'track-1' WHERE instance_id = 'track-2'")
            try db.execute(sql: "UPDATE event SET instance_id = 'track-2', sequence = sequence - 100 WHERE sequence > 100")
        }
        #expect(try service.verify("track-1") == .broken(sequence: 1))
        #expect(throws: EngineError.tampered(instance: "track-2", problem: .broken(sequence: 1))) { try service.load("track-2") }
    }

    @Test func aDroppedProtectionIsFoundAndRefused() throws {
        let service = try twoInstances()
        try sql("DROP TRIGGER event_append_only_update")
        #expect(try service.verify("track-1") == .unprotected("the trigger event_append_only_update was dropped"))
        #expect(throws: EngineError.tampered(instance: "track-1", problem: .unprotected("the trigger event_append_only_update was dropped"))) {
            try service.load("track-1")
        }
    }

    @Test func anAlteredHistoryIsReadByNoCommand() throws {
        let service = try twoInstances()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            try db.execute(sql: "UPDATE event SET payload = replace(payload, '\"present\":4', '\"present\":3') WHERE instance_id = 'track-1' AND sequence = 3")
            try db.execute(sql: StoreSchemaTriggers.eventUpdate)
        }
        #expect(throws: EngineError.tampered(instance: "track-1", problem: .altered(sequence: 3))) {
            try service.advance("track-1", current: Fixtures.definition)
        }
        #expect(throws: EngineError.tampered(instance: "track-1", problem: .altered(sequence: 3))) { try service.load("track-1") }
        #expect(try service.load("track-2").state.revision == 3, "the other instance is intact")
    }

    @Test func verifyingDecodesOnlyWhatItReadsAndStillSeesEveryChange() throws {
        let service = try twoInstances()
        let store = try SQLiteInstanceStore(path: path)
        let log = try #require(try store.load("track-1"))
        let chain = try #require(try store.chain("track-1", decoding: ["recorded"]))
        #expect(chain.links.map(\.hash) == log.events.map(\.hash))
        #expect(chain.links.map(\.payloadData) == log.events.map(\.payloadData))
        #expect(chain.events.map(\.payload.kind) == log.events.map(\.payload.kind).filter { $0 == "recorded" })
        #expect(chain.pinned == log.events.compactMap(\.payload.pinnedHash), "the pinned definition is read from the started event's bytes")
        #expect(chain.events.map(\.payload.kind).contains("recorded"))
        #expect(EventChain.verify(chain) == nil)
        // An event verify does not decode is still checked, byte for byte.
        let undecoded = try #require(log.events.first { !["started", "migrated", "recorded", "corrected"].contains($0.payload.kind) })
        // A relabelled kind column hides nothing: the payload's case is read from the bytes the hash covers.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            try db.execute(sql: "UPDATE event SET kind = 'opened' WHERE instance_id = 'track-1' AND sequence = 1")
            try db.execute(sql: "DROP TRIGGER definition_undeletable")
            try db.execute(sql: "DELETE FROM definition")
        }
        guard case .definitionMissing? = try service.verification("track-1").problem else {
            Issue.record("the started event's pinned definition must be read whatever its kind column says")
            return
        }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE event SET payload = replace(payload, '{\"', '{ \"') WHERE instance_id = 'track-2' AND sequence = ?",
                           arguments: [undecoded.sequence])
        }
        #expect(try service.verification("track-2").problem == .altered(sequence: undecoded.sequence))
    }

    /// Reading changes nothing on disk: a command that only reads (status, history, verify, a report) leaves the file
    /// byte for byte as it was, writes no journal, and so waits on no disk flush.
    @Test func readingLeavesTheFileAsItWas() throws {
        try ({ _ = try twoInstances() })()  // closed when it goes: its journal folded into the file
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for _ in 0..<2 {
            try ({
                let service = InstanceService(store: try SQLiteInstanceStore(path: path), actor: "auditor")
                #expect(try service.verify("track-1") == nil)
                #expect(try service.load("track-2").state.revision == 3)
            })()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "a read changed the store's file")
        let journal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(journal == 0, "a read left a journal of \(journal) bytes")
    }

    @Test func aMissingDefinitionIsFound() throws {
        let service = try twoInstances()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER definition_undeletable")
            try db.execute(sql: "DELETE FROM definition")
        }
        guard case .definitionMissing? = try service.verify("track-1") else {
            Issue.record("the definition the instance is pinned to is gone")
            return
        }
    }

    @Test func anUnreadableRowIsAnErrorThatNamesIt() throws {
        _ = try twoInstances()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            try db.execute(sql: "UPDATE event SET at = 'not a date' WHERE instance_id = 'track-1' AND sequence = 2")
        }
        do {
            _ = try SQLiteInstanceStore(path: path).load("track-1")
            Issue.record("a row that does not decode is an error")
        } catch let error as StoreError {
            guard case .unreadableRow(let what, _, _) = error else { Issue.record("\(error)"); return }
            #expect(what == "event of track-1")
        }
    }

    @Test func theStoreIsOwnerOnlyWhateverTheUmask() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        _ = try twoInstances()
        let manager = FileManager.default
        let folderMode = try manager.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        let fileMode = try manager.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)
    }

    @Test func manyProcessesOpeningANewStoreAtOnceCreateItOnce() throws {
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                let store = try SQLiteInstanceStore(path: path)
                _ = try store.instances()
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.values.isEmpty)
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ value: String) { lock.withLock { stored.append(value) } }
    var values: [String] { lock.withLock { stored } }
}

/// The v1 trigger, to restore it after a tampering.
enum StoreSchemaTriggers {
    static let eventUpdate = "CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;"
}

/// A small workflow for store tests: one discussion.
enum Fixtures {
    static let definition: WorkflowDefinition = {
        var document = WorkflowDocument(id: "track")
        document.name = "Track"
        document.authority = "Authority"
        document.people = [PersonDocument(id: "ann", name: "Ann")]
        document.bodies = [BodyDocument(id: "council", name: "Council", members: [MemberDocument(person: "ann", role: nil)], count: 3)]
        document.titles = [TitleDocument(id: "deputy", name: "Deputy", cap: 2)]
        document.steps = [StepDocument(id: "agree", name: "Agree", body: "council", form: "discussion", date: "2021-03-12", time: "14:00")]
        return WorkflowValidator(ruleSets: []).validate(document, name: "track").0!
    }()
}
