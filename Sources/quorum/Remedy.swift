import QuorumCore

/// What to run next after a refusal: the engine says what is wrong, the command line says which command helps.
enum Remedy {
    static func lines(for error: EngineError, instance: String?) -> [String] {
        let lines = lines(for: error)
        guard let instance else { return lines }
        return lines.map { $0.replacingOccurrences(of: "INSTANCE", with: instance) }
    }

    private static func lines(for error: EngineError) -> [String] {
        switch error {
        case .unknownInstance(_, let known, _) where known.isEmpty:
            return ["start one with 'quorum start WORKFLOW'"]
        case .finished(let id):
            return ["to change a result, correct it: 'quorum correct \(id) STEP --file RESULTS --reason \"…\"'"]
        case .definitionChanged(let instance, _):
            return ["undo the change, start a new instance, or re-pin this one with 'quorum migrate \(instance) --reason \"…\"'"]
        case .nothingRecorded(let step, let needs):
            return needs.map { need in
                switch need {
                case .results: "record them with 'quorum record INSTANCE \(step) --file RESULTS'"
                case .entry(let number): "record entry \(number) with 'quorum record INSTANCE \(step) --file RESULTS --entry \(number)'"
                case .listDecision(_, let titles): "record the decision with 'quorum decide INSTANCE --title \(titles[0]) --choose \"NAME; NAME\" --reason \"…\"'"
                case .review: "record the review under 'review:' in the step's results, with 'quorum correct INSTANCE \(step) --file RESULTS --reason \"…\"'"
                }
            }
        case .ties(let instance, let step, let ties, _):
            return ties.map { tie in
                switch tie.rule {
                case .runOff: "'\(tie.title)': hold a run-off among the tied and record it with 'quorum record \(instance) \(step) --run-off --file RESULTS'"
                case .bodyDecision: "'\(tie.title)': record the body's decision with 'quorum decide \(instance) --title \(tie.title) --choose \"NAME\" --reason \"…\"'"
                case .runOffOrDecision: "'\(tie.title)': record a run-off ('quorum record \(instance) \(step) --run-off --file RESULTS') or the body's decision ('quorum decide \(instance) --title \(tie.title) --choose \"NAME\" --reason \"…\"')"
                }
            } + ["then run 'quorum advance \(instance)'"]
        case .concurrentChange(let instance, _, _):
            return ["check 'quorum status \(instance)' and run the command again"]
        case .rosterMissing(let instance, _):
            return ["import it with 'quorum roster \(instance) --file ROSTER.csv'"]
        case .structureNotMet(let instance, let title, _):
            return ["if the body accepts the list as it is, record that with 'quorum override \(instance) --person \(title) --rule RULE --reason \"…\"'"]
        case .entriesDisagree(let step, _):
            return ["correct the wrong entry with 'quorum correct INSTANCE \(step) --entry N --file RESULTS --reason \"…\"'"]
        case .keptNeedsReason:
            return ["record the review decision with its reason under 'review:' in the review step's results, or an override with 'quorum override'"]
        case .overLimit(let loads):
            return ["if the competent body decided otherwise, record it with 'quorum override INSTANCE --person \"\(loads[0].person)\" --rule \(Override.titleLimit) --reason \"…\"'"]
        case .outOfOrder(let step, _):
            return ["record it after that step has ended, or give the reason with 'quorum record INSTANCE \(step) … --out-of-order \"…\"'"]
        case .runningInstance(let workflow, let instances):
            return ["continue \(instances[0]) ('quorum status \(instances[0])'), or start a second one on purpose with 'quorum start \(workflow) --another'"]
        case .nothingToCorrect(let step):
            return ["record the results with 'quorum record INSTANCE \(step) --file RESULTS'"]
        case .movedBeforePrevious:
            return ["move this meeting after it with 'quorum reschedule INSTANCE --date YYYY-MM-DD --time HH:MM --reason \"…\"'"]
        case .quorumNotMet:
            return ["move the meeting with 'quorum reschedule INSTANCE --date YYYY-MM-DD --time HH:MM --reason \"…\"'"]
        default:
            return []
        }
    }
}
