import Foundation

/// Working days, working hours and public holidays: the holidays of the Labour Code computed for any year (Tết and the
/// Hùng Kings' day from the lunar calendar), and, from a calendar file in `rules/`, the days announced each year
/// (compensatory days off, the day beside National Day).
public struct WorkCalendar: Sendable, Equatable {
    public struct Holiday: Sendable, Equatable {
        /// `yyyy-MM-dd`, inclusive.
        public let from: String
        public let until: String
        public let name: String
    }

    public let id: String
    /// Vietnamese weekday names ("Thứ hai" … "Chủ nhật").
    public let workingDays: Set<String>
    /// Minutes after midnight, [from, to).
    public let workingHours: [ClosedRange<Int>]
    public let holidays: [Holiday]

    public func holiday(on date: String) -> Holiday? {
        holidays.first { $0.from <= date && date <= $0.until } ?? PublicHolidays.holiday(on: date)
    }

    public func isWorkingTime(from start: Int, to end: Int) -> Bool {
        workingHours.contains { $0.contains(start) && $0.contains(end) }
    }

    public var hoursText: String {
        workingHours.map { Self.clock($0.lowerBound) + "–" + Self.clock($0.upperBound) }.joined(separator: ", ")
    }

    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
}

/// A calendar file as written.
public struct CalendarDocument: Codable, Sendable {
    public var id: String?
    public var name: String?
    public var basis: String?
    public var note: String?
    public var workingDays: [String]?
    public var workingHours: [HoursDocument]?
    public var holidays: [HolidayDocument]?

    enum CodingKeys: String, CodingKey {
        case id, name, basis, note, holidays
        case workingDays = "working-days"
        case workingHours = "working-hours"
    }

    public struct HoursDocument: Codable, Sendable {
        public var from: String?
        public var to: String?
    }

    public struct HolidayDocument: Codable, Sendable {
        public var from: String?
        public var to: String?
        public var name: String?
    }
}

/// Checks a calendar file and builds the calendar, reporting every problem.
public enum CalendarValidator {
    public static func validate(_ document: CalendarDocument, file: String) -> (WorkCalendar?, [Diagnostic]) {
        var problems = DiagnosticCollector(document: document.id ?? file)
        let id = problems.require(document.id, at: .root.key("id"), code: "missing-id")
        let days = document.workingDays ?? ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu"]
        for (index, day) in days.enumerated() where !MeetingTime.weekdayNames.contains(day) {
            problems.error(at: .root.key("working-days").index(index), code: "not-weekday", ["day": day],
                           notes: Suggestion.note(for: day, in: MeetingTime.weekdayNames))
        }
        var hours: [ClosedRange<Int>] = []
        for (index, range) in (document.workingHours ?? []).enumerated() {
            let path = DocumentPath.root.key("working-hours").index(index)
            guard let from = minutes(range.from), let to = minutes(range.to), from < to else {
                problems.error(at: path, code: "working-hours-need-before")
                continue
            }
            hours.append(from...to)
        }
        var holidays: [WorkCalendar.Holiday] = []
        for (index, holiday) in (document.holidays ?? []).enumerated() {
            let path = DocumentPath.root.key("holidays").index(index)
            guard let from = holiday.from, (try? MeetingTime(date: from, time: "00:00", timezone: "UTC")) != nil else {
                problems.error(at: path.key("from"), code: "holiday-needs-date-yyyy")
                continue
            }
            let until = holiday.to ?? from
            if (try? MeetingTime(date: until, time: "00:00", timezone: "UTC")) == nil || until < from {
                problems.error(at: path.key("to"), code: "date-yyyy-mm-dd")
                continue
            }
            holidays.append(.init(from: from, until: until, name: holiday.name ?? "ngày nghỉ"))
        }
        guard let id, !problems.hasErrors else { return (nil, problems.diagnostics) }
        return (WorkCalendar(id: id, workingDays: Set(days), workingHours: hours.isEmpty ? [450...690, 810...1020] : hours,
                             holidays: holidays), problems.diagnostics)
    }

    private static func minutes(_ text: String?) -> Int? {
        let parts = (text ?? "").split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else { return nil }
        return parts[0] * 60 + parts[1]
    }
}
