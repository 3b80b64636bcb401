import Foundation
import QuorumCore
import Yams

/// Reads a meeting's results from YAML (`present`, `ballots`, `votes` or `agreed`, `papers`, `write-ins`, `review`,
/// `note`) or from CSV (columns `title,name,votes[,write_in]` for ballots, `title,name` for an agreed list,
/// `ballot,title,marked` for papers). Nothing is returned from a file with errors.
public enum ResultSheetReader {
    public static func read(_ file: String, step: String) throws(InputError) -> ResultSheet {
        if CSVTable.isSpreadsheet(file) { return try CSVResultReader.read(file, step: step) }
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.read(file, problems: &problems) else { throw InputError(diagnostics: problems) }
        return try read(tree, file: file, step: step)
    }

    /// Results sent as YAML or JSON text (the body of a request to `quorum serve`), located in `name`.
    public static func read(yaml data: Data, named name: String, step: String) throws(InputError) -> ResultSheet {
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.parse(data, file: name, problems: &problems) else { throw InputError(diagnostics: problems) }
        return try read(tree, file: name, step: step)
    }

    /// Folded YAML text (`>`) ends in a newline that is no part of what was said.
    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Results written inline in a larger YAML file, such as a scenario.
    static func read(_ tree: YAMLTree, file: String, step: String) throws(InputError) -> ResultSheet {
        let problems = ShapeChecker.check(tree, against: FormatShapes.results)
        guard !problems.hasErrors else { throw InputError(diagnostics: problems) }
        var locations: [RecordProblem.Subject: SourceLocation] = [.record: tree.location]
        locations[.present] = tree["present"]?.location
        locations[.ballots] = tree["ballots"]?.location
        var record = StepRecord(step: step, present: tree["present"]?.string.flatMap { Int($0) }, note: tree["note"]?.string, source: file)
        if let counts = tree["ballots"] {
            func count(_ key: String) -> Int { Int(counts[key]?.string ?? "") ?? 0 }
            record.ballots = BallotCount(issued: count("issued"), returned: count("returned"), valid: count("valid"), invalid: count("invalid"))
        }
        for entry in tree["votes"]?.entries ?? [] {
            locations[.title(entry.key)] = entry.keyLocation
            let candidates = (entry.value.entries ?? []).map { candidate in
                let name = ResultSheet.normalizedName(candidate.key)
                locations[.candidate(title: entry.key, name: name)] = candidate.keyLocation
                return CandidateVotes(name: name, votes: Int(candidate.value.string ?? "") ?? 0)
            }
            record.votes.append(TitleVotes(title: entry.key, candidates: candidates))
        }
        record.summoned = tree["summoned"]?.string.flatMap { Int($0) }
        record.attendees = (tree["attendees"]?.items ?? []).compactMap(\.string).map(ResultSheet.normalizedName)
        if record.present == nil, !record.attendees.isEmpty { record.present = record.attendees.count }
        if let issued = tree["issued"]?.string.flatMap({ Int($0) }) {
            record.ballots = BallotCount(issued: issued, returned: 0, valid: 0, invalid: 0)
        }
        for (index, paper) in (tree["papers"]?.items ?? []).enumerated() {
            locations[.paper(index + 1)] = paper.location
            let marks: [TitleList] = if let sections = paper.entries {
                sections.map { TitleList(title: $0.key, names: ($0.value.items ?? []).compactMap(\.string).map(ResultSheet.normalizedName)) }
            } else {
                [TitleList(title: "", names: (paper.items ?? []).compactMap(\.string).map(ResultSheet.normalizedName))]
            }
            record.papers.append(BallotPaper(number: index + 1, marks: marks))
        }
        for entry in tree["agreed"]?.entries ?? [] {
            locations[.title(entry.key)] = entry.keyLocation
            let names = (entry.value.items ?? []).map { item in
                let name = ResultSheet.normalizedName(item.string ?? "")
                locations[.candidate(title: entry.key, name: name)] = item.location
                return name
            }
            record.agreed.append(TitleList(title: entry.key, names: names))
        }
        for entry in tree["write-ins"]?.entries ?? [] {
            locations[.title(entry.key)] = locations[.title(entry.key)] ?? entry.keyLocation
            let names = (entry.value.items ?? []).map { item in
                let name = ResultSheet.normalizedName(item.string ?? "")
                locations[.candidate(title: entry.key, name: name)] = locations[.candidate(title: entry.key, name: name)] ?? item.location
                return name
            }
            record.writeIns = (record.writeIns ?? []) + [TitleList(title: entry.key, names: names)]
        }
        for entry in tree["review"]?.entries ?? [] {
            locations[.title(entry.key)] = locations[.title(entry.key)] ?? entry.keyLocation
            for item in entry.value.items ?? [] {
                let person = ResultSheet.normalizedName(item["person"]?.string ?? "")
                locations[.candidate(title: entry.key, name: person)] = item["person"]?.location ?? item.location
                let decision = ReviewEntry.Decision(rawValue: item["decision"]?.string ?? "") ?? .keep
                record.review = (record.review ?? []) + [ReviewEntry(title: entry.key, person: person, decision: decision,
                                                                     reason: item["reason"]?.string.map(trimmed))]
            }
        }
        record.outOfOrder = tree["out-of-order"]?.string.map(trimmed)
        record.chair = tree["chair"]?.string.map(ResultSheet.normalizedName)
        record.secretary = tree["secretary"]?.string.map(ResultSheet.normalizedName)
        record.committee = tree["committee"]?.items?.map { CommitteeMember(person: ResultSheet.normalizedName($0["person"]?.string ?? ""), role: $0["role"]?.string) }
        record.absent = tree["absent"]?.items?.map { Absence(person: ResultSheet.normalizedName($0["person"]?.string ?? ""), reason: $0["reason"]?.string) }
        record.startedAt = tree["started"]?.string
        record.endedAt = tree["ended"]?.string
        record.note = record.note.map(trimmed)
        return ResultSheet(record: record, file: file, locations: locations)
    }
}
