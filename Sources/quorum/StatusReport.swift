import Foundation
import QuorumCore

/// Everything `quorum status` shows about one instance, as text or JSON.
struct StatusReport: Encodable {
    let instance: String
    let workflow: String
    let definitionHash: String
    let definitionChanged: Bool
    let revision: Int
    let finished: Bool
    let currentStep: String?
    let attempt: Int
    let nextMeeting: MeetingTime?
    let deadline: String?
    let deadlineWarnings: [String]
    let candidates: [String: [String]]?
    let recorded: StepRecord?
    let needed: String?
    let decisions: [StepDecision]
    let finalList: [String: [String]]?

    private let definition: WorkflowDefinition
    private let state: InstanceState
    private let directory: PersonDirectory
    private let events: [Event]
    /// Whether the lines name the commands that move the instance on (the web view has forms instead).
    private let remedies: Bool

    enum CodingKeys: String, CodingKey {
        case instance, workflow, definitionHash, definitionChanged, revision, finished, currentStep, attempt, nextMeeting, deadline, deadlineWarnings,
             candidates, recorded, needed, decisions, finalList
    }

    /// `remedies`: whether what blocks the step comes with the commands that would unblock it (the web view has
    /// forms instead).
    init(_ id: String, project: Project, remedies: Bool = true) throws {
        let loaded = try project.service().load(id)
        state = loaded.state
        definition = loaded.definition
        instance = id
        workflow = state.workflow
        definitionHash = loaded.pinned.hash
        definitionChanged = project.currentHash(of: state.workflow) != loaded.pinned.hash
        revision = state.revision
        finished = state.isFinished
        currentStep = state.currentStep
        attempt = state.attempt
        nextMeeting = state.rescheduled?.meets ?? state.currentStep.flatMap(definition.step)?.meets
        candidates = state.candidates
        deadline = definition.deadline
        deadlineWarnings = Self.deadlineWarnings(definition, state: state, today: Deadline.today(in: definition))
        recorded = state.record
        let service = try project.service()
        // Nothing when the step can be decided (or the procedure has ended).
        needed = state.isFinished ? nil : service.blocker(loaded).map { error in
            ((error as? EngineError).map { [RefusalText.text($0)] + (remedies ? RefusalText.remedies($0, instance: id) : []) } ?? ["\(error)"])
                .joined(separator: "\n      ")
        }
        directory = loaded.directory
        events = loaded.events
        self.remedies = remedies
        decisions = state.decisions
        finalList = state.added
    }

    /// While the procedure runs: the deadline passed or near, and steps still to meet that are planned after it.
    static func deadlineWarnings(_ definition: WorkflowDefinition, state: InstanceState, today: String) -> [String] {
        guard !state.isFinished, let deadline = Deadline(definition) else { return [] }
        let done = Set(state.decisions.map(\.step))
        let late = definition.steps.filter { !done.contains($0.id) }.compactMap { step -> String? in
            let meets = step.id == state.currentStep ? state.rescheduled?.meets ?? step.meets : step.meets
            guard let meets, meets.date > deadline.date else { return nil }
            return Messages.text(.deadlineStepAfter, ["step": step.name, "when": meets.display, "date": deadline.display])
        }
        return [Messages.deadlineWarning(deadline, today: today)].compactMap { $0 } + late
    }

    var lines: [String] {
        var lines = ["\(instance): \(definition.name)",
                     Messages.text(.statusDefinition, ["hash": definitionHash.prefix(12), "revision": revision])
                        + (definitionChanged ? Messages.text(.statusChanged) : "")]
        for decision in decisions {
            let handed = decision.titles.map { Messages.text(.statusHandedTitle, ["count": $0.handedOn.count, "title": $0.title]) }.joined(separator: ", ")
            lines.append(Messages.text(.statusDone, ["step": decision.step, "attempt": decision.attempt, "outcome": Messages.text(decision.outcome == .decided ? .outcomeDecided : .outcomeQuorumNotMet),
                                                     "handed": handed.isEmpty ? "" : Messages.text(.statusHanded, ["handed": handed])]))
        }
        for title in definition.titles where !state.kept(title).isEmpty || !state.reviews(title.id).isEmpty {
            let kept = state.kept(title).map(directory.label)
            lines.append(Messages.text(.statusKept, ["title": title.name, "people": kept.isEmpty ? Messages.text(.nobody) : kept.joined(separator: ", "),
                                                     "reviewed": Messages.text(state.kept(title.id) == nil ? .statusNotReviewed : .statusReviewed)]))
        }
        lines += deadlineWarnings.map { "  ⚠ \($0)" }
        guard let id = currentStep, let step = definition.step(id), let body = definition.body(step.body) else {
            return lines + DecisionText.finalList(state, in: definition, directory: directory)
        }
        lines.append(Messages.text(.statusCurrentStep, ["step": step.name, "id": step.id, "attempt": attempt]))
        lines.append(Messages.text(.statusMeets, ["when": nextMeeting?.display ?? Messages.text(.noDateSet)]))
        lines.append(Messages.text(.statusBody, ["body": body.name, "members": body.totalMembers, "form": Messages.form(step.form)]))
        if let threshold = step.threshold {
            lines.append(Messages.text(.statusPasses, ["rule": DecisionText.rule(threshold, passes: true), "id": threshold.id]))
        }
        for title in definition.titles {
            let names = candidates?[title.id]
            let people = names.map { $0.isEmpty ? Messages.text(.nobody) : $0.map(directory.label).joined(separator: ", ") } ?? Messages.text(.statusOpenCandidates)
            lines.append(Messages.text(.statusCandidates, ["title": title.name, "people": people]))
        }
        if let recorded {
            var parts: [String] = []
            if let present = recorded.present { parts.append(Messages.text(.statusPresent, ["count": present])) }
            if let valid = recorded.validBallots { parts.append(Messages.text(.statusValidBallots, ["count": valid])) }
            parts += recorded.votes.map { Messages.text(.statusVoteTotals, ["count": $0.candidates.count, "title": $0.title]) }
            parts += recorded.agreed.map { Messages.text(.statusAgreed, ["count": $0.names.count, "title": $0.title]) }
            lines.append(Messages.text(.statusRecorded, ["parts": parts.joined(separator: ", "),
                                                         "source": recorded.source.map { Messages.text(.statusRecordedFrom, ["file": $0]) } ?? ""]))
        } else {
            lines.append(Messages.text(.statusNothingRecorded))
        }
        lines.append(needed.map { Messages.text(.statusBlocking, ["reason": $0]) }
            ?? (remedies ? Messages.text(.statusNothingBlocking, ["instance": instance]) : Messages.text(.statusReadyToDecide)))
        for finding in DoubleEntryAudit.sameUser(events) { lines.append("    ⚠ " + Verify.sameUser(finding)) }
        return lines
    }
}
