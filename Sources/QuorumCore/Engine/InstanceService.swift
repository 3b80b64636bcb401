import Foundation
import Logging

/// Runs commands against instances: loads the history, checks the pin, asks the engine, and appends the result
/// in one atomic step guarded by the revision it read. Every command computes all it will store first; a refused
/// command stores nothing.
public struct InstanceService: Sendable {
    public let store: any InstanceStore
    public let actor: String
    public let clock: @Sendable () -> Date
    /// Whether a meeting that follows another track's step waits for it. A simulation of one track runs alone, so
    /// it has no other track to wait for.
    public var enforcesOrderAcrossTracks = true
    /// The account of the machine the command runs under, kept with entered results beside the actor label.
    public var systemUser: String?
    /// The key the command signs its events with (the last event of each command), asked for only when it writes;
    /// nil writes unsigned events.
    public var signingKey: (@Sendable () throws -> SigningKey)?
    /// The keys whose signatures are trusted; nil accepts any signature that is its signer's.
    public var keyring: Keyring?
    private let logger = Logger(label: "quorum.engine")

    public init(store: any InstanceStore, actor: String, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.actor = actor
        self.clock = clock
    }

    /// The same service for another actor (a second clerk at the same desk), with its store, key, keyring and settings.
    public func acting(as actor: String) -> InstanceService {
        var other = InstanceService(store: store, actor: actor, clock: clock)
        other.enforcesOrderAcrossTracks = enforcesOrderAcrossTracks
        other.systemUser = systemUser
        other.signingKey = signingKey
        other.keyring = keyring
        return other
    }

    /// Starts an instance of a runnable definition. Its id is the workflow id with a running number; if another
    /// command takes the number first, the next one is tried. A workflow with an instance still running is refused
    /// unless `another` says a second run is meant.
    public func start(_ definition: WorkflowDefinition, another: Bool = false) throws -> InstanceState {
        let pinned = PinnedDefinition(definition)
        let existing = try store.instances().filter { $0.workflow == definition.id }
        if !another {
            let running = try existing.map(\.id).filter { try !load($0).state.isFinished }
            if !running.isEmpty { throw EngineError.runningInstance(workflow: definition.id, instances: running) }
        }
        var number = existing.count + 1
        while true {
            let header = InstanceHeader(id: "\(definition.id)-\(number)", workflow: definition.id, createdAt: clock())
            let event = Event(sequence: 1, at: header.createdAt, actor: actor,
                              payload: .started(Started(workflow: definition.id, definitionHash: pinned.hash)),
                              previousHash: EventChain.origin(for: header.id))
            var events = [event]
            if let first = definition.steps.first {
                events.append(Event(sequence: 2, at: header.createdAt, actor: actor, payload: .opened(Self.opening(first, attempt: 1, in: definition)),
                                    previousHash: event.hash))
            }
            events = try signed(events, after: InstanceState(id: header.id, workflow: definition.id, events: [], firstStep: nil))
            let state = InstanceState(id: header.id, workflow: definition.id, events: events, firstStep: definition.steps.first?.id)
            do {
                try store.create(header, definition: pinned, events: events, summary: StateSummary(state, definition: definition))
            } catch EngineError.duplicateInstance {
                number += 1
                continue
            }
            logger.debug("started \(header.id) pinned to \(pinned.hash)")
            return state
        }
    }

    /// The stored history of an instance, refused when its chain does not verify: no command reports or decides from
    /// a history that was tampered with.
    private func verifiedLog(_ id: String) throws -> InstanceLog {
        guard let log = try store.load(id) else {
            throw EngineError.unknownInstance(id, known: try store.instances().map(\.id), store: store.location)
        }
        if let problem = try EventChain.verify(log, trusting: keyring) ?? store.protectionProblem() { throw EngineError.tampered(instance: id, problem: problem) }
        return log
    }

    /// An instance as stored: its events, the state derived from them, and the definition it is pinned to.
    public struct Loaded: Sendable {
        public let events: [Event]
        public let state: InstanceState
        public let definition: WorkflowDefinition
        public let pinned: PinnedDefinition

        private let people: Memo<PersonDirectory>
        private let rules: Memo<EligibilityScreen>

        /// Everyone the instance can name, keyed by id: built when first asked for (a command that names nobody, on
        /// an instance with a large roster, never builds it), then kept.
        public var directory: PersonDirectory { people.value }
        /// The definition's eligibility rules, compiled once per pinned definition in the process.
        var screen: EligibilityScreen { rules.value }

