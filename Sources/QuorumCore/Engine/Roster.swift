/// The candidates' records, imported from the HR spreadsheet into an instance's history, so that every screening
/// can be shown years later with the data it used.
public struct Roster: Codable, Sendable, Equatable {
    public let people: [RosterPerson]
    public let source: String?

    enum CodingKeys: String, CodingKey { case columns, rows, people, source }

    public init(people: [RosterPerson], source: String?) {
        self.people = people
        self.source = source
    }

    /// A roster is stored as a table: the names of its columns once, then one row per person (`RosterTable`), which
    /// decodes several times faster than an object per person and takes half the bytes. Rosters recorded earlier
    /// hold an object per person (`people`) and are read as they are: their bytes are what their hash covers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let source = try container.decodeIfPresent(String.self, forKey: .source)
        if container.contains(.people) {
            self.init(people: try container.decode([RosterPerson].self, forKey: .people), source: source)
            return
        }
        let columns = try container.decode([String].self, forKey: .columns)
        var rows = try container.nestedUnkeyedContainer(forKey: .rows)
        self.init(people: try RosterTable(columns: columns, codingPath: container.codingPath).people(from: &rows), source: source)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(RosterTable.columns, forKey: .columns)
        var rows = container.nestedUnkeyedContainer(forKey: .rows)
        for person in people { try rows.encode(RosterTable.Row(person: person)) }
        try container.encodeIfPresent(source, forKey: .source)
    }
}

public struct RosterPerson: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// `yyyy-MM-dd`.
    public var birthDate: String?
    /// `nam` or `nữ`.
    public var gender: String?
    public var ethnicity: String?
    public var unit: String?
    public var currentTitle: String?
    public var degree: String?
    public var politicalTheory: String?
    /// Yearly rating codes: HTXSNV, HTTNV, HTNV, KHTNV.
    public var ratings: [YearEntry]
    /// Discipline records: year and form (khiển trách, cảnh cáo, …).
    public var discipline: [YearEntry]
    /// Titles the person is already planned for.
    public var plannedTitles: [String]

    public struct YearEntry: Codable, Sendable, Equatable {
        public var year: Int
        public var text: String

        public init(year: Int, text: String) {
            self.year = year
            self.text = text
        }
    }

    public init(id: String, name: String, birthDate: String? = nil, gender: String? = nil, ethnicity: String? = nil,
                unit: String? = nil, currentTitle: String? = nil, degree: String? = nil, politicalTheory: String? = nil,
                ratings: [YearEntry] = [], discipline: [YearEntry] = [], plannedTitles: [String] = []) {
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.gender = gender
        self.ethnicity = ethnicity
        self.unit = unit
        self.currentTitle = currentTitle
        self.degree = degree
        self.politicalTheory = politicalTheory
        self.ratings = ratings
        self.discipline = discipline
        self.plannedTitles = plannedTitles
    }

    /// What rules see as `person`.
    public var parameter: RuleParameter {
        var fields: [String: RuleParameter] = ["id": .string(id), "name": .string(name),
                                               "ratings": .map(Dictionary(ratings.map { (String($0.year), .string($0.text)) }, uniquingKeysWith: { $1 })),
                                               "discipline": .list(discipline.map { .map(["year": .int(Int64($0.year)), "form": .string($0.text)]) }),
                                               "planned_titles": .list(plannedTitles.map(RuleParameter.string))]
        let optional: [(String, String?)] = [("birth_date", birthDate), ("gender", gender), ("ethnicity", ethnicity), ("unit", unit),
                                             ("current_title", currentTitle), ("degree", degree), ("political_theory", politicalTheory)]
        for (key, value) in optional { if let value { fields[key] = .string(value) } }
        return .map(fields)
    }
}

/// A recorded decision to let a person pass despite failing a rule, with who decided and why.
public struct Override: Codable, Sendable, Equatable {
    public let person: String
    public let rule: String
    public let reason: String

    public init(person: String, rule: String, reason: String) {
        self.person = person
        self.rule = rule
        self.reason = reason
    }

    /// The pseudo-rule for a candidate missing from the roster.
    public static let notInRoster = "roster"
    /// The pseudo-rule for a person planned for more titles than the rule set allows.
    public static let titleLimit = "titles-per-person"
}
