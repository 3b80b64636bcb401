import CSV
import Foundation
import QuorumCore

/// A table of people or results from a spreadsheet: a CSV file (UTF-8, a byte-order mark is fine; fields separated
/// by commas, or by semicolons as Excel writes them under Vietnamese regional settings, or tabs, whichever the header
/// row uses), or the first sheet of an Excel workbook (`.xlsx`). The first row names the columns. CSV.swift parses
/// CSV fields, `XLSXSheet` reads workbooks; this type maps each row and cell back to its place, which for a workbook
/// is the cell as Excel names it with its column's header: `ho-so.xlsx:Sheet1!D7 (Ngày sinh)`.
struct CSVTable {
    /// One row: its values and where each starts, in the header's order, read by field through a position index
    /// the rows of a table share (a dictionary per row took most of the memory of reading a large roster).
    struct Row {
        let line: Int
        let values: [String]
        let starts: Starts
        let positions: [String: Int]

        /// Where each field starts: the same columns for every row of a workbook; for a CSV file, worked out from the
        /// row's raw line only when a problem is located there, not for every row of a large file.
        enum Starts {
            case columns([Int])
            case line(Substring, separator: Unicode.Scalar)
        }

        /// The value of a field; nil for a field the table does not have.
        subscript(field: String) -> String? { positions[field].map { values[$0] } }

        /// The 1-based column where a field's value starts.
        func column(of field: String) -> Int? {
            guard let position = positions[field] else { return nil }
            switch starts {
            case .columns(let columns): return columns[safe: position]
            case .line(let line, let separator): return CSVTable.fieldColumns(line, separator: separator)[safe: position]
            }
        }
    }

    let file: String
    let header: [String]
    var rows: [Row]
    /// Headers written otherwise than the field they were read as: ("Họ và tên", "full_name").
    var renamed: [(header: String, field: String)] = []
    /// For a workbook: the sheet's name and, by field, the header as written.
    var sheet: String?
    var written: [String: String] = [:]

