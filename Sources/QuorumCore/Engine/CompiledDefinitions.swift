import Foundation

/// Definitions pinned (encoded and hashed) once per definition, and pinned definitions decoded, and their rules
/// compiled, once per hash for the life of the process: instances pinned
/// to the same definition (a province's units, the list of instances, every step of a simulation) share one
/// decoding and one compilation, the costliest parts of reading and deciding an instance. The hash is the JSON's own,
/// verified with the history before it is read, so one hash is one definition, and a changed file is a new hash.
final class CompiledDefinitions: @unchecked Sendable {
    static let shared = CompiledDefinitions()

    /// A definition as decoded, with its eligibility rules compiled when first screened with.
    struct Compiled: Sendable {
        let definition: WorkflowDefinition
        let screen: Memo<EligibilityScreen>
    }

    private var compiled: [String: Compiled] = [:]
    /// Definitions pinned in this process, by workflow id, the latest last: a definition is found again by equality,
    /// which costs far less than encoding it.
    private var pins: [String: [(definition: WorkflowDefinition, pinned: PinnedDefinition)]] = [:]
    private static let pinsPerWorkflow = 4
    private let lock = NSLock()

    func pinned(_ definition: WorkflowDefinition) -> PinnedDefinition {
        if let known = lock.withLock({ pins[definition.id]?.last { $0.definition == definition } }) { return known.pinned }
        let pinned = PinnedDefinition(encoding: definition)
        lock.withLock {
            pins[definition.id] = (pins[definition.id, default: []] + [(definition, pinned)]).suffix(Self.pinsPerWorkflow)
        }
        return pinned
    }

    func compiled(_ pinned: PinnedDefinition) throws -> Compiled {
        if let known = lock.withLock({ compiled[pinned.hash] }) { return known }
        let definition = try pinned.definition()
        let made = Compiled(definition: definition, screen: Memo { EligibilityScreen(definition: definition) })
        return lock.withLock {
            if let known = compiled[pinned.hash] { return known }
            compiled[pinned.hash] = made
            return made
        }
    }
}
