import Synchronization

/// One `.field` selection in a compiled program, and where it found its field last time. Maps built alike (every
/// person of a roster) hold their fields in the same order, so the next lookup compares one key instead of hashing
/// the name; a map laid out otherwise is looked up by name and becomes the new guess. The guess is shared by every
/// evaluation of the program, on any thread: it is only ever a hint, checked before use.
final class FieldSlot: Sendable {
    let field: String
    private let position = Atomic<Int>(-1)

    init(_ field: String) { self.field = field }

    /// The field's value in `map`, or nil when the map has no such key.
    func value(in map: CELMap) -> Value? {
        if let value = map.value(at: position.load(ordering: .relaxed), ifKeyIs: field) { return value }
        guard let found = map.position(of: field) else { return nil }
        position.store(found, ordering: .relaxed)
        return map.entries[found].value
    }
}
