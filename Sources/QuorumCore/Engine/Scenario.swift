/// A what-if run of a whole cycle: hypothetical results for each step and what should come of them. Scenarios are
/// to workflows what unit tests are to code; `quorum simulate` runs them without touching the store.
public struct Scenario: Sendable {
    public struct Step: Sendable {
        public let step: String
        public let results: StepRecord
        /// The second clerk's entry, for double-entry steps.
        public let secondEntry: StepRecord?
        /// A run-off's results, used when the step stops on a tie.
        public let runOff: StepRecord?
        /// The body's decisions per title: who goes on (at a step whose list it decides) or how a tie is settled.
        public let decisions: [BodyDecision]

        public init(step: String, results: StepRecord, secondEntry: StepRecord? = nil, runOff: StepRecord? = nil,
                    decisions: [BodyDecision] = []) {
            self.step = step
            self.results = results
            self.secondEntry = secondEntry
            self.runOff = runOff
            self.decisions = decisions
        }
    }

    public let name: String
    public let workflow: String
    public let roster: Roster?
    public let steps: [Step]
    /// The people added per title when the cycle ends, in order.
    public let expectedAdded: [String: [String]]?
    /// The step at which the run must stop, refused, when the scenario tests a refusal, and words the refusal must say.
    public let expectedStop: String?
    public let expectedReason: String?

    public init(name: String, workflow: String, roster: Roster?, steps: [Step], expectedAdded: [String: [String]]?,
                expectedStop: String?, expectedReason: String? = nil) {
        self.expectedReason = expectedReason
        self.name = name
        self.workflow = workflow
        self.roster = roster
        self.steps = steps
        self.expectedAdded = expectedAdded
        self.expectedStop = expectedStop
    }
}

/// What a scenario produced, step by step, and whether it met its expectations, as data the command line words.
public struct ScenarioOutcome: Sendable {
    /// Something worth saying on the way: a warning on the results, or a tie a run-off settled.
    public enum Note: Sendable {
        case warning(RecordProblem)
        case settledByRunOff(EngineError)
    }

    /// An expectation that did not hold.
    public enum Failure: Sendable, Equatable {
        /// Results were given for a step that is not the open one (`open` is nil when the cycle has ended).
        case resultsForClosedStep(given: String, open: String?)
        case stoppedElsewhere(expected: String, step: String)
        case stoppedForAnotherReason(step: String, because: String)
        case wentOn(expected: String)
        case refused(step: String)
        case notEnded
        case addedOtherwise(title: String, expected: [String], added: [String])
    }

    public var decisions: [StepDecision] = []
    public var notes: [Note] = []
    /// The step that refused to go on, and why.
    public var refusal: (step: String, error: any Error)?
    public var added: [String: [String]]?
    /// Expectations that did not hold; empty when the scenario passes.
    public var failures: [Failure] = []

    public var passed: Bool { failures.isEmpty }
}

/// Runs a scenario in memory, as the CLI would run it against the store.
public enum ScenarioRunner {
    /// `explain` gives a refusal in words (in every language it may be written in), to match the scenario's `because`.
    /// The run leaves its instance in `store`.
    public static func run(_ scenario: Scenario, on definition: WorkflowDefinition, store: MemoryInstanceStore = MemoryInstanceStore(),
                           explain: (any Error) -> [String]) -> ScenarioOutcome {
        var outcome = ScenarioOutcome()
        var clerk = InstanceService(store: store, actor: "mô phỏng"), secondClerk = InstanceService(store: store, actor: "mô phỏng (nhập lần 2)")
        clerk.enforcesOrderAcrossTracks = false
        secondClerk.enforcesOrderAcrossTracks = false
        do {
            var state = try clerk.start(definition)
            if let roster = scenario.roster { try clerk.importRoster(roster, into: state.id, current: definition) }
            for step in scenario.steps {
                guard state.currentStep == step.step else {
                    outcome.failures.append(.resultsForClosedStep(given: step.step, open: state.currentStep))
                    break
                }
                do {
                    var first = step.results
                    if step.secondEntry != nil { first.entry = 1 }
                    outcome.notes += try clerk.record(first, in: state.id, current: definition).map(ScenarioOutcome.Note.warning)
                    if var second = step.secondEntry {
                        second.entry = 2
                        outcome.notes += try secondClerk.record(second, in: state.id, current: definition).map(ScenarioOutcome.Note.warning)
                    }
                    if !step.decisions.isEmpty {
                        _ = try clerk.decide(step.decisions, in: state.id, current: definition)
                    }
                    let decision: StepDecision
                    do {
                        (decision, state) = try clerk.advance(state.id, current: definition)
                    } catch let error as EngineError {
                        guard case .ties = error, var runOff = step.runOff else { throw error }
                        outcome.notes.append(.settledByRunOff(error))
                        runOff.runOff = true
                        _ = try clerk.record(runOff, in: state.id, current: definition)
                        (decision, state) = try clerk.advance(state.id, current: definition)
                    }
                    outcome.decisions.append(decision)
                } catch {
                    outcome.refusal = (step.step, error)
                    break
                }
            }
            let directory = PersonDirectory(definition: definition, roster: state.roster)
            outcome.added = state.added?.mapValues { $0.map(directory.label) }
        } catch {
            outcome.refusal = ("start", error)
        }
        check(scenario, &outcome, explain: explain)
        return outcome
    }

    private static func check(_ scenario: Scenario, _ outcome: inout ScenarioOutcome, explain: (any Error) -> [String]) {
        switch (scenario.expectedStop, outcome.refusal) {
        case let (expected?, refusal?) where refusal.step != expected:
            outcome.failures.append(.stoppedElsewhere(expected: expected, step: refusal.step))
        case let (_?, refusal?):
            if let because = scenario.expectedReason, !explain(refusal.error).contains(where: { $0.contains(because) }) {
                outcome.failures.append(.stoppedForAnotherReason(step: refusal.step, because: because))
            }
        case let (expected?, nil):
            outcome.failures.append(.wentOn(expected: expected))
        case let (nil, refusal?):
            outcome.failures.append(.refused(step: refusal.step))
        default:
            break
        }
        guard let expected = scenario.expectedAdded else { return }
        guard let added = outcome.added else {
            outcome.failures.append(.notEnded)
            return
        }
        for (title, names) in expected.sorted(by: { $0.key < $1.key }) where (added[title] ?? []) != names {
            outcome.failures.append(.addedOtherwise(title: title, expected: names, added: added[title] ?? []))
        }
    }
}
