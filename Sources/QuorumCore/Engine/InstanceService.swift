import Foundation
import Logging

/// Runs commands against instances: loads the history, checks the pin, asks the engine, and appends the result
/// in one atomic step guarded by the revision it read. A refused command stores nothing.
public struct InstanceService: Sendable {
    public let store: any InstanceStore
    public let actor: String
    public let clock: @Sendable () -> Date
    private let logger = Logger(label: "quorum.engine")

    public init(store: any InstanceStore, actor: String, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.actor = actor
        self.clock = clock
    }

    /// Starts an instance of a runnable definition. Its id is the workflow id with a running number; if another
    /// command takes the number first, the next one is tried.
    public func start(_ definition: WorkflowDefinition) throws -> InstanceState {
        let pinned = PinnedDefinition(definition)
        var number = try store.instances().filter { $0.workflow == definition.id }.count + 1
        while true {
            let header = InstanceHeader(id: "\(definition.id)-\(number)", workflow: definition.id, createdAt: clock())
            let event = Event(sequence: 1, at: header.createdAt, actor: actor,
                              payload: .started(Started(workflow: definition.id, definitionHash: pinned.hash)),
                              previousHash: EventChain.origin)
            var events = [event]
            if let first = definition.steps.first {
                events.append(Event(sequence: 2, at: header.createdAt, actor: actor, payload: .opened(Self.opening(first, attempt: 1, in: definition)),
                                    previousHash: event.hash))
            }
            do {
                try store.create(header, definition: pinned, events: events)
            } catch EngineError.duplicateInstance {
                number += 1
                continue
            }
            logger.debug("started \(header.id) pinned to \(pinned.hash)")
            return InstanceState(id: header.id, workflow: definition.id, events: events, firstStep: definition.steps.first?.id)
        }
    }

    /// An instance as stored: its events, the state derived from them, and the definition it is pinned to.
    public struct Loaded: Sendable {
        public let events: [Event]
        public let state: InstanceState
        public let definition: WorkflowDefinition
        public let pinned: PinnedDefinition
    }

    /// The instance and the definition it is pinned to, whatever the YAML says now.
    public func load(_ id: String) throws -> Loaded {
        guard let log = try store.load(id) else {
            throw EngineError.unknownInstance(id, known: try store.instances().map(\.id))
        }
        let hash = log.events.reduce("") { hash, event in
            switch event.payload {
            case .started(let started): started.definitionHash
            case .migrated(let migration): migration.toHash
            default: hash
            }
        }
        let pinned = PinnedDefinition(hash: hash, json: log.definitions[hash] ?? Data())
        let definition = try pinned.definition()
        let state = InstanceState(id: id, workflow: log.header.workflow, events: log.events, firstStep: definition.steps.first?.id)
        return Loaded(events: log.events, state: state, definition: definition, pinned: pinned)
    }

    /// Records a step's results after checking them. Returns warnings worth showing.
    public func record(_ record: StepRecord, in id: String, current: WorkflowDefinition) throws -> [RecordProblem] {
        let loaded = try loadPinned(id, current: current)
        let (checked, warnings) = try RecordCheck(definition: loaded.definition, state: loaded.state, actor: actor).check(record)
        try append(.recorded(checked), to: loaded.state)
        return warnings
    }

    /// Decides the current step and moves on, or refuses and stores nothing.
    public func advance(_ id: String, current: WorkflowDefinition) throws -> (StepDecision, InstanceState) {
        let loaded = try loadPinned(id, current: current)
        let decision = try StepDecider(definition: loaded.definition, state: loaded.state).decide()
        let advanced = Event(sequence: loaded.state.revision + 1, at: clock(), actor: actor, payload: .advanced(decision),
                             previousHash: loaded.state.lastHash)
        var events = [advanced]
        if case .step(let next) = decision.next, let step = loaded.definition.step(next) {
            let attempt = next == decision.step ? decision.attempt + 1 : 1
            events.append(Event(sequence: advanced.sequence + 1, at: advanced.at, actor: actor,
                                payload: .opened(Self.opening(step, attempt: attempt, in: loaded.definition)), previousHash: advanced.hash))
        }
        try store.append(events, to: id, expectedRevision: loaded.state.revision, definitions: [])
        let state = InstanceState(id: id, workflow: loaded.state.workflow, events: loaded.events + events,
                                  firstStep: loaded.definition.steps.first?.id)
        return (decision, state)
    }

    /// Imports (or replaces) the roster the instance screens candidates with.
    public func importRoster(_ roster: Roster, into id: String, current: WorkflowDefinition) throws {
        let loaded = try loadPinned(id, current: current)
        guard !loaded.state.isFinished else { throw EngineError.finished(id) }
        try append(.rosterImported(roster), to: loaded.state)
    }