    /// Each field's position in a row; a field named twice is read from its first column.
    var positions: [String: Int] {
        Dictionary(header.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    func location(_ row: Row, _ column: String) -> SourceLocation {
        let number = row.column(of: column) ?? 1
        guard let sheet else { return SourceLocation(file: file, line: row.line, column: number) }
        return SourceLocation(file: file, line: row.line, column: number,
                              cell: "\(sheet)!\(XLSXSheet.letters(number))\(row.line) (\(written[column] ?? column))")
    }

    /// A CSV file or an Excel workbook, by its name.
    static func isSpreadsheet(_ file: String) -> Bool {
        let name = file.lowercased()
        return name.hasSuffix(".csv") || name.hasSuffix(".xlsx")
    }

    /// `field` reads a header as the field it means (a roster format's Vietnamese headers); by default a header is
    /// its field's own name, in any case.
    static func read(_ file: String, allowed: [String], required: [String],
                     field: (String) -> String? = { _ in nil }) throws(InputError) -> CSVTable {
        file.lowercased().hasSuffix(".xlsx") ? try workbook(file, allowed: allowed, required: required, field: field)
            : try csv(file, allowed: allowed, required: required, field: field)
    }

    private static func csv(_ file: String, allowed: [String], required: [String], field: (String) -> String?) throws(InputError) -> CSVTable {
        func fail(_ line: Int, _ column: Int, code: String, _ values: KeyValuePairs<String, any CustomStringConvertible> = [:]) -> LocatedDiagnostic {
            .error(at: SourceLocation(file: file, line: line, column: column), code: code, values)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(diagnostics: [.error(at: nil, code: "cannot-read-file", ["file": file])])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw InputError(diagnostics: [fail(1, 1, code: "file-not-utf8")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rawLines = TextLines.slices(text)
        let separator = Self.separator(of: String(rawLines.first ?? ""))
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: needsTrimming(text, separator: separator), delimiter: separator,
                                   whitespaces: CharacterSet(charactersIn: separator == "\t" ? " " : " \t"))
        } catch {
            throw InputError(diagnostics: [fail(1, 1, code: "no-header-row", ["columns": allowed.joined(separator: ",")])])
        }
        let written = reader.headerRow ?? []
        var table = try named(file, header: Array(zip(written, fieldColumns(rawLines.first ?? "", separator: separator))), allowed: allowed,
                              required: required, field: field) { line, column in SourceLocation(file: file, line: line, column: column) }
        var problems: [LocatedDiagnostic] = []
        var rows: [Row] = []
        let positions = table.positions
        var line = 2 + TextLines.breaks(in: written.joined())
        while let fields = reader.next() {
            defer { line += fields.reduce(1) { $0 + TextLines.breaks(in: $1) } }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == table.header.count else {
                problems.append(fail(line, 1, code: "wrong-field-count", ["fields": fields.count, "header": table.header.count]))
                continue
            }
            rows.append(Row(line: line, values: fields, starts: .line(rawLines[safe: line - 1] ?? "", separator: separator), positions: positions))
        }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        table.rows = rows
        return table
    }

    private static func workbook(_ file: String, allowed: [String], required: [String], field: (String) -> String?) throws(InputError) -> CSVTable {
        let sheet: XLSXSheet
        do { sheet = try XLSXSheet.read(file) } catch {
            throw InputError(diagnostics: [.error(at: SourceLocation(file: file, line: 1, column: 1), code: "unreadable-workbook", ["file": file, "reason": error.reason])])
        }
        guard let first = sheet.rows.first else {
            throw InputError(diagnostics: [.error(at: SourceLocation(file: file, line: 1, column: 1), code: "no-header-row", key: "empty-sheet",
                                                  ["sheet": sheet.name, "columns": allowed.joined(separator: ", ")])])
        }
        var table = try named(file, header: first.cells.map { ($0.text, $0.column) }, allowed: allowed, required: required, field: field) { _, column in
            SourceLocation(file: file, line: first.number, column: column, cell: "\(sheet.name)!\(XLSXSheet.letters(column))\(first.number)")
        }
        table.sheet = sheet.name
        let columns = Dictionary(first.cells.map { ($0.column, $0) }, uniquingKeysWith: { first, _ in first })
        table.written = Dictionary(zip(table.header, first.cells.map(\.text)), uniquingKeysWith: { first, _ in first })
        let fieldOf = Dictionary(zip(first.cells.map(\.column), table.header), uniquingKeysWith: { first, _ in first })
        let positions = table.positions
        let starts = table.header.map { field in fieldOf.first { $0.value == field }?.key ?? 1 }
        var problems: [LocatedDiagnostic] = []
        for row in sheet.rows.dropFirst() {
            for cell in row.cells where columns[cell.column] == nil {
                problems.append(.error(at: SourceLocation(file: file, line: row.number, column: cell.column, cell: "\(sheet.name)!\(XLSXSheet.letters(cell.column))\(row.number)"),
                                       code: "value-without-header", ["text": cell.text]))
            }
            let values = Dictionary(row.cells.compactMap { cell in fieldOf[cell.column].map { ($0, cell.text.trimmingSpaces()) } },
                                    uniquingKeysWith: { first, _ in first })
            table.rows.append(Row(line: row.number, values: table.header.map { values[$0] ?? "" }, starts: .columns(starts), positions: positions))
        }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        return table
    }

    /// The table's columns from the header as written and where each header is: each read as its field, refused
    /// (all at once) when one is unknown or a required one is missing.
    private static func named(_ file: String, header written: [(text: String, column: Int)], allowed: [String], required: [String],
                              field: (String) -> String?, at location: (Int, Int) -> SourceLocation) throws(InputError) -> CSVTable {
        let header = written.map { field($0.text) ?? $0.text.lowercased() }
        var problems: [LocatedDiagnostic] = []
        for (index, name) in header.enumerated() where !allowed.contains(name) {
            problems.append(.error(at: location(1, written[index].column), code: "unknown-column",
                                   ["column": written[index].text, "columns": allowed.joined(separator: ", ")],
                                   notes: Suggestion.note(for: name, in: allowed)))
        }
        for name in required where !header.contains(name) {
            problems.append(.error(at: location(1, 1), code: "missing-column", key: "missing-column-3", ["name": name]))
        }
        guard problems.isEmpty else { throw InputError(diagnostics: problems) }
        let renamed = zip(written, header).filter { $0.0.text.lowercased() != $0.1 }.map { (header: $0.0.text, field: $0.1) }
        return CSVTable(file: file, header: header, rows: [], renamed: renamed)
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

    /// Whether trimming the fields can change any of them: a space (or a tab, unless tabs separate) at the start or
    /// the end of the text, or next to a separator, a quote or a line break. CSV.swift trims a field's end through
    /// Foundation, which on Linux passes every field through NSString (a fifth of recording a province's sheet of
    /// 110,000 rows); a text with nothing to trim is read without trimming, into the same fields.
    static func needsTrimming(_ text: String, separator: Unicode.Scalar) -> Bool {
        let separator = UInt8(truncatingIfNeeded: separator.value)
        func isSpace(_ byte: UInt8) -> Bool { (byte == 0x20 || byte == 0x09) && byte != separator }
        func isEdge(_ byte: UInt8) -> Bool { byte == separator || byte == 0x22 || byte == 0x0A || byte == 0x0D }
        // Every byte compared is ASCII, which never occurs inside a longer UTF-8 sequence.
        var previous: UInt8?
        for byte in text.utf8 {
            if let before = previous {
                if isSpace(byte) && isEdge(before) || isEdge(byte) && isSpace(before) { return true }
            } else if isSpace(byte) {
                return true
            }
            previous = byte
        }
        return previous.map(isSpace) ?? false
    }

    /// The 1-based column (in Unicode scalars) where each field of a raw CSV line starts.
    static func fieldColumns(_ line: some StringProtocol, separator: Unicode.Scalar = ",") -> [Int] {
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
