import QuorumCore
import QuorumRules

/// A refusal in words, in the language of the messages: what is wrong, then which commands help. The engine gives
/// only the data (`EngineError`); every word comes from the catalogs.
enum RefusalText {
    /// The refusal followed by what to run next; the commands name `instance` when the command was about one.
    static func lines(_ error: EngineError, instance: String?) -> [String] {
        [Messages.text(.error, ["message": text(error)])] + remedies(error, instance: instance ?? "INSTANCE")
    }

    static func text(_ error: EngineError) -> String {
        switch error {
        case let .unknownInstance(id, known, store):
            let hint = Suggestion.closest(to: id, in: known).map { didYouMean("'\($0)'") }
                ?? Messages.text(known.isEmpty ? .refusalNoInstanceYet : .refusalKnownInstances, ["instances": known.joined(separator: ", ")])
            return store.map { Messages.text(.refusalUnknownInstanceIn, ["instance": id, "store": $0, "hint": hint]) }
                ?? Messages.text(.refusalUnknownInstance, ["instance": id, "hint": hint])
        case let .abstractWorkflow(id):
            return Messages.text(.refusalAbstract, ["workflow": id])
        case let .finished(id):
            return Messages.text(.refusalFinished, ["instance": id])
        case let .stepNotOpen(requested, current):
            return Messages.text(.refusalStepNotOpen, ["step": requested, "current": current])
        case let .unknownStep(id, known):
            return Messages.text(.refusalUnknownStep, ["step": id, "hint": Suggestion.closest(to: id, in: known).map { didYouMean("'\($0)'") } ?? ""])
        case let .definitionChanged(instance, changes):
            return Messages.text(.refusalDefinitionChanged, ["instance": instance, "changes": changes.joined(separator: "\n")])
        case let .definitionUnchanged(instance):
            return Messages.text(.refusalDefinitionUnchanged, ["instance": instance])
        case let .invalidRecord(step, problems):
            return Messages.text(.refusalInvalidRecord, ["step": step, "problems": problems.map { "  - " + problem($0) }.joined(separator: "\n")])
        case let .nothingRecorded(step, needs):
            return Messages.text(.refusalNothingRecorded, ["step": step, "needs": needs.map(need).joined(separator: "; ")])
        case let .missingCount(step, what):
            return Messages.text(what == .membersPresent ? .refusalMissingPresent : .refusalMissingValidBallots, ["step": step])
        case let .quorumNotMet(step, check):
            return Messages.text(.refusalQuorumNotMet, ["step": step, "check": DecisionText.threshold(check)])
        case let .ties(_, step, ties, settled):
            let lines = ties.map { tie in
                Messages.text(.refusalTie, ["title": tie.title, "people": tie.labels.joined(separator: ", "), "votes": tie.tie.votes,
                                            "places": tie.tie.placesLeft == 1 ? Messages.text(.tieLastPlace)
                                                : Messages.text(.tieLastPlaces, ["count": tie.tie.placesLeft]),
                                            "rule": Messages.text(tieRule(tie.rule))])
            }
            let waiting = settled.isEmpty ? "" : Messages.text(.refusalTiesSettled, ["titles": settled.map(\.title).joined(separator: ", ")])
            return Messages.text(.refusalTies, ["step": step, "count": ties.count, "ties": lines.joined(separator: "\n"), "settled": waiting])
        case let .overCap(step, title, passed, free):
            return Messages.text(.refusalOverCap, ["step": step, "title": title, "passed": passed, "free": free])
        case let .concurrentChange(instance, expected, actual):
            return Messages.text(.refusalConcurrent, ["instance": instance, "expected": expected, "actual": actual])
        case let .duplicateInstance(id):
            return Messages.text(.refusalDuplicate, ["instance": id])
        case let .unsignedWrite(instance):
            return Messages.text(.refusalUnsignedWrite, ["instance": instance])
        case let .untrustedKey(fingerprint):
            return Messages.text(.refusalUntrustedKey, ["fingerprint": fingerprint, "path": LocalKey.path])
        case let .rosterMissing(_, step):
            return Messages.text(.refusalRosterMissing, ["step": step])
        case let .structureNotMet(_, title, findings):
            return Messages.text(.refusalStructure, ["title": title, "findings": findings.map { "  - " + Messages.finding($0) }.joined(separator: "\n")])
        case let .entriesDisagree(step, differences):
            return Messages.text(.refusalEntriesDisagree, ["step": step, "differences": differences.map { "  - " + change($0) }.joined(separator: "\n")])
        case let .unknownRule(id, known):
            let hint = Suggestion.closest(to: id, in: known).map { didYouMean("'\($0)'") } ?? Messages.text(.refusalRules, ["rules": known.joined(separator: ", ")])
            return Messages.text(.refusalUnknownRule, ["rule": id, "hint": hint])
        case let .keptNeedsReason(title, person, findings, appointed):
            let why = (appointed ? [Messages.text(.refusalAlreadyHolds)] : []) + findings.map(Messages.finding)
            return Messages.text(.refusalKeptNeedsReason, ["title": title, "person": person, "why": why.joined(separator: "; ")])
        case let .belowReferenceWithoutReason(step, title, people):
            return Messages.text(.refusalBelowReference, ["step": step, "title": title, "people": people.joined(separator: ", ")])
        case let .overLimit(loads):
            let people = loads.map { load in
                Messages.text(.refusalOverLimitPerson, ["person": load.person, "count": load.titles.count, "titles": load.titles.joined(separator: ", "),
                                                        "limit": load.limit])
            }
            return Messages.text(.refusalOverLimit, ["people": people.joined(separator: "\n")])
        case let .unknownPerson(reference, likely):
            return Messages.text(.refusalUnknownPerson, ["person": reference, "hint": likely.isEmpty ? "" : didYouMean(likely.joined(separator: ", "))])
        case let .ambiguousPerson(reference, candidates):
            return Messages.text(.refusalAmbiguousPerson, ["person": reference, "people": candidates.joined(separator: ", ")])
        case let .noDecisionExpected(step, title, reason):
            switch reason {
            case .noTie: return Messages.text(.refusalNoTie, ["step": step, "title": title])
            case .runOffRequired: return Messages.text(.refusalRunOffRequired, ["title": title])
            case let .notAmongTied(name, tied): return Messages.text(.refusalNotAmongTied, ["person": name, "title": title, "tied": tied.joined(separator: ", ")])
            case let .notACandidate(name): return Messages.text(.refusalNotACandidate, ["person": name, "title": title, "step": step])
            }
        case let .outOfOrder(step, follows):
            return Messages.text(.refusalOutOfOrder, ["step": step, "follows": follows.step, "workflow": follows.workflow])
        case let .runningInstance(workflow, instances):
            return Messages.text(.refusalRunning, ["workflow": workflow, "instances": instances.joined(separator: ", ")])
        case let .nothingToCorrect(step):
            return Messages.text(.refusalNothingToCorrect, ["step": step])
        case let .notYetHeld(step):
            return Messages.text(.refusalNotYetHeld, ["step": step])
        case let .movedBeforePrevious(step, previous, time):
            return Messages.text(.refusalMovedBefore, ["step": step, "previous": previous, "when": time.display])
        case .emptyReason:
            return Messages.text(.refusalEmptyReason)
        case let .tampered(instance, problem):
            return Messages.text(.refusalTampered, ["instance": instance, "problem": chain(problem)])
        case let .frozenPast(instance, steps, changes):
            if steps.isEmpty { return Messages.text(.refusalFrozenEnded, ["instance": instance]) }
            return Messages.text(.refusalFrozen, ["instance": instance, "steps": steps.joined(separator: ", "), "changes": changes.joined(separator: "\n")])
        }
    }

