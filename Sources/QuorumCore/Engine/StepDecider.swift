import QuorumRules

/// Applies a step's rules to its recorded results: quorum, the review of people kept, threshold per candidate (or
/// the body's own list), ranking within the cap, and, for the final list, structure targets and the limit on titles
/// per person. Pure: it reads the state and returns a decision, or refuses with everything that blocks it.
struct StepDecider {
    let definition: WorkflowDefinition
    let state: InstanceState
    let screen: EligibilityScreen
    /// Built when a decision first names someone: a step with nothing recorded is refused without it.
    private let people: Memo<PersonDirectory>
    var directory: PersonDirectory { people.value }
    /// Titles each person is planned for by other instances of the same cycle (by person key).
    var elsewhere: [String: Set<String>] = [:]
    /// False to see the ties as the vote left them, before any run-off or decision settled them.
    var settleTies = true

    init(definition: WorkflowDefinition, state: InstanceState, screen: EligibilityScreen? = nil, people: Memo<PersonDirectory>? = nil) {
        self.definition = definition
        self.state = state
        self.screen = screen ?? EligibilityScreen(definition: definition)
        self.people = people ?? Memo { PersonDirectory(definition: definition, roster: state.roster) }
    }

    func decide() throws(EngineError) -> StepDecision {
        guard let stepID = state.currentStep, let step = definition.step(stepID) else { throw .finished(state.id) }
        let body = definition.body(step.body)!
        guard let record = state.record else { throw .nothingRecorded(step: step.id, needs: Self.needs(step)) }
        if step.doubleEntry {
            guard let first = state.entries[1]?.record, let second = state.entries[2]?.record else {
                throw .nothingRecorded(step: step.id, needs: [.entry(state.entries[1] == nil ? 1 : 2)])
            }
            let differences = first.differences(from: second).map { change in
                guard case let .votes(title, person) = change.field else { return change }
                return RecordChange(field: .votes(title: title, person: directory.label(person)), before: change.before, after: change.after)
            }
            if !differences.isEmpty { throw .entriesDisagree(step: step.id, differences: differences) }
        }
        if let quorum = step.quorum {
            guard let present = record.present else { throw .missingCount(step: step.id, what: .membersPresent) }
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
            throw .nothingRecorded(step: step.id, needs: Self.needs(step))
        }
        var titles: [TitleOutcome] = []
        var ties: [TitleTie] = []
        var undecided: [String] = []
        // Each title is decided alone, so a province's titles are shared out among the cores; the first refusal in
        // the definition's order is the one given, as if they had been decided one by one.
        let results = definition.titles.concurrentMap(minimum: 64) { title in
            Result { () throws(EngineError) -> TitleResult? in
                let review = step.reviews ? try reviewKept(title, record: record, step: step) : nil
                if step.form.isBallot, step.listDecidedBy != nil, state.listDecisions[title.id] == nil { return nil }
                return try outcome(for: title, step: step, body: body, record: record, review: review)
            }
        }
        for (title, result) in zip(definition.titles, results) {
            switch try result.get() {
            case nil: undecided.append(title.id)
            case .settled(let outcome): titles.append(outcome)
            case .tied(let tie): ties.append(tie)
            }
        }
        if !undecided.isEmpty { throw .nothingRecorded(step: step.id, needs: [.listDecision(body: step.listDecidedBy!, titles: undecided)]) }
        if !ties.isEmpty { throw .ties(instance: state.id, step: step.id, ties: ties, settled: titles) }
        let quorumCheck = step.quorum.map { $0.check(record.present ?? 0, of: body.totalMembers) }
        if titles.allSatisfy({ $0.handedOn.isEmpty }), let path = step.transitions.first(where: { $0.when == .nobodyPasses }) {
            return StepDecision(step: step.id, attempt: state.attempt, outcome: .decided, quorum: quorumCheck, ballots: record.ballots,
                                titles: titles, guardTaken: .nobodyPasses, next: path.to)
        }
        if step.next == .end {
            if let full = titles.first(where: { $0.handedOn.count > max(0, $0.cap - $0.kept) }) {
                throw .overCap(step: step.id, title: full.title, passed: full.handedOn.count, free: max(0, full.cap - full.kept))
            }
            try checkKeptStillQualify()
            titles = try checkStructure(titles)
            titles = try checkPlanLimit(titles)
        }
        return StepDecision(step: step.id, attempt: state.attempt, outcome: .decided, quorum: quorumCheck, ballots: record.ballots,
                            titles: titles, guardTaken: nil, next: step.next)
    }

