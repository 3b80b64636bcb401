/// Double entries whose two halves came from one person under two actor labels: the same account of the machine, or
/// the same signing key. Until actors are authenticated, that is the trace of one person entering both.
public enum DoubleEntryAudit {
    public struct Finding: Sendable, Equatable {
        /// What the two entries share.
        public enum Trace: Sendable, Equatable {
            /// The account of the machine both were entered under.
            case systemUser(String)
            /// The fingerprint of the key both were signed with.
            case signingKey(String)
        }

        public let step: String
        public let attempt: Int
        public let trace: Trace
        public let actors: [String]
    }

    /// The payload cases this audit reads.
    public static let cases: Set<String> = ["recorded", "corrected"]

    public static func sameUser(_ events: [Event]) -> [Finding] {
        var entries: [String: [Int: Event]] = [:]
        for event in events {
            let record: StepRecord
            switch event.payload {
            case .recorded(let recorded): record = recorded
            case .corrected(let correction): record = correction.record
            default: continue
            }
            guard let entry = record.entry else { continue }
            entries["\(record.step)#\(record.attempt)", default: [:]][entry] = event
        }
        return entries.keys.sorted().flatMap { key -> [Finding] in
            guard let first = entries[key]?[1], let second = entries[key]?[2], first.actor != second.actor else { return [] }
            let parts = key.split(separator: "#")
            var traces: [Finding.Trace] = []
            if let user = enteredBy(first), user == enteredBy(second) { traces.append(.systemUser(user)) }
            if let key = first.signature?.signer, key == second.signature?.signer { traces.append(.signingKey(EventSignature.fingerprint(of: key))) }
            return traces.map { Finding(step: String(parts[0]), attempt: Int(parts[1]) ?? 1, trace: $0, actors: [first.actor, second.actor]) }
        }
    }

    private static func enteredBy(_ event: Event) -> String? {
        switch event.payload {
        case .recorded(let record): record.enteredBy
        case .corrected(let correction): correction.record.enteredBy
        default: nil
        }
    }
}
