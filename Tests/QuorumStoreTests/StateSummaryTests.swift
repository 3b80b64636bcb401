import Foundation
@testable import QuorumCore
import QuorumStore
import Testing

/// The list of instances reads where each stands from the summary kept with its events, and only when that summary
/// is sealed to the head of the instance's verified chain; otherwise it folds the history, as every other command. Held
/// to every kind of store.
struct StateSummaryTests {
    /// Three instances: one just started, one with results recorded, one decided past its only step.
    private func instances(_ scratch: ScratchStore) throws -> (InstanceService, any InstanceStore) {
        let store = try scratch.open()
        let service = InstanceService(store: store, actor: "clerk")
        let definition = Fixtures.definition
        let record = StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "deputy", names: ["Ann"])])
        _ = try service.start(definition, another: true)
        _ = try service.record(record, in: try service.start(definition, another: true).id, current: definition)
        let decided = try service.start(definition, another: true).id
        _ = try service.record(record, in: decided, current: definition)
        _ = try service.advance(decided, current: definition)
        return (service, store)
    }

    private func folded(_ service: InstanceService) throws -> [String] {
        try service.store.instances().map { header in
            let state = try service.load(header.id).state
            return "\(header.id) \(state.currentStep ?? "-") \(state.isFinished)"
        }
    }

    private func listed(_ service: InstanceService) throws -> [String] {
        try service.standings().map { "\($0.header.id) \($0.currentStep ?? "-") \($0.finished)" }
    }

    @Test(arguments: StoreKind.available) func everyChangeKeepsASummarySealedToTheNewHead(kind: StoreKind) throws {
        let (service, store) = try instances(try ScratchStore(kind))
        let summaries = try store.summaries()
        #expect(summaries.count == 3)
        for chain in try store.chains(try store.instances().map(\.id), decoding: []) {
            let summary = try #require(summaries[chain.header.id])
            #expect(summary.describes(chain), "\(chain.header.id)")
            let loaded = try service.load(chain.header.id)
            #expect(summary == StateSummary(loaded.state, definition: loaded.definition))
        }
        #expect(try listed(service) == folded(service))
        #expect(try listed(service).contains { $0.hasSuffix("true") }, "one instance has ended")
    }

    @Test(arguments: StoreKind.available) func anEditedOrStaleSummaryIsNotBelieved(kind: StoreKind) throws {
        let scratch = try ScratchStore(kind)
        let (service, store) = try instances(scratch)
        let ids = try store.instances().map(\.id)
        // Edited: the step changed without the seal.
        try scratch.sql("UPDATE summary SET current_step = 'elsewhere', finished = TRUE WHERE instance_id = '\(ids[0])'")
        // Stale: an event appended by a writer that keeps no summary.
        let state = try service.load(ids[1]).state
        let event = Event(sequence: state.revision + 1, at: Date(), actor: "clerk",
                          payload: .overridden(Override(person: "ann", rule: "roster", reason: "kiểm tra")), previousHash: state.lastHash)
        try store.append([event], to: ids[1], expectedRevision: state.revision, definitions: [])
        let summaries = try store.summaries()
        let chains = try store.chains(ids, decoding: [])
        #expect(!(try #require(summaries[ids[0]])).describes(chains[0]))
        #expect(!(try #require(summaries[ids[1]])).describes(chains[1]))
        #expect(try listed(service) == folded(service))
        #expect(try !listed(service).contains { $0.contains("elsewhere") })
    }

    /// What a decision reads about the rest of its cycle (steps decided, people planned) is what folding each history gives.
    private func foldedFacts(_ service: InstanceService) throws -> [StateSummary.Facts] {
        try service.store.instances().map { header in
            let loaded = try service.load(header.id)
            return StateSummary.Facts(loaded.state, definition: loaded.definition)
        }
    }

    @Test(arguments: StoreKind.available) func whatTheCycleReadsIsSealedWithTheSummaryAndBelievedOnlyThen(kind: StoreKind) throws {
        let scratch = try ScratchStore(kind)
        let (service, store) = try instances(scratch)
        let ids = try store.instances().map(\.id), expected = try foldedFacts(service)
        #expect(try store.summaries().values.allSatisfy { $0.facts != nil })
        #expect(try service.facts(of: store.instances()) == expected)
        #expect(expected[2].decided == ["agree"] && !expected[2].planned.isEmpty, "the decided instance has a final list")
        #expect(expected[0].decided.isEmpty && expected[0].planned.isEmpty)
        let kept = try store.summaries()
        let forged = StateSummary.Facts(cycle: expected[0].cycle, year: expected[0].year, decided: ["agree"], planned: ["ann": ["Deputy"]])
        let other = try #require(kept[ids[1]]), old = try #require(kept[ids[2]])
        try scratch.sql(
            // Edited: the first instance claims a plan it never decided, without the seal.
            "UPDATE summary SET facts = '\(forged.json)' WHERE instance_id = '\(ids[0])'",
            // Resealed by someone who can compute the seal: believed, which shows the summary is what is read (the
            // chain's head is what it is sealed to; anchors defend against a writer who can reseal).
            """
            UPDATE summary SET facts = '\(forged.json)', seal = '\(StateSummary.seal(revision: other.revision, head: other.head,
                currentStep: other.currentStep, finished: other.finished, facts: forged.json))' WHERE instance_id = '\(ids[1])'
            """,
            // Kept before facts were: none, sealed as then.
            """
            UPDATE summary SET facts = NULL, seal = '\(StateSummary.seal(revision: old.revision, head: old.head, currentStep: old.currentStep,
                finished: old.finished, facts: nil))' WHERE instance_id = '\(ids[2])'
            """)
        let summaries = try store.summaries(), chains = try store.chains(ids, decoding: [])
        #expect(!(try #require(summaries[ids[0]])).describes(chains[0]))
        #expect((try #require(summaries[ids[2]])).describes(chains[2]) && summaries[ids[2]]?.facts == nil)
        #expect(try service.facts(of: store.instances()) == [expected[0], forged, expected[2]])
        #expect(try listed(service) == folded(service), "a summary without facts still lists")
    }

    @Test(arguments: StoreKind.available) func aListOverABrokenChainIsRefused(kind: StoreKind) throws {
        let scratch = try ScratchStore(kind)
        let (service, _) = try instances(scratch)
        try scratch.tamper("UPDATE event SET actor = 'someone else' WHERE instance_id = 'track-3' AND sequence = 2")
        #expect(throws: EngineError.tampered(instance: "track-3", problem: .altered(sequence: 2))) { try service.standings() }
    }
}
