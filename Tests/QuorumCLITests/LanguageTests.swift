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
}
