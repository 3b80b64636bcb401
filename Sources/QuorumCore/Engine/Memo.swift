import Foundation

/// A value made when first asked for, then kept; safe to share between threads.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private var made: Value?
    private let make: @Sendable () -> Value
    private let lock = NSLock()

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
