import QuorumCore

/// Reads the candidates' roster from CSV (one row per person; ratings as `2018:HTTNV; 2019:HTXSNV`) or YAML
/// (`people:` with the same keys). Every bad row is reported by line and column, and nothing is imported from a
/// file with errors.
public enum RosterReader {
    public static func read(_ file: String) throws(InputError) -> Roster {
        file.lowercased().hasSuffix(".csv") ? try csv(file) : try yaml(file)
    }

    private static func csv(_ file: String) throws(InputError) -> Roster {
        let table = try CSVTable.read(file, allowed: RosterFields.columns, required: ["id", "full_name"])
        var problems: [LocatedDiagnostic] = []
        var people: [RosterPerson] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let (person, found) = RosterFields.person(row.fields)
            problems += found.map { .error(at: table.location(row, $0.field), code: "invalid-value", $0.message) }
            let id = ResultSheet.normalizedName(row.fields["id"] ?? "")
            if !id.isEmpty, let earlier = seen[id] {
                problems.append(.error(at: table.location(row, "id"), code: "id-already-used-line", "id '\(id)' is already used on line \(earlier)"))
                continue
            }
            seen[id] = row.line
            if let person { people.append(person) }
        }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        return Roster(people: people, source: file)
    }

    private static func yaml(_ file: String) throws(InputError) -> Roster {
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.read(file, problems: &problems) else { throw InputError(diagnostics: problems) }
        problems += ShapeChecker.check(tree, against: FormatShapes.roster)
        guard !problems.hasErrors else { throw InputError(diagnostics: problems) }
        var people: [RosterPerson] = []
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
            let (person, found) = RosterFields.person(fields)
            problems += found.map { .error(at: item[$0.field]?.location ?? item.location, code: "invalid-value", $0.message) }
            if let id = fields["id"], !seen.insert(id).inserted {
                problems.append(.error(at: item["id"]?.location, code: "id-used-twice", "id '\(id)' is used twice"))
                continue
            }
            if let person { people.append(person) }
        }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        return Roster(people: people, source: file)
    }
}
