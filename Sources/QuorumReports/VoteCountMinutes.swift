import QuorumCore
import QuorumRules

/// The vote-count minutes of one ballot step ("biên bản kiểm phiếu"): the meeting, who attended and who did not, the
/// counting committee, the places to fill, the ballots, the votes for each person with their share of the base, any
/// run-off with its own ballots, the body's decisions with their reasons, the result, corrections, and signatures.
public enum VoteCountMinutes {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notDecided(String)
        case notABallot(String)

        public var description: String {
            switch self {
            case .notDecided(let step): "step '\(step)' has not been decided yet; its minutes come from the decision"
            case .notABallot(let step): "step '\(step)' is a discussion; its minutes are the meeting's minutes (biên bản hội nghị)"
            }
        }
    }

    public static func make(_ source: ReportSource, step stepID: String) throws(Problem) -> OfficialDocument {
        guard let meeting = source.meeting(stepID) else { throw .notDecided(stepID) }
        let step = meeting.step
        guard step.form.isBallot else { throw .notABallot(stepID) }
        let body = source.definition.body(step.body)
        let record = meeting.record
        var blocks: [OfficialDocument.Block] = []
        blocks.append(.paragraph("\(source.when(meeting)), tại \(meeting.rescheduled?.place ?? step.place ?? "……"), \(body?.name ?? step.body) "
            + "tiến hành \(form(step.form)) giới thiệu nhân sự quy hoạch (\(source.definition.name))."))
        blocks += source.attendance(meeting)
        if let opening = meeting.opening, !opening.members.isEmpty {
            let others = opening.unnamedCount > 0 ? " và \(opening.unnamedCount) thành viên khác" : ""
            blocks.append(.paragraph("Thành viên: " + opening.members.joined(separator: ", ") + others + "."))
        }
        if let quorum = meeting.decision.quorum {
            blocks.append(.paragraph("Hội nghị \(quorum.passes ? "đủ" : "không đủ") điều kiện tiến hành: có mặt \(quorum.count)/\(quorum.baseCount) = "
                + "\(VietnameseFormat.percent(quorum.count, of: quorum.baseCount)) (quy định \(threshold(quorum.rule)))."))
        }
        if let committee = record?.committee, !committee.isEmpty {
            blocks.append(.heading("TỔ KIỂM PHIẾU"))
            blocks.append(.table(headers: ["TT", "Họ và tên", "Nhiệm vụ"],
                                 rows: committee.enumerated().map { [String($0.offset + 1), source.name(of: $0.element.person), $0.element.role ?? "Thành viên"] }))
        } else {
            blocks.append(.paragraph("Tổ kiểm phiếu: không được ghi nhận trong kết quả."))
        }
        blocks.append(.heading("I. SỐ LƯỢNG CẦN GIỚI THIỆU"))
        blocks.append(.bullets(meeting.decision.titles.map { outcome in
            let places = max(0, outcome.cap - outcome.kept)
            return "Chức danh \(titleName(outcome.title, source)): tối đa \(outcome.cap) người, đang giữ quy hoạch \(outcome.kept), "
                + "số lượng còn lại có thể giới thiệu: \(places)."
        }))
        blocks.append(.heading("II. KẾT QUẢ KIỂM PHIẾU"))
        blocks.append(ballots(meeting.decision.ballots ?? record?.ballots))
        blocks.append(.heading("III. SỐ PHIẾU CỦA TỪNG NGƯỜI"))
        if let rule = step.threshold {
            blocks.append(.paragraph(step.listDecidedBy == nil
                ? "Nguyên tắc: người được giới thiệu phải đạt \(threshold(rule))."
                : "Tỷ lệ tham khảo: \(threshold(rule)); danh sách đưa ra hội nghị tiếp theo do tập thể \(bodyName(step.listDecidedBy!, source)) thảo luận, thống nhất."))
        }
        for outcome in meeting.decision.titles {
            if meeting.decision.titles.count > 1 { blocks.append(.paragraph("Chức danh: \(titleName(outcome.title, source))")) }
            let base = step.threshold.map { baseLabel($0.base) } ?? "cơ sở tính"
            let rows = outcome.candidates.enumerated().map { index, candidate in
                [String(index + 1), source.name(of: candidate.name), candidate.votes.map(String.init) ?? "–",
                 candidate.check.map { VietnameseFormat.percent($0.count, of: $0.baseCount) } ?? "–", verdict(candidate)]
            }
            blocks.append(.table(headers: ["TT", "Họ và tên", "Số phiếu", "Tỷ lệ so với \(base)", "Kết quả"], rows: rows))
        }
        if let runOff = meeting.runOff {
            blocks.append(.heading("IV. BỎ PHIẾU LẠI GIỮA NHỮNG NGƯỜI BẰNG PHIẾU"))
            blocks.append(ballots(runOff.ballots))
            let votes = runOff.votes.flatMap { title in title.candidates.map { "\(source.name(of: $0.name)) (\(titleName(title.title, source))): \($0.votes) phiếu" } }
            blocks.append(.bullets(votes))
        }
        blocks += bodyDecisions(meeting, source)
        blocks.append(.heading("KẾT QUẢ"))
        for outcome in meeting.decision.titles {
            let names = outcome.handedOn
            let title = titleName(outcome.title, source)
            blocks.append(.paragraph(names.isEmpty
                ? "Chức danh \(title): không có người đạt."
                : "Chức danh \(title): \(names.count) đồng chí, theo thứ tự: \(names.enumerated().map { "\($0.offset + 1). \(source.name(of: $0.element))" }.joined(separator: "; "))."))
        }
        let corrections = source.corrections(step: stepID)
        if !corrections.isEmpty {
            blocks.append(.heading("ĐÍNH CHÍNH"))
            blocks.append(.bullets(corrections))
        }
        for finding in DoubleEntryAudit.sameUser(source.events) where finding.step == stepID && finding.attempt == meeting.decision.attempt {
            let shared = switch finding.trace {
            case .systemUser(let user): "được thực hiện từ cùng một tài khoản máy (\(user))"
            case .signingKey(let fingerprint): "được ký bằng cùng một khóa (\(fingerprint))"
            }
            blocks.append(.note("Lưu ý: hai lần nhập kết quả đều \(shared) dưới hai tên " + finding.actors.joined(separator: " và ") + "."))
        }
        blocks.append(.note("Biên bản được lập từ dữ liệu đã ghi nhận của \(source.instance), đã kiểm tra chuỗi băm; mã kiểm chứng (SHA-256) "
            + "của quyết định: \(meeting.hash). Người nhập liệu được ghi theo tên khai báo khi nhập, chưa được xác thực."))
        blocks += source.closing(meeting)
        return source.document(kind: "BB", title: "BIÊN BẢN KIỂM PHIẾU", subtitle: step.name,
                               date: (meeting.rescheduled?.meets ?? step.meets)?.date, blocks: blocks,
                               signatures: source.minuteSignatures(record, counting: true))
    }

    static func ballots(_ ballots: BallotCount?) -> OfficialDocument.Block {
        guard let ballots else { return .paragraph("Số phiếu phát ra, thu vào, hợp lệ và không hợp lệ không được ghi nhận.") }
        return .bullets(["Số phiếu phát ra: \(ballots.issued)", "Số phiếu thu vào: \(ballots.returned)",
                         "Số phiếu hợp lệ: \(ballots.valid)", "Số phiếu không hợp lệ: \(ballots.invalid)"])
    }

    /// The body's decisions at the step: the list it took on (with its reason), and ties it settled (with reasons).
    static func bodyDecisions(_ meeting: ReportSource.Meeting, _ source: ReportSource) -> [OfficialDocument.Block] {
        var blocks: [OfficialDocument.Block] = []
        for event in source.events {
            switch event.payload {
            case .listDecided(let decision) where decision.step == meeting.step.id:
                let names = decision.chosen.map(source.name).joined(separator: ", ")
                blocks.append(.paragraph("Tập thể \(bodyName(meeting.step.listDecidedBy ?? "", source)) thống nhất danh sách chức danh "
                    + "\(titleName(decision.title, source)): \(names.isEmpty ? "không có người" : names)"
                    + (decision.reason.map { ". Lý do: \(VietnameseFormat.sentence($0))" } ?? ".")))
            default: break
            }
        }
        let decided = meeting.decision.titles.flatMap(\.candidates).compactMap { candidate in
            candidate.tieBreak.flatMap { $0.method == .bodyDecision ? "\(source.name(of: candidate.name)): \($0.reason ?? "")" : nil }
        }
        if !decided.isEmpty {
            blocks.append(.paragraph("Những người bằng phiếu ở vị trí cuối cùng được xếp thứ tự theo quyết định của tập thể: "
                + decided.joined(separator: "; ") + "."))
        }
        return blocks
    }

    static func titleName(_ id: String, _ source: ReportSource) -> String { source.definition.title(id)?.name ?? id }
    static func bodyName(_ id: String, _ source: ReportSource) -> String { source.definition.body(id)?.name ?? id }

    static func form(_ form: StepForm) -> String {
        switch form {
        case .discussion: "thảo luận, thống nhất"
        case .nominationBallot: "ghi và bỏ phiếu giới thiệu"
        case .secretBallot: "bỏ phiếu kín"
        }
    }

    static func baseLabel(_ base: ThresholdBase) -> String {
        switch base {
        case .totalMembers: "tổng số thành viên"
        case .membersPresent: "số người có mặt"
        case .validBallots: "số phiếu hợp lệ"
        }
    }

    static func threshold(_ rule: ThresholdRule) -> String {
        VietnameseFormat.threshold(rule.comparison.rawValue, rule.fraction.description, of: baseLabel(rule.base))
    }

    static func verdict(_ candidate: CandidateOutcome) -> String {
        let rank = candidate.rank.map { ", xếp thứ \($0)" } ?? ""
        let tie = candidate.tieBreak.map { tie in
            switch tie.method {
            case .runOff: " (bỏ phiếu lại: \(tie.votes ?? 0) phiếu)"
            case .bodyDecision: " (theo quyết định của tập thể)"
            }
        } ?? ""
        return switch candidate.verdict {
        case .selected: "Đạt\(rank)\(tie)"
        case .passedNotSelected: "Đạt\(rank)\(tie); không đưa vào do đã đủ số lượng"
        case .failed: "Không đạt"
        case .agreed: "Được thống nhất giới thiệu\(rank)"
        case .ineligible: "Không đủ tiêu chuẩn, điều kiện"
        case .notChosen: "Không được tập thể thống nhất giới thiệu"
        }
    }
}
