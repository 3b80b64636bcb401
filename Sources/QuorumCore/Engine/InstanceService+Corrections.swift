import Foundation

/// Mistakes corrected in the open: new events with the actor and the reason, never an edit of the past.
extension InstanceService {
    /// Replaces a step's recorded results, in the open. A step already decided is reopened first, so that it and
    /// every later step are decided again from the corrected results. Both events carry the actor and the reason.
    public func correct(_ record: StepRecord, in id: String, reason: String, current: WorkflowDefinition) throws -> (previous: StepRecord, warnings: [RecordProblem]) {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw EngineError.emptyReason }
        let loaded = try loadPinned(id, current: current)
        guard let held = loaded.state.results[record.step] else { throw EngineError.nothingToCorrect(step: record.step) }
        let entry = record.runOff ? held.runOff : record.entry.flatMap { held.entries[$0]?.record } ?? held.record
        guard let previous = entry else { throw EngineError.nothingToCorrect(step: record.step) }
        var payloads: [EventPayload] = []
        var state = loaded.state
        if state.currentStep != record.step {
            let reopening = try reopening(record.step, reason: reason, in: state)
            payloads.append(.reopened(reopening))
            state = state.applying([event(.reopened(reopening), after: state)])
        }
        var (checked, warnings) = try loaded.recordCheck(of: state, actor: actor).check(record)
        checked.enteredBy = systemUser
        payloads.append(.corrected(Correction(record: checked, reason: reason)))
        try append(payloads, to: loaded.state, in: loaded.definition)
        return (previous, warnings)
    }

    /// Takes an instance back to a step already decided, recording why; that step and every later one are decided again.
    public func reopen(_ id: String, step: String, reason: String, current: WorkflowDefinition) throws -> Reopening {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw EngineError.emptyReason }
        let loaded = try loadPinned(id, current: current)
        let reopening = try reopening(step, reason: reason, in: loaded.state)
        try append([.reopened(reopening)], to: loaded.state, in: loaded.definition)
        return reopening
    }

    private func reopening(_ step: String, reason: String, in state: InstanceState) throws -> Reopening {
        guard let index = state.decisions.lastIndex(where: { $0.step == step && $0.outcome == .decided }) else {
            throw EngineError.notYetHeld(step: step)
        }
        return Reopening(step: step, reason: reason, superseded: state.decisions[index...].filter { $0.outcome == .decided }.map(\.step))
    }
}
