import Foundation
@testable import QuorumCore
import Testing

/// Each command signs its last event with the clerk's key. Whoever rewrites a history and hashes it again cannot sign
/// it again without that key; a keyring says whose keys are trusted, and a command refuses to write what would not
/// verify under it.
struct SignatureTests {
    let store = MemoryInstanceStore()
    let definition = Fixtures.definition()
    let clerk = SigningKey(), stranger = SigningKey()

    private func service(_ key: SigningKey?, keyring: Keyring? = nil) -> InstanceService {
        var service = InstanceService(store: store, actor: "clerk")
        if let key { service.signingKey = { @Sendable in key } }
        service.keyring = keyring
        return service
    }

    /// An instance through its discussion and vote: start, record, advance, record.
    private func history(signedWith key: SigningKey?) throws -> String {
        let service = service(key)
        let id = try service.start(definition).id
        _ = try service.record(Fixtures.agreed(["Ann", "Bob"]), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        _ = try service.record(Fixtures.votes(["Ann": 3, "Bob": 1]), in: id, current: definition)
        return id
    }

    /// The history as someone without the key would leave it: `change` applied to each event's actor from `sequence`
    /// on, every hash computed again, signatures kept or dropped.
    private func rewritten(_ log: InstanceLog, from sequence: Int, keepingSignatures: Bool) -> InstanceLog {
        var events: [Event] = []
        for event in log.events {
            guard event.sequence >= sequence else { events.append(event); continue }
            var again = Event(sequence: event.sequence, at: event.at, actor: "someone else", payload: event.payload,
                              previousHash: events.last?.hash ?? event.previousHash)
            if keepingSignatures { again.signature = event.signature }
            events.append(again)
        }
        return InstanceLog(header: log.header, events: events, definitions: log.definitions)
    }

    @Test func everyCommandSignsItsLastEvent() throws {
        let id = try history(signedWith: clerk)
        let events = try #require(try store.load(id)).events
        // start (2 events), record, advance (2 events), record.
        #expect(events.map { $0.signature != nil } == [false, true, true, false, true, true])
        #expect(events.compactMap(\.signature).allSatisfy { $0.signer == clerk.publicKey && $0.verifies(events[0].hash) == false })
        #expect(events.allSatisfy { event in event.signature.map { $0.verifies(event.hash) } ?? true })
        #expect(try service(clerk).verify(id) == nil)
    }

    @Test func aHistoryHashedAgainWithoutTheKeyDoesNotVerify() throws {
        let log = try #require(try store.load(try history(signedWith: clerk)))
        #expect(EventChain.verify(rewritten(log, from: 4, keepingSignatures: true)) == .badSignature(sequence: 5))
        #expect(EventChain.verify(rewritten(log, from: 4, keepingSignatures: false)) == .unsignedHead(sequence: 6))
        #expect(EventChain.verify(rewritten(log, from: 6, keepingSignatures: false)) == .unsignedHead(sequence: 6))
        #expect(EventChain.verify(log) == nil)
    }

    @Test func aListChecksTheHeadsSignatureAndVerifyChecksThemAll() throws {
        let log = try #require(try store.load(try history(signedWith: clerk)))
        // An earlier command's signature swapped for another of the same key: the events are untouched, the head's
        // signature still vouches for them, and only who signed that command is wrong.
        var events = log.events
        events[1].signature = try clerk.sign(events[0].hash)
        let swapped = InstanceChain(InstanceLog(header: log.header, events: events, definitions: log.definitions))
        #expect(EventChain.verify(swapped) == .badSignature(sequence: 2))
        #expect(EventChain.verify(swapped, everySignature: false) == nil)
        events[5].signature = try clerk.sign(events[4].hash)
        let head = InstanceChain(InstanceLog(header: log.header, events: events, definitions: log.definitions))
        #expect(EventChain.verify(head, everySignature: false) == .badSignature(sequence: 6))
        #expect(EventChain.verify(swapped, trusting: Keyring([stranger.publicKey: "Người lạ"]), everySignature: false)
            == .untrustedSigner(sequence: 2, fingerprint: EventSignature.fingerprint(of: clerk.publicKey)))
    }

    @Test func aKeyringTrustsOnlyItsKeysAndAnUntrustedKeyWritesNothing() throws {
        let id = try history(signedWith: clerk)
        let trusted = Keyring([clerk.publicKey: "Văn thư"])
        #expect(try service(clerk, keyring: trusted).verify(id) == nil)
        #expect(try service(clerk, keyring: Keyring([stranger.publicKey: "Người lạ"])).verify(id)
            == .untrustedSigner(sequence: 2, fingerprint: EventSignature.fingerprint(of: clerk.publicKey)))
        let revision = try service(clerk).load(id).state.revision
        #expect(throws: EngineError.untrustedKey(fingerprint: EventSignature.fingerprint(of: stranger.publicKey))) {
            try service(stranger, keyring: trusted).advance(id, current: definition)
        }
        #expect(try service(clerk).load(id).state.revision == revision, "nothing was stored")
    }

    @Test func aCommandWithoutAKeyWritesNothingAfterSignedEvents() throws {
        let id = try history(signedWith: clerk)
        #expect(throws: EngineError.unsignedWrite(instance: id)) { try service(nil).advance(id, current: definition) }
        #expect(try service(nil).verify(id) == nil, "the history is as it was")
    }

    @Test func bothHalvesOfADoubleEntrySignedWithOneKeyAreFlagged() throws {
        func entry(_ number: Int, actor: String, user: String, key: SigningKey?) throws -> Event {
            var record = Fixtures.votes(["Ann": 3, "Bob": 1])
            record.entry = number
            record.enteredBy = user
            var event = Event(sequence: number, at: Date(), actor: actor, payload: .recorded(record), previousHash: "p")
            event.signature = try key?.sign(event.hash)
            return event
        }
        let oneKey = DoubleEntryAudit.sameUser([try entry(1, actor: "Hạnh", user: "may-1", key: clerk), try entry(2, actor: "Tuấn", user: "may-2", key: clerk)])
        #expect(oneKey.map(\.trace) == [.signingKey(EventSignature.fingerprint(of: clerk.publicKey))])
        #expect(DoubleEntryAudit.sameUser([try entry(1, actor: "Hạnh", user: "may-1", key: clerk), try entry(2, actor: "Tuấn", user: "may-2", key: stranger)]).isEmpty)
        #expect(DoubleEntryAudit.sameUser([try entry(1, actor: "Hạnh", user: "may", key: clerk), try entry(2, actor: "Tuấn", user: "may", key: clerk)]).map(\.trace)
            == [.systemUser("may"), .signingKey(EventSignature.fingerprint(of: clerk.publicKey))])
        #expect(DoubleEntryAudit.sameUser([try entry(1, actor: "Hạnh", user: "may", key: clerk), try entry(2, actor: "Hạnh", user: "may", key: clerk)]).isEmpty,
                "one name for both is not hidden")
    }

    @Test func historiesWrittenWithoutAKeyStillVerify() throws {
        let id = try history(signedWith: nil)
        #expect(try store.load(id)?.events.allSatisfy { $0.signature == nil } == true)
        #expect(try service(clerk).verify(id) == nil)
        // A signed command after them signs the head, and from then on the head must be signed.
        _ = try service(clerk).advance(id, current: definition)
        #expect(try service(nil).verify(id) == nil)
    }
}
