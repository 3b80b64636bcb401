import Foundation
import QuorumCore
import QuorumFiles
@testable import QuorumReports
import Testing

/// The plan document written from the bundled definitions holds the facts of the plan that started the project
/// (`Fixtures/seed-plan.md`, a copy of the seed): its dates and times, bodies, forms, threshold, cap, the people kept,
/// what it carries out, recipients and signer.
struct PlanDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func plan() throws -> String {
        let catalog = DefinitionCatalog(files: [], library: DefinitionCatalog.yamlFiles(in: ["workflows", "rules"].map { repository.appendingPathComponent($0).path }))
        let office = catalog.unit(of: try #require(catalog.definitions["pho-chanh-van-phong-2021"]))
        #expect(office.map(\.id) == ["chanh-van-phong-2021", "pho-chanh-van-phong-2021", "truong-pho-phong-2021"], "the department is another unit")
        return MarkdownWriter.write(try PlanDocument.make(office))
    }

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    @Test func theBundledDefinitionsRegenerateTheSeedPlansFacts() throws {
        let seed = try String(contentsOf: Self.repository.appendingPathComponent("Tests/QuorumReportsTests/Fixtures/seed-plan.md"), encoding: .utf8)
        let plan = try Self.plan()
        let meetings = try Self.matches(#"(\d{1,2}) giờ (\d{2}) phút, ngày (\d{1,2}/\d{1,2}/\d{4})"#, in: seed)
        #expect(meetings.count >= 5, "the seed's meetings are found")
        for meeting in meetings {
            #expect(try !Self.matches("\(meeting[0]) giờ \(meeting[1]) phút, [^,]+, ngày \(meeting[2])", in: plan).isEmpty,
                    "the plan lacks the meeting at \(meeting[0]):\(meeting[1]) on \(meeting[2])")
        }
        // Facts the seed states, which the plan must state too.
        for fact in ["Hội nghị cán bộ chủ chốt", "Hội nghị lãnh đạo mở rộng", "ghi và bỏ phiếu giới thiệu", "bỏ phiếu kín",
                     "trên 50% tổng số thành viên", "không quy hoạch quá 4 người", "Lê Quốc Đạt", "Trương Minh Sang", "Nguyễn Văn Huy",
                     "Kế hoạch số 167-KH/TU ngày 24/02/2020", "06-HD/BTCTW ngày 24/02/2017", "Phòng Hành chính - Tổ chức tham mưu",
                     "Chủ tịch, các PCT UBND tỉnh (báo cáo)", "Lưu: VT, HCTC (02b)", "Phạm Xuân Duệ", "CHÁNH VĂN PHÒNG",
                     "nguồn bên ngoài", "Ban Thường vụ Tỉnh ủy", "Rà soát, bổ sung quy hoạch cán bộ năm 2021", "Mục đích, yêu cầu",
                     "Tổ chức thực hiện", "Nội dung thực hiện"] {
            #expect(seed.lowercased().contains(fact.lowercased()), "the seed states: \(fact)")
            #expect(plan.lowercased().contains(fact.lowercased()), "the plan lacks: \(fact)")
        }
        // The procedure's steps by name, with the unit's name filled in.
        #expect(plan.contains("Bước 1: Hội nghị lãnh đạo Văn phòng UBND tỉnh") && plan.contains("Bước 4: Hội nghị lãnh đạo Văn phòng UBND tỉnh"))
    }
}