        init(events: [Event], state: InstanceState, pinned: PinnedDefinition, compiled: CompiledDefinitions.Compiled) {
            self.events = events
            self.state = state
            definition = compiled.definition
            self.pinned = pinned
            rules = compiled.screen
            people = Memo { [definition] in PersonDirectory(definition: definition, roster: state.roster) }
        }

        /// A decider for the current step, with the rules and people already made for this instance.
        var decider: StepDecider { StepDecider(definition: definition, state: state, screen: screen, people: people) }

        /// A check of results entered into `state` (this instance's, or one a correction reopened first).
        func recordCheck(of state: InstanceState, actor: String) -> RecordCheck {
            RecordCheck(definition: definition, state: state, actor: actor, screen: screen, directory: directory)
        }
    }

    /// The instance and the definition it is pinned to, whatever the YAML says now.
    public func load(_ id: String) throws -> Loaded {
        let log = try verifiedLog(id)
        let hash = log.events.last(where: { $0.payload.pinnedHash != nil })?.payload.pinnedHash ?? ""
        let pinned = PinnedDefinition(hash: hash, json: log.definitions[hash] ?? Data())
        let compiled = try CompiledDefinitions.shared.compiled(pinned)
        let state = InstanceState(id: id, workflow: log.header.workflow, events: log.events, firstStep: compiled.definition.steps.first?.id)
        return Loaded(events: log.events, state: state, pinned: pinned, compiled: compiled)
    }

    /// Records a step's results after checking them. Returns warnings worth showing. A meeting that follows another
    /// track's step is refused until that step has ended, unless `outOfOrder` gives the reason.
    public func record(_ record: StepRecord, in id: String, current: WorkflowDefinition) throws -> [RecordProblem] {
        let loaded = try loadPinned(id, current: current)
        var (checked, warnings) = try loaded.recordCheck(of: loaded.state, actor: actor).check(record)
        checked.enteredBy = systemUser
        try checkOrder(checked, definition: loaded.definition)
        try checkTimeline(loaded)
        try append([.recorded(checked)], to: loaded.state, in: loaded.definition)
        return warnings
    }

    /// The current meeting may not be recorded as held before the meeting it follows, as it would be when that one
    /// was moved later: the records would show an impossible timeline.
    private func checkTimeline(_ loaded: Loaded) throws {
        let steps = loaded.definition.steps
        guard let current = loaded.state.currentStep, let index = steps.firstIndex(where: { $0.id == current }), index > 0,
              let meets = Self.time(of: steps[index], in: loaded.state) else { return }
        if let held = Self.time(of: steps[index - 1], in: loaded.state), meets < held {
            throw EngineError.movedBeforePrevious(step: current, previous: steps[index - 1].id, previousTime: held)
        }
    }

    /// When a step meets: where it was last moved to, else its planned time.
    static func time(of step: Step, in state: InstanceState) -> MeetingTime? {
        state.moves.last { $0.step == step.id }?.meets ?? step.meets
    }

    /// Why the current step cannot be decided now, as `advance` would refuse; nil when it can.
    public func blocker(_ loaded: Loaded) -> Error? {
        do {
            _ = try decider(loaded).decide()
            return nil
        } catch {
            return error
        }
    }

    /// A decider that knows what other instances of the same cycle have planned, for the limit on titles per person.
    func decider(_ loaded: Loaded) throws -> StepDecider {
        var decider = loaded.decider
        guard loaded.definition.titlesPerPerson != nil else { return decider }
        for facts in try facts(of: try store.instances().filter { $0.id != loaded.state.id }) where facts.sameCycle(as: loaded.definition) {
            for (key, titles) in facts.planned { decider.elsewhere[key, default: []].formUnion(titles) }
        }
        return decider
    }

    /// Imports (or replaces) the roster the instance screens candidates with.
    public func importRoster(_ roster: Roster, into id: String, current: WorkflowDefinition) throws {
        let loaded = try loadPinned(id, current: current)
        guard !loaded.state.isFinished else { throw EngineError.finished(id) }
        try append([.rosterImported(roster)], to: loaded.state, in: loaded.definition)
    }

