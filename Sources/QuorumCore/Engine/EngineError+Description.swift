import QuorumRules

/// The refusals in plain English, saying what is wrong. The command line adds what to run next.
extension EngineError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .unknownInstance(id, known, store):
            let place = store.map { " in the store \($0)" } ?? ""
            let hint = Suggestion.closest(to: id, in: known).map { "; did you mean '\($0)'?" }
                ?? (known.isEmpty ? "; the store holds no instance yet" : "; known instances: \(known.joined(separator: ", "))")
            return "no instance '\(id)'\(place)\(hint)"
        case let .abstractWorkflow(id):
            return "workflow '\(id)' is abstract (a procedure to extend); start a track that extends it instead"
        case let .finished(id):
            return "instance '\(id)' has ended; its final list was handed to the authority"
        case let .stepNotOpen(requested, current):
            return "step '\(requested)' is not open; the current step is '\(current)'"
        case let .unknownStep(id, known):
            return "no step '\(id)' in this workflow" + (Suggestion.closest(to: id, in: known).map { "; did you mean '\($0)'?" } ?? "")
        case let .definitionChanged(instance, changes):
            return "the workflow definition changed since instance '\(instance)' started, so its results would no longer match "
                + "the rules it was run under. Changes:\n" + changes.joined(separator: "\n")
        case let .definitionUnchanged(instance):
            return "instance '\(instance)' already runs the current definition; there is nothing to migrate"
        case let .invalidRecord(step, problems):
            return "the results for step '\(step)' were not recorded:\n" + problems.map { "  - \($0.message)" }.joined(separator: "\n")
        case let .nothingRecorded(step, needs):
            return "step '\(step)' cannot be decided yet; it still needs " + needs.map(\.description).joined(separator: "; ")
        case let .missingCount(step, what):
            return "step '\(step)' needs the number of \(what.rawValue) to decide; record it with the results"
        case let .quorumNotMet(step, check):
            return "quorum not met for step '\(step)': \(check.explanation). The workflow declares no path for this; "
                + "hold the meeting again and record the new attendance"
        case let .ties(_, step, ties, settled):
            let lines = ties.map { tie in
                "'\(tie.title)': \(tie.labels.joined(separator: ", ")) each have \(tie.tie.votes) votes for the last "
                    + (tie.tie.placesLeft == 1 ? "place" : "\(tie.tie.placesLeft) places") + " (\(tie.rule.phrase))"
            }
            let waiting = settled.isEmpty ? "" : "\nsettled, waiting for the ties: " + settled.map(\.title).joined(separator: ", ")
            return "step '\(step)' has \(ties.count == 1 ? "a tie" : "\(ties.count) ties") the engine does not break:\n"
                + lines.map { "  - \($0)" }.joined(separator: "\n") + waiting
        case let .overCap(step, title, passed, free):
            return "\(passed) people passed for '\(title)' at step '\(step)' but only \(free) places are free under the cap; "
                + "give the step a 'selection' rule to rank them"
        case let .concurrentChange(instance, expected, actual):
            return "instance '\(instance)' was changed by another command meanwhile (revision \(actual), expected \(expected)); nothing was stored"
        case let .duplicateInstance(id):
            return "an instance '\(id)' already exists"
        case let .rosterMissing(_, step):
            return "step '\(step)' has people to screen against eligibility rules, but no roster is imported"
        case let .structureNotMet(_, title, findings):
            return "the final list for '\(title)' misses a binding structure target:\n" + findings.map { "  - \($0)" }.joined(separator: "\n")
        case let .entriesDisagree(step, differences):
            return "the two entries of step '\(step)' disagree, so the step cannot close; check the minutes and correct the wrong entry:\n"
                + differences.map { "  - \($0)" }.joined(separator: "\n")
        case let .unknownRule(id, known):
            return "no rule '\(id)' applies in this workflow"
                + (Suggestion.closest(to: id, in: known).map { "; did you mean '\($0)'?" } ?? "; rules: \(known.joined(separator: ", "))")
        case let .keptNeedsReason(title, person, findings, appointed):
            let why = (appointed ? ["already holds the title (the plan has been carried out)"] : []) + findings
            return "'\(person)' is kept in the plan for '\(title)' but " + why.joined(separator: "; ")
                + ". Keep them only with the body's reason, or remove them"
        case let .belowReferenceWithoutReason(step, title, people):
            return "the decision for '\(title)' at step '\(step)' takes on \(people.joined(separator: ", ")) below the step's reference threshold; give the body's reason"
        case let .overLimit(loads):
            return "planned for more titles than the rules allow:\n" + loads.map { load in
                "  - \(load.person): \(load.titles.count) titles (\(load.titles.joined(separator: ", "))), at most \(load.limit)"
            }.joined(separator: "\n")
        case let .unknownPerson(reference, likely):
            return "'\(reference)' is not a person of this instance" + (likely.isEmpty ? "" : "; did you mean \(likely.joined(separator: " or "))?")
        case let .ambiguousPerson(reference, candidates):
            return "'\(reference)' is the name of several people: \(candidates.joined(separator: ", ")); give the id, or the name with the birth year"
        case let .noDecisionExpected(step, title, reason):
            switch reason {
            case .noTie: return "there is no tie for '\(title)' at step '\(step)'; there is nothing for the body to decide"
            case .runOffRequired: return "the selection rule settles a tie for '\(title)' by a run-off vote, not by the body's decision"
            case let .notAmongTied(name, tied): return "'\(name)' is not among those tied for '\(title)' (\(tied.joined(separator: ", ")))"
            case let .notACandidate(name): return "'\(name)' was not counted for '\(title)' at step '\(step)'"
            }
        case let .outOfOrder(step, follows):
            return "step '\(step)' follows step '\(follows.step)' of '\(follows.workflow)', which has not ended yet"
        case let .runningInstance(workflow, instances):
            return "workflow '\(workflow)' already has a running instance: \(instances.joined(separator: ", "))"
        case let .nothingToCorrect(step):
            return "nothing has been recorded for step '\(step)', so there is nothing to correct"
        case let .notYetHeld(step):
            return "step '\(step)' has not been decided, so it cannot be reopened"
        case let .movedBeforePrevious(step, previous, time):
            return "step '\(step)' cannot meet before '\(previous)', which it follows (\(time.display))"
        case .emptyReason:
            return "a reason is required, for the record"
        case let .tampered(instance, problem):
            return "the history of '\(instance)' does not verify — \(problem) — so nothing is read from it or decided on it"
        case let .frozenPast(instance, steps, changes):
            if steps.isEmpty { return "instance '\(instance)' has ended; what was recorded about its meetings is frozen, so it cannot be migrated" }
            return "the change touches \(steps.joined(separator: ", ")), already held; what was recorded about a held meeting is frozen, "
                + "so instance '\(instance)' cannot be migrated to it:\n" + changes.joined(separator: "\n")
        }
    }
}

extension EngineError.Need: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .results(_, present, validBallots, ballot):
            var parts: [String] = []
            if present { parts.append("the number of members present") }
            if validBallots { parts.append("the number of valid ballots") }
            parts.append(ballot ? "the votes for each candidate from the vote-count minutes"
                                : "the list the body agreed, per title (an empty list when nobody is proposed)")
            return parts.joined(separator: ", ")
        case let .entry(number):
            return "entry \(number) of the results, by a different person than the other entry"
        case let .listDecision(body, titles):
            return "the decision of '\(body)' on who goes on for \(titles.joined(separator: ", "))"
        case let .review(title, people):
            return "the review decision (keep or remove) for \(people.joined(separator: ", ")) ('\(title)')"
        }
    }
}

extension TieRule {
    var phrase: String {
        switch self {
        case .runOff: "a run-off vote settles it"
        case .bodyDecision: "the body's decision settles it"
        case .runOffOrDecision: "a run-off vote or the body's decision settles it"
        }
    }
}
