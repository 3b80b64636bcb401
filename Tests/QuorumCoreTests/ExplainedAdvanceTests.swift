import Foundation
@testable import QuorumCore
import Synchronization
import Testing

/// `advanced(_:current:explaining:)` words a decision on another core while the decision is stored, and hands the
/// words back only with a stored decision.
struct ExplainedAdvanceTests {
    let store = MemoryInstanceStore()
    var service: InstanceService { InstanceService(store: store, actor: "tester") }
    let definition = Fixtures.definition()

    private func atCount() throws -> String {
        let id = try Fixtures.atVote(service, definition)
        _ = try service.record(Fixtures.votes(["Ann": 3, "Bob": 2, "Cat": 4]), in: id, current: definition)
        return id
    }

    @Test func theExplanationComesBackWithTheStoredDecision() throws {
        let id = try atCount()
        let (advanced, labels) = try service.advanced(id, current: definition) { decision, directory in
            decision.titles.flatMap(\.handedOn).map(directory.label)
        }
        #expect(labels == ["Cat", "Ann"])
        #expect(advanced.state.isFinished)
        #expect(try service.load(id).state.revision == advanced.state.revision)
    }

    /// A decision refused after it is made (a signed history, a command without a key): the refusal comes back once the
    /// explanation has finished, and nothing is stored.
    @Test func aRefusedDecisionComesBackAfterItsExplanationAndStoresNothing() throws {
        var signing = service
        let key = SigningKey()
        signing.signingKey = { @Sendable in key }
        let id = try signing.start(definition).id
        _ = try signing.record(Fixtures.agreed(["Ann", "Bob", "Cat"]), in: id, current: definition)
        let before = try service.load(id).state.revision
        let finished = Mutex(false)
        #expect(throws: EngineError.unsignedWrite(instance: id)) {
            try service.advanced(id, current: definition) { decision, _ in
                Thread.sleep(forTimeInterval: 0.05)
                finished.withLock { $0 = true }
                return decision.step
            }
        }
        #expect(finished.withLock { $0 }, "the explanation had finished when the refusal came back")
        #expect(try service.load(id).state.revision == before)
    }
}
