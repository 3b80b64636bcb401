import CSV
import Foundation
import QuorumCore

/// A CSV file exported from a spreadsheet: UTF-8 (a byte-order mark is fine), a header row naming the columns, fields
/// separated by commas, or by semicolons (as Excel writes them under Vietnamese regional settings) or tabs, whichever
/// the header row uses. CSV.swift parses the fields; this type maps each row and cell back to its line and column.
struct CSVTable {
    struct Row {
        let line: Int
        let fields: [String: String]
        let columns: [String: Int]
    }

    let file: String
    let header: [String]
    let rows: [Row]
    /// Headers written otherwise than the field they were read as: ("Họ và tên", "full_name").
    var renamed: [(header: String, field: String)] = []

    func location(_ row: Row, _ column: String) -> SourceLocation {
        SourceLocation(file: file, line: row.line, column: row.columns[column] ?? 1)
    }

    /// `field` reads a header as the field it means (a roster format's Vietnamese headers); by default a header is
    /// its field's own name, in any case.
    static func read(_ file: String, allowed: [String], required: [String],
                     field: (String) -> String? = { _ in nil }) throws(InputError) -> CSVTable {
        func fail(_ line: Int, _ column: Int, code: String, _ message: String, notes: [String] = []) -> LocatedDiagnostic {
            .error(at: SourceLocation(file: file, line: line, column: column), code: code, message, notes: notes)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(diagnostics: [.error(at: nil, code: "cannot-read-file", "cannot read '\(file)': no such file, or it is not readable")])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw InputError(diagnostics: [fail(1, 1, code: "file-not-utf8", "the file is not UTF-8 text; export the sheet as CSV UTF-8")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rawLines = TextLines.split(text)
        let separator = Self.separator(of: rawLines.first ?? "")
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true, delimiter: separator,
                                   whitespaces: CharacterSet(charactersIn: separator == "\t" ? " " : " \t"))
        } catch {
            throw InputError(diagnostics: [fail(1, 1, code: "no-header-row", "cannot read the header row; the first line must name the columns: \(allowed.joined(separator: ","))")])
        }
        let written = reader.headerRow ?? []
        let header = written.map { field($0) ?? $0.lowercased() }
        let renamed = zip(written, header).filter { $0.0.lowercased() != $0.1 }.map { (header: $0.0, field: $0.1) }
        var problems: [LocatedDiagnostic] = []
        let headerColumns = fieldColumns(rawLines.first ?? "", separator: separator)
        for (index, name) in header.enumerated() where !allowed.contains(name) {
            problems.append(fail(1, headerColumns[safe: index] ?? 1, code: "unknown-column", "unknown column '\(name)'; expected \(allowed.joined(separator: ", "))",
                                 notes: Suggestion.note(for: name, in: allowed)))
        }
        for name in required where !header.contains(name) { problems.append(fail(1, 1, code: "missing-column", "missing column '\(name)'")) }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        var rows: [Row] = []
        var line = 2 + TextLines.breaks(in: header.joined())
        while let fields = reader.next() {
            defer { line += 1 + TextLines.breaks(in: fields.joined()) }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == header.count else {
                problems.append(fail(line, 1, code: "wrong-field-count", "this row has \(fields.count) fields but the header has \(header.count)"))
                continue
            }
            let starts = fieldColumns(rawLines[safe: line - 1] ?? "", separator: separator)
            rows.append(Row(line: line, fields: Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first }),
                            columns: Dictionary(header.enumerated().map { ($0.element, starts[safe: $0.offset] ?? 1) }, uniquingKeysWith: { first, _ in first })))
        }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        return CSVTable(file: file, header: header, rows: rows, renamed: renamed)
    }

    /// The separator the header row uses: the most frequent of comma, semicolon and tab outside quotes (a comma on a tie).
    static func separator(of header: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for scalar in header.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() } else if !inQuotes, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        let other: Unicode.Scalar = counts[";"]! >= counts["\t"]! ? ";" : "\t"
        return counts[other]! > counts[","]! ? other : ","
    }

    /// The 1-based column (in Unicode scalars) where each field of a raw CSV line starts.
    static func fieldColumns(_ line: String, separator: Unicode.Scalar = ",") -> [Int] {
        var starts = [1]
        var inQuotes = false
        for (offset, scalar) in line.unicodeScalars.enumerated() {
            if scalar == "\"" { inQuotes.toggle() } else if scalar == separator, !inQuotes { starts.append(offset + 2) }
        }
        return starts
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
