import Foundation
import QuorumCore
@testable import QuorumFiles
import Testing

/// Rosters read straight from Excel workbooks, written by independent programs, openpyxl (inline strings) and
/// LibreOffice Calc (shared strings): Fixtures/workbooks/make-workbooks.py.
@Suite("Excel workbooks")
struct WorkbookTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/workbooks/\(name)", withExtension: nil)!.path
    }

    @Test("a roster workbook is read like its CSV: Vietnamese headers, Excel dates, spellings through the format",
          arguments: ["ho-so.xlsx", "ho-so-libreoffice.xlsx"])
    func rosterWorkbook(name: String) throws {
        let format = DefinitionCatalog(files: [ProjectFolder.path("rules/ho-so-can-bo.yaml")]).rosterFormat
        let read = try RosterReader.read(Self.fixture(name), format: format)
        #expect(read.roster.people.map(\.id) == ["cb-0112", "cb-0131"])
        #expect(read.roster.people.map(\.name) == ["Nguyễn Hữu Phước", "Lê Thị Mỹ Dung"])
        #expect(read.roster.people.map(\.birthDate) == ["1978-05-12", "1983-02-27"], "dates stored as Excel serial numbers")
        #expect(read.roster.people.map(\.gender) == ["nam", "nữ"])
        #expect(read.roster.people.map(\.degree) == ["Thạc sĩ", "Đại học"])
        #expect(read.roster.people[0].ratings.map(\.text) == ["HTTNV", "HTXSNV", "HTTNV"])
        #expect(read.renamedColumns.count == 7 && read.warnings.isEmpty)
    }

    @Test("a wrong cell is named as Excel names it, with its column's header")
    func wrongCellIsLocated() throws {
        let file = Self.fixture("ho-so-sai-ngay.xlsx")
        let format = DefinitionCatalog(files: [ProjectFolder.path("rules/ho-so-can-bo.yaml")]).rosterFormat
        do {
            _ = try RosterReader.read(file, format: format)
            Issue.record("a workbook with an impossible date was read")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(error.diagnostics.count == 1)
            #expect(diagnostic.location?.description == "\(file):Sheet1!D3 (Ngày sinh)")
            var renderer = DiagnosticRenderer()
            #expect(renderer.render(diagnostic) == "\(file):Sheet1!D3 (Ngày sinh): error: '31/02/1981' is not a date; write 1978-05-12 or 12/05/1978")
        }
    }

    /// A part the XML reader stops in (a file copied incompletely) is refused, not read as far as it goes: the cut
    /// workbook's first person is well formed, and a roster of that one person would lose the rest without a word.
    @Test("a workbook whose worksheet is cut off is refused, never read in part")
    func cutWorkbookIsRefused() throws {
        let file = Self.fixture("ho-so-cat-ngang.xlsx")
        do {
            let sheet = try XLSXSheet.read(file)
            Issue.record("a cut worksheet was read: \(sheet.rows.count) rows")
        } catch {
            // The part is one line, cut after 1,356 characters: the fault is where it ends.
            #expect(error.reason == "its part xl/worksheets/sheet1.xml is not well-formed XML (line 1, column 1357)")
        }
    }

    @Test("Excel's date serials, in both date systems, with the 1900 leap day Excel counts")
    func dateSerials() {
        #expect(XLSXSheet.date(serial: 1, uses1904: false) == "1900-01-01")
        #expect(XLSXSheet.date(serial: 59, uses1904: false) == "1900-02-28")
        #expect(XLSXSheet.date(serial: 61, uses1904: false) == "1900-03-01")
        #expect(XLSXSheet.date(serial: 28622, uses1904: false) == "1978-05-12")
        #expect(XLSXSheet.date(serial: 27160, uses1904: true) == "1978-05-12")
        #expect(XLSXSheet.date(serial: 0, uses1904: false) == nil)
        #expect(XLSXSheet.letters(4) == "D" && XLSXSheet.letters(27) == "AA" && XLSXSheet.column(of: "AB12") == 28)
    }

    @Test("a file that is not a workbook is refused with a reason, not read as empty")
    func notAWorkbook() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gia-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "id,full_name\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try RosterReader.read(file) }
    }
}
