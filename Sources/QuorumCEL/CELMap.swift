/// A CEL map: keys are bool, int, uint or string, and numerically equal int and uint keys are the same key.
/// Keeps insertion order for printing.
public struct CELMap: Sendable {
    enum Key: Hashable, Sendable {
        case bool(Bool)
        case int(Int64)
        case bigUInt(UInt64)
        case string(String)

        /// The key a value stands for, or nil when the value cannot be a key. Integral doubles find numeric keys.
        init?(_ value: Value, forLookup: Bool = false) {
            switch value {
            case .bool(let flag): self = .bool(flag)
            case .int(let number): self = .int(number)
            case .uint(let number): self = number <= UInt64(Int64.max) ? .int(Int64(number)) : .bigUInt(number)
            case .string(let text): self = .string(text)
            case .double(let number) where forLookup && number.rounded() == number:
                if let exact = Int64(exactly: number) { self = .int(exact) } else if let exact = UInt64(exactly: number) { self = .bigUInt(exact) } else { return nil }
            default: return nil
            }
        }
    }

    public private(set) var entries: [(key: Value, value: Value)] = []
    /// Each key's position, for maps of more than `indexed` entries; smaller ones (a person's record, ratings by
    /// year) are searched by comparing keys, which costs less than hashing every key of every person to index them,
    /// and have none at all, so that copying one retains one buffer, not two.
    private var positions: [Key: Int]?
    private static let indexed = 16

    public init() {}

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// Adds an entry; fails on a key type CEL does not allow or a repeated key.
    mutating func insert(_ key: Value, _ value: Value) -> EvalError? {
        guard let mapKey = Key(key) else { return EvalError("unsupported key type: \(key.type)") }
        guard position(of: mapKey) == nil else { return EvalError("Failed with repeated key") }
        entries.append((key, value))
        if entries.count > Self.indexed {
            if positions == nil {
                positions = Dictionary(uniqueKeysWithValues: entries.enumerated().map { (Key($0.element.key)!, $0.offset) })
            } else {
                positions?[mapKey] = entries.count - 1
            }
        }
        return nil
    }

    private func position(of key: Key) -> Int? {
        if let positions { return positions[key] }
        return entries.firstIndex { Self.entry($0.key, is: key) }
    }

    /// Whether an entry's key is `key`, as `Key(entry) == key` says, without making a key of every entry searched.
    private static func entry(_ entry: Value, is key: Key) -> Bool {
        switch (entry, key) {
        case let (.bool(flag), .bool(other)): flag == other
        case let (.int(number), .int(other)): number == other
        case let (.uint(number), .int(other)): other >= 0 && number == UInt64(other)
        case let (.uint(number), .bigUInt(other)): number == other
        case let (.string(text), .string(other)): text == other
        default: false
        }
    }

    public subscript(key: Value) -> Value? {
        guard let mapKey = Key(key, forLookup: true) else { return nil }
        return position(of: mapKey).map { entries[$0].value }
    }

    public subscript(key: String) -> Value? { position(of: .string(key)).map { entries[$0].value } }

    /// The value at `position` when the key there is the string `field`: the check behind a field slot's guess.
    func value(at position: Int, ifKeyIs field: String) -> Value? {
        guard entries.indices.contains(position), case .string(let key) = entries[position].key, key == field else { return nil }
        return entries[position].value
    }

    func position(of field: String) -> Int? { position(of: .string(field)) }

    public init(_ pairs: [(String, Value)]) {
        for (key, value) in pairs { _ = insert(.string(key), value) }
    }

    /// A map from key and value pairs; a repeated or unsupported key is ignored (the first entry wins).
    public init(_ pairs: [(Value, Value)]) {
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs { _ = insert(key, value) }
    }
}
