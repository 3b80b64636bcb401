import Foundation
import QuorumCore
import QuorumStore

/// Where a served request does its work, one request at a time: the engine, the project and the message catalogs
/// are made for one command at a time, as the command line runs them. Requests still wait for the network and for
/// each other concurrently; several servers sharing one store are kept consistent by the store's transactions.
final class Desk: Sendable {
    private let queue = DispatchQueue(label: "quorum.serve.desk")
    private let kept = Kept()

    /// The store the requests share, touched only at the desk.
    private final class Kept: @unchecked Sendable {
        var store: (any InstanceStore)?
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// The store at `address`, opened by the first request and kept for the next ones (a PostgreSQL connection is
    /// not made again for each); at the desk only.
    func store(_ address: String) throws -> any InstanceStore {
        dispatchPrecondition(condition: .onQueue(queue))
        if let store = kept.store { return store }
        let opened = try StoreAddress.open(address)
        kept.store = opened
        return opened
    }

    /// Forgets the store after it was lost (the server restarted, the connection broken): the next request opens it
    /// again. At the desk only.
    func lostStore() {
        dispatchPrecondition(condition: .onQueue(queue))
        kept.store = nil
    }
}
