import Foundation
import QuorumCore
import Yams

/// Reads a meeting's results from YAML (`present`, `valid-ballots`, `votes` or `agreed`, `note`) or from CSV
/// (columns `title,name,votes` for ballots, `title,name` for an agreed list). Nothing is returned from a file with errors.
public enum ResultSheetReader {
    public static func read(_ file: String, step: String) throws(InputError) -> ResultSheet {
        if file.lowercased().hasSuffix(".csv") { return try CSVResultReader.read(file, step: step) }
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.read(file, problems: &problems) else { throw InputError(diagnostics: problems) }
        problems += ShapeChecker.check(tree, against: FormatShapes.results)
        guard !problems.hasErrors else { throw InputError(diagnostics: problems) }
        var locations: [RecordProblem.Subject: SourceLocation] = [.record: tree.location]
        locations[.present] = tree["present"]?.location
        locations[.validBallots] = tree["valid-ballots"]?.location
        var record = StepRecord(step: step, present: tree["present"]?.string.flatMap { Int($0) },
                                validBallots: tree["valid-ballots"]?.string.flatMap { Int($0) },
                                note: tree["note"]?.string, source: file)
        for entry in tree["votes"]?.entries ?? [] {
            locations[.title(entry.key)] = entry.keyLocation
            let candidates = (entry.value.entries ?? []).map { candidate in
                let name = ResultSheet.normalizedName(candidate.key)
                locations[.candidate(title: entry.key, name: name)] = candidate.keyLocation
                return CandidateVotes(name: name, votes: Int(candidate.value.string ?? "") ?? 0)
            }
            record.votes.append(TitleVotes(title: entry.key, candidates: candidates))
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
        return ResultSheet(record: record, file: file, locations: locations)
    }
}