    /// The ties the vote left at the current step, before any run-off or decision settled them.
    func tiesBeforeSettling() -> [TitleTie] {
        var decider = self
        decider.settleTies = false
        do {
            _ = try decider.decide()
        } catch {
            if case .ties(_, _, let ties, _) = error { return ties }
        }
        return []
    }

    enum TitleResult {
        case settled(TitleOutcome)
        case tied(TitleTie)
    }

    /// The people kept in the plan for a title as things stand: after the review, if one was decided.
    func kept(_ title: Title) -> [String] { state.kept(title) }

    /// The candidate's findings, or a refusal when there is something to screen but no roster to screen it with.
    func screen(_ key: String, for title: Title, step: Step) throws(EngineError) -> [EligibilityScreen.Finding] {
        if state.roster == nil, !definition.eligibility(for: title).isEmpty { throw .rosterMissing(instance: state.id, step: step.id) }
        return screen.screen(key, for: title, directory: directory, rosterImported: state.roster != nil, overrides: state.overrides)
    }

    /// Each person already in the plan: screened, checked against the title they would hold, and kept or removed as
    /// the meeting decided. Keeping someone who fails a standard, or already holds the title, needs a reason.
    private func reviewKept(_ title: Title, record: StepRecord, step: Step) throws(EngineError) -> [ReviewOutcome] {
        var outcomes: [ReviewOutcome] = []
        var missing: [String] = []
        for person in title.kept {
            let findings = try screen(person, for: title, step: step)
            let appointed = holdsTitle(person, title)
            guard let entry = record.review?.last(where: { $0.title == title.id && directory.key($0.person) == person }) else {
                missing.append(person)
                continue
            }
            let reason = entry.reason.flatMap { $0.isEmpty ? nil : $0 }
            if entry.decision == .keep, reason == nil, findings.contains(where: \.blocks) || appointed {
                throw .keptNeedsReason(title: title.id, person: directory.label(person), findings: findings.filter(\.blocks),
                                       appointed: appointed)
            }
            outcomes.append(ReviewOutcome(person: person, decision: entry.decision, reason: reason, screening: findings, appointed: appointed))
        }
        if !missing.isEmpty { throw .nothingRecorded(step: step.id, needs: [.review(title: title.id, people: missing.map(directory.label))]) }
        return outcomes
    }

    /// The roster says the person now holds the planned title: the plan for it has been carried out.
    func holdsTitle(_ person: String, _ title: Title) -> Bool {
        guard let current = directory.entry(person)?.record?.currentTitle else { return false }
        let held = PersonDirectory.folded(current)
        return held == PersonDirectory.folded(title.name) || held == PersonDirectory.folded(title.id)
    }

