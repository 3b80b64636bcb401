import Foundation

/// The day by which a workflow's result must reach the approving authority (`deadline:`), and what runs against it:
/// meetings planned after it, and how many days are left.
public struct Deadline: Sendable, Equatable {
    /// `yyyy-MM-dd`.
    public let date: String
    /// Within this many days, the deadline is said to be near.
    public static let nearDays = 14

    public init?(_ definition: WorkflowDefinition) {
        guard let date = definition.deadline else { return nil }
        self.init(date: date)
    }

    public init?(date: String) {
        guard WorkflowValidation.isDate(date) else { return nil }
        self.date = date
    }

    /// `dd/mm/yyyy`, as the definitions' readers write dates.
    public var display: String { date.split(separator: "-").reversed().joined(separator: "/") }

    /// The steps whose meeting is planned on a later day than the deadline.
    public func stepsPlannedAfter(in definition: WorkflowDefinition) -> [Step] {
        definition.steps.filter { ($0.meets?.date ?? "") > date }
    }

    /// Whole days from `today` (yyyy-MM-dd) to the deadline: 0 on the day itself, negative once it has passed.
    public func daysLeft(from today: String) -> Int? {
        guard let start = try? MeetingTime(date: today, time: "12:00", timezone: "UTC"),
              let end = try? MeetingTime(date: date, time: "12:00", timezone: "UTC") else { return nil }
        return Int((end.instant.timeIntervalSince(start.instant) / 86_400).rounded())
    }

    /// Today's date (yyyy-MM-dd) where the workflow's meetings are held.
    public static func today(in definition: WorkflowDefinition) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = definition.steps.compactMap(\.meets).first.flatMap { TimeZone(identifier: $0.timezone) }
            ?? TimeZone(identifier: MeetingTime.defaultTimeZone) ?? .current
        let day = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
    }
}
