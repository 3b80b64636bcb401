import QuorumCEL

/// A rule's parameter as written in YAML (`years: 3`, `accepted: [HTTNV, HTXSNV]`), kept in the pinned definition
/// and handed to CEL as `params`.
public indirect enum RuleParameter: Codable, Sendable, Equatable {
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case list([RuleParameter])
    case map([String: RuleParameter])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Int64.self) { self = .int(number) }
        else if let number = try? container.decode(Double.self) { self = .double(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let list = try? container.decode([RuleParameter].self) { self = .list(list) }
        else { self = .map(try container.decode([String: RuleParameter].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let flag): try container.encode(flag)
        case .int(let number): try container.encode(number)
        case .double(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .list(let list): try container.encode(list)
        case .map(let map): try container.encode(map)
        }
    }

    /// Integer-looking keys become int keys, so `ratings: {2020: HTTNV}` reads as `person.ratings[2020]`.
    public var value: Value { converted(dated: false) }

    /// `value`, with text written as `YYYY-MM-DD` as a timestamp, as rules see their subject and the cycle
    /// (`RuleContext`); made in one pass, since every person screened is converted.
    public var datedValue: Value { converted(dated: true) }

    private func converted(dated: Bool) -> Value {
        switch self {
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): dated ? RuleContext.dated(text) : .string(text)
        case .list(let list): .list(list.map { $0.converted(dated: dated) })
        case .map(let map):
            .map(CELMap(map.sorted { $0.key < $1.key }.map { (Int64($0.key).map(Value.int) ?? .string($0.key), $0.value.converted(dated: dated)) }))
        }
    }
}