    /// Records a decision to let a person through a rule they fail (or a title's list through a structure target).
    /// The person must be a person of the instance, and the rule one that applies.
    public func recordOverride(_ override: Override, in id: String, current: WorkflowDefinition) throws -> Override {
        let loaded = try loadPinned(id, current: current)
        guard !loaded.state.isFinished else { throw EngineError.finished(id) }
        guard !override.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw EngineError.emptyReason }
        let structure = current.structure.map(\.id)
        let personRules = [Override.notInRoster, Override.titleLimit] + (current.eligibility + current.titles.flatMap(\.eligibility)).map(\.id)
        guard (personRules + structure).contains(override.rule) else { throw EngineError.unknownRule(override.rule, known: personRules + structure) }
        let subject: String
        if structure.contains(override.rule) {
            guard current.title(override.person) != nil else { throw EngineError.unknownPerson(override.person, likely: Suggestion.closest(to: override.person, in: current.titles.map(\.id)).map { [$0] } ?? []) }
            subject = override.person
        } else {
            subject = try person(override.person, in: loaded)
        }
        let stored = Override(person: subject, rule: override.rule, reason: override.reason)
        try append([.overridden(stored)], to: loaded.state, in: loaded.definition)
        return stored
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
        guard !loaded.state.isFinished else { throw EngineError.frozenPast(instance: id, steps: [], changes: changes) }
        // What was recorded about a meeting that was held is frozen: a migration may change only steps not yet held.
        let held = Set(loaded.state.results.keys).union(loaded.state.decisions.map(\.step))
        let touched = held.filter { step in changes.contains { $0.contains("steps[\(step)]") } }.sorted()
        if !touched.isEmpty {
            throw EngineError.frozenPast(instance: id, steps: touched, changes: changes.filter { line in touched.contains { line.contains("steps[\($0)]") } })
        }
        try append([.migrated(Migration(fromHash: loaded.pinned.hash, toHash: target.hash, reason: reason, changes: changes))],
                   to: loaded.state, in: current, definitions: [target])
        return changes
    }

    /// Moves the current step's meeting, e.g. after a missed quorum, recording why. A meeting cannot be moved before
    /// the step it follows; returns the later steps whose planned time now comes before the moved meeting.
    public func reschedule(_ id: String, to meets: MeetingTime, place: String?, reason: String, current: WorkflowDefinition) throws -> [Step] {
        let loaded = try loadPinned(id, current: current)
        guard let step = loaded.state.currentStep else { throw EngineError.finished(id) }
        let steps = loaded.definition.steps
        guard let index = steps.firstIndex(where: { $0.id == step }) else { throw EngineError.unknownStep(step, known: steps.map(\.id)) }
        if index > 0, let held = Self.time(of: steps[index - 1], in: loaded.state), meets < held {
            throw EngineError.movedBeforePrevious(step: step, previous: steps[index - 1].id, previousTime: held)
        }
        try append([.rescheduled(Rescheduling(step: step, attempt: loaded.state.attempt, meets: meets, place: place, reason: reason))],
                   to: loaded.state, in: loaded.definition)
        return steps[(index + 1)...].filter { ($0.meets.map { $0 < meets }) ?? false }
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

    /// Recomputes the instance's hash chain and checks the store's protections; nil when the history is intact. With
    /// `expectedHead`, the hash written down earlier (in signed minutes, or an anchor file), the history must end there.
    public func verify(_ id: String, expectedHead: String? = nil) throws -> EventChain.Problem? {
        try verification(id, expectedHead: expectedHead).problem
    }

    /// The definition the store keeps under `hash`, decoded once per hash for the process; nil when the store has
    /// none, or bytes that no longer match the hash.
    public func definition(_ hash: String) throws -> WorkflowDefinition? {
        guard let json = try store.definition(hash), EventChain.isIntact(hash, json) else { return nil }
        return try CompiledDefinitions.shared.compiled(PinnedDefinition(hash: hash, json: json)).definition
    }

    /// An instance's header (its workflow, when it was started) without reading its history; every command that acts
    /// on the instance then reads and verifies the history itself.
    public func header(_ id: String) throws -> InstanceHeader {
        let headers = try store.instances()
        guard let header = headers.first(where: { $0.id == id }) else {
            throw EngineError.unknownInstance(id, known: headers.map(\.id), store: store.location)
        }
        return header
    }

    /// Where every instance stands, each read from its verified chain: from the summary the store kept when it is
    /// sealed to the chain's head, else folded from the history. Refuses, as every command does, when a chain is
    /// broken or the store has lost a protection.
    public func standings() throws -> [(header: InstanceHeader, currentStep: String?, finished: Bool)] {
        let headers = try store.instances(), summaries = try verifiedSummaries(of: headers)
        return try headers.map { header in
            if let summary = summaries[header.id] { return (header, summary.currentStep, summary.finished) }
            let state = try load(header.id).state
            return (header, state.currentStep, state.isFinished)
        }
    }

    /// What other instances need to know about each of `headers`: from its summary when that is sealed to the head
    /// of its verified chain, else from its folded history.
    func facts(of headers: [InstanceHeader]) throws -> [StateSummary.Facts] {
        let summaries = try verifiedSummaries(of: headers)
        return try headers.map { header in
            if let facts = summaries[header.id]?.facts { return facts }
            let other = try load(header.id)
            return StateSummary.Facts(other.state, definition: other.definition)
        }
    }

    /// The summaries of `headers` that describe their verified chains (read as bytes, in one transaction); a broken
    /// chain refuses the whole read, as loading it would.
    private func verifiedSummaries(of headers: [InstanceHeader]) throws -> [String: StateSummary] {
        let protection = try store.protectionProblem()
        let summaries = try store.summaries()
        var verified: [String: StateSummary] = [:]
        for chain in try store.chains(headers.map(\.id).filter { summaries[$0] != nil }, decoding: []) {
            if let problem = EventChain.verify(chain, trusting: keyring, everySignature: false) ?? protection {
                throw EngineError.tampered(instance: chain.header.id, problem: problem)
            }
            if let summary = summaries[chain.header.id], summary.describes(chain) { verified[chain.header.id] = summary }
        }
        return verified
    }

    /// The first problem of the instance's stored history, if any, and its chain as read once, with the payloads of
    /// `cases` decoded (the others are checked as stored bytes, not decoded).
    public func verification(_ id: String, expectedHead: String? = nil, decoding cases: Set<String> = [])
        throws -> (problem: EventChain.Problem?, chain: InstanceChain) {
        guard let chain = try store.chain(id, decoding: cases) else {
            throw EngineError.unknownInstance(id, known: try store.instances().map(\.id), store: store.location)
        }
        if let problem = EventChain.verify(chain, trusting: keyring) { return (problem, chain) }
        // A hash from the past is fine when it is in the chain: the history only grew since.
        if let expectedHead, let head = chain.links.last, !chain.links.contains(where: { $0.hash == expectedHead }) {
            return (.unexpectedHead(expected: expectedHead, actual: head.hash, revision: head.sequence), chain)
        }
        return (try store.protectionProblem(), chain)
    }

    /// A meeting that follows another track's step may be recorded only once an instance of that track has decided
    /// it, unless the record says why it was held out of order.
    private func checkOrder(_ record: StepRecord, definition: WorkflowDefinition) throws {
        guard enforcesOrderAcrossTracks, let follows = definition.step(record.step)?.follows, (record.outOfOrder ?? "").isEmpty else { return }
        if try facts(of: try store.instances().filter { $0.workflow == follows.workflow }).contains(where: { $0.decided.contains(follows.step) }) {
            return
        }
        throw EngineError.outOfOrder(step: record.step, follows: follows)
    }

    /// Loads the instance and refuses if the definition it is pinned to no longer matches the current one.
    func loadPinned(_ id: String, current: WorkflowDefinition) throws -> Loaded {
        let loaded = try load(id)
        if loaded.definition != current {
            throw EngineError.definitionChanged(instance: id, changes: loaded.pinned.changes(to: PinnedDefinition(current)))
        }
        return loaded
    }

    /// The events of one command, its last one signed with the command's key when it has one. A key the keyring does
    /// not trust, and a command without a key after signed events, are refused before anything is stored: the history
    /// would not verify.
    func signed(_ events: [Event], after state: InstanceState) throws -> [Event] {
        guard let signingKey else {
            if state.isSigned { throw EngineError.unsignedWrite(instance: state.id) }
            return events
        }
        guard var last = events.last else { return events }
        let key = try signingKey()
        if let keyring, keyring.name(of: key.publicKey) == nil { throw EngineError.untrustedKey(fingerprint: EventSignature.fingerprint(of: key.publicKey)) }
        last.signature = try key.sign(last.hash)
        return events.dropLast() + [last]
    }

    func event(_ payload: EventPayload, after state: InstanceState) -> Event {
        Event(sequence: state.revision + 1, at: clock(), actor: actor, payload: payload, previousHash: state.lastHash)
    }

    /// Appends the events of one command after the revision it read, all or none, with the summary of where the
    /// instance then stands under `definition`.
    func append(_ payloads: [EventPayload], to state: InstanceState, in definition: WorkflowDefinition, definitions: [PinnedDefinition] = []) throws {
        var events: [Event] = []
        var previous = state
        for payload in payloads {
            let next = event(payload, after: previous)
            events.append(next)
            previous = previous.applying([next])
        }
        try store.append(try signed(events, after: state), to: state.id, expectedRevision: state.revision, definitions: definitions,
                         summary: StateSummary(previous, definition: definition))
        logger.debug("\(state.id): \(payloads.map(\.kind).joined(separator: ", ")) at revision \(state.revision + events.count)")
    }
}
