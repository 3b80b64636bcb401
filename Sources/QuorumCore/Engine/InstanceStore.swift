import Foundation

/// The engine's narrow view of storage. Implementations must make each call atomic: `create` and `append` either
/// store everything they are given or nothing, and `append` refuses when the instance's revision is not the one expected.
public protocol InstanceStore: Sendable {
    /// Creates an instance with its first events and the definition it is pinned to, and keeps `summary` (where the
    /// instance then stands) if the store keeps summaries. Fails if the id is taken.
    func create(_ header: InstanceHeader, definition: PinnedDefinition, events: [Event], summary: StateSummary?) throws
    /// Appends events after `expectedRevision`, with the summary of where the instance then stands, in one
    /// transaction; throws `EngineError.concurrentChange` if another command got there first.
    func append(_ events: [Event], to instance: String, expectedRevision: Int, definitions: [PinnedDefinition], summary: StateSummary?) throws
    /// The chains of several instances, read at once (one transaction where the store has them).
    func chains(_ instances: [String], decoding cases: Set<String>) throws -> [InstanceChain]
    /// The summaries last kept, by instance: check each with `StateSummary.describes` before use.
    func summaries() throws -> [String: StateSummary]
    func load(_ instance: String) throws -> InstanceLog?
    /// The history's chain with the payloads of `cases` decoded, the others left as stored, and the definitions it
    /// pins: what verifying reads.
    func chain(_ instance: String, decoding cases: Set<String>) throws -> InstanceChain?
    func instances() throws -> [InstanceHeader]
    /// The canonical JSON of a definition the store keeps, by its hash (not checked against it: verifying a chain that
    /// pins it does that).
    func definition(_ hash: String) throws -> Data?
    /// Where the store is, for messages such as "no instance X in …".
    var location: String? { get }
    /// A protection the store should have and has lost (an append-only trigger dropped), if any; throws when the
    /// store cannot be reached to tell.
    func protectionProblem() throws -> EventChain.Problem?
}

extension InstanceStore {
    public var location: String? { nil }

    public func create(_ header: InstanceHeader, definition: PinnedDefinition, events: [Event]) throws {
        try create(header, definition: definition, events: events, summary: nil)
    }

    public func append(_ events: [Event], to instance: String, expectedRevision: Int, definitions: [PinnedDefinition]) throws {
        try append(events, to: instance, expectedRevision: expectedRevision, definitions: definitions, summary: nil)
    }

    public func chains(_ instances: [String], decoding cases: Set<String>) throws -> [InstanceChain] {
        try instances.compactMap { try chain($0, decoding: cases) }
    }

    /// Stores that keep no summaries have none: their instances are folded.
    public func summaries() throws -> [String: StateSummary] { [:] }

    /// From the whole history, for stores that keep events decoded anyway.
    public func chain(_ instance: String, decoding cases: Set<String>) throws -> InstanceChain? {
        try load(instance).map(InstanceChain.init)
    }
    public func protectionProblem() -> EventChain.Problem? { nil }
}

public struct InstanceHeader: Sendable, Equatable, Codable {
    public let id: String
    public let workflow: String
    public let createdAt: Date

    public init(id: String, workflow: String, createdAt: Date) {
        self.id = id
        self.workflow = workflow
        self.createdAt = createdAt
    }
}

/// Everything stored for one instance.
public struct InstanceLog: Sendable {
    public let header: InstanceHeader
    public let events: [Event]
    /// Canonical definition JSON by hash, for every definition the instance was ever pinned to.
    public let definitions: [String: Data]

    public init(header: InstanceHeader, events: [Event], definitions: [String: Data]) {
        self.header = header
        self.events = events
        self.definitions = definitions
    }
}
