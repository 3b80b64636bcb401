@testable import QuorumFiles
import Testing

/// Lines as editors and spreadsheets write them: LF or CRLF, Vietnamese letters intact, empty lines kept in place.
struct TextLinesTests {
    @Test(arguments: [
        ("a\r\nb\n\nc", ["a", "b", "", "c"]),
        ("Nguyễn Hữu Phước\r\n", ["Nguyễn Hữu Phước", ""]),
        ("", [""]),
        ("một dòng\r", ["một dòng"]),
        ("x\r\r\ny", ["x\r", "y"]),
    ])
    func linesAreSplitAtLineFeeds(text: String, lines: [String]) {
        #expect(TextLines.split(text) == lines)
        #expect(TextLines.slices(text).map(String.init) == lines)
    }

    @Test func lineBreaksInsideAFieldAreCounted() {
        #expect(TextLines.breaks(in: "Phòng\nTổ chức\r\nCán bộ") == 2)
        #expect(TextLines.breaks(in: "không xuống dòng") == 0)
    }
}
