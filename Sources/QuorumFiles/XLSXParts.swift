import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's XMLParser over a part of the package with a reader of it. A part the parser finds a fault in is
/// refused: what was read before the fault is never used as if it were the whole part. (On Linux a part that ends
/// before its elements are closed parses "successfully" with an error set, so the error is what is checked.)
private func parse(_ data: Data, part: String, with reader: some XMLParserDelegate) throws(XLSXSheet.Unreadable) {
    let parser = XMLParser(data: data)
    parser.delegate = reader
    guard parser.parse(), parser.parserError == nil else {
        throw XLSXSheet.Unreadable(reason: "its part \(part) is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber))")
    }
}

/// The elements of some names in an XML part, with their attributes; enough for a workbook's sheet list,
/// relationships and styles.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        /// Inside `cellXfs`: the cell styles cells refer to by index (not `cellStyleXfs`).
        let inCellXfs: Bool
    }

    private let names: Set<String>
    private(set) var elements: [Element] = []
    private var inCellXfs = false

    init(_ data: Data, part: String, collecting names: Set<String>) throws(XLSXSheet.Unreadable) {
        self.names = names
        super.init()
        try parse(data, part: part, with: self)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == "cellXfs" { inCellXfs = true }
        if names.contains(name) { elements.append(Element(name: name, attributes: attributes, inCellXfs: inCellXfs)) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

/// The shared strings of a workbook, in order: each `si`'s text, its rich-text runs joined (phonetic runs left out).
final class SharedStrings: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current: String?
    private var inText = false
    private var inPhonetic = false

    static func read(_ data: Data, part: String) throws(XLSXSheet.Unreadable) -> [String] {
        let reader = SharedStrings()
        try parse(data, part: part, with: reader)
        return reader.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters text: String) {
        if inText { current? += text }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

/// The cells of a worksheet part: each `c`'s text by its type (`s` shared, `inlineStr`, `str` formula text, `b`
/// boolean, number; a number in a date style as `yyyy-MM-dd`).
final class CellReader: NSObject, XMLParserDelegate {
    private(set) var rows: [(number: Int, cells: [XLSXSheet.Cell])] = []
    private(set) var tooMany = false
    private let shared: [String]
    private let dateStyles: Set<Int>
    private let uses1904: Bool
    private var count = 0
    private var row: (number: Int, cells: [XLSXSheet.Cell])?
    private var cell: (column: Int, type: String, style: Int)?
    private var value = ""
    private var collecting = false

    init(_ data: Data, part: String, shared: [String], dateStyles: Set<Int>, uses1904: Bool) throws(XLSXSheet.Unreadable) {
        self.shared = shared
        self.dateStyles = dateStyles
        self.uses1904 = uses1904
        super.init()
        try parse(data, part: part, with: self)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "row":
            row = (attributes["r"].flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1, [])
        case "c":
            let column = attributes["r"].flatMap(XLSXSheet.column) ?? (row?.cells.last?.column ?? 0) + 1
            cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
            value = ""
        case "v", "t":
            collecting = cell != nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters text: String) {
        if collecting { value += text }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            collecting = false
        case "c":
            defer { cell = nil }
            guard let cell, !value.isEmpty else { return }
            count += 1
            if count > XLSXSheet.maximumCells {
                tooMany = true
                parser.abortParsing()
                return
            }
            let text: String
            switch cell.type {
            case "s": text = Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            case "n" where dateStyles.contains(cell.style):
                text = Double(value).flatMap { XLSXSheet.date(serial: $0, uses1904: uses1904) } ?? value
            case "n": text = Double(value).map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : value } ?? value
            default: text = value
            }
            row?.cells.append(XLSXSheet.Cell(column: cell.column, text: text))
        case "row":
            if let row, !row.cells.isEmpty { rows.append(row) }
            row = nil
        default: break
        }
    }
}
