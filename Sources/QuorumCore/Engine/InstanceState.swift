/// Where an instance stands, folded from its events. Nothing here is stored; it is always derived.
public struct InstanceState: Sendable {
    public let id: String
    public let workflow: String
    public private(set) var definitionHash: String = ""
    public private(set) var revision = 0
    /// The hash of the last event, which the next event must carry as its previous hash.
    public private(set) var lastHash = EventChain.origin
    /// The step waiting for results, or nil once the procedure has ended.
    public private(set) var currentStep: String?
    /// How many times the current step has been held (quorum failures hold it again).
    public private(set) var attempt = 1
    /// The latest results recorded for the current step and attempt (entry 1 when entered twice).
    public private(set) var record: StepRecord?
    /// Double entry: each entry of the current step and attempt, with who made it.
    public private(set) var entries: [Int: (record: StepRecord, actor: String)] = [:]
    /// Results of the latest run-off for the current step and attempt.
    public private(set) var runOff: StepRecord?
    /// The body's decisions on ties for the current step, by title.
    public private(set) var tieDecisions: [String: TieDecision] = [:]
    /// The membership snapshot taken when the current step opened.
    public private(set) var opening: StepOpening?
    /// A new time for the current step's meeting, when it was moved.
    public private(set) var rescheduled: Rescheduling?
    /// The candidates handed to the current step per title; nil when the step is open to any name.
    public private(set) var candidates: [String: [String]]?
    public private(set) var decisions: [StepDecision] = []
    public private(set) var roster: Roster?
    public private(set) var overrides: [Override] = []

    public var isFinished: Bool { currentStep == nil && revision > 0 }

    public init(id: String, workflow: String, events: [Event], firstStep: String?) {
        self.id = id
        self.workflow = workflow
        currentStep = firstStep
        for event in events { apply(event) }
    }

    private mutating func apply(_ event: Event) {
        revision = event.sequence
        lastHash = event.hash
        switch event.payload {
        case .started(let started):
            definitionHash = started.definitionHash
        case .migrated(let migration):
            definitionHash = migration.toHash
        case .recorded(let record):
            if record.runOff {
                runOff = record
            } else {
                if let entry = record.entry { entries[entry] = (record, event.actor) }
                if record.entry ?? 1 == 1 { self.record = record }
            }
        case .rosterImported(let roster):
            self.roster = roster
        case .overridden(let override):
            overrides.append(override)
        case .tieDecided(let decision):
            tieDecisions[decision.title] = decision
        case .opened(let opening):
            self.opening = opening
            rescheduled = nil
        case .rescheduled(let rescheduling):
            rescheduled = rescheduling
        case .advanced(let decision):
            decisions.append(decision)
            record = nil
            entries = [:]
            runOff = nil
            tieDecisions = [:]
            if decision.outcome == .quorumNotMet, decision.next == .step(decision.step) {
                attempt += 1
                return
            }
            attempt = 1
            if decision.outcome == .decided {
                candidates = Dictionary(uniqueKeysWithValues: decision.titles.map { ($0.title, $0.handedOn) })
            }
            if case .step(let id) = decision.next { currentStep = id } else { currentStep = nil }
        }
    }

    /// The final list per title once the procedure has ended: the people handed on by the last decision.
    public var added: [String: [String]]? {
        guard isFinished, let last = decisions.last else { return nil }
        return Dictionary(uniqueKeysWithValues: last.titles.map { ($0.title, $0.handedOn) })
    }
}
