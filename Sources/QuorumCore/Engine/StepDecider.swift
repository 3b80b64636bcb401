import QuorumRules

/// Applies a step's rules to its recorded results: quorum, threshold per candidate, ranking within the cap,
/// then the transition. Pure: it reads the state and returns a decision, or refuses.
struct StepDecider {
    let definition: WorkflowDefinition
    let state: InstanceState
    let screen: EligibilityScreen

    init(definition: WorkflowDefinition, state: InstanceState) {
        self.definition = definition
        self.state = state
        screen = EligibilityScreen(definition: definition)
    }

    func decide() throws(EngineError) -> StepDecision {
        guard let stepID = state.currentStep, let step = definition.step(stepID) else { throw .finished(state.id) }
        let body = definition.body(step.body)!
        guard let record = state.record else { throw .nothingRecorded(step: step.id, needed: Self.needed(for: step, in: definition, instance: state.id)) }
        if step.doubleEntry {
            guard let first = state.entries[1]?.record, let second = state.entries[2]?.record else {
                throw .nothingRecorded(step: step.id, needed: "its results are entered twice; record entry \(state.entries[1] == nil ? 1 : 2) with --entry")
            }
            let differences = first.differences(from: second)
            if !differences.isEmpty { throw .entriesDisagree(step: step.id, differences: differences) }
        }
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
            throw .nothingRecorded(step: step.id, needed: Self.needed(for: step, in: definition, instance: state.id))
        }
        var titles: [TitleOutcome] = []
        for title in definition.titles {
            titles.append(try outcome(for: title, step: step, body: body, record: record))
        }
        let quorumCheck = step.quorum.map { $0.check(record.present ?? 0, of: body.totalMembers) }
        if titles.allSatisfy({ $0.handedOn.isEmpty }), let path = step.transitions.first(where: { $0.when == .nobodyPasses }) {
            return StepDecision(step: step.id, attempt: state.attempt, outcome: .decided, quorum: quorumCheck, ballots: record.ballots,
                                titles: titles, guardTaken: .nobodyPasses, next: path.to)
        }
        if step.next == .end, let full = titles.first(where: { $0.handedOn.count > max(0, $0.cap - $0.kept) }) {
            throw .overCap(step: step.id, title: full.title, passed: full.handedOn.count, free: max(0, full.cap - full.kept))
        }
        if step.next == .end { titles = try checkStructure(titles) }
        return StepDecision(step: step.id, attempt: state.attempt, outcome: .decided, quorum: quorumCheck, ballots: record.ballots,
                            titles: titles, guardTaken: nil, next: step.next)
    }

    /// The candidate's findings, or a refusal when there is something to screen but no roster to screen it with.
    private func screen(_ name: String, for title: Title, step: Step) throws(EngineError) -> [EligibilityScreen.Finding] {
        if state.roster == nil, !definition.eligibility(for: title).isEmpty { throw .rosterMissing(instance: state.id, step: step.id) }
        return screen.screen(name, for: title, roster: state.roster, overrides: state.overrides)
    }

    private func outcome(for title: Title, step: Step, body: Body, record: StepRecord) throws(EngineError) -> TitleOutcome {
        guard step.form.isBallot, let threshold = step.threshold else {
            var candidates: [CandidateOutcome] = []
            for name in record.agreed(for: title.id) ?? [] {
                var candidate = CandidateOutcome(name: name, votes: nil, check: nil, rank: nil, verdict: .agreed)
                candidate.screening = try screen(name, for: title, step: step)
                if candidate.screening.contains(where: \.blocks) {
                    candidate = CandidateOutcome(name: name, votes: nil, check: nil, rank: nil, verdict: .ineligible, screening: candidate.screening)
                }
                candidates.append(candidate)
            }
            return TitleOutcome(title: title.id, cap: title.cap, kept: title.kept.count, candidates: candidates,
                                handedOn: candidates.filter { $0.verdict == .agreed }.map(\.name))
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
        var findings: [String: [EligibilityScreen.Finding]] = [:]
        for tally in tallies where checks[tally.name]!.passes {
            findings[tally.name] = try screen(tally.name, for: title, step: step)
        }
        let eligible = { (name: String) in !(findings[name]?.contains(where: \.blocks) ?? false) }
        let passed = tallies.filter { checks[$0.name]!.passes && eligible($0.name) }
        let freePlaces = step.selection.map { _ in title.freePlaces }
        var ranking = RankedSelection(candidates: passed, freePlaces: freePlaces)
        var tieBreak: [String: Int] = [:]
        if let tie = ranking.tie, let selection = step.selection {
            // A run-off's votes, or the body's recorded choice, order the tied candidates; never anything else.
            switch selection.ties {
            case .runOff:
                for candidate in state.runOff?.votes(for: title.id) ?? [] where tie.names.contains(candidate.name) { tieBreak[candidate.name] = candidate.votes }
            case .bodyDecision:
                for (position, name) in (state.tieDecisions[title.id]?.chosen ?? []).enumerated() where tie.names.contains(name) {
                    tieBreak[name] = tie.names.count - position
                }
            }
            ranking = RankedSelection(candidates: passed, freePlaces: freePlaces, tieBreak: tieBreak)
            if let remaining = ranking.tie { throw .tieAtCap(instance: state.id, step: step.id, title: title.id, tie: remaining, rule: selection.ties) }
        }
        var candidates = ranking.entries.map { entry in
            CandidateOutcome(name: entry.name, votes: entry.votes, check: checks[entry.name], rank: entry.rank,
                             verdict: entry.selected ? .selected : .passedNotSelected, screening: findings[entry.name] ?? [],
                             tieBreak: tieBreak[entry.name].map { step.selection?.ties == .runOff ? "run-off: \($0) vote\($0 == 1 ? "" : "s")" : "chosen by the body" })
        }
        candidates += tallies.filter { !passed.map(\.name).contains($0.name) }.sorted { $0.votes > $1.votes }.map {
            CandidateOutcome(name: $0.name, votes: $0.votes, check: checks[$0.name], rank: nil,
                             verdict: checks[$0.name]!.passes ? .ineligible : .failed, screening: findings[$0.name] ?? [])
        }
        return TitleOutcome(title: title.id, cap: title.cap, kept: title.kept.count, candidates: candidates, handedOn: ranking.selected)
    }

    /// Structure targets on each title's final list (kept and added people); a binding miss without an override refuses.
    private func checkStructure(_ titles: [TitleOutcome]) throws(EngineError) -> [TitleOutcome] {
        guard !definition.structure.isEmpty else { return titles }
        var checked: [TitleOutcome] = []
        for var outcome in titles {
            guard let title = definition.title(outcome.title) else { continue }
            let names = title.kept.map(definition.personName) + outcome.handedOn
            let people = names.map { name in state.roster?.person(name) ?? RosterPerson(id: name, name: name) }
            outcome.structure = screen.structure(of: people, for: title)
            let missed = definition.structure.filter(\.binding).compactMap { rule in
                outcome.structure.first { $0.rule == rule.id && !$0.passed }
            }.filter { finding in !state.overrides.contains { $0.person == title.id && $0.rule == finding.rule } }
            if !missed.isEmpty { throw .structureNotMet(instance: state.id, title: title.id, findings: missed.map(\.explanation)) }
            checked.append(outcome)
        }
        return checked
    }

    /// What the user must record before the step can be decided.
    static func needed(for step: Step, in definition: WorkflowDefinition, instance: String) -> String {
        var parts: [String] = []
        if step.quorum != nil || step.threshold?.base == .membersPresent { parts.append("the number of members present") }
        if step.threshold?.base == .validBallots { parts.append("the number of valid ballots") }
        parts.append(step.form.isBallot ? "the approvals for each candidate from the vote-count minutes"
                                        : "the list the body agreed, per title (an empty list when nobody is proposed)")
        return "record " + parts.joined(separator: ", ") + " with 'quorum record \(instance) \(step.id) --file RESULTS'"
    }
}