    /// One problem in a meeting's results, with its "did you mean" when there is a likely word.
    static func problem(_ problem: RecordProblem) -> String {
        var values = problem.values
        if let check = problem.check { values["check"] = DecisionText.threshold(check) }
        return Messages.text(raw: "problem." + problem.kind.rawValue, values) + (problem.suggestion.map(didYouMean) ?? "")
    }

    /// Why the history does not verify.
    static func chain(_ problem: EventChain.Problem) -> String {
        switch problem {
        case .altered(let sequence): Messages.text(.chainAltered, ["sequence": sequence])
        case .broken(let sequence): Messages.text(.chainBroken, ["sequence": sequence])
        case .missing(let after): Messages.text(.chainMissing, ["sequence": after])
        case .definitionAltered(let hash): Messages.text(.chainDefinitionAltered, ["hash": hash.prefix(12)])
        case .definitionMissing(let hash): Messages.text(.chainDefinitionMissing, ["hash": hash.prefix(12)])
        case .unprotected(let what): Messages.text(.chainUnprotected, ["what": what])
        case let .unexpectedHead(expected, actual, revision):
            Messages.text(.chainUnexpectedHead, ["revision": revision, "actual": actual.prefix(16), "expected": expected.prefix(16)])
        case .badSignature(let sequence): Messages.text(.chainBadSignature, ["sequence": sequence])
        case .unsignedHead(let sequence): Messages.text(.chainUnsignedHead, ["sequence": sequence])
        case let .untrustedSigner(sequence, fingerprint): Messages.text(.chainUntrustedSigner, ["sequence": sequence, "fingerprint": fingerprint])
        }
    }

