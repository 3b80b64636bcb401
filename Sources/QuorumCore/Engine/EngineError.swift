import QuorumRules

/// Why a command was refused, as data: what is wrong and what it concerns. Nothing was stored. The command line
/// renders these in words, with the commands that would help.
public enum EngineError: Error, Equatable {
    /// What is still missing before a step can be decided.
    public enum Need: Equatable, Sendable {
        /// The meeting's results: attendance when the step needs it, valid ballots when the threshold counts them,
        /// and vote totals (ballot steps) or the agreed list (discussions).
        case results(step: String, present: Bool, validBallots: Bool, ballot: Bool)
        /// One entry of a step entered twice.
        case entry(Int)
        /// The body's list decision for these titles, at a step whose list a body agrees.
        case listDecision(body: String, titles: [String])
        /// The review meeting's decision on these kept people.
        case review(title: String, people: [String])
    }

    public enum Count: Equatable, Sendable {
        case membersPresent
        case validBallots
    }

    case unknownInstance(String, known: [String], store: String?)
    case abstractWorkflow(String)
    case finished(String)
    case stepNotOpen(requested: String, current: String)
    case unknownStep(String, known: [String])
    case definitionChanged(instance: String, changes: [String])
    case definitionUnchanged(instance: String)
    case invalidRecord(step: String, problems: [RecordProblem])
    case nothingRecorded(step: String, needs: [Need])
    case missingCount(step: String, what: Count)
    case quorumNotMet(step: String, check: ThresholdCheck)
    /// Titles tied for their last places; `settled` are the titles already decided, which wait for the others.
    case ties(instance: String, step: String, ties: [TitleTie], settled: [TitleOutcome])
    case overCap(step: String, title: String, passed: Int, free: Int)
    case concurrentChange(instance: String, expected: Int, actual: Int)
    /// The command's signing key is not in the keyring: what it wrote would not verify.
    case untrustedKey(fingerprint: String)
    /// A command without a signing key on a history whose commands sign: its unsigned events would not verify.
    case unsignedWrite(instance: String)
    case duplicateInstance(String)
    case rosterMissing(instance: String, step: String)
    case structureNotMet(instance: String, title: String, findings: [EligibilityScreen.Finding])
    case unknownRule(String, known: [String])
    case entriesDisagree(step: String, differences: [RecordChange])
    /// A person already in the plan would stay although they fail a standard or already hold the title.
    case keptNeedsReason(title: String, person: String, findings: [EligibilityScreen.Finding], appointed: Bool)
    case belowReferenceWithoutReason(step: String, title: String, people: [String])
    case overLimit([PlanLoad])
    /// A person named in a command (override, decision) who is not a person of the instance, with the likely ones.
    case unknownPerson(String, likely: [String])
    case ambiguousPerson(String, candidates: [String])
    /// `decide` when there is nothing to decide: no tie for the title, or the rule asks for a run-off.
    case noDecisionExpected(step: String, title: String, reason: DecisionRefusal)
    /// A meeting that follows another track's step, recorded before that step ended.
    case outOfOrder(step: String, follows: StepReference)
    case runningInstance(workflow: String, instances: [String])
    case nothingToCorrect(step: String)
    case notYetHeld(step: String)
    case movedBeforePrevious(step: String, previous: String, previousTime: MeetingTime)
    case emptyReason
    /// The instance's stored history does not verify; nothing is read from it.
    case tampered(instance: String, problem: EventChain.Problem)
    /// A migration would change what was recorded about steps already held, or the instance has ended.
    case frozenPast(instance: String, steps: [String], changes: [String])

    public enum DecisionRefusal: Equatable, Sendable {
        case noTie
        case runOffRequired
        case notAmongTied(String, tied: [String])
        case notACandidate(String)
    }
}
