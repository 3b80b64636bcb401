/// A store that cannot be read or written as it is, as data the command line words.
public enum StoreError: Error, Equatable {
    /// A row that does not decode: the file was changed outside Quorum.
    case unreadableRow(what: String, row: String, reason: String)
    /// An archive, or a file this account cannot write: it can be read, not changed.
    case readOnly(path: String)
}
