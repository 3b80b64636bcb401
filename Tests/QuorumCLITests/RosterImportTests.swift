import Foundation
import Testing

@Suite("importing a roster as offices save it")
struct RosterImportTests {
    @Test("Vietnamese headers and spellings are read through rules/ho-so-can-bo.yaml, and the import says how")
    func vietnameseHeadersAndValues() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let instance = "pho-chanh-van-phong-2021-1"
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        try """
            Mã cán bộ;Họ và tên;Ngày sinh;Giới tính;Dân tộc;Trình độ chuyên môn;Lý luận chính trị;Xếp loại
            cb-0112;Nguyễn Hữu Phước;12/05/1978;Nam;Kinh;Kỹ sư;Cao cấp lý luận chính trị;"2018:HTTNV; 2019:Hoàn thành xuất sắc nhiệm vụ; 2020:HTTNV"
            cb-0127;Võ Thành Tâm;1981-11-03;Nam;Tày;Thac si;Cao cấp;"2018:HTTNV; 2019:HTTNV; 2020:HTTNV"

            """.write(toFile: quorum.path("ho-so.csv"), atomically: true, encoding: .utf8)
        let imported = try quorum.run("roster", instance, "--file", "ho-so.csv")
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("columns read by their Vietnamese headers: Mã cán bộ → id, Họ và tên → full_name, Ngày sinh → birth_date"))
        #expect(imported.output.contains("degree: 'Kỹ sư' read as 'Đại học' (1 time)"))
        #expect(imported.output.contains("ratings: 'Hoàn thành xuất sắc nhiệm vụ' read as 'HTXSNV' (1 time)"))
        #expect(imported.errors.contains("ho-so.csv:3:") && imported.errors.contains("warning: 'Thac si' is not a value"), "\(imported.errors)")
        #expect(imported.output.contains("imported 2 people"))

        // Read as meant, the engineer meets the university-degree standard; the unknown spelling does not.
        let screened = try quorum.run("screen", instance, "--all", "--json")
        let report = try JSONSerialization.jsonObject(with: Data(screened.output.utf8)) as? [String: Any]
        let people = ((report?["titles"] as? [[String: Any]])?.first?["people"] as? [[String: Any]]) ?? []
        func degreeFinding(_ label: String) -> Bool? {
            let findings = people.first { $0["label"] as? String == label }?["findings"] as? [[String: Any]]
            return findings?.first { $0["rule"] as? String == "trinh-do-dai-hoc" }?["passed"] as? Bool
        }
        #expect(degreeFinding("Nguyễn Hữu Phước") == true)
        #expect(degreeFinding("Võ Thành Tâm") == false)
    }

    @Test("a workbook is imported as it is, and its wrong cell named as Excel names it")
    func workbook() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let fixtures = QuorumProcess.repository.appendingPathComponent("Tests/QuorumFilesTests/Fixtures/workbooks")
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let wrong = try quorum.run("roster", "pho-chanh-van-phong-2021-1", "--file", fixtures.appendingPathComponent("ho-so-sai-ngay.xlsx").path)
        #expect(wrong.status == 2)
        #expect(wrong.errors.contains("ho-so-sai-ngay.xlsx:Sheet1!D3 (Ngày sinh): error: '31/02/1981' is not a date"), "\(wrong.errors)")
        let imported = try quorum.run("roster", "pho-chanh-van-phong-2021-1", "--file", fixtures.appendingPathComponent("ho-so.xlsx").path)
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("degree: 'Thạc sỹ' read as 'Thạc sĩ' (1 time)") && imported.output.contains("imported 2 people"))
    }
}
