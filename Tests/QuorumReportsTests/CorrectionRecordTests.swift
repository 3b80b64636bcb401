import Foundation
@testable import QuorumCore
@testable import QuorumReports
import Testing

/// The records name what was decided as it was decided: a tie settled by the body's decision (never "after a
/// re-vote"), a correction with what changed, when, by whom and why, and the people the review removed.
struct CorrectionRecordTests {
    static func finished() throws -> ReportSource {
        let ruleSet = RuleSetValidator().validate(RuleSetDocument(id: "r", name: "R", rules: [
            RuleDocument(id: "half", kind: "threshold", base: "total-members", comparison: "more-than", fraction: "1/2"),
            RuleDocument(id: "top", kind: "selection", cap: 3, ties: "body-decision"),
        ]), file: "r").0!
        var document = WorkflowDocument(id: "w")
        document.name = "Quy hoạch thử"
        document.rules = "r"
        document.authority = "Ban Thường vụ Tỉnh ủy"
        document.people = [PersonDocument(id: "a", name: "Lê Văn A"), PersonDocument(id: "b", name: "Trần Thị B"),
                           PersonDocument(id: "c", name: "Nguyễn C"), PersonDocument(id: "d", name: "Phạm D"), PersonDocument(id: "k", name: "Đỗ Văn K")]
        document.bodies = [BodyDocument(id: "ld", name: "Lãnh đạo", members: [MemberDocument(person: "a"), MemberDocument(person: "b")], count: 2)]
        document.titles = [TitleDocument(id: "pcvp", name: "Phó Chánh Văn phòng", kept: ["k", "b"])]
        document.steps = [
            StepDocument(id: "s1", name: "Bước 1", body: "ld", form: "discussion", date: "2021-03-12", time: "14:00", review: true),
            StepDocument(id: "s2", name: "Bước 2", body: "ld", form: "secret-ballot", date: "2021-03-18", time: "16:00",
                         threshold: "half", selection: "top"),
        ]
        let definition = try #require(WorkflowValidator(ruleSets: [ruleSet]).validate(document, name: "w").0)
        let service = InstanceService(store: MemoryInstanceStore(), actor: "thu-ky")
        let id = try service.start(definition).id
        var first = StepRecord(step: "s1", present: 4, agreed: [TitleList(title: "pcvp", names: ["Nguyễn C", "Phạm D", "Lê Văn A"])])
        first.review = [ReviewEntry(title: "pcvp", person: "Đỗ Văn K", decision: .keep),
                        ReviewEntry(title: "pcvp", person: "Trần Thị B", decision: .remove, reason: "Đã được bổ nhiệm Chánh Văn phòng")]
        _ = try service.record(first, in: id, current: definition)
        _ = try service.advance(id, current: definition)
        let votes = { (c: Int) in
            StepRecord(step: "s2", present: 4, ballots: BallotCount(issued: 4, returned: 4, valid: 4, invalid: 0),
                       votes: [TitleVotes(title: "pcvp", candidates: [CandidateVotes(name: "Lê Văn A", votes: 4), CandidateVotes(name: "Nguyễn C", votes: c),
                                                                     CandidateVotes(name: "Phạm D", votes: 3)])])
        }
        _ = try service.record(votes(2), in: id, current: definition)
        _ = try service.correct(votes(3), in: id, reason: "Biên bản ghi Nguyễn C 3 phiếu", current: definition)
        _ = try service.decide([.init(title: "pcvp", chosen: ["Phạm D"], reason: "Đồng chí Phạm D có thâm niên lâu hơn")], in: id, current: definition)
        _ = try service.advance(id, current: definition)
        let loaded = try service.load(id)
        return ReportSource(instance: id, definition: loaded.definition, events: loaded.events, state: loaded.state)
    }

    @Test func theMinutesSayTheBodyDecidedAndNameTheCorrection() throws {
        let text = MarkdownWriter.write(try VoteCountMinutes.make(try Self.finished(), step: "s2"))
        #expect(text.contains("| 2 | Phạm D | 3 | 75% | Đạt, xếp thứ 2 (theo quyết định của tập thể) |"))
        #expect(text.contains("theo quyết định của tập thể: Phạm D: Đồng chí Phạm D có thâm niên lâu hơn."))
        #expect(!text.contains("bỏ phiếu lại"), "a decision is not a re-vote")
        #expect(text.contains("thu-ky đính chính kết quả Bước 2. Lý do: Biên bản ghi Nguyễn C 3 phiếu. Nội dung thay đổi: số phiếu của Nguyễn C: 2 → 3."))
    }

    @Test func theSubmissionCarriesTheReviewAndTheCorrection() throws {
        let text = MarkdownWriter.write(try Submission.make(try Self.finished())[0])
        #expect(text.contains("giữ quy hoạch 1 đồng chí (Phụ lục I)"))
        #expect(text.contains("đưa ra khỏi quy hoạch 1 đồng chí (Phụ lục III)"))
        #expect(text.contains("| 1 | Trần Thị B |  |  | Phó Chánh Văn phòng | Đã được bổ nhiệm Chánh Văn phòng |"))
        #expect(text.contains("| 1 | Đỗ Văn K |"))
        #expect(text.contains("đính chính kết quả Bước 2"))
    }
}
