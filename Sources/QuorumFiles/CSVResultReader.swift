import QuorumCore

/// Results from a spreadsheet: columns `title,name,votes` for totals (with `write_in` marked `x` for a name written
/// in on nomination ballots), `title,name` for an agreed list, or
/// `ballot,title,marked` for papers entered one by one (`marked`: the names on the paper, separated by `;`).
enum CSVResultReader {
    static func read(_ file: String, step: String) throws(InputError) -> ResultSheet {
        let table = try CSVTable.read(file, allowed: ["title", "name", "votes", "write_in", "ballot", "marked"], required: [])
        if table.header.contains("ballot") { return try papers(table, step: step) }
        if let missing = ["title", "name"].first(where: { !table.header.contains($0) }) {
            throw InputError(diagnostics: [.error(at: SourceLocation(file: file, line: 1, column: 1), code: "missing-column", ["missing": missing],
                                                  notes: [Phrase("note.resultColumns")])])
        }
        let hasVotes = table.header.contains("votes")
        var record = StepRecord(step: step, source: file)
        var locations: [RecordProblem.Subject: SourceLocation] = [.record: SourceLocation(file: file, line: 1, column: 1)]
        locations.reserveCapacity(table.rows.count + 1)
        var problems: [LocatedDiagnostic] = []
        // Where each title's entry is, so that a province's sheet of thousands of titles is read in one pass.
        var positions: [String: Int] = [:]
        var writeIns: [TitleList] = []
        for row in table.rows {
            let title = row["title"] ?? "", name = ResultSheet.normalizedName(row["name"] ?? "")
            if title.isEmpty { problems.append(.error(at: table.location(row, "title"), code: "title-id-empty")) }
            if name.isEmpty { problems.append(.error(at: table.location(row, "name"), code: "name-empty")) }
            if locations.index(forKey: .title(title)) == nil { locations[.title(title)] = table.location(row, "title") }
            locations[.candidate(title: title, name: name)] = table.location(row, "name")
            if hasVotes {
                let text = row["votes"] ?? ""
                guard let votes = Int(text), votes >= 0 else {
                    problems.append(.error(at: table.location(row, "votes"), code: "not-vote-count", ["text": text]))
                    continue
                }
                let mark = (row["write_in"] ?? "").lowercased()
                if !mark.isEmpty {
                    guard ["x", "1", "yes", "có", "co"].contains(mark) else {
                        problems.append(.error(at: table.location(row, "write_in"), code: "not-write-mark", ["mark": mark]))
                        continue
                    }
                    writeIns.append(TitleList(title: title, names: [name]))
                }
                if let index = positions[title] {
                    record.votes[index].candidates.append(CandidateVotes(name: name, votes: votes))
                } else {
                    positions[title] = record.votes.count
                    record.votes.append(TitleVotes(title: title, candidates: [CandidateVotes(name: name, votes: votes)]))
                }
            } else if let index = positions[title] {
                record.agreed[index].names.append(name)
            } else {
                positions[title] = record.agreed.count
                record.agreed.append(TitleList(title: title, names: [name]))
            }
        }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        if !writeIns.isEmpty { record.writeIns = writeIns }
        return ResultSheet(record: record, file: file, locations: locations)
    }

    /// One row per paper and title. A blank `marked` cell is a blank paper. Numbers must be unique per title.
    private static func papers(_ table: CSVTable, step: String) throws(InputError) -> ResultSheet {
        let file = table.file
        var problems: [LocatedDiagnostic] = []
        if !table.header.contains("marked") {
            problems.append(.error(at: SourceLocation(file: file, line: 1, column: 1), code: "missing-column", key: "missing-column-2"))
        }
        var papers: [Int: BallotPaper] = [:]
        var order: [Int] = []
        var seen: [String: Int] = [:]
        var locations: [RecordProblem.Subject: SourceLocation] = [.record: SourceLocation(file: file, line: 1, column: 1)]
        for row in table.rows {
            let text = row["ballot"] ?? ""
            guard let number = Int(text), number > 0 else {
                problems.append(.error(at: table.location(row, "ballot"), code: "not-ballot-number", ["text": text]))
                continue
            }
            let title = row["title"] ?? ""
            if let earlier = seen["\(number)/\(title)"] {
                problems.append(.error(at: table.location(row, "ballot"), code: "ballot-entered-twice-first", ["number": number, "earlier": earlier]))
                continue
            }
            seen["\(number)/\(title)"] = row.line
            locations[.paper(number)] = table.location(row, "ballot")
            let names = (row["marked"] ?? "").split(separator: ";").map { ResultSheet.normalizedName(String($0)) }.filter { !$0.isEmpty }
            if papers[number] == nil { order.append(number) }
            papers[number, default: BallotPaper(number: number, marks: [])].marks.append(TitleList(title: title, names: names))
        }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        let record = StepRecord(step: step, papers: order.map { papers[$0]! }, source: file)
        return ResultSheet(record: record, file: file, locations: locations)
    }
}
