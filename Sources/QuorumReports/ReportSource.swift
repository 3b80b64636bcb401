import QuorumCore

/// What the official records are made from: the pinned definition and the stored history, never anything typed
/// into the document by hand.
public struct ReportSource: Sendable {
    public let instance: String
    public let definition: WorkflowDefinition
    public let events: [Event]
    public let state: InstanceState

    public init(instance: String, definition: WorkflowDefinition, events: [Event], state: InstanceState) {
        self.instance = instance
        self.definition = definition
        self.events = events
        self.state = state
    }

    /// A step's last decision, the results it was made on, any run-off, and the decision event's hash.
    struct Meeting {
        let step: Step
        let decision: StepDecision
        let record: StepRecord?
        let runOff: StepRecord?
        let hash: String
        /// The membership snapshot taken when the attempt opened, and the time it was moved to, if it was.
        let opening: StepOpening?
        let rescheduled: Rescheduling?
    }

    func meeting(_ stepID: String) -> Meeting? {
        guard let step = definition.step(stepID),
              let index = events.lastIndex(where: { if case .advanced(let decision) = $0.payload { decision.step == stepID } else { false } }),
              case .advanced(let decision) = events[index].payload else { return nil }
        let records = events[..<index].compactMap { event -> StepRecord? in
            if case .recorded(let record) = event.payload, record.step == stepID, record.attempt == decision.attempt { record } else { nil }
        }
        let openings = events[..<index].compactMap { event -> StepOpening? in
            if case .opened(let opening) = event.payload, opening.step == stepID, opening.attempt == decision.attempt { opening } else { nil }
        }
        let moves = events[..<index].compactMap { event -> Rescheduling? in
            if case .rescheduled(let move) = event.payload, move.step == stepID, move.attempt == decision.attempt { move } else { nil }
        }
        return Meeting(step: step, decision: decision, record: records.last { !$0.runOff && ($0.entry ?? 1) == 1 },
                       runOff: records.last(where: \.runOff), hash: events[index].hash, opening: openings.last, rescheduled: moves.last)
    }

    var letterhead: Letterhead { definition.letterhead }
    /// The issuing body as sentences name it ("Văn phòng UBND tỉnh"); headers print it in capitals.
    var organization: String { letterhead.organization ?? "Cơ quan" }

    func dateline(_ date: String?) -> String {
        "\(letterhead.location ?? "……"), \(date.map(VietnameseFormat.longDate) ?? "ngày … tháng … năm …")"
    }

    func name(of person: String) -> String { definition.personName(person) }
}
