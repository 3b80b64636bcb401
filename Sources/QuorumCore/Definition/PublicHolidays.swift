/// Vietnam's public holidays as the Labour Code 2019 (Article 112) sets them, computed for any year from 1900 to 2100:
/// New Year's Day; Tết, the last day of the lunar year and the first four of the new one (the pattern the government
/// announces each year); the Hùng Kings' day (10th day of the 3rd lunar month); 30 April and 1 May; and National Day,
/// 2 September. The compensatory days off, swapped working days and the day beside National Day are announced each
/// year; they are data in the calendar file, with their source.
public enum PublicHolidays {
    public static let years = 1900...2100

    public static func holidays(in year: Int) -> [WorkCalendar.Holiday] {
        guard years.contains(year) else { return [] }
        func iso(_ date: (year: Int, month: Int, day: Int)) -> String { String(format: "%04d-%02d-%02d", date.year, date.month, date.day) }
        let newYear = LunarCalendar.solarDate(lunarDay: 1, month: 1, year: year)
        let newYearDay = LunarCalendar.julianDay(year: newYear.year, month: newYear.month, day: newYear.day)
        let hungKings = LunarCalendar.solarDate(lunarDay: 10, month: 3, year: year)
        return [
            .init(from: "\(year)-01-01", until: "\(year)-01-01", name: "Tết Dương lịch"),
            .init(from: iso(LunarCalendar.civil(julianDay: newYearDay - 1)), until: iso(LunarCalendar.civil(julianDay: newYearDay + 3)),
                  name: "Tết Nguyên đán (mùng 1 Tết: \(iso(newYear)))"),
            .init(from: iso(hungKings), until: iso(hungKings), name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
            .init(from: "\(year)-04-30", until: "\(year)-05-01", name: "Ngày Chiến thắng và Quốc tế Lao động"),
            .init(from: "\(year)-09-02", until: "\(year)-09-02", name: "Quốc khánh"),
        ]
    }

    /// The holiday on a day (`yyyy-MM-dd`), if any; Tết can begin in the previous calendar year's last days of January.
    public static func holiday(on date: String) -> WorkCalendar.Holiday? {
        guard let year = Int(date.prefix(4)) else { return nil }
        return (holidays(in: year) + holidays(in: year + 1)).first { $0.from <= date && date <= $0.until }
    }
}
