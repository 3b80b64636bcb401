/// Double entries whose two halves came from the same account of the machine under two actor labels: until actors
/// are authenticated, that is the trace of one person entering both.
public enum DoubleEntryAudit {
    public struct Finding: Sendable, Equatable {
        public let step: String
        public let attempt: Int
        public let systemUser: String
        public let actors: [String]
    }

    /// The payload cases this audit reads.
    public static let cases: Set<String> = ["recorded", "corrected"]

    public static func sameUser(_ events: [Event]) -> [Finding] {
        var entries: [String: [Int: (actor: String, user: String?)]] = [:]
        for event in events {
            let record: StepRecord
            switch event.payload {
            case .recorded(let recorded): record = recorded
            case .corrected(let correction): record = correction.record
            default: continue
            }
            guard let entry = record.entry else { continue }
            entries["\(record.step)#\(record.attempt)", default: [:]][entry] = (event.actor, record.enteredBy)
        }
        return entries.keys.sorted().compactMap { key in
            guard let first = entries[key]?[1], let second = entries[key]?[2], let user = first.user, user == second.user,
                  first.actor != second.actor else { return nil }
            let parts = key.split(separator: "#")
            return Finding(step: String(parts[0]), attempt: Int(parts[1]) ?? 1, systemUser: user, actors: [first.actor, second.actor])
        }
    }
}
