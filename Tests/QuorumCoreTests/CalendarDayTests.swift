import Foundation
@testable import QuorumCore
import Testing

struct CalendarDayTests {
    /// Every day from 1896 to 2104 that Foundation's Gregorian calendar knows is a day, and written as Foundation
    /// would write it; every other day of a month is not (31 April, 29 February of 1900 and 2100, 30 February).
    @Test func theDaysAreThoseOfTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for year in 1896...2104 {
            for month in 1...12 {
                for day in 1...31 {
                    let valid = DateComponents(year: year, month: month, day: day).isValidDate(in: calendar)
                    #expect(CalendarDay.text(year: year, month: month, day: day) == (valid ? String(format: "%04d-%02d-%02d", year, month, day) : nil))
                }
            }
        }
        #expect(CalendarDay.text(year: 2021, month: 13, day: 1) == nil && CalendarDay.text(year: 2021, month: 1, day: 0) == nil)
        #expect(CalendarDay.text(year: 987, month: 6, day: 5) == "0987-06-05")
    }
}
