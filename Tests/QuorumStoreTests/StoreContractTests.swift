import Foundation
@testable import QuorumCore
import QuorumStore
import Testing

/// What every store promises the engine, held to SQLite and PostgreSQL alike: events come back as stored, a stale
/// revision or a failing append stores nothing, an id is taken once, the history is append-only in the database
/// itself, and of two writers on one revision exactly one wins.
struct StoreContractTests {
    let definition = PinnedDefinition(hash: "abc123", json: Data(#"{"id":"w"}"#.utf8))
    let header = InstanceHeader(id: "w-1", workflow: "w", createdAt: Date(timeIntervalSince1970: 1_615_532_400))

    private func event(_ sequence: Int, _ payload: EventPayload? = nil, after previous: String = "p") -> Event {
        Event(sequence: sequence, at: Date(timeIntervalSince1970: 1_615_532_400 + Double(sequence) + 0.123_4), actor: "hcTC",
              payload: payload ?? .recorded(StepRecord(step: "buoc-1", present: sequence, note: "Ghi chú \(sequence)")),
              previousHash: previous)
    }

    private func started() -> Event {
        event(1, .started(Started(workflow: "w", definitionHash: definition.hash)), after: EventChain.origin)
    }

    @Test(arguments: StoreKind.available) func roundTripsEvents(kind: StoreKind) throws {
        let store = try ScratchStore(kind).open()
        try store.create(header, definition: definition, events: [started()])
        var signed = event(3)
        signed.signature = try SigningKey().sign(signed.hash)
        try store.append([event(2), signed], to: "w-1", expectedRevision: 1, definitions: [])
        let log = try #require(try store.load("w-1"))
        #expect(log.header == header)
        #expect(log.events == [started(), event(2), event(3)])
        #expect(log.events.map(\.signature) == [nil, nil, signed.signature], "signatures come back with their events")
        #expect(log.events.map(\.payloadData) == [started(), event(2), event(3)].map(\.payloadData), "stored as their bytes")
        #expect(log.definitions == ["abc123": definition.json])
        #expect(try store.instances() == [header])
        #expect(try store.load("missing") == nil)
        #expect(try store.definition("abc123") == definition.json)
        #expect(try store.chains(["w-1", "missing"], decoding: []).map(\.header) == [header])
    }

    @Test(arguments: StoreKind.available) func aStaleRevisionIsRefusedAndNothingIsStored(kind: StoreKind) throws {
        let store = try ScratchStore(kind).open()
        try store.create(header, definition: definition, events: [started()])
        #expect(throws: EngineError.concurrentChange(instance: "w-1", expected: 0, actual: 1)) {
            try store.append([event(2)], to: "w-1", expectedRevision: 0, definitions: [])
        }
        #expect(try store.load("w-1")?.events.count == 1)
    }

    @Test(arguments: StoreKind.available) func aFailingAppendStoresNoneOfItsEvents(kind: StoreKind) throws {
        let store = try ScratchStore(kind).open()
        try store.create(header, definition: definition, events: [started()])
        #expect(throws: (any Error).self) {
            try store.append([event(2), event(2)], to: "w-1", expectedRevision: 1, definitions: [])
        }
        #expect(try store.load("w-1")?.events.count == 1)
        try store.append([event(2)], to: "w-1", expectedRevision: 1, definitions: [])
        #expect(try store.load("w-1")?.events.count == 2, "the store is usable after a refusal")
    }

    @Test(arguments: StoreKind.available) func anInstanceIdCannotBeTakenTwice(kind: StoreKind) throws {
        let store = try ScratchStore(kind).open()
        try store.create(header, definition: definition, events: [started()])
        #expect(throws: EngineError.duplicateInstance("w-1")) {
            try store.create(header, definition: definition, events: [started()])
        }
        #expect(try store.load("w-1")?.events.count == 1)
    }

    @Test(arguments: StoreKind.available) func theHistoryIsAppendOnly(kind: StoreKind) throws {
        let scratch = try ScratchStore(kind)
        let store = try scratch.open()
        try store.create(header, definition: definition, events: [started()])
        for statement in ["UPDATE event SET actor = 'x'", "DELETE FROM event", "UPDATE definition SET hash = 'x'", "DELETE FROM definition",
                          "UPDATE instance SET workflow = 'x'", "DELETE FROM instance"] + (kind == .postgres ? ["TRUNCATE event CASCADE"] : []) {
            #expect(throws: (any Error).self, "\(statement)") { try scratch.sql(statement) }
        }
        #expect(try store.load("w-1")?.events == [started()])
        #expect(try store.protectionProblem() == nil)
    }

    @Test(arguments: StoreKind.available) func twoWritersRacingOnOneRevisionMeansExactlyOneWins(kind: StoreKind) throws {
        let scratch = try ScratchStore(kind)
        let first = try scratch.open()
        try first.create(header, definition: definition, events: [started()])
        let stores = [first, try scratch.open()]
        for round in 0..<10 {
            let revision = 1 + round
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                do {
                    try stores[index].append([event(revision + 1)], to: "w-1", expectedRevision: revision, definitions: [])
                    outcomes.add("stored")
                } catch EngineError.concurrentChange {
                    outcomes.add("refused")
                } catch {
                    outcomes.add("\(error)")
                }
            }
            #expect(outcomes.values.sorted() == ["refused", "stored"], "round \(round)")
        }
        #expect(try first.load("w-1")?.events.map(\.sequence) == Array(1...11))
    }

    @Test(arguments: StoreKind.available) func summariesAreKeptWithTheirEvents(kind: StoreKind) throws {
        let store = try ScratchStore(kind).open()
        let summary = StateSummary(revision: 1, head: started().hash, currentStep: "buoc-1", finished: false, factsJSON: #"{"decided":[]}"#, seal: "s1")
        try store.create(header, definition: definition, events: [started()], summary: summary)
        let next = StateSummary(revision: 2, head: event(2).hash, currentStep: nil, finished: true, factsJSON: nil, seal: "s2")
        try store.append([event(2)], to: "w-1", expectedRevision: 1, definitions: [], summary: next)
        #expect(try store.summaries() == ["w-1": next])
        #expect(throws: (any Error).self) { try store.append([event(3)], to: "w-1", expectedRevision: 1, definitions: [], summary: summary) }
        #expect(try store.summaries() == ["w-1": next], "a refused append keeps no summary")
    }
}

