import QuorumCore

/// What the official records are made from: the pinned definition and the stored history, never anything typed
/// into the document by hand.
public struct ReportSource: Sendable {
    public let instance: String
    public let definition: WorkflowDefinition
    public let events: [Event]
    public let state: InstanceState
    let directory: PersonDirectory

    public init(instance: String, definition: WorkflowDefinition, events: [Event], state: InstanceState) {
        self.instance = instance
        self.definition = definition
        self.events = events
        self.state = state
        directory = PersonDirectory(definition: definition, roster: state.roster)
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
            switch event.payload {
            case .recorded(let record) where record.step == stepID && record.attempt == decision.attempt: record
            case .corrected(let correction) where correction.record.step == stepID && correction.record.attempt == decision.attempt: correction.record
            default: nil
            }
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

    /// A person's name as the records print it: with the birth year when someone else has the same name.
    func name(of person: String) -> String { directory.label(person) }

    /// Corrections and reopenings of the instance, oldest first, as the records must name them: when, by whom, what
    /// changed and why.
    func corrections(step: String? = nil) -> [String] {
        var lines: [String] = []
        var latest: [String: StepRecord] = [:]
        for event in events {
            switch event.payload {
            case .recorded(let record):
                latest[record.step + "#\(record.entry ?? 1)\(record.runOff)"] = record
            case .corrected(let correction) where step == nil || correction.record.step == step:
                let key = correction.record.step + "#\(correction.record.entry ?? 1)\(correction.record.runOff)"
                let changes = latest[key].map { $0.differences(from: correction.record).map { VietnameseFormat.difference($0, label: name) } } ?? []
                latest[key] = correction.record
                let stepName = definition.step(correction.record.step)?.name ?? correction.record.step
                lines.append("Ngày \(VietnameseFormat.timestamp(event.at)), \(event.actor) đính chính kết quả \(stepName). Lý do: \(VietnameseFormat.sentence(correction.reason))"
                    + (changes.isEmpty ? "" : " Nội dung thay đổi: " + changes.joined(separator: "; ") + "."))
            case .corrected(let correction):
                latest[correction.record.step + "#\(correction.record.entry ?? 1)\(correction.record.runOff)"] = correction.record
            case .reopened(let reopening) where step == nil || reopening.superseded.contains(step!):
                let stepName = definition.step(reopening.step)?.name ?? reopening.step
                lines.append("Ngày \(VietnameseFormat.timestamp(event.at)), \(event.actor) mở lại \(stepName) để xem xét lại. Lý do: \(VietnameseFormat.sentence(reopening.reason))")
            default:
                break
            }
        }
        return lines
    }
}