    /// Records a decision to let a person through a rule they fail (or a title's list through a structure target).
    public func recordOverride(_ override: Override, in id: String, current: WorkflowDefinition) throws {
        let loaded = try loadPinned(id, current: current)
        guard !loaded.state.isFinished else { throw EngineError.finished(id) }
        let rules = [Override.notInRoster] + (current.eligibility + current.titles.flatMap(\.eligibility) + current.structure).map(\.id)
        guard rules.contains(override.rule) else { throw EngineError.unknownRule(override.rule, known: rules) }
        try append(.overridden(override), to: loaded.state)
    }

    /// Records the body's decision on candidates tied for the last place of a title.
    public func decideTie(_ decision: TieDecision, in id: String, current: WorkflowDefinition) throws {
        let loaded = try loadPinned(id, current: current)
        guard !loaded.state.isFinished else { throw EngineError.finished(id) }
        guard current.title(decision.title) != nil else {
            throw EngineError.invalidRecord(step: loaded.state.currentStep ?? "", problems: [RecordProblem(.title(decision.title), "unknown title '\(decision.title)'")])
        }
        try append(.tieDecided(decision), to: loaded.state)
    }

    /// Re-pins an instance to the current definition, on purpose, recording what changed and why.
    public func migrate(_ id: String, to current: WorkflowDefinition, reason: String) throws -> [String] {
        let loaded = try load(id)
        let target = PinnedDefinition(current)
        guard target.hash != loaded.pinned.hash else { throw EngineError.definitionUnchanged(instance: id) }
        if let step = loaded.state.currentStep, current.step(step) == nil {
            throw EngineError.unknownStep(step, known: current.steps.map(\.id))
        }
        let changes = loaded.pinned.changes(to: target)
        try append(.migrated(Migration(fromHash: loaded.pinned.hash, toHash: target.hash, reason: reason, changes: changes)),
                   to: loaded.state, definitions: [target])
        return changes
    }

    /// Moves the current step's meeting, e.g. after a missed quorum, recording why.
    public func reschedule(_ id: String, to meets: MeetingTime, place: String?, reason: String, current: WorkflowDefinition) throws {
        let loaded = try loadPinned(id, current: current)
        guard let step = loaded.state.currentStep else { throw EngineError.finished(id) }
        try append(.rescheduled(Rescheduling(step: step, attempt: loaded.state.attempt, meets: meets, place: place, reason: reason)),
                   to: loaded.state)
    }

    /// The body's membership as it stands when a step opens, for the record.
    static func opening(_ step: Step, attempt: Int, in definition: WorkflowDefinition) -> StepOpening {
        let body = definition.body(step.body)
        return StepOpening(step: step.id, attempt: attempt, body: step.body,
                           members: (body?.members ?? []).map { member in
                               definition.personName(member.person) + (member.role.map { " (\($0))" } ?? "")
                           },
                           unnamedCount: body?.unnamedCount ?? 0)
    }

    /// Recomputes the instance's hash chain; nil when the history is intact.
    public func verify(_ id: String) throws -> EventChain.Problem? {
        guard let log = try store.load(id) else { throw EngineError.unknownInstance(id, known: try store.instances().map(\.id)) }
        return EventChain.verify(log)
    }

    /// What the engine needs recorded before the current step can advance.
    public func needed(_ state: InstanceState, definition: WorkflowDefinition) -> String? {
        guard let id = state.currentStep, let step = definition.step(id) else { return nil }
        if state.record == nil { return StepDecider.needed(for: step, in: definition, instance: state.id) }
        if step.doubleEntry, let missing = [1, 2].first(where: { state.entries[$0] == nil }) {
            return "entry \(missing) of the results, by a different person than entry \(3 - missing): 'quorum record \(state.id) \(step.id) --entry \(missing) …'"
        }
        return "results are recorded; run 'quorum advance \(state.id)' to decide the step"
    }

    /// Loads the instance and refuses if the definition it is pinned to no longer matches the current one.
    private func loadPinned(_ id: String, current: WorkflowDefinition) throws -> Loaded {
        let loaded = try load(id)
        if loaded.definition != current {
            throw EngineError.definitionChanged(instance: id, changes: loaded.pinned.changes(to: PinnedDefinition(current)))
        }
        return loaded
    }

    @discardableResult
    private func append(_ payload: EventPayload, to state: InstanceState, definitions: [PinnedDefinition] = []) throws -> Event {
        let event = Event(sequence: state.revision + 1, at: clock(), actor: actor, payload: payload, previousHash: state.lastHash)
        try store.append([event], to: state.id, expectedRevision: state.revision, definitions: definitions)
        logger.debug("\(state.id): \(payload.kind) at revision \(event.sequence)")
        return event
    }
}
