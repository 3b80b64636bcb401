import Foundation
import QuorumCore
@testable import QuorumFiles
import Testing

@Suite("roster format: Vietnamese headers and values")
struct RosterFormatTests {
    /// The bundled format, read as `quorum roster` reads it.
    static let format = DefinitionCatalog(files: [ProjectFolder.path("rules/ho-so-can-bo.yaml")]).rosterFormat

    @Test("a sheet saved by Excel in Vietnamese settings is read by its headers, its spellings as the rules' values")
    func vietnameseSheet() throws {
        let format = try #require(Self.format)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ho-so-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try """
            Mã cán bộ;Họ và tên;Ngày sinh;Giới tính;Trình độ chuyên môn;Lý luận chính trị;Xếp loại
            cb-1;Nguyễn Văn An;12/05/1978;Nam;Thạc sỹ;Cao cấp lý luận chính trị;"2019:Hoàn thành tốt nhiệm vụ; 2020:HTXSNV"
            cb-2;Trần Thị Bình;1980-01-02;Nữ;Kỹ sư;Trung cấp;2020:hoàn thành tốt nhiệm vụ
            cb-3;Lê Văn Cường;1981-03-04;Nam;Thac si;Cao cấp;2020:HTTNV

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let read = try RosterReader.read(file, format: format)
        #expect(read.roster.people.map(\.degree) == ["Thạc sĩ", "Đại học", "Thac si"])
        #expect(read.roster.people.map(\.politicalTheory) == ["Cao cấp", "Trung cấp", "Cao cấp"])
        #expect(read.roster.people[0].ratings.map(\.text) == ["HTTNV", "HTXSNV"] && read.roster.people[1].ratings.map(\.text) == ["HTTNV"])
        #expect(read.renamedColumns.map(\.field) == ["id", "full_name", "birth_date", "gender", "degree", "political_theory", "ratings"])
        #expect(read.normalized.map { "\($0.field): \($0.written) → \($0.value) ×\($0.count)" } == [
            "degree: Kỹ sư → Đại học ×1", "degree: Thạc sỹ → Thạc sĩ ×1",
            "political_theory: Cao cấp lý luận chính trị → Cao cấp ×1",
            "ratings: Hoàn thành tốt nhiệm vụ → HTTNV ×1", "ratings: hoàn thành tốt nhiệm vụ → HTTNV ×1",
        ])
        // Never a silent misread: the spelling it does not know is kept and pointed at, row 4, its column.
        #expect(read.warnings.count == 1)
        #expect(read.warnings.first?.location == SourceLocation(file: file, line: 4, column: 34))
        #expect(read.warnings.first?.message.english.contains("'Thac si'") == true)
    }

    @Test("without the format, a Vietnamese header is an unknown column, named with the columns expected")
    func withoutTheFormat() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ho-so-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "Mã cán bộ,Họ và tên\ncb-1,Nguyễn Văn An\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try RosterReader.read(file) }
    }

    @Test("a field the roster does not have is refused where the format names it")
    func unknownField() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("format-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "id: thu\ncolumns:\n  full_name: [Họ và tên]\n  ho_ten: [Tên]\n".write(toFile: file, atomically: true, encoding: .utf8)
        let catalog = DefinitionCatalog(files: [file])
        #expect(catalog.rosterFormat == nil)
        #expect(catalog.diagnostics.map { "\($0.location?.line ?? 0):\($0.code)" } == ["4:unknown-field"])
    }
}
