import Foundation

/// The Vietnamese lunisolar calendar, computed astronomically for Vietnam's time zone (UTC+7): months begin on the
/// day of the new moon, and the month holding the winter solstice is the 11th; a year with 13 months repeats the first
/// month without a principal solar term. New moons and the sun's longitude follow the series in Jean Meeus,
/// "Astronomical Algorithms" (1998), chapters 25 and 49, accurate to minutes over 1900–2100; no year is typed in.
public enum LunarCalendar {
    /// Vietnam's offset from UTC, in hours: the calendar the State uses since 1968.
    static let zone = 7.0
    static let synodicMonth = 29.530588853

    /// The day, in the proleptic Gregorian calendar, of `day/month` of the lunar `year` (not a leap month).
    public static func solarDate(lunarDay day: Int, month: Int, year: Int) -> (year: Int, month: Int, day: Int) {
        let a11: Int, b11: Int
        if month < 11 {
            a11 = month11(year - 1)
            b11 = month11(year)
        } else {
            a11 = month11(year)
            b11 = month11(year + 1)
        }
        var offset = month - 11
        if offset < 0 { offset += 12 }
        // In a leap year, the months from the leap month on are one further along.
        if b11 - a11 > 365, offset >= leapMonthOffset(a11) { offset += 1 }
        let k = Int((Double(a11) - 2_415_021.076998695) / synodicMonth + 0.5)
        let start = newMoonDay(k + offset)
        return civil(julianDay: start + day - 1)
    }

    /// The Julian day number of the new moon that begins lunar month 11 (the month of the winter solstice) of `year`.
    static func month11(_ year: Int) -> Int {
        let offset = julianDay(year: year, month: 12, day: 31) - 2_415_021
        let k = Int(Double(offset) / synodicMonth)
        let moon = newMoonDay(k)
        return sunLongitudeSector(moon) >= 9 ? newMoonDay(k - 1) : moon
    }

    /// After month 11 of a leap year, the index of the month that lacks a principal term (the leap month).
    static func leapMonthOffset(_ a11: Int) -> Int {
        let k = Int((Double(a11) - 2_415_021.076998695) / synodicMonth + 0.5)
        var i = 1
        var previous = sunLongitudeSector(newMoonDay(k + i))
        var current = previous
        repeat {
            previous = current
            i += 1
            current = sunLongitudeSector(newMoonDay(k + i))
        } while current != previous && i < 14
        return i - 1
    }

    /// The local day on which the k-th new moon after 1 January 1900 falls.
    static func newMoonDay(_ k: Int) -> Int {
        let t = Double(k) / 1236.85
        let t2 = t * t, t3 = t2 * t
        let radians = Double.pi / 180
        var jd = 2_415_020.75933 + 29.53058868 * Double(k) + 0.0001178 * t2 - 0.000000155 * t3
        jd += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * radians)
        let sunAnomaly = 359.2242 + 29.10535608 * Double(k) - 0.0000333 * t2 - 0.00000347 * t3
        let moonAnomaly = 306.0253 + 385.81691806 * Double(k) + 0.0107306 * t2 + 0.00001236 * t3
        let latitude = 21.2964 + 390.67050646 * Double(k) - 0.0016528 * t2 - 0.00000239 * t3
        var correction = (0.1734 - 0.000393 * t) * sin(sunAnomaly * radians) + 0.0021 * sin(2 * radians * sunAnomaly)
        correction += -0.4068 * sin(moonAnomaly * radians) + 0.0161 * sin(radians * 2 * moonAnomaly)
        correction += -0.0004 * sin(radians * 3 * moonAnomaly)
        correction += 0.0104 * sin(radians * 2 * latitude) - 0.0051 * sin(radians * (sunAnomaly + moonAnomaly))
        correction += -0.0074 * sin(radians * (sunAnomaly - moonAnomaly)) + 0.0004 * sin(radians * (2 * latitude + sunAnomaly))
        correction += -0.0004 * sin(radians * (2 * latitude - sunAnomaly)) - 0.0006 * sin(radians * (2 * latitude + moonAnomaly))
        correction += 0.0010 * sin(radians * (2 * latitude - moonAnomaly)) + 0.0005 * sin(radians * (sunAnomaly + 2 * moonAnomaly))
        // ΔT, the difference between dynamical and universal time, in days.
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        jd += correction - deltaT
        return Int(jd + 0.5 + zone / 24)
    }

    /// Which of the 12 sectors of 30° the sun's apparent longitude lies in at the start of a local day (0 for 0°–30°).
    static func sunLongitudeSector(_ day: Int) -> Int {
        let t = (Double(day) - 0.5 - zone / 24 - 2_451_545.0) / 36525
        let t2 = t * t
        let radians = Double.pi / 180
        let anomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var center = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(radians * anomaly)
        center += (0.019993 - 0.000101 * t) * sin(radians * 2 * anomaly) + 0.000290 * sin(radians * 3 * anomaly)
        var longitude = (meanLongitude + center) * radians
        longitude -= Double.pi * 2 * (longitude / (Double.pi * 2)).rounded(.down)
        return Int(longitude / Double.pi * 6)
    }

    /// The Julian day number of a Gregorian date.
    static func julianDay(year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// The Gregorian date of a Julian day number.
    static func civil(julianDay jd: Int) -> (year: Int, month: Int, day: Int) {
        let a = jd + 32044
        let b = (4 * a + 3) / 146_097
        let c = a - (b * 146_097) / 4
        let d = (4 * c + 3) / 1461
        let e = c - (1461 * d) / 4
        let m = (5 * e + 2) / 153
        return (b * 100 + d - 4800 + m / 10, m + 3 - 12 * (m / 10), e - (153 * m + 2) / 5 + 1)
    }
}