    private func outcome(for title: Title, step: Step, body: Body, record: StepRecord,
                         review: [ReviewOutcome]?) throws(EngineError) -> TitleResult {
        let keptCount = review.map { $0.filter { $0.decision == .keep }.count } ?? kept(title).count
        func settled(_ candidates: [CandidateOutcome], _ handedOn: [String]) -> TitleResult {
            .settled(TitleOutcome(title: title.id, cap: title.cap, kept: keptCount, candidates: candidates, handedOn: handedOn, review: review))
        }
        guard step.form.isBallot else {
            var candidates: [CandidateOutcome] = []
            for key in (record.agreed(for: title.id) ?? []).map(directory.key) {
                let findings = try screen(key, for: title, step: step)
                candidates.append(CandidateOutcome(name: key, votes: nil, check: nil, rank: nil,
                                                   verdict: findings.contains(where: \.blocks) ? .ineligible : .agreed, screening: findings))
            }
            return settled(candidates, candidates.filter { $0.verdict == .agreed }.map(\.name))
        }
        let baseCount: Int?
        switch step.threshold?.base {
        case nil: baseCount = nil
        case .totalMembers: baseCount = body.totalMembers
        case .membersPresent:
            guard let present = record.present else { throw .missingCount(step: step.id, what: .membersPresent) }
            baseCount = present
        case .validBallots:
            guard let valid = record.validBallots else { throw .missingCount(step: step.id, what: .validBallots) }
            baseCount = valid
        }
        let recorded = (record.votes(for: title.id) ?? []).map { (name: directory.key($0.name), votes: $0.votes) }
        var names = (state.candidates?[title.id] ?? []).map(directory.key)
        let listed = Set(names)
        names += recorded.map(\.name).filter { !listed.contains($0) }
        let votes = Dictionary(recorded.map { ($0.name, $0.votes) }, uniquingKeysWith: { first, _ in first })
        let tallies = names.map { name in (name: name, votes: votes[name] ?? 0) }
        let checks = Dictionary(tallies.compactMap { tally in
            step.threshold.flatMap { rule in baseCount.map { (tally.name, rule.check(tally.votes, of: $0)) } }
        }, uniquingKeysWith: { $1 })
        if let decision = state.listDecisions[title.id] {
            return try chosenList(decision, title: title, step: step, tallies: tallies, checks: checks, settled: settled)
        }
        var findings: [String: [EligibilityScreen.Finding]] = [:]
        for tally in tallies where checks[tally.name]?.passes == true {
            findings[tally.name] = try screen(tally.name, for: title, step: step)
        }
        let eligible = { (name: String) in !(findings[name]?.contains(where: \.blocks) ?? false) }
        let passed = tallies.filter { checks[$0.name]?.passes == true && eligible($0.name) }
        let freePlaces = step.selection.map { _ in max(0, title.cap - keptCount) }
        var ranking = RankedSelection(candidates: passed, freePlaces: freePlaces)
        var tieBreaks: [String: TieBreak] = [:]
        if let tie = ranking.tie, let selection = step.selection, !settleTies {
            return .tied(TitleTie(title: title.id, tie: tie, rule: selection.ties, labels: tie.names.map(directory.label)))
        }
        if let tie = ranking.tie, let selection = step.selection {
            // A run-off's votes, or the body's recorded choice, order the tied candidates; never anything else.
            var order: [String: Int] = [:]
            if let decision = state.tieDecisions[title.id], selection.ties.allowsDecision {
                for (position, name) in decision.chosen.map(directory.key).enumerated() where tie.names.contains(name) {
                    order[name] = tie.names.count - position
                    tieBreaks[name] = TieBreak(method: .bodyDecision, reason: decision.reason)
                }
            } else if selection.ties.allowsRunOff {
                for candidate in state.runOff?.votes(for: title.id) ?? [] where tie.names.contains(directory.key(candidate.name)) {
                    order[directory.key(candidate.name)] = candidate.votes
                    tieBreaks[directory.key(candidate.name)] = TieBreak(method: .runOff, votes: candidate.votes)
                }
            }
            ranking = RankedSelection(candidates: passed, freePlaces: freePlaces, tieBreak: order)
            if let remaining = ranking.tie {
                return .tied(TitleTie(title: title.id, tie: remaining, rule: selection.ties, labels: remaining.names.map(directory.label)))
            }
        }
        var candidates = ranking.entries.map { entry in
            CandidateOutcome(name: entry.name, votes: entry.votes, check: checks[entry.name], rank: entry.rank,
                             verdict: entry.selected ? .selected : .passedNotSelected, screening: findings[entry.name] ?? [],
                             tieBreak: tieBreaks[entry.name])
        }
        let passedNames = Set(passed.map(\.name))
        candidates += tallies.filter { !passedNames.contains($0.name) }.sorted { $0.votes > $1.votes }.map {
            CandidateOutcome(name: $0.name, votes: $0.votes, check: checks[$0.name], rank: nil,
                             verdict: checks[$0.name]?.passes == true ? .ineligible : .failed, screening: findings[$0.name] ?? [])
        }
        return settled(candidates, ranking.selected)
    }

    /// A ballot whose counts inform the body's own list: the people it chose, in its order, each screened; anyone
    /// chosen below the step's reference threshold needs the decision's reason.
    private func chosenList(_ decision: ListDecision, title: Title, step: Step, tallies: [(name: String, votes: Int)],
                            checks: [String: ThresholdCheck],
                            settled: ([CandidateOutcome], [String]) -> TitleResult) throws(EngineError) -> TitleResult {
        let chosen = decision.chosen.map(directory.key)
        let below = chosen.filter { checks[$0]?.passes == false }
        if !below.isEmpty, (decision.reason ?? "").isEmpty {
            throw .belowReferenceWithoutReason(step: step.id, title: title.id, people: below.map(directory.label))
        }
        var candidates: [CandidateOutcome] = []
        for (position, key) in chosen.enumerated() {
            let findings = try screen(key, for: title, step: step)
            candidates.append(CandidateOutcome(name: key, votes: tallies.first { $0.name == key }?.votes, check: checks[key],
                                               rank: position + 1, verdict: findings.contains(where: \.blocks) ? .ineligible : .agreed,
                                               screening: findings))
        }
        candidates += tallies.filter { !chosen.contains($0.name) }.sorted { $0.votes > $1.votes }.map {
            CandidateOutcome(name: $0.name, votes: $0.votes, check: checks[$0.name], rank: nil, verdict: .notChosen)
        }
        return settled(candidates, candidates.filter { $0.verdict == .agreed }.map(\.name))
    }

