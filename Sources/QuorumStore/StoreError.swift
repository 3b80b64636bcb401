/// A store that cannot be read as it is: a row that does not decode.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case unreadableRow(what: String, row: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadableRow(what, row, reason):
            "the store holds a row (\(what)) that cannot be read (\(reason)): \(row); the file was changed outside Quorum"
        }
    }
}
