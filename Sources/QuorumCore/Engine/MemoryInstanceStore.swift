import Foundation

/// An instance store in memory, with the same all-or-nothing and revision guarantees as the SQLite one: for runs
/// that must leave nothing on disk, and for tests.
public final class MemoryInstanceStore: InstanceStore, @unchecked Sendable {
    private let lock = NSLock()
    private var headers: [InstanceHeader] = []
    private var events: [String: [Event]] = [:]
    private var definitions: [String: Data] = [:]
    private var kept: [String: StateSummary] = [:]
    private let keepsSummaries: Bool

    /// `keepsSummaries: false` behaves as a store written before summaries were kept: every instance is folded.
    public init(keepsSummaries: Bool = true) {
        self.keepsSummaries = keepsSummaries
    }

    public func create(_ header: InstanceHeader, definition: PinnedDefinition, events first: [Event], summary: StateSummary?) throws {
        try lock.withLock {
            guard events[header.id] == nil else { throw EngineError.duplicateInstance(header.id) }
            headers.append(header)
            events[header.id] = first
            definitions[definition.hash] = definition.json
            keep(summary, for: header.id)
        }
    }

    public func append(_ new: [Event], to instance: String, expectedRevision: Int, definitions pinned: [PinnedDefinition],
                       summary: StateSummary?) throws {
        try lock.withLock {
            let revision = events[instance]?.last?.sequence ?? 0
            guard revision == expectedRevision else {
                throw EngineError.concurrentChange(instance: instance, expected: expectedRevision, actual: revision)
            }
            events[instance, default: []] += new
            for definition in pinned { definitions[definition.hash] = definition.json }
            keep(summary, for: instance)
        }
    }

    /// Replaces the instance's summary, as the SQLite store does; without one, the old one stays and describes an earlier head.
    private func keep(_ summary: StateSummary?, for instance: String) {
        if keepsSummaries, let summary { kept[instance] = summary }
    }

    public func summaries() throws -> [String: StateSummary] { lock.withLock { kept } }

    public func load(_ instance: String) throws -> InstanceLog? {
        lock.withLock {
            guard let header = headers.first(where: { $0.id == instance }) else { return nil }
            return InstanceLog(header: header, events: events[instance] ?? [], definitions: definitions)
        }
    }

    public func instances() throws -> [InstanceHeader] { lock.withLock { headers } }

    public func definition(_ hash: String) throws -> Data? { lock.withLock { definitions[hash] } }
}