/// Tampering with the store behind its back, as someone who owns the SQLite file or the database could.
struct TamperDetectionTests {
    private func chain(_ kind: StoreKind) throws -> ScratchStore {
        let scratch = try ScratchStore(kind)
        let store = try scratch.open()
        let definition = PinnedDefinition(hash: "", json: Data("{}".utf8))
        let pinned = PinnedDefinition(hash: definition.recomputedHash, json: definition.json)
        var previous = Event(sequence: 1, at: Date(timeIntervalSince1970: 1_615_532_400.1234), actor: "a",
                             payload: .started(Started(workflow: "w", definitionHash: pinned.hash)), previousHash: EventChain.origin)
        try store.create(InstanceHeader(id: "w-1", workflow: "w", createdAt: Date()), definition: pinned, events: [previous])
        for sequence in 2...5 {
            let next = Event(sequence: sequence, at: Date(timeIntervalSince1970: 1_615_532_400.5 + Double(sequence)), actor: "b",
                             payload: .recorded(StepRecord(step: "s", present: sequence, votes: [TitleVotes(title: "t", candidates: [CandidateVotes(name: "Nguyễn Văn A", votes: sequence)])])),
                             previousHash: previous.hash)
            try store.append([next], to: "w-1", expectedRevision: sequence - 1, definitions: [])
            previous = next
        }
        return scratch
    }

    private func verify(_ scratch: ScratchStore) throws -> EventChain.Problem? {
        try InstanceService(store: try scratch.open(), actor: "auditor").verify("w-1")
    }

    @Test(arguments: StoreKind.available) func anIntactHistoryVerifies(kind: StoreKind) throws {
        #expect(try verify(try chain(kind)) == nil)
    }

    @Test(arguments: StoreKind.available) func anAlteredVoteCountIsFoundAtItsEvent(kind: StoreKind) throws {
        let scratch = try chain(kind)
        try scratch.tamper(sqlite: "UPDATE event SET payload = replace(payload, ',3]', ',30]') WHERE sequence = 3",
                           postgres: "UPDATE event SET payload = convert_to(replace(convert_from(payload, 'UTF8'), ',3]', ',30]'), 'UTF8') WHERE sequence = 3")
        let log = try #require(try scratch.open().load("w-1"))
        #expect(log.events[2].payload != log.events[1].payload)
        #expect(try verify(scratch) == .altered(sequence: 3))
    }

    @Test(arguments: StoreKind.available) func aChangedActorIsFound(kind: StoreKind) throws {
        let scratch = try chain(kind)
        try scratch.tamper("UPDATE event SET actor = 'someone else' WHERE sequence = 4")
        #expect(try verify(scratch) == .altered(sequence: 4))
    }

    @Test(arguments: StoreKind.available) func aDeletedEventBreaksTheChainAndACutOffEndFailsTheExpectedHead(kind: StoreKind) throws {
        let scratch = try chain(kind)
        let head = try #require(try scratch.open().load("w-1")?.events.last?.hash)
        try scratch.tamper("DELETE FROM event WHERE sequence = 5")
        #expect(try verify(scratch) == nil, "a chain alone cannot see its end cut off")
        let service = InstanceService(store: try scratch.open(), actor: "auditor")
        guard case .unexpectedHead(let expected, _, let revision)? = try service.verify("w-1", expectedHead: head) else {
            Issue.record("the head hash written down earlier shows the cut")
            return
        }
        #expect(expected == head && revision == 4)
        try scratch.tamper("DELETE FROM event WHERE sequence = 2")
        #expect(try verify(scratch) == .missing(after: 1))
    }

    @Test(arguments: StoreKind.available) func aRewrittenEventWithARecomputedHashStillBreaksTheChain(kind: StoreKind) throws {
        let scratch = try chain(kind)
        try scratch.tamper("UPDATE event SET hash = 'ffff' WHERE sequence = 2")
        #expect(try verify(scratch) == .altered(sequence: 2))
    }

    @Test(arguments: StoreKind.available) func anAlteredPinnedDefinitionIsFound(kind: StoreKind) throws {
        let scratch = try chain(kind)
        let hash = try #require(try scratch.open().load("w-1")?.definitions.keys.first)
        try scratch.tamper(sqlite: #"UPDATE definition SET json = CAST('{"x":1}' AS BLOB)"#, postgres: #"UPDATE definition SET json = convert_to('{"x":1}', 'UTF8')"#)
        #expect(try verify(scratch) == .definitionAltered(hash: hash))
    }
}

final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ value: String) { lock.withLock { stored.append(value) } }
    var values: [String] { lock.withLock { stored } }
}
