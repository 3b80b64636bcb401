/// A day of the Gregorian calendar as the definitions, rosters and records write it, `yyyy-MM-dd`, worked out without
/// Foundation's calendars and formatters: a roster of a million people has a birth day and a retirement day each.
public enum CalendarDay {
    /// `yyyy-MM-dd`; nil when there is no such day (31 February), or the year has more than four digits.
    public static func text(year: Int, month: Int, day: Int) -> String? {
        guard (0...9999).contains(year), (1...12).contains(month), (1...days(inMonth: month, year: year)).contains(day) else { return nil }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
