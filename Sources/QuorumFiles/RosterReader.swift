import QuorumCore

/// Reads the candidates' roster from CSV (one row per person; ratings as `2018:HTTNV; 2019:HTXSNV`) or YAML
/// (`people:` with the same keys). Every bad row is reported by line and column, and nothing is imported from a
/// file with errors. With a roster format, CSV headers may be written as offices write them ("Họ và tên") and
/// degree, political theory and ratings are read through its values; a value it does not know is a warning.
public enum RosterReader {
    /// A roster read, with what the reader should know about how it was read.
    public struct Import: Sendable {
        public let roster: Roster
        /// Headers read as a field of another name: ("Họ và tên", "full_name").
        public let renamedColumns: [(header: String, field: String)]
        /// Spellings read as the value the rules use, with how many times each was found.
        public let normalized: [(field: String, written: String, value: String, count: Int)]
        /// Values the format does not know, kept as written.
        public let warnings: [LocatedDiagnostic]
    }

    public static func read(_ file: String, format: RosterFormat? = nil) throws(InputError) -> Import {
        CSVTable.isSpreadsheet(file) ? try csv(file, format: format) : try yaml(file, format: format)
    }

    private static func csv(_ file: String, format: RosterFormat?) throws(InputError) -> Import {
        let table = try CSVTable.read(file, allowed: RosterFields.columns, required: ["id", "full_name"]) { format?.field(forHeader: $0) }
        var problems: [LocatedDiagnostic] = []
        var collected = Collected()
        var seen: [String: Int] = [:]
        collected.people.reserveCapacity(table.rows.count)
        for row in table.rows {
            let (person, found) = RosterFields.person({ row[$0] }, format: format)
            collected.add(found) { table.location(row, $0) }
            let id = ResultSheet.normalizedName(row["id"] ?? "")
            if !id.isEmpty, let earlier = seen[id] {
                problems.append(.error(at: table.location(row, "id"), code: "id-already-used-line", ["id": id, "earlier": earlier]))
                continue
            }
            seen[id] = row.line
            if let person { collected.people.append(person) }
        }
        problems = collected.problems + problems
        guard problems.isEmpty else { throw InputError(diagnostics: problems.orderedUnique()) }
        return collected.result(file, renamed: table.renamed)
    }

    private static func yaml(_ file: String, format: RosterFormat?) throws(InputError) -> Import {
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.read(file, problems: &problems) else { throw InputError(diagnostics: problems) }
        problems += ShapeChecker.check(tree, against: FormatShapes.roster)
        guard !problems.hasErrors else { throw InputError(diagnostics: problems) }
        var collected = Collected()
        var seen = Set<String>()
        for item in tree["people"]?.items ?? [] {
            var fields: [String: String] = [:]
            for entry in item.entries ?? [] {
                switch entry.key {
                case "ratings", "discipline":
                    fields[entry.key] = (entry.value.entries ?? []).map { "\($0.key):\($0.value.string ?? "")" }.joined(separator: ";")
                case "planned_titles":
                    fields[entry.key] = (entry.value.items ?? []).compactMap(\.string).joined(separator: ";")
                default:
                    fields[entry.key] = entry.value.string
                }
            }
            let (person, found) = RosterFields.person({ fields[$0] }, format: format)
            collected.add(found) { item[$0]?.location ?? item.location }
            if let id = fields["id"], !seen.insert(id).inserted {
                problems.append(.error(at: item["id"]?.location, code: "id-used-twice", ["id": id]))
                continue
            }
            if let person { collected.people.append(person) }
        }
        problems = collected.problems + problems
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        return collected.result(file, renamed: [])
    }

    /// What the rows gave, gathered: people, located problems and warnings, and the spellings read as values.
    private struct Collected {
        var people: [RosterPerson] = []
        var problems: [LocatedDiagnostic] = []
        var warnings: [LocatedDiagnostic] = []
        var normalized: [String: (field: String, written: String, value: String, count: Int)] = [:]

        mutating func add(_ found: RosterFields.Findings, at location: (String) -> SourceLocation?) {
            problems += found.problems.map { .error(at: location($0.field), code: "invalid-value", saying: $0.message) }
            warnings += found.warnings.map { LocatedDiagnostic(.warning, at: location($0.field), code: "unknown-roster-value", saying: $0.message) }
            for item in found.normalized {
                normalized["\(item.field)\u{0}\(item.written)", default: (item.field, item.written, item.value, 0)].count += 1
            }
        }

        func result(_ file: String, renamed: [(header: String, field: String)]) -> Import {
            Import(roster: Roster(people: people, source: file), renamedColumns: renamed,
                   normalized: normalized.values.sorted { ($0.field, $0.written) < ($1.field, $1.written) }, warnings: warnings)
        }
    }
}
