/// A store that cannot be read or written as it is, as data the command line words.
public enum StoreError: Error, Equatable {
    /// A row that does not decode: the file was changed outside Quorum.
    case unreadableRow(what: String, row: String, reason: String)
    /// An archive, or a file this account cannot write: it can be read, not changed.
    case readOnly(path: String)
    /// A store address that is not one (`--store postgres://…` mistyped).
    case badAddress(String, reason: String)
    /// The server could not be reached, or dropped the connection: nothing more was stored, and trying again is safe.
    case unreachable(location: String, reason: String)
    /// The target of a copy holds instances of the same ids with other histories; nothing was copied.
    case copyConflict(instances: [String], target: String)
    /// The server refused a statement (a protection of the history, or a role without the right).
    case refusedByServer(location: String, reason: String)

    /// Whether the store could not be reached: nothing more was stored, and the command may be run again.
    public var isUnreachable: Bool {
        if case .unreachable = self { return true }
        return false
    }
}
