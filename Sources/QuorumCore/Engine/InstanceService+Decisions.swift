import Foundation

/// A body's recorded decisions at the current step, and the people they name.
extension InstanceService {
    /// Records the body's decisions at the current step, title by title, all or none: on candidates tied for the last
    /// places, when the selection rule allows a decision; or the list taken on, at a step whose list the body decides.
    public func decide(_ decisions: [BodyDecision], in id: String, current: WorkflowDefinition) throws -> [EventPayload] {
        let loaded = try loadPinned(id, current: current)
        guard let stepID = loaded.state.currentStep, let step = loaded.definition.step(stepID) else { throw EngineError.finished(id) }
        let ties = step.listDecidedBy == nil ? try decider(loaded).tiesBeforeSettling() : []
        let payloads = try decisions.map { decision throws -> EventPayload in
            let title = decision.title
            guard loaded.definition.title(title) != nil else {
                throw EngineError.invalidRecord(step: stepID, problems: [RecordProblem(.title(title), .unknownTitle, ["title": title],
                                                                                       suggestion: Suggestion.closest(to: title, in: loaded.definition.titles.map(\.id)).map { "'\($0)'" })])
            }
            let keys = try decision.chosen.map { try person($0, in: loaded) }
            if step.listDecidedBy != nil {
                let counted = Set((loaded.state.candidates?[title] ?? []) + (loaded.state.record?.votes(for: title) ?? []).map(\.name))
                if let outsider = keys.first(where: { !counted.contains($0) }) {
                    throw EngineError.noDecisionExpected(step: stepID, title: title, reason: .notACandidate(loaded.directory.label(outsider)))
                }
                return .listDecided(ListDecision(step: stepID, title: title, chosen: keys, reason: decision.reason))
            }
            guard let reason = decision.reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw EngineError.emptyReason }
            guard let tie = ties.first(where: { $0.title == title }) else {
                throw EngineError.noDecisionExpected(step: stepID, title: title, reason: .noTie)
            }
            guard tie.rule.allowsDecision else { throw EngineError.noDecisionExpected(step: stepID, title: title, reason: .runOffRequired) }
            if let outsider = keys.first(where: { !tie.tie.names.contains($0) }) {
                throw EngineError.noDecisionExpected(step: stepID, title: title,
                                                     reason: .notAmongTied(loaded.directory.label(outsider), tied: tie.tie.names.map(loaded.directory.label)))
            }
            return .tieDecided(TieDecision(title: title, chosen: keys, reason: reason))
        }
        try append(payloads, to: loaded.state, in: loaded.definition)
        return payloads
    }

    /// The key of the person a name or id stands for, or a refusal naming the likely person.
    func person(_ reference: String, in loaded: Loaded) throws -> String {
        let directory = loaded.directory
        switch directory.resolve(reference) {
        case .found(let entry): return entry.key
        case .ambiguous(let entries): throw EngineError.ambiguousPerson(reference, candidates: entries.map { directory.hint([$0]) })
        case .unknown(let likely): throw EngineError.unknownPerson(reference, likely: likely.map { directory.hint([$0]) })
        }
    }
}
