import QuorumRules

/// Applies a step's rules to its recorded results: quorum, threshold per candidate, ranking within the cap,
/// then the transition. Pure: it reads the state and returns a decision, or refuses.
struct StepDecider {
    let definition: WorkflowDefinition
    let state: InstanceState

    func decide() throws(EngineError) -> StepDecision {
        guard let stepID = state.currentStep, let step = definition.step(stepID) else { throw .finished(state.id) }
        let body = definition.body(step.body)!
        guard let record = state.record else { throw .nothingRecorded(step: step.id, needed: Self.needed(for: step, in: definition)) }
        if let quorum = step.quorum {
            guard let present = record.present else { throw .missingCount(step: step.id, what: "members present") }
            let check = quorum.check(present, of: body.totalMembers)
            if !check.passes {
                guard let path = step.transitions.first(where: { $0.when == .quorumNotMet }) else {
                    throw .quorumNotMet(step: step.id, check: check)
                }
                return StepDecision(step: step.id, attempt: state.attempt, outcome: .quorumNotMet, quorum: check, titles: [],
                                    guardTaken: .quorumNotMet, next: path.to)
            }
        }
        // Attendance alone decides only the quorum; a missing vote count must never read as zero votes.
        if step.form.isBallot ? record.votes.isEmpty : record.agreed.isEmpty {
            throw .nothingRecorded(step: step.id, needed: Self.needed(for: step, in: definition))
        }
        var titles: [TitleOutcome] = []
        for title in definition.titles {
            titles.append(try outcome(for: title, step: step, body: body, record: record))
        }
        let quorumCheck = step.quorum.map { $0.check(record.present ?? 0, of: body.totalMembers) }
        if titles.allSatisfy({ $0.handedOn.isEmpty }), let path = step.transitions.first(where: { $0.when == .nobodyPasses }) {
            return StepDecision(step: step.id, attempt: state.attempt, outcome: .decided, quorum: quorumCheck, titles: titles,
                                guardTaken: .nobodyPasses, next: path.to)
        }
        if step.next == .end, let full = titles.first(where: { $0.handedOn.count > max(0, $0.cap - $0.kept) }) {
            throw .overCap(step: step.id, title: full.title, passed: full.handedOn.count, free: max(0, full.cap - full.kept))
        }
        return StepDecision(step: step.id, attempt: state.attempt, outcome: .decided, quorum: quorumCheck, titles: titles,
                            guardTaken: nil, next: step.next)
    }

    private func outcome(for title: Title, step: Step, body: Body, record: StepRecord) throws(EngineError) -> TitleOutcome {
        guard step.form.isBallot, let threshold = step.threshold else {
            let names = record.agreed(for: title.id) ?? []
            let candidates = names.map { CandidateOutcome(name: $0, votes: nil, check: nil, rank: nil, verdict: .agreed) }
            return TitleOutcome(title: title.id, cap: title.cap, kept: title.kept.count, candidates: candidates, handedOn: names)
        }
        let baseCount: Int
        switch threshold.base {
        case .totalMembers: baseCount = body.totalMembers
        case .membersPresent:
            guard let present = record.present else { throw .missingCount(step: step.id, what: "members present") }
            baseCount = present
        case .validBallots:
            guard let valid = record.validBallots else { throw .missingCount(step: step.id, what: "valid ballots") }
            baseCount = valid
        }
        let recorded = record.votes(for: title.id) ?? []
        var names = state.candidates?[title.id] ?? []
        names += recorded.map(\.name).filter { !names.contains($0) }
        let tallies = names.map { name in (name: name, votes: recorded.first { $0.name == name }?.votes ?? 0) }
        let checks = Dictionary(uniqueKeysWithValues: tallies.map { ($0.name, threshold.check($0.votes, of: baseCount)) })
        let passed = tallies.filter { checks[$0.name]!.passes }
        let ranking = RankedSelection(candidates: passed, freePlaces: step.selection.map { _ in title.freePlaces })
        if let tie = ranking.tie, let selection = step.selection {
            throw .tieAtCap(step: step.id, title: title.id, tie: tie, rule: selection.ties)
        }
        var candidates = ranking.entries.map { entry in
            CandidateOutcome(name: entry.name, votes: entry.votes, check: checks[entry.name], rank: entry.rank,
                             verdict: entry.selected ? .selected : .passedNotSelected)
        }
        candidates += tallies.filter { !checks[$0.name]!.passes }.sorted { $0.votes > $1.votes }.map {
            CandidateOutcome(name: $0.name, votes: $0.votes, check: checks[$0.name], rank: nil, verdict: .failed)
        }
        return TitleOutcome(title: title.id, cap: title.cap, kept: title.kept.count, candidates: candidates, handedOn: ranking.selected)
    }

    /// What the user must record before the step can be decided.
    static func needed(for step: Step, in definition: WorkflowDefinition) -> String {
        var parts: [String] = []
        if step.quorum != nil || step.threshold?.base == .membersPresent { parts.append("the number of members present") }
        if step.threshold?.base == .validBallots { parts.append("the number of valid ballots") }
        parts.append(step.form.isBallot ? "the approvals for each candidate from the vote-count minutes"
                                        : "the list the body agreed, per title (an empty list when nobody is proposed)")
        return "record " + parts.joined(separator: ", ") + " with 'quorum record INSTANCE \(step.id) --file RESULTS'"
    }
}
