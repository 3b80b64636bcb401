/// A store that cannot be read as it is: a row that does not decode.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case unreadableRow(what: String, row: String, reason: String)
    case readOnly(path: String)

    public var description: String {
        switch self {
        case let .unreadableRow(what, row, reason):
            "the store holds a row (\(what)) that cannot be read (\(reason)): \(row); the file was changed outside Quorum"
        case let .readOnly(path):
            "the store \(path) is read-only (an archive, or a file this account cannot write); it can be read, not changed"
        }
    }
}
