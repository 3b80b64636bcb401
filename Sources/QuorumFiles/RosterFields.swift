import Foundation
import QuorumCore

/// Reads and checks one person's fields, whichever file format they came from. Problems name the field; the
/// caller knows where it was written.
struct RosterFields {
    static let columns = ["id", "full_name", "birth_date", "gender", "ethnicity", "unit", "current_title", "degree",
                          "political_theory", "ratings", "discipline", "planned_titles"]
    static let ratingCodes = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    static let genders = ["nam", "nữ"]

    /// Builds a person from text fields; each problem comes with the field it is about.
    static func person(_ fields: [String: String]) -> (RosterPerson?, [(field: String, message: String)]) {
        var problems: [(String, String)] = []
        func text(_ key: String) -> String? {
            let value = fields[key].map(ResultSheet.normalizedName) ?? ""
            return value.isEmpty ? nil : value
        }
        let id = text("id"), name = text("full_name")
        if id == nil { problems.append(("id", "the id is empty")) }
        if name == nil { problems.append(("full_name", "the full name is empty")) }
        var birthDate: String?
        if let raw = text("birth_date") {
            birthDate = date(raw)
            if birthDate == nil { problems.append(("birth_date", "'\(raw)' is not a date; write 1978-05-12 or 12/05/1978")) }
        }
        var gender: String?
        if let raw = text("gender") {
            gender = genders.first { $0 == raw.lowercased() }
            if gender == nil { problems.append(("gender", "'\(raw)' is not a gender; write nam or nữ")) }
        }
        let ratings = yearEntries(text("ratings"), field: "ratings", allowed: ratingCodes, problems: &problems)
        let discipline = yearEntries(text("discipline"), field: "discipline", allowed: nil, problems: &problems)
        let planned = (text("planned_titles") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let id, let name, problems.isEmpty else { return (nil, problems) }
        return (RosterPerson(id: id, name: name, birthDate: birthDate, gender: gender, ethnicity: text("ethnicity"),
                             unit: text("unit"), currentTitle: text("current_title"), degree: text("degree"),
                             politicalTheory: text("political_theory"), ratings: ratings, discipline: discipline,
                             plannedTitles: planned), [])
    }

    /// `2018:HTTNV; 2019:HTXSNV`: a year and a value per entry.
    private static func yearEntries(_ text: String?, field: String, allowed: [String]?,
                                    problems: inout [(String, String)]) -> [RosterPerson.YearEntry] {
        guard let text else { return [] }
        var entries: [RosterPerson.YearEntry] = []
        for part in text.split(separator: ";") {
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, pieces[0].count == 4, let year = Int(pieces[0]), !pieces[1].isEmpty else {
                problems.append((field, "'\(part.trimmingCharacters(in: .whitespaces))' should be YEAR:VALUE, e.g. 2020:HTTNV"))
                continue
            }
            let value = allowed.map { codes in codes.first { $0 == pieces[1].uppercased() } ?? pieces[1] } ?? pieces[1]
            if let allowed, !allowed.contains(value) {
                problems.append((field, "'\(pieces[1])' is not a rating; use \(allowed.joined(separator: ", "))"))
                continue
            }
            entries.append(RosterPerson.YearEntry(year: year, text: value))
        }
        return entries
    }

    /// `yyyy-MM-dd` from `1978-05-12` or `12/05/1978` (day first, as Vietnamese documents write it).
    static func date(_ text: String) -> String? {
        let iso = text.split(separator: "-").compactMap { Int($0) }
        let vietnamese = text.split(separator: "/").compactMap { Int($0) }
        let (year, month, day): (Int, Int, Int)
        if iso.count == 3, text.count == 10 { (year, month, day) = (iso[0], iso[1], iso[2]) }
        else if vietnamese.count == 3, vietnamese[2] > 999 { (year, month, day) = (vietnamese[2], vietnamese[1], vietnamese[0]) }
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard DateComponents(year: year, month: month, day: day).isValidDate(in: calendar), year > 1900 else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
