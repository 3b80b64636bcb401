import Foundation
@testable import QuorumCore
@testable import QuorumReports
import Testing

struct VietnameseFormatTests {
    @Test func writesDatesAsVietnameseDocumentsDo() {
        #expect(VietnameseFormat.longDate("2021-03-18") == "ngày 18 tháng 3 năm 2021")
        #expect(VietnameseFormat.shortDate("2021-03-12") == "12/3/2021")
        #expect(VietnameseFormat.weekday("2021-03-18") == "Thứ năm")
        #expect(VietnameseFormat.weekday("2021-03-14") == "Chủ nhật")
        #expect(VietnameseFormat.time("16:00") == "16 giờ 00 phút")
    }

    @Test func writesPercentagesWithADecimalComma() {
        #expect(VietnameseFormat.percent(7, of: 13) == "53,8%")
        #expect(VietnameseFormat.percent(3, of: 4) == "75%")
        #expect(VietnameseFormat.percent(1, of: 0) == "–")
    }
}

struct ReportTests {
    /// A finished run of a two-step workflow: discussion, then a secret ballot with counts.
    static func finishedSource() throws -> ReportSource {
        let ruleSet = RuleSetValidator().validate(RuleSetDocument(id: "r", name: "R", rules: [
            RuleDocument(id: "half", kind: "threshold", base: "total-members", comparison: "more-than", fraction: "1/2"),
            RuleDocument(id: "top", kind: "selection", cap: 3),
        ]), file: "r").0!
        var document = WorkflowDocument(id: "w")
        document.name = "Quy hoạch thử"
        document.rules = "r"
        document.term = "2021-2026"
        document.cycle = "Rà soát năm 2021"
        document.basis = "Hướng dẫn số 06-HD/BTCTW"
        document.authority = "Ban Thường vụ Tỉnh ủy"
        document.organization = "Văn phòng UBND tỉnh"
        document.parentOrganization = "UBND tỉnh"
        document.location = "Quảng Trị"
        document.signer = SignerDocument(title: "CHÁNH VĂN PHÒNG", name: "Phạm Xuân Duệ")
        document.people = [PersonDocument(id: "a", name: "Lê Văn A"), PersonDocument(id: "b", name: "Trần Thị B"), PersonDocument(id: "k", name: "Đỗ Văn K"),
                            PersonDocument(id: "c", name: "Nguyễn C"), PersonDocument(id: "d", name: "Phạm D")]
        document.bodies = [BodyDocument(id: "ld", name: "Lãnh đạo", members: [MemberDocument(person: "a"), MemberDocument(person: "b")], count: 2)]
        document.titles = [TitleDocument(id: "pcvp", name: "Phó Chánh Văn phòng", kept: ["k"],
                                         removed: [RemovalDocument(person: "b", reason: "Đã được bổ nhiệm")])]
        document.steps = [
            StepDocument(id: "s1", name: "Bước 1", body: "ld", form: "discussion", date: "2021-03-12", time: "14:00"),
            StepDocument(id: "s2", name: "Bước 2", body: "ld", form: "secret-ballot", date: "2021-03-18", time: "16:00",
                         threshold: "half", selection: "top", place: "Phòng họp số 1"),
        ]
        let definition = try #require(WorkflowValidator(ruleSets: [ruleSet]).validate(document, name: "w").0)
        let store = MemoryInstanceStore()
        let service = InstanceService(store: store, actor: "thu-ky")
        let id = try service.start(definition).id
        _ = try service.record(StepRecord(step: "s1", present: 4, agreed: [TitleList(title: "pcvp", names: ["Nguyễn C", "Phạm D"])]), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        _ = try service.record(StepRecord(step: "s2", present: 4, ballots: BallotCount(issued: 4, returned: 4, valid: 3, invalid: 1),
                                          votes: [TitleVotes(title: "pcvp", candidates: [CandidateVotes(name: "Nguyễn C", votes: 3), CandidateVotes(name: "Phạm D", votes: 2)])]),
                               in: id, current: definition)
        _ = try service.advance(id, current: definition)
        let loaded = try service.load(id)
        return ReportSource(instance: id, definition: loaded.definition, events: loaded.events, state: loaded.state)
    }

    @Test func theMinutesComeFromTheStoredHistory() throws {
        let source = try Self.finishedSource()
        let text = MarkdownWriter.write(try VoteCountMinutes.make(source, step: "s2"))
        for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "**VĂN PHÒNG UBND TỈNH**", "UBND TỈNH",
                         "Quảng Trị, ngày 18 tháng 3 năm 2021", "BIÊN BẢN KIỂM PHIẾU",
                         "Vào lúc 16 giờ 00 phút, Thứ năm, ngày 18/3/2021, tại Phòng họp số 1",
                         "tổng số thành viên: 4; có mặt: 4", "Số phiếu phát ra: 4", "Số phiếu hợp lệ: 3", "Số phiếu không hợp lệ: 1",
                         "| 1 | Nguyễn C | 3 | 75% | Đạt, xếp thứ 1 |", "| 2 | Phạm D | 2 | 50% | Không đạt |",
                         "trên 50% tổng số thành viên", "TRƯỞNG BAN KIỂM PHIẾU", source.events.last!.hash] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(throws: VoteCountMinutes.Problem.notABallot("s1")) { try VoteCountMinutes.make(source, step: "s1") }
    }

    @Test func theSubmissionCarriesTheListsAsAppendices() throws {
        let source = try Self.finishedSource()
        let documents = try Submission.make(source)
        #expect(documents.count == 1)
        let text = MarkdownWriter.write(documents[0])
        for expected in ["TỜ TRÌNH", "Kính gửi: Ban Thường vụ Tỉnh ủy.", "Căn cứ Hướng dẫn số 06-HD/BTCTW;",
                         "Thực hiện rà soát năm 2021", "Chức danh Phó Chánh Văn phòng: giữ quy hoạch 1 đồng chí (Phụ lục I); "
                            + "bổ sung quy hoạch 1 đồng chí (Phụ lục II); đưa ra khỏi quy hoạch 1 đồng chí (Phụ lục III).",
                         "| 1 | Đỗ Văn K |", "| 1 | Nguyễn C |", "3/4 (75%)",
                         "| 1 | Trần Thị B |  |  | Phó Chánh Văn phòng | Đã được bổ nhiệm |", "**Phạm Xuân Duệ**", "Nơi nhận",
                         "(Kèm theo Tờ trình số ……/TTr- ngày … tháng … năm … của Văn phòng UBND tỉnh)"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        let signature = try #require(text.range(of: "Phạm Xuân Duệ")), appendix = try #require(text.range(of: "PHỤ LỤC I"))
        #expect(signature.lowerBound < appendix.lowerBound, "the signature comes before the appendices")
    }

    @Test func theHTMLIsAStandalonePrintablePage() throws {
        let html = HTMLWriter.write(try Submission.make(try Self.finishedSource()))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("<h1>TỜ TRÌNH</h1>"))
        #expect(!html.contains("mermaid") && !html.contains("<script") && !html.contains("http"), "records carry no diagram, script or link")
        #expect(HTMLWriter.escape("<a & b>") == "&lt;a &amp; b&gt;")
    }
}
