/// Checks a meeting's results against the instance before they are stored; collects every problem.
struct RecordCheck {
    let definition: WorkflowDefinition
    let state: InstanceState

    /// Returns the record to store and warnings to show, or throws with every problem found.
    func check(_ input: StepRecord) throws(EngineError) -> (StepRecord, warnings: [RecordProblem]) {
        guard let current = state.currentStep else { throw .finished(state.id) }
        guard let step = definition.step(input.step) else {
            throw .unknownStep(input.step, known: definition.steps.map(\.id))
        }
        guard step.id == current else { throw .stepNotOpen(requested: step.id, current: current) }
        let body = definition.body(step.body)!
        var problems: [RecordProblem] = []
        var warnings: [RecordProblem] = []
        if let present = input.present {
            if present < 0 { problems.append(.init(.present, "attendance cannot be negative")) }
            if present > body.totalMembers {
                problems.append(.init(.present, "\(present) present, but '\(body.name)' has only \(body.totalMembers) members"))
            }
        }
        if let valid = input.validBallots, let present = input.present, valid > present {
            problems.append(.init(.validBallots, "\(valid) valid ballots, but only \(present) members were present"))
        }
        let knownTitles = definition.titles.map(\.id)
        for title in input.votes.map(\.title) + input.agreed.map(\.title) where !knownTitles.contains(title) {
            problems.append(.init(.title(title), "unknown title '\(title)'" + (Suggestion.closest(to: title, in: knownTitles).map { "; did you mean '\($0)'?" } ?? "")))
        }
        if step.form.isBallot {
            if !input.agreed.isEmpty { problems.append(.init(.record, "step '\(step.id)' is a \(step.form.label); record vote totals, not an agreed list")) }
            checkVotes(input, step: step, problems: &problems, warnings: &warnings)
        } else {
            if !input.votes.isEmpty { problems.append(.init(.record, "step '\(step.id)' is a discussion; record the agreed list, not vote totals")) }
            checkAgreed(input, problems: &problems)
        }
        guard problems.isEmpty else { throw .invalidRecord(step: step.id, problems: problems) }
        var record = input
        record.attempt = state.attempt
        return (record, warnings)
    }

    private func checkVotes(_ input: StepRecord, step: Step, problems: inout [RecordProblem], warnings: inout [RecordProblem]) {
        let ceiling = input.validBallots ?? input.present
        for entry in input.votes {
            var seen = Set<String>()
            let listed = state.candidates?[entry.title]
            for candidate in entry.candidates {
                let subject = RecordProblem.Subject.candidate(title: entry.title, name: candidate.name)
                if !seen.insert(candidate.name).inserted { problems.append(.init(subject, "'\(candidate.name)' appears twice for '\(entry.title)'")) }
                if candidate.votes < 0 { problems.append(.init(subject, "'\(candidate.name)' has a negative vote count")) }
                if let ceiling, candidate.votes > ceiling {
                    let what = input.validBallots == nil ? "members present" : "valid ballots"
                    problems.append(.init(subject, "'\(candidate.name)' has \(candidate.votes) votes, more than the \(ceiling) \(what)"))
                }
                guard let listed, !listed.contains(candidate.name) else { continue }
                let hint = Suggestion.closest(to: candidate.name, in: listed).map { "; did you mean '\($0)'?" } ?? ""
                if step.form == .nominationBallot {
                    warnings.append(.init(subject, "'\(candidate.name)' was not on the list for '\(entry.title)'; recorded as a written-in nomination\(hint)"))
                } else {
                    problems.append(.init(subject, "'\(candidate.name)' is not a candidate for '\(entry.title)' at this step\(hint)"))
                }
            }
            for name in listed ?? [] where !seen.contains(name) {
                warnings.append(.init(.title(entry.title), "no votes recorded for '\(name)' ('\(entry.title)'); counted as 0"))
            }
        }
    }

    private func checkAgreed(_ input: StepRecord, problems: inout [RecordProblem]) {
        for entry in input.agreed {
            guard let title = definition.title(entry.title) else { continue }
            if Set(entry.names).count != entry.names.count { problems.append(.init(.title(title.id), "a name appears twice in the list for '\(title.id)'")) }
            let keptNames = Set(title.kept.map(definition.personName))
            for name in entry.names where keptNames.contains(name) {
                problems.append(.init(.candidate(title: title.id, name: name), "'\(name)' is already kept in the plan for '\(title.id)'; list only people to add"))
            }
        }
    }
}
