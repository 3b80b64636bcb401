import Foundation
import GRDB
@testable import QuorumCore
import QuorumStore
import Testing

/// The list of instances reads where each stands from the summary kept with its events, and only when that summary
/// is sealed to the head of the instance's verified chain; otherwise it folds the history, as every other command.
struct StateSummaryTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-summary-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("quorum.sqlite").path }

    /// Three instances: one just started, one with results recorded, one decided past its only step.
    private func instances() throws -> (InstanceService, SQLiteInstanceStore) {
        let store = try SQLiteInstanceStore(path: path)
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

    @Test func everyChangeKeepsASummarySealedToTheNewHead() throws {
        let (service, store) = try instances()
        let summaries = try store.summaries()
        #expect(summaries.count == 3)
        for chain in try store.chains(try store.instances().map(\.id), decoding: []) {
            let summary = try #require(summaries[chain.header.id])
            #expect(summary.describes(chain), "\(chain.header.id)")
            #expect(summary == StateSummary(try service.load(chain.header.id).state))
        }
        #expect(try listed(service) == folded(service))
        #expect(try listed(service).contains { $0.hasSuffix("true") }, "one instance has ended")
    }

    @Test func anEditedOrStaleSummaryIsNotBelieved() throws {
        let (service, store) = try instances()
        let ids = try store.instances().map(\.id)
        // Edited: the step changed without the seal.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE summary SET current_step = 'elsewhere', finished = 1 WHERE instance_id = ?", arguments: [ids[0]])
        }
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

    @Test func aListOverABrokenChainIsRefused() throws {
        let (service, _) = try instances()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            try db.execute(sql: "UPDATE event SET actor = 'someone else' WHERE instance_id = 'track-3' AND sequence = 2")
            try db.execute(sql: StoreSchemaTriggers.eventUpdate)
        }
        #expect(throws: EngineError.tampered(instance: "track-3", problem: .altered(sequence: 2))) { try service.standings() }
    }
}
