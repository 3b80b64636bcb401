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

    enum CodingKeys: String, CodingKey {
        case instance, workflow, definitionHash, definitionChanged, revision, finished, currentStep, attempt, nextMeeting, deadline, deadlineWarnings,
             candidates, recorded, needed, decisions, finalList
    }

    init(_ id: String, project: Project) throws {
        let loaded = try project.service().load(id)
        state = loaded.state
        definition = loaded.definition
        instance = id
        workflow = state.workflow
        definitionHash = loaded.pinned.hash
        definitionChanged = (try? project.definition(state.workflow)) != loaded.definition
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
        needed = state.isFinished ? nil : service.blocker(loaded).map { error in
            (["\(error)"] + ((error as? EngineError).map { Remedy.lines(for: $0, instance: id) } ?? [])).joined(separator: "\n      ")
        } ?? "nothing: the results are complete; 'quorum advance \(id)' will decide the step"
        directory = loaded.directory
        events = loaded.events
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
            return "'\(step.name)' is planned on \(meets.display), after the deadline \(deadline.display)"
        }
        return [deadline.warning(today: today)].compactMap { $0 } + late
    }

    var lines: [String] {
        var lines = ["\(instance): \(definition.name)",
                     "  definition \(definitionHash.prefix(12)), revision \(revision)"
                        + (definitionChanged ? " — the YAML has CHANGED since; commands will refuse until you migrate or restart" : "")]
        for decision in decisions {
            let handed = decision.titles.map { "\($0.handedOn.count) for \($0.title)" }.joined(separator: ", ")
            lines.append("  done: \(decision.step) (attempt \(decision.attempt)): \(decision.outcome.rawValue)\(handed.isEmpty ? "" : ", handed on \(handed)")")
        }
        for title in definition.titles where !(state.kept(title.id) ?? title.kept).isEmpty || !state.reviews(title.id).isEmpty {
            let kept = (state.kept(title.id) ?? title.kept).map(directory.label)
            lines.append("  kept for \(title.name): \(kept.isEmpty ? "nobody" : kept.joined(separator: ", "))"
                + (state.kept(title.id) == nil ? " (not yet reviewed)" : " (reviewed)"))
        }
        lines += deadlineWarnings.map { "  ⚠ \($0)" }
        guard let id = currentStep, let step = definition.step(id), let body = definition.body(step.body) else {
            return lines + DecisionText.finalList(state, in: definition)
        }
        lines.append("  current step: \(step.name) (\(step.id)), attempt \(attempt)")
        lines.append("    meets: \(nextMeeting?.display ?? "no date set")")
        lines.append("    body: \(body.name), \(body.totalMembers) members; form: \(step.form.label)")
        if let threshold = step.threshold {
            lines.append("    passes: \(threshold.comparison.phrase) \(threshold.fraction) of \(threshold.base.label) (rule \(threshold.id))")
        }
        for title in definition.titles {
            let names = candidates?[title.id]
            lines.append("    candidates for \(title.name): \(names.map { $0.isEmpty ? "none" : $0.map(directory.label).joined(separator: ", ") } ?? "open (the body proposes them)")")
        }
        if let recorded {
            var parts: [String] = []
            if let present = recorded.present { parts.append("\(present) present") }
            if let valid = recorded.validBallots { parts.append("\(valid) valid ballots") }
            parts += recorded.votes.map { "\($0.candidates.count) vote totals for \($0.title)" }
            parts += recorded.agreed.map { "\($0.names.count) agreed for \($0.title)" }
            lines.append("    recorded: \(parts.joined(separator: ", "))\(recorded.source.map { " (from \($0))" } ?? "")")
        } else {
            lines.append("    recorded: nothing yet")
        }
        if let needed { lines.append("    blocking the next step: \(needed)") }
        for finding in DoubleEntryAudit.sameUser(events) { lines.append("    ⚠ \(finding)") }
        return lines
    }
}
