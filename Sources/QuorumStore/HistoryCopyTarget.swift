import QuorumCore

/// A store a whole history can be copied into as it was stored elsewhere: `quorum store copy` moves an office's
/// history to the shared store, and back.
public protocol HistoryCopyTarget: InstanceStore {
    /// Stores instances with their events exactly as stored (payload bytes, times and hashes), the definitions they
    /// pin and the summaries kept of them, in one transaction: all of them or none. An id already taken refuses it
    /// all with `EngineError.duplicateInstance`.
    func adopt(_ logs: [InstanceLog], summaries: [String: StateSummary]) throws
}
