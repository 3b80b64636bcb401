import Foundation

/// One entry of an instance's append-only history. The instance's state is derived from these alone. Each event
/// carries the hash of the one before and its own, so any later change to the stored history is detectable.
public struct Event: Sendable, Equatable {
    /// 1 for the first event; an instance's revision is the sequence of its last event.
    public let sequence: Int
    /// Whole milliseconds, as the store keeps them, so the hash can be recomputed after loading.
    public let at: Date
    public let actor: String
    public let payload: EventPayload
    /// The payload exactly as stored (canonical JSON). The hash covers these bytes, so a history written by an older
    /// version verifies even after the payload types gain fields.
    public let payloadData: Data
    public let previousHash: String
    public let hash: String
    /// The signature of the command that appended this event, on its last event; nil on the others, and on events
    /// written before signatures.
    public var signature: EventSignature?

    /// Seals a new event onto the chain after `previousHash`.
    public init(sequence: Int, at: Date, actor: String, payload: EventPayload, previousHash: String) {
        let milliseconds = (at.timeIntervalSince1970 * 1000).rounded(.down) / 1000
        let data = EventChain.encode(payload)
        let time = Date(timeIntervalSince1970: milliseconds)
        self.init(sequence: sequence, at: time, actor: actor, payload: payload, payloadData: data, previousHash: previousHash,
                  hash: EventChain.hash(sequence: sequence, at: time, actor: actor, payloadData: data, previous: previousHash))
    }

    /// An event as stored; `hash` is taken as given (verification recomputes it from `payloadData`).
    public init(sequence: Int, at: Date, actor: String, payload: EventPayload, payloadData: Data, previousHash: String, hash: String,
                signature: EventSignature? = nil) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.payload = payload
        self.payloadData = payloadData
        self.previousHash = previousHash
        self.hash = hash
        self.signature = signature
    }

    public static func == (lhs: Event, rhs: Event) -> Bool {
        lhs.sequence == rhs.sequence && lhs.actor == rhs.actor && lhs.payload == rhs.payload && lhs.hash == rhs.hash
            && abs(lhs.at.timeIntervalSince(rhs.at)) < 0.001
    }
}

public enum EventPayload: Codable, Sendable, Equatable {
    case started(Started)
    case recorded(StepRecord)
    case advanced(StepDecision)
    case migrated(Migration)
    case rosterImported(Roster)
    case overridden(Override)
    case tieDecided(TieDecision)
    case opened(StepOpening)
    case rescheduled(Rescheduling)
    case corrected(Correction)
    case reopened(Reopening)
    case listDecided(ListDecision)

    /// The hash of the definition this event pins the instance to, for `started` and `migrated`.
    public var pinnedHash: String? {
        switch self {
        case .started(let started): started.definitionHash
        case .migrated(let migration): migration.toHash
        default: nil
        }
    }

    public var kind: String {
        switch self {
        case .started: "started"
        case .recorded: "recorded"
        case .advanced: "advanced"
        case .migrated: "migrated"
        case .rosterImported: "roster-imported"
        case .overridden: "overridden"
        case .tieDecided: "tie-decided"
        case .opened: "opened"
        case .rescheduled: "rescheduled"
        case .corrected: "corrected"
        case .reopened: "reopened"
        case .listDecided: "list-decided"
        }
    }
}

public struct Started: Codable, Sendable, Equatable {
    public let workflow: String
    public let definitionHash: String
}

/// A step opened (or opened again after a missed quorum), with its body's membership as it stood then.
public struct StepOpening: Codable, Sendable, Equatable {
    public let step: String
    public let attempt: Int
    public let body: String
    /// Named members, as "Name (role)".
    public let members: [String]
    public let unnamedCount: Int
}

/// A meeting moved to a new time, e.g. after too few members attended.
public struct Rescheduling: Codable, Sendable, Equatable {
    public let step: String
    public let attempt: Int
    public let meets: MeetingTime
    public let place: String?
    public let reason: String
}

/// Results of a step replaced, in the open: the new results, and why. The earlier entries stay in the history.
public struct Correction: Codable, Sendable, Equatable {
    public let record: StepRecord
    public let reason: String

    public init(record: StepRecord, reason: String) {
        self.record = record
        self.reason = reason
    }
}

/// The instance taken back to a step already decided; that step and every later one are decided again.
public struct Reopening: Codable, Sendable, Equatable {
    public let step: String
    public let reason: String
    /// The steps whose decisions no longer stand, in order.
    public let superseded: [String]
}

/// The instance was re-pinned, on purpose, to a changed definition.
public struct Migration: Codable, Sendable, Equatable {
    public let fromHash: String
    public let toHash: String
    public let reason: String
    public let changes: [String]
}

/// `history --json` prints events with their payload decoded, and the chain's hashes.
extension Event: Encodable {
    enum CodingKeys: String, CodingKey { case sequence, at, actor, payload, previousHash, hash }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(at, forKey: .at)
        try container.encode(actor, forKey: .actor)
        try container.encode(payload, forKey: .payload)
        try container.encode(previousHash, forKey: .previousHash)
        try container.encode(hash, forKey: .hash)
    }
}
