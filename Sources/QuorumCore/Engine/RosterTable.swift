/// How a roster is stored in its event: `columns` names each field once, and each row holds one person's values in
/// that order (`null` for a blank field; ratings and discipline as one list of year and text after year and text,
/// `ratingsFlat` and `disciplineFlat`). A stored table is read by the names of its columns, so a version that adds a
/// field still reads tables written before it; a column it does not know, a field given twice, or a table without
/// `id` and `name`, is refused rather than half read. Tables written before December 2026 hold ratings and discipline
/// as a list of `[year, text]` pairs (`ratings`, `discipline`), which decoded at half the speed.
struct RosterTable {
    enum Column: String {
        case id, name, birthDate, gender, ethnicity, unit, currentTitle, degree, politicalTheory, ratings, discipline, plannedTitles
        case ratingsFlat, disciplineFlat

        /// The person's field the column holds: two columns of one field cannot both be in a table.
        var field: Column {
            switch self {
            case .ratingsFlat: .ratings
            case .disciplineFlat: .discipline
            default: self
            }
        }

        /// The columns written today, in their order.
        static let written: [Column] = [.id, .name, .birthDate, .gender, .ethnicity, .unit, .currentTitle, .degree, .politicalTheory,
                                        .ratingsFlat, .disciplineFlat, .plannedTitles]
    }

    /// The names of the columns written today.
    static let columns = Column.written.map(\.rawValue)

    let columns: [Column]

    init(columns names: [String], codingPath: [any CodingKey]) throws {
        var columns: [Column] = []
        for name in names {
            guard let column = Column(rawValue: name), !columns.contains(where: { $0.field == column.field }) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "roster column '\(name)' is unknown or repeated"))
            }
            columns.append(column)
        }
        guard columns.contains(.id), columns.contains(.name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "a roster table needs the columns id and name"))
        }
        self.columns = columns
    }

    func people(from rows: inout any UnkeyedDecodingContainer) throws -> [RosterPerson] {
        var people: [RosterPerson] = []
        people.reserveCapacity(rows.count ?? 0)
        while !rows.isAtEnd {
            var row = try rows.nestedUnkeyedContainer()
            var person = RosterPerson(id: "", name: "")
            for column in columns {
                // A blank field is `null`; a missing one is a damaged row, not a blank.
                guard !row.isAtEnd else {
                    throw DecodingError.dataCorrupted(.init(codingPath: row.codingPath, debugDescription: "a roster row has fewer values than columns"))
                }
                switch column {
                case .id: person.id = try row.decode(String.self)
                case .name: person.name = try row.decode(String.self)
                case .birthDate: person.birthDate = try row.decodeIfPresent(String.self)
                case .gender: person.gender = try row.decodeIfPresent(String.self)
                case .ethnicity: person.ethnicity = try row.decodeIfPresent(String.self)
                case .unit: person.unit = try row.decodeIfPresent(String.self)
                case .currentTitle: person.currentTitle = try row.decodeIfPresent(String.self)
                case .degree: person.degree = try row.decodeIfPresent(String.self)
                case .politicalTheory: person.politicalTheory = try row.decodeIfPresent(String.self)
                case .ratings: person.ratings = try Self.yearEntries(from: &row)
                case .discipline: person.discipline = try Self.yearEntries(from: &row)
                case .ratingsFlat: person.ratings = try Self.flatYearEntries(from: &row)
                case .disciplineFlat: person.discipline = try Self.flatYearEntries(from: &row)
                case .plannedTitles: person.plannedTitles = try row.decode([String].self)
                }
            }
            guard row.isAtEnd else {
                throw DecodingError.dataCorrupted(.init(codingPath: row.codingPath, debugDescription: "a roster row has more values than columns"))
            }
            people.append(person)
        }
        return people
    }

    private static func yearEntries(from row: inout any UnkeyedDecodingContainer) throws -> [RosterPerson.YearEntry] {
        var entries: [RosterPerson.YearEntry] = []
        var list = try row.nestedUnkeyedContainer()
        while !list.isAtEnd {
            var pair = try list.nestedUnkeyedContainer()
            entries.append(RosterPerson.YearEntry(year: try pair.decode(Int.self), text: try pair.decode(String.self)))
        }
        return entries
    }

    private static func flatYearEntries(from row: inout any UnkeyedDecodingContainer) throws -> [RosterPerson.YearEntry] {
        var entries: [RosterPerson.YearEntry] = []
        var list = try row.nestedUnkeyedContainer()
        while !list.isAtEnd {
            let year = try list.decode(Int.self)
            guard !list.isAtEnd else {
                throw DecodingError.dataCorrupted(.init(codingPath: list.codingPath, debugDescription: "a year in a roster row has no text"))
            }
            entries.append(RosterPerson.YearEntry(year: year, text: try list.decode(String.self)))
        }
        return entries
    }

    /// One person as a row of `columns`.
    struct Row: Encodable {
        let person: RosterPerson

        func encode(to encoder: any Encoder) throws {
            var row = encoder.unkeyedContainer()
            for column in Column.written {
                switch column {
                case .id: try row.encode(person.id)
                case .name: try row.encode(person.name)
                case .birthDate: try Self.encode(person.birthDate, into: &row)
                case .gender: try Self.encode(person.gender, into: &row)
                case .ethnicity: try Self.encode(person.ethnicity, into: &row)
                case .unit: try Self.encode(person.unit, into: &row)
                case .currentTitle: try Self.encode(person.currentTitle, into: &row)
                case .degree: try Self.encode(person.degree, into: &row)
                case .politicalTheory: try Self.encode(person.politicalTheory, into: &row)
                case .ratingsFlat: try Self.encode(person.ratings, into: &row)
                case .disciplineFlat: try Self.encode(person.discipline, into: &row)
                case .plannedTitles: try row.encode(person.plannedTitles)
                case .ratings, .discipline: break  // read only
                }
            }
        }

        private static func encode(_ value: String?, into row: inout any UnkeyedEncodingContainer) throws {
            if let value { try row.encode(value) } else { try row.encodeNil() }
        }

        private static func encode(_ entries: [RosterPerson.YearEntry], into row: inout any UnkeyedEncodingContainer) throws {
            var list = row.nestedUnkeyedContainer()
            for entry in entries {
                try list.encode(entry.year)
                try list.encode(entry.text)
            }
        }
    }
}
