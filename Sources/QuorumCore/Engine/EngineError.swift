import QuorumRules

/// Why a command was refused. Every case says what is wrong and what to do; nothing was stored.
public enum EngineError: Error, Equatable, CustomStringConvertible {
    case unknownInstance(String, known: [String])
    case abstractWorkflow(String)
    case finished(String)
    case stepNotOpen(requested: String, current: String)
    case unknownStep(String, known: [String])
    case definitionChanged(instance: String, changes: [String])
    case definitionUnchanged(instance: String)
    case invalidRecord(step: String, problems: [RecordProblem])
    case nothingRecorded(step: String, needed: String)
    case missingCount(step: String, what: String)
    case quorumNotMet(step: String, check: ThresholdCheck)
    case tieAtCap(instance: String, step: String, title: String, tie: RankedSelection.Tie, rule: TieRule)
    case overCap(step: String, title: String, passed: Int, free: Int)
    case concurrentChange(instance: String, expected: Int, actual: Int)
    case duplicateInstance(String)
    case rosterMissing(instance: String, step: String)
    case structureNotMet(instance: String, title: String, findings: [String])
    case unknownRule(String, known: [String])
    case entriesDisagree(step: String, differences: [String])

    public var description: String {
        switch self {
        case let .unknownInstance(id, known):
            let hint = Suggestion.closest(to: id, in: known).map { "; did you mean '\($0)'?" }
                ?? (known.isEmpty ? "; start one with 'quorum start WORKFLOW'" : "; known instances: \(known.joined(separator: ", "))")
            return "no instance '\(id)'\(hint)"
        case let .abstractWorkflow(id):
            return "workflow '\(id)' is abstract (a procedure to extend); start a track that extends it instead"
        case let .finished(id):
            return "instance '\(id)' has ended; its final list was handed to the authority. Start a new instance for another run"
        case let .stepNotOpen(requested, current):
            return "step '\(requested)' is not open; the current step is '\(current)'"
        case let .unknownStep(id, known):
            return "no step '\(id)' in this workflow" + (Suggestion.closest(to: id, in: known).map { "; did you mean '\($0)'?" } ?? "")
        case let .definitionChanged(instance, changes):
            return """
                the workflow definition changed since instance '\(instance)' started, so its results would no longer match \
                the rules it was run under. Changes:
                \(changes.joined(separator: "\n"))
                Undo the change, start a new instance, or re-pin this one with 'quorum migrate \(instance) --reason "…"'
                """
        case let .definitionUnchanged(instance):
            return "instance '\(instance)' already runs the current definition; there is nothing to migrate"
        case let .invalidRecord(step, problems):
            return "the results for step '\(step)' were not recorded:\n" + problems.map { "  - \($0.message)" }.joined(separator: "\n")
        case let .nothingRecorded(step, needed):
            return "the results of step '\(step)' are not complete yet; \(needed)"
        case let .missingCount(step, what):
            return "step '\(step)' needs the number of \(what) to decide; record it with the results"
        case let .quorumNotMet(step, check):
            return "quorum not met for step '\(step)': \(check.explanation). The workflow declares no path for this; "
                + "hold the meeting again and record the new attendance"
        case let .tieAtCap(instance, step, title, tie, rule):
            let remedy = rule == .runOff
                ? "hold a run-off vote among them and record it with 'quorum record \(instance) \(step) --run-off --file RESULTS'"
                : "record the body's decision with 'quorum decide \(instance) --title \(title) --choose \"NAME\" --reason \"…\"'"
            return "tie for the last \(tie.placesLeft == 1 ? "place" : "\(tie.placesLeft) places") of '\(title)' at step '\(step)': "
                + "\(tie.names.joined(separator: ", ")) each have \(tie.votes) votes. The engine does not break ties; \(remedy), "
                + "then advance again"
        case let .overCap(step, title, passed, free):
            return "\(passed) people passed for '\(title)' at step '\(step)' but only \(free) places are free under the cap; "
                + "give the step a 'selection' rule to rank them"
        case let .concurrentChange(instance, expected, actual):
            return "instance '\(instance)' was changed by another command meanwhile (revision \(actual), expected \(expected)); "
                + "nothing was stored. Check 'quorum status \(instance)' and run the command again"
        case let .duplicateInstance(id):
            return "an instance '\(id)' already exists"
        case let .rosterMissing(instance, step):
            return "step '\(step)' has candidates to screen against eligibility rules, but no roster is imported; "
                + "import it with 'quorum roster \(instance) --file ROSTER.csv'"
        case let .structureNotMet(instance, title, findings):
            return "the final list for '\(title)' misses a binding structure target:\n" + findings.map { "  - \($0)" }.joined(separator: "\n")
                + "\nrecord the body's decision with 'quorum override \(instance) --person \(title) --rule RULE --reason …' to proceed"
        case let .entriesDisagree(step, differences):
            return "the two entries of step '\(step)' disagree, so the step cannot close; check the minutes and record the wrong entry again:\n"
                + differences.map { "  - \($0)" }.joined(separator: "\n")
        case let .unknownRule(id, known):
            return "no rule '\(id)' applies in this workflow"
                + (Suggestion.closest(to: id, in: known).map { "; did you mean '\($0)'?" } ?? "; rules: \(known.joined(separator: ", "))")
        }
    }
}
