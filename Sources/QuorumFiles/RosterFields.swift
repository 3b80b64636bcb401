import QuorumCore

/// Reads and checks one person's fields, whichever file format they came from. Problems name the field; the
/// caller knows where it was written.
struct RosterFields {
    static let columns = ["id", "full_name", "birth_date", "gender", "ethnicity", "unit", "current_title", "degree",
                          "political_theory", "ratings", "discipline", "planned_titles"]
    static let ratingCodes = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    static let genders = ["nam", "nữ"]

    /// What reading one person found besides the person: errors, warnings (a value the format does not know, kept
    /// as written) and the values read through the format (`Thạc sỹ` as `Thạc sĩ`), each with its field.
    struct Findings {
        var problems: [(field: String, message: Phrase)] = []
        var warnings: [(field: String, message: Phrase)] = []
        var normalized: [(field: String, written: String, value: String)] = []
    }

    /// Builds a person from text fields, reading degree, political theory and ratings through the format's values.
    static func person(_ fields: (String) -> String?, format: RosterFormat? = nil) -> (RosterPerson?, Findings) {
        var findings = Findings()
        var problems: [(String, Phrase)] = []
        func text(_ key: String) -> String? {
            let value = fields(key).map(ResultSheet.normalizedName) ?? ""
            return value.isEmpty ? nil : value
        }
        /// A value as the rules know it: the format's value for a spelling it lists; else as written, with a warning.
        func known(_ key: String, _ raw: String) -> String {
            guard let format, format.lists(key) else { return raw }
            guard let value = format.value(raw, of: key) else {
                findings.warnings.append((key, .diagnostic("unknown-roster-value", ["value": raw, "format": format.id, "field": key])))
                return raw
            }
            if value != raw { findings.normalized.append((key, raw, value)) }
            return value
        }
        let id = text("id"), name = text("full_name")
        if id == nil { problems.append(("id", .diagnostic("empty-id"))) }
        if name == nil { problems.append(("full_name", .diagnostic("empty-name"))) }
        var birthDate: String?
        if let raw = text("birth_date") {
            birthDate = date(raw)
            if birthDate == nil { problems.append(("birth_date", .diagnostic("not-a-date", ["value": raw]))) }
        }
        var gender: String?
        if let raw = text("gender") {
            gender = genders.first { $0 == raw.lowercased() }
            if gender == nil { problems.append(("gender", .diagnostic("not-a-gender", ["value": raw]))) }
        }
        let ratings = yearEntries(text("ratings"), field: "ratings", allowed: ratingCodes, problems: &problems) { raw in
            format?.value(raw, of: "ratings").map { value in
                if value != raw { findings.normalized.append(("ratings", raw, value)) }
                return value
            } ?? raw
        }
        let discipline = yearEntries(text("discipline"), field: "discipline", allowed: nil, problems: &problems) { $0 }
        let planned = (text("planned_titles") ?? "").split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        let degree = text("degree").map { known("degree", $0) }
        let politicalTheory = text("political_theory").map { known("political_theory", $0) }
        findings.problems = problems.map { (field: $0.0, message: $0.1) }
        guard let id, let name, problems.isEmpty else { return (nil, findings) }
        return (RosterPerson(id: id, name: name, birthDate: birthDate, gender: gender, ethnicity: text("ethnicity"),
                             unit: text("unit"), currentTitle: text("current_title"), degree: degree,
                             politicalTheory: politicalTheory, ratings: ratings, discipline: discipline,
                             plannedTitles: planned), findings)
    }

    /// `2018:HTTNV; 2019:HTXSNV`: a year and a value per entry.
    private static func yearEntries(_ text: String?, field: String, allowed: [String]?, problems: inout [(String, Phrase)],
                                    read: (String) -> String) -> [RosterPerson.YearEntry] {
        guard let text else { return [] }
        var entries: [RosterPerson.YearEntry] = []
        for part in text.split(separator: ";") {
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces() }
            guard pieces.count == 2, pieces[0].count == 4, let year = Int(pieces[0]), !pieces[1].isEmpty else {
                problems.append((field, .diagnostic("not-year-value", ["value": part.trimmingSpaces()])))
                continue
            }
            let written = read(pieces[1])
            let value = allowed.map { codes in codes.first { $0 == written.uppercased() } ?? written } ?? written
            if let allowed, !allowed.contains(value) {
                problems.append((field, .diagnostic("not-a-rating", ["value": pieces[1], "accepted": allowed.joined(separator: ", ")])))
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
        guard year > 1900 else { return nil }
        return CalendarDay.text(year: year, month: month, day: day)
    }
}