    /// Before the final list: everyone kept must still meet the standards, unless the review kept them with a reason
    /// or an override lets them through.
    private func checkKeptStillQualify() throws(EngineError) {
        for title in definition.titles {
            let reviewed = Set(state.reviews(title.id).filter { $0.decision == .keep && $0.reason != nil }.map(\.person))
            for person in kept(title) where !reviewed.contains(person) {
                let findings = screen.screen(person, for: title, directory: directory, rosterImported: state.roster != nil,
                                             overrides: state.overrides)
                let blocking = findings.filter(\.blocks)
                if !blocking.isEmpty || (holdsTitle(person, title) && !state.overrides.contains { $0.person == person }) {
                    throw .keptNeedsReason(title: title.id, person: directory.label(person), findings: blocking,
                                           appointed: holdsTitle(person, title))
                }
            }
        }
    }

    /// Structure targets on each title's final list (kept and added people); a binding miss without an override refuses.
    private func checkStructure(_ titles: [TitleOutcome]) throws(EngineError) -> [TitleOutcome] {
        guard !definition.structure.isEmpty else { return titles }
        var checked: [TitleOutcome] = []
        for var outcome in titles {
            guard let title = definition.title(outcome.title) else { continue }
            let keys = kept(title) + outcome.handedOn
            let people = keys.map { key in directory.entry(key)?.record ?? RosterPerson(id: key, name: directory.label(key)) }
            outcome.structure = screen.structure(of: people, for: title)
            let missed = definition.structure.filter(\.binding).compactMap { rule in
                outcome.structure.first { $0.rule == rule.id && !$0.passed }
            }.filter { finding in !state.overrides.contains { $0.person == title.id && $0.rule == finding.rule } }
            if !missed.isEmpty { throw .structureNotMet(instance: state.id, title: title.id, findings: missed) }
            checked.append(outcome)
        }
        return checked
    }

    /// No one may be planned for more titles than the rule set allows: the roster's plans, this instance's titles and
    /// the other instances of the cycle together. An override (rule `titles-per-person`) lets one through.
    private func checkPlanLimit(_ titles: [TitleOutcome]) throws(EngineError) -> [TitleOutcome] {
        guard let limit = definition.titlesPerPerson else { return titles }
        let byID = Dictionary(definition.titles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var here: [String: Set<String>] = [:]
        for outcome in titles {
            guard let title = byID[outcome.title] else { continue }
            for key in kept(title) + outcome.handedOn { here[key, default: []].insert(title.name) }
        }
        var loads: [String: PlanLoad] = [:]
        for (key, titleNames) in here {
            let load = plannedTitles(key, adding: titleNames)
            guard load.count > limit else { continue }
            loads[key] = PlanLoad(person: key, titles: load, limit: limit,
                                  overriddenBecause: state.overrides.last { $0.person == key && $0.rule == Override.titleLimit }?.reason)
        }
        let blocking = loads.values.filter { $0.overriddenBecause == nil }.sorted { $0.person < $1.person }
        if !blocking.isEmpty {
            throw .overLimit(blocking.map { PlanLoad(person: directory.label($0.person), titles: $0.titles, limit: $0.limit, overriddenBecause: nil) })
        }
        return titles.map { outcome in
            var outcome = outcome
            let people = (byID[outcome.title].map(kept) ?? []) + outcome.handedOn
            let over = people.compactMap { loads[$0] }
            outcome.overLimit = over.isEmpty ? nil : over
            return outcome
        }
    }

    /// The distinct titles a person would be planned for: the roster's, other instances', and `adding`.
    func plannedTitles(_ key: String, adding: Set<String>) -> [String] {
        let names = (directory.entry(key)?.record?.plannedTitles ?? []) + (elsewhere[key].map(Array.init) ?? []) + adding.sorted()
        guard names.count > 1 else { return names }  // most people of a province's step: one title, nothing to compare
        var seen: [String: String] = [:]
        for name in names {
            let folded = PersonDirectory.folded(name)
            if seen[folded] == nil { seen[folded] = name }
        }
        return seen.values.sorted()
    }

    /// What the user must record before the step can be decided.
    static func needs(_ step: Step) -> [EngineError.Need] {
        [.results(step: step.id, present: step.quorum != nil || step.threshold?.base == .membersPresent,
                  validBallots: step.threshold?.base == .validBallots, ballot: step.form.isBallot)]
    }
}

/// Candidates tied for the last places of one title, and what the selection rule allows to settle it.
public struct TitleTie: Sendable, Equatable {
    public let title: String
    public let tie: RankedSelection.Tie
    public let rule: TieRule
    /// The tied people as messages name them.
    public let labels: [String]
}
