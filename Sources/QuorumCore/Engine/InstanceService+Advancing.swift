import Foundation

/// Deciding the current step and moving on: the decision is made, then sealed and stored whole, or refused with
/// nothing stored.
extension InstanceService {
    /// Decides the current step and moves on, or refuses and stores nothing.
    public func advance(_ id: String, current: WorkflowDefinition) throws -> (StepDecision, InstanceState) {
        let advanced = try advanced(id, current: current)
        return (advanced.decision, advanced.state)
    }

    /// What `advance` decided and stored, with the state after it and the people the decision was made with (deciding
    /// a step changes neither the roster nor the definition, so they label its explanation).
    public struct Advanced {
        public let decision: StepDecision
        public let state: InstanceState
        public let directory: PersonDirectory
    }

    public func advanced(_ id: String, current: WorkflowDefinition) throws -> Advanced {
        let loaded = try loadPinned(id, current: current)
        return try storing(try decider(loaded).decide(), of: loaded)
    }

    /// `advanced`, with `explain` worked out on another core while the decision is sealed and stored: wording a
    /// province's 110,000 verdicts takes about as long as storing them. The explanation is returned only once the step
    /// is stored; a refusal throws, and `explain` has finished by then either way.
    public func advanced<Explanation: Sendable>(_ id: String, current: WorkflowDefinition,
                                                explaining explain: @escaping @Sendable (StepDecision, PersonDirectory) -> Explanation)
        throws -> (Advanced, Explanation) {
        let loaded = try loadPinned(id, current: current)
        let decision = try decider(loaded).decide()
        let directory = loaded.directory
        let explaining = DispatchGroup()
        nonisolated(unsafe) var explanation: Explanation?
        DispatchQueue.global().async(group: explaining) { explanation = explain(decision, directory) }
        let stored = Result { try storing(decision, of: loaded) }
        explaining.wait()
        return (try stored.get(), explanation!)
    }

    /// Seals the decision (and the opening of the next step) onto the chain and stores it whole.
    private func storing(_ decision: StepDecision, of loaded: Loaded) throws -> Advanced {
        let id = loaded.state.id
        var events = [event(.advanced(decision), after: loaded.state)]
        if case .step(let next) = decision.next, let step = loaded.definition.step(next) {
            let attempt = next == decision.step ? decision.attempt + 1 : loaded.state.applying(events).attempt
            events.append(Event(sequence: events[0].sequence + 1, at: events[0].at, actor: actor,
                                payload: .opened(Self.opening(step, attempt: attempt, in: loaded.definition)), previousHash: events[0].hash))
        }
        events = try signed(events, after: loaded.state)
        let state = loaded.state.applying(events)
        try store.append(events, to: id, expectedRevision: loaded.state.revision, definitions: [],
                         summary: StateSummary(state, definition: loaded.definition))
        return Advanced(decision: decision, state: state, directory: loaded.directory)
    }
}
