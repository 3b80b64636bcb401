/// Where an instance stands, folded from its events. Nothing here is stored; it is always derived.
public struct InstanceState: Sendable {
    /// What has been recorded for one meeting (a step's latest attempt). Kept when the step is decided, so that a
    /// reopened step, and the steps after it, are decided again from the same, or corrected, results.
    public struct StepResults: Sendable {
        public internal(set) var attempt: Int
        /// The latest results (entry 1 when entered twice).
        public internal(set) var record: StepRecord?
        /// Double entry: each entry with who made it.
        public internal(set) var entries: [Int: (record: StepRecord, actor: String)] = [:]
        public internal(set) var runOff: StepRecord?
        public internal(set) var tieDecisions: [String: TieDecision] = [:]
        public internal(set) var listDecisions: [String: ListDecision] = [:]
    }

    public let id: String
    public let workflow: String
    public private(set) var definitionHash: String = ""
    public private(set) var revision = 0
    /// The hash of the last event, which the next event must carry as its previous hash.
    public private(set) var lastHash = EventChain.origin
    /// Whether any event so far is signed: from then on every command must sign, or the history would not verify.
    public private(set) var isSigned = false
    /// The step waiting for results, or nil once the procedure has ended.
    public private(set) var currentStep: String?
    /// How many times the current step has been held (quorum failures hold it again).
    public private(set) var attempt = 1
    /// Results per step, for the step's latest attempt.
    public private(set) var results: [String: StepResults] = [:]
    /// The membership snapshot taken when the current step opened.
    public private(set) var opening: StepOpening?
    /// A new time for the current step's meeting, when it was moved.
    public private(set) var rescheduled: Rescheduling?
    /// Moves of every step's meetings, latest last, for timelines.
    public private(set) var moves: [Rescheduling] = []
    /// The candidates handed to the current step per title (person keys); nil when the step is open to any name.
    public private(set) var candidates: [String: [String]]?
    /// The decisions that stand, in order. A reopening sets aside the decisions from the reopened step on.
    public private(set) var decisions: [StepDecision] = []
    public private(set) var roster: Roster?
    public private(set) var overrides: [Override] = []

    public var isFinished: Bool { currentStep == nil && revision > 0 }

    /// The current step's results.
    public var current: StepResults? { currentStep.flatMap { results[$0] }.flatMap { $0.attempt == attempt ? $0 : nil } }
    public var record: StepRecord? { current?.record }
    public var entries: [Int: (record: StepRecord, actor: String)] { current?.entries ?? [:] }
    public var runOff: StepRecord? { current?.runOff }
    public var tieDecisions: [String: TieDecision] { current?.tieDecisions ?? [:] }
    public var listDecisions: [String: ListDecision] { current?.listDecisions ?? [:] }

    public init(id: String, workflow: String, events: [Event], firstStep: String?) {
        self.id = id
        self.workflow = workflow
        currentStep = firstStep
        for event in events { apply(event) }
    }

    /// The state as it would be after more events, e.g. to check a command before its events are stored.
    public func applying(_ events: [Event]) -> InstanceState {
        var state = self
        for event in events { state.apply(event) }
        return state
    }

    private mutating func apply(_ event: Event) {
        revision = event.sequence
        lastHash = event.hash
        if event.signature != nil { isSigned = true }
        switch event.payload {
        case .started(let started):
            definitionHash = started.definitionHash
        case .migrated(let migration):
            definitionHash = migration.toHash
        case .recorded(let record):
            store(record, actor: event.actor)
        case .corrected(let correction):
            store(correction.record, actor: event.actor)
        case .rosterImported(let roster):
            self.roster = roster
        case .overridden(let override):
            overrides.append(override)
        case .tieDecided(let decision):
            if let step = currentStep { update(step) { $0.tieDecisions[decision.title] = decision } }
        case .listDecided(let decision):
            update(decision.step) { $0.listDecisions[decision.title] = decision }
        case .opened(let opening):
            self.opening = opening
            rescheduled = nil
        case .rescheduled(let rescheduling):
            rescheduled = rescheduling
            moves.append(rescheduling)
        case .reopened(let reopening):
            reopen(reopening.step)
        case .advanced(let decision):
            decisions.append(decision)
            if decision.outcome == .quorumNotMet, decision.next == .step(decision.step) {
                attempt += 1
                return
            }
            attempt = 1
            if decision.outcome == .decided {
                candidates = Dictionary(decision.titles.map { ($0.title, $0.handedOn) }, uniquingKeysWith: { $1 })
            }
            if case .step(let id) = decision.next {
                currentStep = id
                attempt = results[id]?.attempt ?? 1
            } else {
                currentStep = nil
            }
        }
    }

    private mutating func store(_ record: StepRecord, actor: String) {
        update(record.step, attempt: record.attempt) { results in
            if record.runOff {
                results.runOff = record
            } else {
                if let entry = record.entry { results.entries[entry] = (record, actor) }
                if record.entry ?? 1 == 1 { results.record = record }
            }
        }
    }

    /// Changes a step's results, starting afresh when they belong to a new attempt (a meeting held again).
    private mutating func update(_ step: String, attempt: Int? = nil, _ change: (inout StepResults) -> Void) {
        let attempt = attempt ?? (step == currentStep ? self.attempt : results[step]?.attempt ?? 1)
        var entry = results[step].flatMap { $0.attempt == attempt ? $0 : nil } ?? StepResults(attempt: attempt)
        change(&entry)
        results[step] = entry
    }

    /// Back to a decided step: its decision and every later one no longer stand; its results stay, to be corrected.
    private mutating func reopen(_ step: String) {
        guard let index = decisions.lastIndex(where: { $0.step == step && $0.outcome == .decided }) else { return }
        let kept = Array(decisions[..<index])
        decisions = kept
        currentStep = step
        attempt = results[step]?.attempt ?? 1
        let last = kept.last { $0.outcome == .decided }
        candidates = last.map { Dictionary($0.titles.map { ($0.title, $0.handedOn) }, uniquingKeysWith: { $1 }) }
        rescheduled = moves.last { $0.step == step && $0.attempt == attempt }
    }

    /// The final list per title once the procedure has ended: the people handed on by the last decision.
    public var added: [String: [String]]? {
        guard isFinished, let last = decisions.last else { return nil }
        return Dictionary(last.titles.map { ($0.title, $0.handedOn) }, uniquingKeysWith: { $1 })
    }

    /// The people kept in the plan for a title after the review, when a review has been decided.
    public func kept(_ title: String) -> [String]? {
        decisions.lazy.compactMap { $0.titles.first { $0.title == title }?.review }.last.map { reviews in
            reviews.filter { $0.decision == .keep }.map(\.person)
        }
    }

    /// The people a title keeps in the plan: as the review decided, else as the definition lists them.
    public func kept(_ title: Title) -> [String] { kept(title.id) ?? title.kept }

    /// Every review decision that stands, per title.
    public func reviews(_ title: String) -> [ReviewOutcome] {
        decisions.lazy.compactMap { $0.titles.first { $0.title == title }?.review }.last ?? []
    }
}