    /// `Lê Thị Mỹ Dung (pho-chanh-van-phong): entry 1 = 9, entry 2 = 6`; a correction says was/now instead.
    static func change(_ change: RecordChange, label: (String) -> String = { $0 }, correction: Bool = false) -> String {
        let what = switch change.field {
        case .present: Messages.text(.changePresent)
        case .issued: Messages.text(.changeIssued)
        case .returned: Messages.text(.changeReturned)
        case .valid: Messages.text(.changeValid)
        case .invalid: Messages.text(.changeInvalid)
        case let .votes(title, person): Messages.text(.changeVotes, ["person": label(person), "title": title])
        case let .agreed(title): Messages.text(.changeAgreed, ["title": title])
        case let .review(title, person): Messages.text(.changeReview, ["person": label(person), "title": title])
        }
        return Messages.text(.changeLine, ["what": what, "before": change.before ?? "—", "after": change.after ?? "—",
                                           "first": correction ? Messages.text(.changeWas) : Messages.text(.entryNumber, ["entry": 1]),
                                           "second": correction ? Messages.text(.changeNow) : Messages.text(.entryNumber, ["entry": 2])])
    }

    private static func didYouMean(_ name: String) -> String { Messages.text(.didYouMean, ["name": name]) }

    private static func need(_ need: EngineError.Need) -> String {
        switch need {
        case let .results(_, present, validBallots, ballot):
            return ((present ? [Messages.text(.needPresent)] : []) + (validBallots ? [Messages.text(.needValidBallots)] : [])
                + [Messages.text(ballot ? .needVotes : .needAgreed)]).joined(separator: ", ")
        case let .entry(number):
            return Messages.text(.needEntry, ["entry": number])
        case let .listDecision(body, titles):
            return Messages.text(.needListDecision, ["body": body, "titles": titles.joined(separator: ", ")])
        case let .review(title, people):
            return Messages.text(.needReview, ["title": title, "people": people.joined(separator: ", ")])
        }
    }

    private static func tieRule(_ rule: TieRule) -> MessageKey {
        switch rule {
        case .runOff: .tieByRunOff
        case .bodyDecision: .tieByBody
        case .runOffOrDecision: .tieByEither
        }
    }

    /// What to run next: the engine says what is wrong, the command line says which command helps.
    static func remedies(_ error: EngineError, instance: String) -> [String] {
        switch error {
        case .unknownInstance(_, let known, _) where known.isEmpty:
            return [Messages.text(.remedyStart)]
        case .finished(let id):
            return [Messages.text(.remedyCorrectEnded, ["instance": id])]
        case .definitionChanged(let id, _):
            return [Messages.text(.remedyMigrate, ["instance": id])]
        case .nothingRecorded(let step, let needs):
            return needs.map { need in
                switch need {
                case .results: Messages.text(.remedyRecord, ["instance": instance, "step": step])
                case .entry(let number): Messages.text(.remedyRecordEntry, ["instance": instance, "step": step, "entry": number])
                case .listDecision(_, let titles): Messages.text(.remedyDecideList, ["instance": instance, "title": titles[0]])
                case .review: Messages.text(.remedyReview, ["instance": instance, "step": step])
                }
            }
        case .ties(let id, let step, let ties, _):
            return ties.map { tie in
                let key: MessageKey = switch tie.rule {
                case .runOff: .remedyRunOff
                case .bodyDecision: .remedyBodyDecision
                case .runOffOrDecision: .remedyEither
                }
                return Messages.text(key, ["title": tie.title, "instance": id, "step": step])
            } + [Messages.text(.remedyThenAdvance, ["instance": id])]
        case .concurrentChange(let id, _, _):
            return [Messages.text(.remedyStatus, ["instance": id])]
        case .rosterMissing(let id, _):
            return [Messages.text(.remedyRoster, ["instance": id])]
        case .structureNotMet(let id, let title, _):
            return [Messages.text(.remedyStructure, ["instance": id, "title": title])]
        case .entriesDisagree(let step, _):
            return [Messages.text(.remedyCorrectEntry, ["instance": instance, "step": step])]
        case .keptNeedsReason:
            return [Messages.text(.remedyKept)]
        case .overLimit(let loads):
            return [Messages.text(.remedyOverLimit, ["instance": instance, "person": loads[0].person, "rule": Override.titleLimit])]
        case .outOfOrder(let step, _):
            return [Messages.text(.remedyOutOfOrder, ["instance": instance, "step": step])]
        case .runningInstance(let workflow, let instances):
            return [Messages.text(.remedyRunning, ["instance": instances[0], "workflow": workflow])]
        case .nothingToCorrect(let step):
            return [Messages.text(.remedyRecordResults, ["instance": instance, "step": step])]
        case .movedBeforePrevious:
            return [Messages.text(.remedyMoveAfter, ["instance": instance])]
        case .quorumNotMet:
            return [Messages.text(.remedyMove, ["instance": instance])]
        default:
            return []
        }
    }
}
