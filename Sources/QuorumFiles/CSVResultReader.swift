import CSV
import Foundation
import QuorumCore

/// Reads results exported from a spreadsheet: UTF-8 (a byte-order mark is fine), a header row, one row per candidate.
/// CSV.swift parses the fields; this type maps each row back to its line and column for error messages.
enum CSVResultReader {
    static let columns = ["title", "name", "votes"]

    static func read(_ file: String, step: String) throws(ResultSheetError) -> ResultSheet {
        func fail(_ line: Int, _ column: Int, _ message: String) -> ResultSheetError {
            ResultSheetError(diagnostics: [.error(at: SourceLocation(file: file, line: line, column: column), message)])
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ResultSheetError(diagnostics: [.error(at: nil, "cannot read '\(file)': no such file, or it is not readable")])
        }
        guard var text = String(data: data, encoding: .utf8) else { throw fail(1, 1, "the file is not UTF-8 text; export the sheet as CSV UTF-8") }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rawLines = TextLines.split(text)
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true) } catch {
            throw fail(1, 1, "cannot read the header row; the first line must name the columns: \(columns.joined(separator: ","))")
        }
        let header = (reader.headerRow ?? []).map { $0.lowercased() }
        var diagnostics: [LocatedDiagnostic] = []
        let headerColumns = fieldColumns(rawLines.first ?? "")
        for (index, name) in header.enumerated() where !columns.contains(name) {
            diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: headerColumns[safe: index] ?? 1),
                                      "unknown column '\(name)'; expected \(columns.joined(separator: ", "))",
                                      notes: Suggestion.note(for: name, in: columns)))
        }
        for required in ["title", "name"] where !header.contains(required) {
            diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: 1), "missing column '\(required)'"))
        }
        guard diagnostics.isEmpty else { throw ResultSheetError(diagnostics: diagnostics) }
        let hasVotes = header.contains("votes")
        var record = StepRecord(step: step, source: file)
        var locations: [RecordProblem.Subject: SourceLocation] = [.record: SourceLocation(file: file, line: 1, column: 1)]
        var line = 2 + TextLines.breaks(in: header.joined())
        while let row = reader.next() {
            defer { line += 1 + TextLines.breaks(in: row.joined()) }
            if row.allSatisfy(\.isEmpty) { continue }
            let starts = fieldColumns(rawLines[safe: line - 1] ?? "")
            func at(_ column: String) -> SourceLocation {
                SourceLocation(file: file, line: line, column: starts[safe: header.firstIndex(of: column) ?? 0] ?? 1)
            }
            guard row.count == header.count else {
                diagnostics.append(.error(at: SourceLocation(file: file, line: line, column: 1),
                                          "this row has \(row.count) fields but the header has \(header.count)"))
                continue
            }
            let value = { (column: String) in row[header.firstIndex(of: column)!] }
            let title = value("title"), name = ResultSheet.normalizedName(value("name"))
            if title.isEmpty { diagnostics.append(.error(at: at("title"), "the title id is empty")) }
            if name.isEmpty { diagnostics.append(.error(at: at("name"), "the name is empty")) }
            locations[.title(title)] = locations[.title(title)] ?? at("title")
            locations[.candidate(title: title, name: name)] = at("name")
            if hasVotes {
                guard let votes = Int(value("votes")), votes >= 0 else {
                    diagnostics.append(.error(at: at("votes"), "'\(value("votes"))' is not a vote count; write a whole number from 0 up"))
                    continue
                }
                append(CandidateVotes(name: name, votes: votes), title: title, to: &record.votes)
            } else if let index = record.agreed.firstIndex(where: { $0.title == title }) {
                record.agreed[index].names.append(name)
            } else {
                record.agreed.append(TitleList(title: title, names: [name]))
            }
        }
        guard diagnostics.isEmpty else { throw ResultSheetError(diagnostics: diagnostics) }
        return ResultSheet(record: record, file: file, locations: locations)
    }

    private static func append(_ candidate: CandidateVotes, title: String, to votes: inout [TitleVotes]) {
        if let index = votes.firstIndex(where: { $0.title == title }) {
            votes[index].candidates.append(candidate)
        } else {
            votes.append(TitleVotes(title: title, candidates: [candidate]))
        }
    }

    /// The 1-based column (in Unicode scalars) where each field of a raw CSV line starts.
    static func fieldColumns(_ line: String) -> [Int] {
        var starts = [1]
        var inQuotes = false
        for (offset, scalar) in line.unicodeScalars.enumerated() {
            if scalar == "\"" { inQuotes.toggle() } else if scalar == ",", !inQuotes { starts.append(offset + 2) }
        }
        return starts
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
