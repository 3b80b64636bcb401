import Foundation

/// Pinned definitions decoded once per hash for the life of the process: instances pinned to the same definition (a
/// province's units, the list of instances, every step of a simulation) share one decoding, the costliest part of
/// reading an instance. The hash is the JSON's own, verified with the history before it is read, so one hash is one
/// definition.
final class DecodedDefinitions: @unchecked Sendable {
    static let shared = DecodedDefinitions()

    private var decoded: [String: WorkflowDefinition] = [:]
    private let lock = NSLock()

    func definition(_ pinned: PinnedDefinition) throws -> WorkflowDefinition {
        if let known = lock.withLock({ decoded[pinned.hash] }) { return known }
        let definition = try pinned.definition()
        lock.withLock { decoded[pinned.hash] = definition }
        return definition
    }
}
