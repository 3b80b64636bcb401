import QuorumCore

/// Results from a spreadsheet: columns `title,name,votes` for a ballot, or `title,name` for an agreed list.
enum CSVResultReader {
    static func read(_ file: String, step: String) throws(InputError) -> ResultSheet {
        let table = try CSVTable.read(file, allowed: ["title", "name", "votes"], required: ["title", "name"])
        let hasVotes = table.header.contains("votes")
        var record = StepRecord(step: step, source: file)
        var locations: [RecordProblem.Subject: SourceLocation] = [.record: SourceLocation(file: file, line: 1, column: 1)]
        var problems: [LocatedDiagnostic] = []
        for row in table.rows {
            let title = row.fields["title"] ?? "", name = ResultSheet.normalizedName(row.fields["name"] ?? "")
            if title.isEmpty { problems.append(.error(at: table.location(row, "title"), "the title id is empty")) }
            if name.isEmpty { problems.append(.error(at: table.location(row, "name"), "the name is empty")) }
            locations[.title(title)] = locations[.title(title)] ?? table.location(row, "title")
            locations[.candidate(title: title, name: name)] = table.location(row, "name")
            if hasVotes {
                let text = row.fields["votes"] ?? ""
                guard let votes = Int(text), votes >= 0 else {
                    problems.append(.error(at: table.location(row, "votes"), "'\(text)' is not a vote count; write a whole number from 0 up"))
                    continue
                }
                if let index = record.votes.firstIndex(where: { $0.title == title }) {
                    record.votes[index].candidates.append(CandidateVotes(name: name, votes: votes))
                } else {
                    record.votes.append(TitleVotes(title: title, candidates: [CandidateVotes(name: name, votes: votes)]))
                }
            } else if let index = record.agreed.firstIndex(where: { $0.title == title }) {
                record.agreed[index].names.append(name)
            } else {
                record.agreed.append(TitleList(title: title, names: [name]))
            }
        }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        return ResultSheet(record: record, file: file, locations: locations)
    }
}
