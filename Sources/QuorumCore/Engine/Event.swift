import Foundation

/// One entry of an instance's append-only history. The instance's state is derived from these alone.
public struct Event: Codable, Sendable, Equatable {
    /// 1 for the first event; an instance's revision is the sequence of its last event.
    public let sequence: Int
    public let at: Date
    public let actor: String
    public let payload: EventPayload

    public init(sequence: Int, at: Date, actor: String, payload: EventPayload) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.payload = payload
    }
}

public enum EventPayload: Codable, Sendable, Equatable {
    case started(Started)
    case recorded(StepRecord)
    case advanced(StepDecision)
    case migrated(Migration)
    case rosterImported(Roster)
    case overridden(Override)

    public var kind: String {
        switch self {
        case .started: "started"
        case .recorded: "recorded"
        case .advanced: "advanced"
        case .migrated: "migrated"
        case .rosterImported: "roster-imported"
        case .overridden: "overridden"
        }
    }
}

public struct Started: Codable, Sendable, Equatable {
    public let workflow: String
    public let definitionHash: String
}

/// The instance was re-pinned, on purpose, to a changed definition.
public struct Migration: Codable, Sendable, Equatable {
    public let fromHash: String
    public let toHash: String
    public let reason: String
    public let changes: [String]
}
