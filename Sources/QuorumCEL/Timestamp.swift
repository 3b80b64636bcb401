import Foundation

/// A point in time, UTC, with nanoseconds; CEL allows years 0001 to 9999.
public struct Timestamp: Hashable, Comparable, Sendable {
    public let seconds: Int64
    public let nanos: Int32

    static let minimumSeconds: Int64 = -62_135_596_800
    static let maximumSeconds: Int64 = 253_402_300_799

    /// Nil when outside CEL's range.
    public init?(seconds: Int64, nanos: Int32 = 0) {
        var seconds = seconds, nanos = nanos
        if nanos < 0 { seconds -= 1; nanos += 1_000_000_000 }
        guard (Self.minimumSeconds...Self.maximumSeconds).contains(seconds) else { return nil }
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos) }

    /// Reads RFC 3339: `2021-03-18T07:00:00Z`, `2021-03-18T14:00:00.5+07:00`. Every character of the form is ASCII,
    /// so it is read as bytes: a text with any other character is refused where that character stands.
    public init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[range] {
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        func byte(_ position: Int, is characters: Character...) -> Bool {
            position < bytes.count && characters.contains { $0.asciiValue == bytes[position] }
        }
        guard bytes.count >= 20, byte(4, is: "-"), byte(7, is: "-"), byte(10, is: "T", "t"), byte(13, is: ":"), byte(16, is: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...Civil.daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var position = 19
        var nanos: Int64 = 0
        if byte(position, is: ".") {
            position += 1
            var digits = 0
            while position < bytes.count, isDigit(bytes[position]) {
                if digits < 9 { nanos = nanos * 10 + Int64(bytes[position] - 48) }
                digits += 1
                position += 1
            }
            guard (1...9).contains(digits) else { return nil }
            for _ in digits..<9 { nanos *= 10 }
        }
        var offset: Int64 = 0
        if byte(position, is: "Z", "z") {
            position += 1
        } else {
            guard byte(position, is: "+", "-"), let hours = number(position + 1..<position + 3), byte(position + 3, is: ":"),
                  let minutes = number(position + 4..<position + 6)
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (byte(position, is: "-") ? -1 : 1)
            position += 6
        }
        guard position == bytes.count else { return nil }
        let seconds = Civil.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        self.init(seconds: seconds, nanos: Int32(nanos))
    }

    /// RFC 3339 in UTC, with fraction digits only when not zero.
    public var rfc3339: String {
        let secondOfDay = seconds.floorDivided(by: 86_400).remainder
        var text = date + "T" + Self.digits(secondOfDay / 3600, 2) + ":" + Self.digits(secondOfDay / 60 % 60, 2) + ":"
            + Self.digits(secondOfDay % 60, 2)
        if nanos != 0 {
            var fraction = Self.digits(Int64(nanos), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// The day in UTC, `2025-03-31`.
    public var date: String {
        let (year, month, day) = Civil.date(fromDays: seconds.floorDivided(by: 86_400).quotient)
        return Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2)
    }

    /// A number of at least `width` digits, zeros in front (CEL's years run from 1 to 9999, so none is negative).
    private static func digits(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The calendar fields in a time zone: an IANA name, or a fixed offset such as `+07:00` or `-02:30`.
    /// Calendar fields of a timestamp in some time zone.
    struct Fields {
        let year, month, day, dayOfYear, weekday, hour, minute, second: Int64
    }

    func fields(in zone: String?) -> Fields? {
        guard let offset = Self.offset(of: zone, at: self) else { return nil }
        let local = seconds + offset
        let (days, secondOfDay) = local.floorDivided(by: 86_400)
        let (year, month, day) = Civil.date(fromDays: days)
        let weekday = (days + 4).floorDivided(by: 7).remainder
        let dayOfYear = days - Civil.days(year: year, month: 1, day: 1)
        return Fields(year: year, month: month, day: day, dayOfYear: dayOfYear, weekday: weekday,
                      hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    private static func offset(of zone: String?, at time: Timestamp) -> Int64? {
        guard let zone, !zone.isEmpty, zone != "UTC" else { return 0 }
        let scalars = Array(zone.unicodeScalars)
        if let first = scalars.first, first == "+" || first == "-" || first.isDigit, zone.contains(":") {
            let sign: Int64 = first == "-" ? -1 : 1
            let parts = (first.isDigit ? zone : String(zone.dropFirst())).split(separator: ":")
            guard parts.count == 2, let hours = Int64(parts[0]), let minutes = Int64(parts[1]) else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }
        guard let timeZone = TimeZone(identifier: zone) else { return nil }
        return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.seconds))))
    }
}

/// Proleptic Gregorian dates from and to days since 1970-01-01 (Howard Hinnant's algorithms).
enum Civil {
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = self / divisor, remainder = self % divisor
        if remainder < 0 { quotient -= 1; remainder += divisor }
        return (quotient, remainder)
    }
}
