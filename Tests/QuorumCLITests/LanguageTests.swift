import Foundation
import Testing

@Suite("messages in Vietnamese and English")
struct LanguageTests {
    @Test("the demo explains each decision in Vietnamese, with a decimal comma, when asked or when LANG is Vietnamese")
    func vietnameseExplanations() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let vietnamese = try quorum.run(["demo", "--formats", "md"], environment: ["LANG": "vi_VN.UTF-8"])
        #expect(vietnamese.status == 0, "\(vietnamese.errors)")
        for line in ["Vương Thị Thảo: 24/28 người có mặt = 85,7%, trên 50% số người có mặt (24 × 2 = 48 > 28): được tập thể thống nhất",
                     "Võ Thành Tâm: 3/4 thành viên = 75%, trên 50% tổng số thành viên (3 × 2 = 6 > 4): đạt, xếp thứ 2 (bỏ phiếu lại: 4 phiếu)",
                     "Châu Văn Phát: 11/28 người có mặt = 39,3%, không trên 50% số người có mặt (11 × 2 = 22 ≤ 28): không được tập thể chọn",
                     "Điều kiện hợp lệ của hội nghị: 28/30 thành viên = 93,3%, từ 2/3 tổng số thành viên trở lên (28 × 3 = 84 ≥ 2 × 30 = 60): đạt",
                     "bổ sung: 1. Nguyễn Hữu Phước, 2. Võ Thành Tâm, 3. Lê Thị Mỹ Dung"] {
            #expect(vietnamese.output.contains(line), "missing: \(line)")
        }
        let english = try quorum.run(["demo", "--formats", "md", "--lang", "en"], environment: ["LANG": "vi_VN.UTF-8", "QUORUM_LANG": "vi"])
        #expect(english.output.contains("Vương Thị Thảo: 24 of 28 present = 85.7%, is more than 50% of those present (24 × 2 = 48 > 28): agreed by the body"))
        #expect(english.output.contains("Võ Thành Tâm: 3 of 4 members = 75%, is more than 50% of all members (3 × 2 = 6 > 4): passes, rank 2 (run-off: 4 votes)"))
        #expect(!english.output.contains("xếp thứ"))
    }

    @Test("QUORUM_LANG chooses the language of refusals and summaries")
    func refusalsAndSummaries() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let validation = try quorum.run(["validate"], environment: ["QUORUM_LANG": "vi"])
        #expect(validation.output.hasPrefix("Đã kiểm tra ") && validation.output.contains(" tệp: 0 lỗi, 0 cảnh báo"), "\(validation.output)")
        let refused = try quorum.run(["status", "khong-co"], environment: ["QUORUM_LANG": "vi"])
        #expect(refused.status == 2 && refused.errors.hasPrefix("lỗi: "), "\(refused.errors)")
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let status = try quorum.run(["status", "pho-chanh-van-phong-2021-1", "--lang", "vi"])
        for line in ["  bước hiện tại: Bước 1: Hội nghị lãnh đạo Văn phòng UBND tỉnh (buoc-1), lần 1",
                     "    thành phần: Lãnh đạo Văn phòng UBND tỉnh, 4 thành viên; hình thức: thảo luận, thống nhất",
                     "    đã ghi: chưa có gì"] {
            #expect(status.output.contains(line), "missing: \(line)\n\(status.output)")
        }
        // The summaries of --help follow the language too, --lang included although it is read after them.
        let help = try quorum.run(["--help", "--lang", "vi"])
        #expect(help.output.contains("OVERVIEW: Chạy quy trình rà soát, bổ sung quy hoạch cán bộ khai báo bằng YAML."), "\(help.output)")
        #expect(help.output.contains("Kiểm tra các tệp quy trình và quy tắc"))
        let statusHelp = try quorum.run(["status", "--help"], environment: ["LANG": "vi_VN.UTF-8"])
        #expect(statusHelp.output.hasPrefix("OVERVIEW: Cho biết phiên làm việc đang ở đâu"), "\(statusHelp.output)")
        let history = try quorum.run(["history", "pho-chanh-van-phong-2021-1", "--lang", "vi"])
        #expect(history.output.contains("bắt đầu pho-chanh-van-phong-2021, gắn với định nghĩa ") && history.output.contains("mở buoc-1 (lần 1)"),
                "\(history.output)")
        #expect(try quorum.run(["schedule", "--lang", "vi"]).output.hasSuffix("13 cuộc họp, 0 cảnh báo\n"))
        let english = try quorum.run(["validate", "--lang", "en"], environment: ["QUORUM_LANG": "vi"])
        #expect(english.output.contains(" files checked: 0 errors, 0 warnings"), "\(english.output)")
    }

    @Test("a refusal, the problems of the results it refuses and the commands that help are in the language chosen")
    func refusalsOfTheEngine() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let id = "pho-chanh-van-phong-2021-1"
        let early = try quorum.run(["advance", id], environment: ["QUORUM_LANG": "vi"])
        #expect(early.status == 1 && early.errors.hasPrefix("lỗi: bước 'buoc-1' chưa thể quyết định; còn thiếu danh sách tập thể thống nhất"),
                "\(early.errors)")
        #expect(early.errors.contains("ghi nhận bằng 'quorum record \(id) buoc-1 --file RESULTS'"), "\(early.errors)")
        try "present: 9\nagreed:\n  pho-chanh-van-phong: [Vo Thanh Tam]\n".write(toFile: quorum.path("b1.yaml"), atomically: true, encoding: .utf8)
        let refused = try quorum.run(["record", id, "buoc-1", "--file", "b1.yaml", "--lang", "vi"])
        #expect(refused.status == 2 && refused.errors.hasPrefix("lỗi: kết quả của bước 'buoc-1' chưa được ghi nhận:"), "\(refused.errors)")
        #expect(refused.errors.contains("b1.yaml:1:10: error: 9 người có mặt, nhưng 'Lãnh đạo Văn phòng UBND tỉnh' chỉ có 4 thành viên"), "\(refused.errors)")
        #expect(refused.errors.contains("'Vo Thanh Tam' không khớp với ai trong hồ sơ cán bộ hay danh sách nhân sự của quy trình; có phải là 'Võ Thành Tâm'"),
                "\(refused.errors)")
        let english = try quorum.run(["record", id, "buoc-1", "--file", "b1.yaml", "--lang", "en"])
        #expect(english.errors.contains("b1.yaml:1:10: error: 9 present, but 'Lãnh đạo Văn phòng UBND tỉnh' has only 4 members"), "\(english.errors)")
        let unknown = try quorum.run(["history", "khong-co", "--lang", "vi"])
        #expect(unknown.errors.hasPrefix("lỗi: không có phiên làm việc 'khong-co'"), "\(unknown.errors)")
    }
}
