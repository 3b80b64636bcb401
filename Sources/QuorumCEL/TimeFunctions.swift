/// Timestamp accessors (optionally in a time zone) and duration accessors.
enum TimeFunctions {
    static let functions: [String: [Int: Library.Implementation]] = {
        var table: [String: [Int: Library.Implementation]] = [:]
        let accessors: [(String, Accessor)] = [
            ("getFullYear", { $1.year }),
            ("getMonth", { $1.month - 1 }),
            ("getDate", { $1.day }),
            ("getDayOfMonth", { $1.day - 1 }),
            ("getDayOfYear", { $1.dayOfYear }),
            ("getDayOfWeek", { $1.weekday }),
            ("getHours", { $1.hour }),
            ("getMinutes", { $1.minute }),
            ("getSeconds", { $1.second }),
            ("getMilliseconds", { time, _ in Int64(time.nanos / 1_000_000) }),
        ]
        for (name, accessor) in accessors {
            table[name] = [
                1: .unary { value in field(name, value, zone: nil, accessor) },
                2: .binary { value, zone in
                    guard case .string(let zoneName) = zone else { return .noOverload(name, value, zone) }
                    return field(name, value, zone: zoneName, accessor)
                },
            ]
        }
        return table
    }()

    typealias Accessor = @Sendable (Timestamp, Timestamp.Fields) -> Int64

    private static func field(_ name: String, _ value: Value, zone: String?, _ accessor: Accessor) -> Value {
        switch value {
        case .timestamp(let time):
            guard let fields = time.fields(in: zone) else { return .fail("unknown time zone '\(zone ?? "")'") }
            return .int(accessor(time, fields))
        case .duration(let span) where zone == nil:
            let total = span.totalNanos
            switch name {
            case "getHours": return .int(span.seconds / 3600)
            case "getMinutes": return .int(span.seconds / 60)
            case "getSeconds": return .int(span.seconds)
            case "getMilliseconds": return .int(total / 1_000_000 % 1000)
            default: return .noOverload(name, value)
            }
        default:
            return .noOverload(name, value)
        }
    }
}
