import Foundation

/// When a step meets: a local date and time in a named time zone.
public struct MeetingTime: Codable, Sendable, Equatable, Comparable {
    /// `yyyy-MM-dd`.
    public let date: String
    /// `HH:mm`.
    public let time: String
    public let timezone: String
    public let instant: Date

    public static let defaultTimeZone = "Asia/Ho_Chi_Minh"

    public enum Problem: Error, Equatable {
        case badDate, badTime, unknownTimeZone
    }

    public init(date: String, time: String, timezone: String) throws(Problem) {
        guard let zone = TimeZone(identifier: timezone) else { throw .unknownTimeZone }
        let dateParts = date.split(separator: "-").compactMap { Int($0) }
        guard date.count == 10, dateParts.count == 3 else { throw .badDate }
        let timeParts = time.split(separator: ":").compactMap { Int($0) }
        guard (4...5).contains(time.count), timeParts.count == 2,
              (0...23).contains(timeParts[0]), (0...59).contains(timeParts[1]) else { throw .badTime }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: dateParts[0], month: dateParts[1], day: dateParts[2],
                                        hour: timeParts[0], minute: timeParts[1])
        guard components.isValidDate(in: calendar), let instant = calendar.date(from: components) else { throw .badDate }
        self.date = date
        self.time = String(format: "%02d:%02d", timeParts[0], timeParts[1])
        self.timezone = timezone
        self.instant = instant
    }

    /// The same meeting moved by whole days and/or to a time of day, then by a span, in its own time zone.
    public func shifted(days: Int = 0, to newTime: String? = nil, by seconds: Int = 0) throws(Problem) -> MeetingTime {
        guard let zone = TimeZone(identifier: timezone) else { throw .unknownTimeZone }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard var moved = calendar.date(byAdding: .day, value: days, to: instant) else { throw .badDate }
        if let newTime {
            let parts = newTime.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, let at = calendar.date(bySettingHour: parts[0], minute: parts[1], second: 0, of: moved) else { throw .badTime }
            moved = at
        }
        moved = moved.addingTimeInterval(TimeInterval(seconds))
        let fields = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moved)
        return try MeetingTime(date: String(format: "%04d-%02d-%02d", fields.year!, fields.month!, fields.day!),
                               time: String(format: "%02d:%02d", fields.hour!, fields.minute!), timezone: timezone)
    }

    static let weekdayNames = ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"]

    /// The weekday as Vietnamese documents write it, "Thứ năm".
    public var weekday: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? .current
        return Self.weekdayNames[calendar.component(.weekday, from: instant) - 1]
    }

    /// `14:00 12/03/2021 (Asia/Ho_Chi_Minh)`, as Vietnamese documents write dates.
    public var display: String {
        let parts = date.split(separator: "-")
        return "\(time) \(parts[2])/\(parts[1])/\(parts[0]) (\(timezone))"
    }

    public static func < (lhs: MeetingTime, rhs: MeetingTime) -> Bool { lhs.instant < rhs.instant }
}
