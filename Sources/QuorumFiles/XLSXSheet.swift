import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The first worksheet of an Excel workbook (`.xlsx`), as rows of cell texts: shared and inline strings, numbers,
/// booleans, and dates (numbers in a date format) as `yyyy-MM-dd`. ZIPFoundation opens the package; Foundation's
/// XMLParser reads its parts.
struct XLSXSheet {
    struct Cell {
        /// 1-based column: A is 1.
        let column: Int
        let text: String
    }

    let name: String
    /// Row number (as Excel shows it) and its non-empty cells, in order.
    let rows: [(number: Int, cells: [Cell])]

    struct Unreadable: Error {
        let reason: String
    }

    /// The most cells read: far beyond a roster or a tally, far below what exhausts memory.
    static let maximumCells = 5_000_000

    static func read(_ file: String) throws(Unreadable) -> XLSXSheet {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read) } catch {
            throw Unreadable(reason: "it is not an Excel workbook (.xlsx): \(error)")
        }
        func part(_ path: String) throws(Unreadable) -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= 256 * 1_048_576 else { throw Unreadable(reason: "its part \(path) is larger than 256 MB") }
            var data = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch {
                throw Unreadable(reason: "its part \(path) cannot be read: \(error)")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else { throw Unreadable(reason: "it has no workbook part (xl/workbook.xml)") }
        let book = try XMLElements(workbook, part: "xl/workbook.xml", collecting: ["sheet", "workbookPr"])
        guard let first = book.elements.first(where: { $0.name == "sheet" }) else { throw Unreadable(reason: "it has no worksheet") }
        let uses1904 = book.elements.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        let relationships = try part("xl/_rels/workbook.xml.rels").map { data throws(Unreadable) in
            try XMLElements(data, part: "xl/_rels/workbook.xml.rels", collecting: ["Relationship"]).elements
        } ?? []
        let target = relationships.first { $0.attributes["Id"] == first.attributes["r:id"] }?.attributes["Target"] ?? "worksheets/sheet1.xml"
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetData = try part(sheetPath) else { throw Unreadable(reason: "its first worksheet (\(sheetPath)) is missing") }
        let shared = try part("xl/sharedStrings.xml").map { data throws(Unreadable) in try SharedStrings.read(data, part: "xl/sharedStrings.xml") } ?? []
        let dateStyles = try part("xl/styles.xml").map { data throws(Unreadable) in try Self.dateStyles(data) } ?? []
        let cells = try CellReader(sheetData, part: sheetPath, shared: shared, dateStyles: dateStyles, uses1904: uses1904)
        if cells.tooMany { throw Unreadable(reason: "it has more than \(maximumCells) cells") }
        return XLSXSheet(name: first.attributes["name"] ?? "Sheet1", rows: cells.rows)
    }

    /// `D` for 4, `AA` for 27.
    static func letters(_ column: Int) -> String {
        var number = column, text = ""
        while number > 0 {
            let rest = (number - 1) % 26
            text = String(UnicodeScalar(UInt8(65 + rest))) + text
            number = (number - 1) / 26
        }
        return text
    }

    /// 4 for `D7`, 27 for `AA3`.
    static func column(of reference: String) -> Int? {
        let letters = reference.prefix { $0.isLetter && $0.isASCII }
        guard !letters.isEmpty else { return nil }
        return letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }

    /// The cell styles (by index) whose number format is a date: the built-in date formats, and custom formats with
    /// day, month or year codes outside quotes and brackets.
    static func dateStyles(_ data: Data) throws(Unreadable) -> Set<Int> {
        let parts = try XMLElements(data, part: "xl/styles.xml", collecting: ["numFmt", "xf", "cellXfs"])
        var dateFormats: Set<Int> = Set(14...22).union(45...47).subtracting([18, 19, 20, 21])
        for format in parts.elements where format.name == "numFmt" {
            guard let id = format.attributes["numFmtId"].flatMap(Int.init), let code = format.attributes["formatCode"] else { continue }
            var outside = "", quoted = false, bracket = false
            for character in code {
                if character == "\"" { quoted.toggle() } else if character == "[" { bracket = true } else if character == "]" { bracket = false }
                else if !quoted, !bracket { outside.append(character) }
            }
            if outside.lowercased().contains(where: { "dmy".contains($0) }) { dateFormats.insert(id) }
        }
        var styles: Set<Int> = []
        for (index, style) in parts.elements.filter({ $0.name == "xf" && $0.inCellXfs }).enumerated()
        where style.attributes["numFmtId"].flatMap(Int.init).map(dateFormats.contains) == true {
            styles.insert(index)
        }
        return styles
    }

    /// `yyyy-MM-dd` of an Excel date serial (days since 1899-12-30, or since 1904-01-01 in the 1904 system).
    static func date(serial: Double, uses1904: Bool) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // In the 1900 system Excel counts a 29 February 1900 that never was: serials from 61 on are one day ahead.
        let epoch = uses1904 ? DateComponents(year: 1904, month: 1, day: 1) : DateComponents(year: 1899, month: 12, day: serial < 61 ? 31 : 30)
        guard let start = calendar.date(from: epoch), let day = calendar.date(byAdding: .day, value: Int(serial.rounded(.down)), to: start) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
