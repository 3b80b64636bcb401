import Foundation
@testable import QuorumCore
@testable import QuorumStore
import Testing

/// An office's history moves to the shared store and back as it was stored: the same events, hashes and summaries, a
/// chain that still verifies, and nothing half-copied when a copy is refused.
struct StoreCopyTests {
    /// Every pair of kinds, so that SQLite → PostgreSQL and back are both copied when the server is there.
    static let pairs: [(StoreKind, StoreKind)] = StoreKind.available.flatMap { from in StoreKind.available.map { (from, $0) } }

    /// An office's store: one instance decided and ended, one started and recorded.
    private func office(_ kind: StoreKind) throws -> (ScratchStore, InstanceService) {
        let scratch = try ScratchStore(kind)
        var service = InstanceService(store: try scratch.open(), actor: "clerk")
        let key = SigningKey()
        service.signingKey = { key }
        let record = StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "deputy", names: ["Ann"])])
        let ended = try service.start(Fixtures.definition).id
        _ = try service.record(record, in: ended, current: Fixtures.definition)
        _ = try service.advance(ended, current: Fixtures.definition)
        _ = try service.record(record, in: try service.start(Fixtures.definition, another: true).id, current: Fixtures.definition)
        return (scratch, service)
    }

    @Test(arguments: pairs) func aHistoryCopiedIsTheSameHistoryAndStillVerifies(from: StoreKind, to: StoreKind) throws {
        let (source, _) = try office(from)
        let target = try ScratchStore(to)
        let report = try StoreCopy.run(from: try source.open(), to: try target.open())
        #expect(report.copied.map(\.instance) == ["track-1", "track-2"] && report.alreadyThere.isEmpty)
        var copied = InstanceService(store: try target.open(), actor: "auditor")
        let provinceKey = SigningKey()
        copied.signingKey = { provinceKey }
        for id in ["track-1", "track-2"] {
            let original = try #require(try source.open().load(id)), there = try #require(try target.open().load(id))
            #expect(there.events.map(\.hash) == original.events.map(\.hash))
            #expect(there.events.map(\.payloadData) == original.events.map(\.payloadData))
            #expect(there.events.map(\.signature) == original.events.map(\.signature) && there.events.last?.signature != nil)
            #expect(there.header == original.header && there.definitions == original.definitions)
            #expect(try copied.verify(id) == nil)
        }
        #expect(try target.open().summaries() == source.open().summaries())
        #expect(try copied.standings().map(\.finished) == [true, false])
        // Work goes on in the target, signed by the key of whoever works there: the copied instance advances.
        _ = try copied.advance("track-2", current: Fixtures.definition)
        #expect(try copied.load("track-2").state.isFinished)
    }

    @Test(arguments: StoreKind.available) func aCopyRunAgainLeavesWhatIsThereAndAConflictCopiesNothing(kind: StoreKind) throws {
        let (source, service) = try office(kind)
        let target = try ScratchStore(.sqlite)
        _ = try StoreCopy.run(from: try source.open(), to: try target.open())
        #expect(try StoreCopy.run(from: try source.open(), to: try target.open()) == StoreCopy.Report(alreadyThere: ["track-1", "track-2"]))
        // The office goes on after the copy: its track-2 now differs from the copy's, and a new track-3 appears.
        _ = try service.advance("track-2", current: Fixtures.definition)
        _ = try service.start(Fixtures.definition, another: true)
        #expect(throws: StoreError.copyConflict(instances: ["track-2"], target: target.address)) {
            try StoreCopy.run(from: try source.open(), to: try target.open())
        }
        #expect(try target.open().instances().map(\.id) == ["track-1", "track-2"], "nothing of the refused copy is stored")
    }

    @Test(arguments: StoreKind.available) func aHistoryThatDoesNotVerifyIsNotCopied(kind: StoreKind) throws {
        let (source, _) = try office(kind)
        try source.tamper("UPDATE event SET actor = 'someone else' WHERE instance_id = 'track-2' AND sequence = 2")
        let target = try ScratchStore(.sqlite)
        #expect(throws: EngineError.tampered(instance: "track-2", problem: .altered(sequence: 2))) {
            try StoreCopy.run(from: try source.open(), to: try target.open())
        }
        #expect(try target.open().instances().isEmpty)
    }
}
