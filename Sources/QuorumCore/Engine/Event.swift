import Foundation

/// One entry of an instance's append-only history. The instance's state is derived from these alone. Each event
/// carries the hash of the one before and its own, so any later change to the stored history is detectable.
public struct Event: Codable, Sendable, Equatable {
    /// 1 for the first event; an instance's revision is the sequence of its last event.
    public let sequence: Int
    /// Whole milliseconds, as the store keeps them, so the hash can be recomputed after loading.
    public let at: Date
    public let actor: String
    public let payload: EventPayload
    public let previousHash: String
    public let hash: String

    /// Seals a new event onto the chain after `previousHash`.
    public init(sequence: Int, at: Date, actor: String, payload: EventPayload, previousHash: String) {
        let milliseconds = (at.timeIntervalSince1970 * 1000).rounded(.down) / 1000
        self.init(sequence: sequence, at: Date(timeIntervalSince1970: milliseconds), actor: actor, payload: payload,
                  previousHash: previousHash, hash: "")
    }

    /// An event as stored; `hash` is taken as given (verification recomputes it).
    public init(sequence: Int, at: Date, actor: String, payload: EventPayload, previousHash: String, hash: String) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash.isEmpty ? EventChain.hash(sequence: sequence, at: at, actor: actor, payload: payload, previous: previousHash) : hash
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

/// The instance was re-pinned, on purpose, to a changed definition.
public struct Migration: Codable, Sendable, Equatable {
    public let fromHash: String
    public let toHash: String
    public let reason: String
    public let changes: [String]
}
