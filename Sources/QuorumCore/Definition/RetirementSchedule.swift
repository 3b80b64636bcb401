import Foundation

/// The retirement age for one sex, rising year by year from a starting year to a final age, as the Labour Code 2019
/// (Article 169) and Decree 135/2020/NĐ-CP set it: men 60 years 3 months in 2021, 3 months more each year up to 62;
/// women 55 years 4 months, 4 months more each year up to 60. Ages are in months.
public struct RetirementSchedule: Codable, Sendable, Equatable {
    public let gender: String
    /// The age before the schedule starts.
    public let before: Int
    public let fromYear: Int
    public let start: Int
    public let step: Int
    public let until: Int

    public init(gender: String, before: Int, fromYear: Int, start: Int, step: Int, until: Int) {
        self.gender = gender
        self.before = before
        self.fromYear = fromYear
        self.start = start
        self.step = step
        self.until = until
    }

    /// The retirement age, in months, for someone who reaches it in `year`.
    public func age(in year: Int) -> Int {
        year < fromYear ? before : min(until, start + step * (year - fromYear))
    }

    /// The day someone born on `birth` (yyyy-MM-dd) reaches the retirement age: the first year whose age, added to the
    /// birth date, falls in that year.
    public func retirementDate(born birth: String) -> (date: String, months: Int)? {
        let parts = birth.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        for year in (parts[0] + 40)...(parts[0] + 80) {
            let months = age(in: year)
            let total = parts[0] * 12 + (parts[1] - 1) + months
            let reachYear = total / 12, reachMonth = total % 12 + 1
            if reachYear <= year {
                let day = min(parts[2], CalendarDay.days(inMonth: reachMonth, year: reachYear))
                return (CalendarDay.text(year: reachYear, month: reachMonth, day: day) ?? "", months)
            }
        }
        return nil
    }

    /// `60y3m`, `62y`, `4m`: a span in years and months, as the rule files write ages.
    public static func months(_ text: String) -> Int? {
        var total = 0, number = "", seen = false
        for character in text.replacingOccurrences(of: " ", with: "") {
            if character.isNumber { number.append(character); continue }
            guard let value = Int(number) else { return nil }
            switch character {
            case "y": total += value * 12
            case "m": total += value
            default: return nil
            }
            number = ""
            seen = true
        }
        return seen && number.isEmpty ? total : nil
    }
}
