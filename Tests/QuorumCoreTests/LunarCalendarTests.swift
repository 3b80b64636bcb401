@testable import QuorumCore
import Testing

/// Tết and the Hùng Kings' day computed from the lunar calendar, against the dates published for Vietnam.
struct LunarCalendarTests {
    /// The first day of the lunar year in Vietnam, as published (1985 and 2007 differ from China's calendar, which is
    /// one hour behind: Vietnam's Tết was 21 January 1985 and 17 February 2007).
    static let tet = [
        1985: "1985-01-21", 1990: "1990-01-27", 1995: "1995-01-31", 2000: "2000-02-05", 2001: "2001-01-24", 2002: "2002-02-12",
        2003: "2003-02-01", 2004: "2004-01-22", 2005: "2005-02-09", 2006: "2006-01-29", 2007: "2007-02-17", 2008: "2008-02-07",
        2009: "2009-01-26", 2010: "2010-02-14", 2011: "2011-02-03", 2012: "2012-01-23", 2013: "2013-02-10", 2014: "2014-01-31",
        2015: "2015-02-19", 2016: "2016-02-08", 2017: "2017-01-28", 2018: "2018-02-16", 2019: "2019-02-05", 2020: "2020-01-25",
        2021: "2021-02-12", 2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17",
    ]

    static func iso(_ date: (year: Int, month: Int, day: Int)) -> String {
        String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
    }

    @Test(arguments: tet.keys.sorted())
    func tetFallsOnThePublishedDay(year: Int) {
        #expect(Self.iso(LunarCalendar.solarDate(lunarDay: 1, month: 1, year: year)) == Self.tet[year])
    }

    @Test func theHungKingsDayFallsOnThePublishedDay() {
        let published = [2019: "2019-04-14", 2020: "2020-04-02", 2021: "2021-04-21", 2022: "2022-04-10", 2023: "2023-04-29",
                         2024: "2024-04-18", 2025: "2025-04-07"]
        for (year, date) in published {
            #expect(Self.iso(LunarCalendar.solarDate(lunarDay: 10, month: 3, year: year)) == date, "\(year)")
        }
    }

    @Test func holidaysAreKnownForAnyYearAndTetSpansFiveDays() {
        #expect(PublicHolidays.holiday(on: "2023-01-24")?.name.hasPrefix("Tết Nguyên đán") == true, "the third day of Tết 2023")
        #expect(PublicHolidays.holiday(on: "2023-01-21") != nil && PublicHolidays.holiday(on: "2023-01-25") != nil)
        #expect(PublicHolidays.holiday(on: "2023-01-26") == nil)
        #expect(PublicHolidays.holiday(on: "2099-09-02")?.name == "Quốc khánh")
        #expect(PublicHolidays.holiday(on: "1950-03-15") == nil)
        #expect(PublicHolidays.holidays(in: 2101).isEmpty)
        #expect(LunarCalendar.civil(julianDay: LunarCalendar.julianDay(year: 2024, month: 2, day: 29)) == (2024, 2, 29))
    }
}
