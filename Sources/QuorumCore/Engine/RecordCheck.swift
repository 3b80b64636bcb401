/// Checks a meeting's results against the instance before they are stored, and collects every problem: the step
/// must be open, the counts must be possible, the names must be candidates, double entries must come from two people.
struct RecordCheck {
    let definition: WorkflowDefinition
    let state: InstanceState
    let actor: String

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
        var record = input
        record.attempt = state.attempt
        checkEntry(record, step: step, problems: &problems)
        if !record.papers.isEmpty {
            if step.form.isBallot {
                record = BallotCounter(definition: definition, step: step, state: state).count(record, problems: &problems)
            } else {
                problems.append(.init(.record, "step '\(step.id)' is a discussion; it has no ballot papers"))
            }
        }
        if let present = record.present {
            if present < 0 { problems.append(.init(.present, "attendance cannot be negative")) }
            if present > body.totalMembers {
                problems.append(.init(.present, "\(present) present, but '\(body.name)' has only \(body.totalMembers) members"))
            }
        }
        if let ballots = record.ballots { checkCounts(ballots, present: record.present, problems: &problems) }
        if let summoned = record.summoned, let present = record.present, present > summoned {
            problems.append(.init(.present, "\(present) present, but only \(summoned) were summoned"))
        }
        if !record.attendees.isEmpty, let present = record.present, present != record.attendees.count {
            problems.append(.init(.present, "\(present) present, but \(record.attendees.count) attendees are named"))
        }
        if Set(record.attendees).count != record.attendees.count {
            problems.append(.init(.present, "a name appears twice among the attendees"))
        }
        let memberNames = body.members.map { definition.personName($0.person) }
        if body.unnamedCount == 0 {
            for name in record.attendees where !memberNames.contains(name) {
                problems.append(.init(.present, "'\(name)' is not a member of '\(body.name)'"
                    + (Suggestion.closest(to: name, in: memberNames).map { "; did you mean '\($0)'?" } ?? "")))
            }
        }
        let knownTitles = definition.titles.map(\.id)
        for title in record.votes.map(\.title) + record.agreed.map(\.title) where !knownTitles.contains(title) {
            problems.append(.init(.title(title), "unknown title '\(title)'" + (Suggestion.closest(to: title, in: knownTitles).map { "; did you mean '\($0)'?" } ?? "")))
        }
        if step.form.isBallot {
            if !record.agreed.isEmpty { problems.append(.init(.record, "step '\(step.id)' is a \(step.form.label); record vote totals, not an agreed list")) }
            if record.ballots == nil, !record.votes.isEmpty {
                warnings.append(.init(.record, "the ballot counts (issued, returned, valid, invalid) are not recorded; the minutes will lack them"))
            }
            checkVotes(record, step: step, problems: &problems, warnings: &warnings)
        } else {
            if !record.votes.isEmpty { problems.append(.init(.record, "step '\(step.id)' is a discussion; record the agreed list, not vote totals")) }
            if record.runOff { problems.append(.init(.record, "a discussion has no run-off")) }
            checkAgreed(record, problems: &problems)
        }
        guard problems.isEmpty else { throw .invalidRecord(step: step.id, problems: problems) }
        return (record, warnings)
    }

    /// Double entry: each of the two entries once the step asks for them, by two different people.
    private func checkEntry(_ record: StepRecord, step: Step, problems: inout [RecordProblem]) {
        guard step.doubleEntry, !record.runOff else {
            if record.entry != nil, !step.doubleEntry { problems.append(.init(.record, "step '\(step.id)' is entered once; leave out --entry")) }
            return
        }
        guard let entry = record.entry, entry == 1 || entry == 2 else {
            problems.append(.init(.record, "step '\(step.id)' is entered twice by different people; give --entry 1 or --entry 2"))
            return
        }
        if let other = state.entries[3 - entry]?.actor, other == actor {
            problems.append(.init(.record, "entry \(3 - entry) was made by '\(actor)'; entry \(entry) must be made by someone else"))
        }
    }

    /// The counting committee's arithmetic: no more papers than people, and every paper accounted for.
    private func checkCounts(_ ballots: BallotCount, present: Int?, problems: inout [RecordProblem]) {
        if let present, ballots.issued > present {
            problems.append(.init(.ballots, "\(ballots.issued) ballots issued, but only \(present) members were present"))
        }
        if ballots.returned > ballots.issued {
            problems.append(.init(.ballots, "\(ballots.returned) ballots returned, but only \(ballots.issued) were issued"))
        }
        if ballots.valid + ballots.invalid != ballots.returned {
            problems.append(.init(.ballots, "\(ballots.valid) valid + \(ballots.invalid) invalid = \(ballots.valid + ballots.invalid), but \(ballots.returned) ballots were returned"))
        }
    }

    private func checkVotes(_ input: StepRecord, step: Step, problems: inout [RecordProblem], warnings: inout [RecordProblem]) {
        let ceiling = input.ballots?.valid ?? input.present
        for entry in input.votes {
            var seen = Set<String>()
            let listed = state.candidates?[entry.title]
            for candidate in entry.candidates {
                let subject = RecordProblem.Subject.candidate(title: entry.title, name: candidate.name)
                if !seen.insert(candidate.name).inserted { problems.append(.init(subject, "'\(candidate.name)' appears twice for '\(entry.title)'")) }
                if candidate.votes < 0 { problems.append(.init(subject, "'\(candidate.name)' has a negative vote count")) }
                if let ceiling, candidate.votes > ceiling {
                    let what = input.ballots == nil ? "members present" : "valid ballots"
                    problems.append(.init(subject, "'\(candidate.name)' has \(candidate.votes) votes, more than the \(ceiling) \(what)"))
                }
                guard let listed, !listed.contains(candidate.name) else { continue }
                let hint = Suggestion.closest(to: candidate.name, in: listed).map { "; did you mean '\($0)'?" } ?? ""
                if step.form == .nominationBallot, !input.runOff {
                    warnings.append(.init(subject, "'\(candidate.name)' was not on the list for '\(entry.title)'; recorded as a written-in nomination\(hint)"))
                } else {
                    problems.append(.init(subject, "'\(candidate.name)' is not a candidate for '\(entry.title)' at this step\(hint)"))
                }
            }
            for name in listed ?? [] where !seen.contains(name) && !input.runOff {
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
