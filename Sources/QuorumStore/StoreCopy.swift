import QuorumCore

/// Moves histories from one store to another, as they were stored: each event's bytes, time and hash, the definitions
/// they pin and the summaries kept of them. Every history is verified before it is copied and again where it lands,
/// so the chain that verified in the office verifies in the shared store, and back.
public enum StoreCopy {
    public struct Report: Sendable, Equatable {
        /// The instances copied, with the number of events of each.
        public var copied: [Copied] = []
        /// The instances the target already held with the same history (a copy run again after an interruption).
        public var alreadyThere: [String] = []
    }

    public struct Copied: Sendable, Equatable {
        public let instance: String
        public let events: Int
    }

    /// Copies every instance of `source` that `target` does not hold, in one transaction of the target. Refuses, and
    /// stores nothing, when a history of the source does not verify, or the target holds an instance of the same id
    /// with another history.
    public static func run(from source: any InstanceStore, to target: any HistoryCopyTarget) throws -> Report {
        var logs: [InstanceLog] = []
        for header in try source.instances() {
            guard let log = try source.load(header.id) else { continue }
            if let problem = EventChain.verify(log) { throw EngineError.tampered(instance: header.id, problem: problem) }
            logs.append(log)
        }
        let held = Set(try target.instances().map(\.id))
        var report = Report(), conflicting: [String] = []
        for log in logs where held.contains(log.header.id) {
            let there = try target.load(log.header.id)
            if there?.events.map(\.hash) == log.events.map(\.hash) { report.alreadyThere.append(log.header.id) } else { conflicting.append(log.header.id) }
        }
        guard conflicting.isEmpty else { throw StoreError.copyConflict(instances: conflicting, target: target.location ?? "") }
        let fresh = logs.filter { !held.contains($0.header.id) }
        let ids = Set(fresh.map(\.header.id))
        try target.adopt(fresh, summaries: try source.summaries().filter { ids.contains($0.key) })
        for log in fresh {
            guard let copied = try target.load(log.header.id) else { throw EngineError.unknownInstance(log.header.id, known: [], store: target.location) }
            if let problem = EventChain.verify(copied) ?? (copied.events.last?.hash == log.events.last?.hash ? nil : .broken(sequence: copied.events.count)) {
                throw EngineError.tampered(instance: log.header.id, problem: problem)
            }
            report.copied.append(Copied(instance: log.header.id, events: copied.events.count))
        }
        return report
    }
}
