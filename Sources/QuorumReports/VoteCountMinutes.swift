import QuorumCore
import QuorumRules

/// The vote-count minutes of one ballot step ("biên bản kiểm phiếu"): the meeting, attendance, ballot counts, the
/// votes for each person with their share of the base, and the result.
public enum VoteCountMinutes {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notDecided(String)
        case notABallot(String)

        public var description: String {
            switch self {
            case .notDecided(let step): "step '\(step)' has not been decided yet; its minutes come from the decision"
            case .notABallot(let step): "step '\(step)' is a discussion; it has no vote count"
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
        let meets = meeting.rescheduled?.meets ?? step.meets
        let when = meets.map { VietnameseFormat.meeting($0) } ?? "Vào lúc …"
        blocks.append(.paragraph("\(when), tại \(meeting.rescheduled?.place ?? step.place ?? "……"), \(body?.name ?? step.body) tiến hành \(form(step.form)) giới thiệu nhân sự"
            + " quy hoạch (\(source.definition.name))."))
        let members = body?.totalMembers ?? 0
        var attendance = "Thành phần: \(body?.name ?? step.body); tổng số thành viên: \(members)"
        if let summoned = record?.summoned { attendance += "; triệu tập: \(summoned)" }
        if let present = record?.present { attendance += "; có mặt: \(present)" }
        blocks.append(.paragraph(attendance + "."))
        if let opening = meeting.opening, !opening.members.isEmpty {
            let others = opening.unnamedCount > 0 ? " và \(opening.unnamedCount) thành viên khác" : ""
            blocks.append(.paragraph("Thành viên: " + opening.members.joined(separator: ", ") + others + "."))
        }
        if let names = record?.attendees, !names.isEmpty { blocks.append(.paragraph("Có mặt: " + names.joined(separator: ", ") + ".")) }
        if let quorum = meeting.decision.quorum {
            blocks.append(.paragraph("Hội nghị \(quorum.passes ? "đủ" : "không đủ") điều kiện tiến hành: có mặt \(quorum.count)/\(quorum.baseCount) = "
                + "\(VietnameseFormat.percent(quorum.count, of: quorum.baseCount)) (quy định \(threshold(quorum.rule)))."))
        }
        blocks.append(.heading("I. KẾT QUẢ KIỂM PHIẾU"))
        if let ballots = meeting.decision.ballots ?? record?.ballots {
            blocks.append(.bullets(["Số phiếu phát ra: \(ballots.issued)", "Số phiếu thu vào: \(ballots.returned)",
                                    "Số phiếu hợp lệ: \(ballots.valid)", "Số phiếu không hợp lệ: \(ballots.invalid)"]))
        } else {
            blocks.append(.paragraph("Số phiếu phát ra, thu vào, hợp lệ và không hợp lệ không được ghi nhận."))
        }
        blocks.append(.heading("II. SỐ PHIẾU CỦA TỪNG NGƯỜI"))
        if let rule = step.threshold {
            blocks.append(.paragraph("Nguyên tắc: người được giới thiệu phải đạt \(threshold(rule))."))
        }
        for outcome in meeting.decision.titles {
            let title = source.definition.title(outcome.title)
            if meeting.decision.titles.count > 1 { blocks.append(.paragraph("Chức danh: \(title?.name ?? outcome.title)")) }
            let base = step.threshold.map { baseLabel($0.base) } ?? "cơ sở tính"
            let rows = outcome.candidates.enumerated().map { index, candidate in
                [String(index + 1), source.name(of: candidate.name), candidate.votes.map(String.init) ?? "–",
                 candidate.check.map { VietnameseFormat.percent($0.count, of: $0.baseCount) } ?? "–", verdict(candidate)]
            }
            blocks.append(.table(headers: ["TT", "Họ và tên", "Số phiếu", "Tỷ lệ so với \(base)", "Kết quả"], rows: rows))
        }
        if let runOff = meeting.runOff {
            let votes = runOff.votes.flatMap(\.candidates).map { "\(source.name(of: $0.name)): \($0.votes) phiếu" }.joined(separator: "; ")
            blocks.append(.paragraph("Do có người bằng phiếu ở vị trí cuối cùng trong số lượng quy hoạch, hội nghị đã bỏ phiếu lại giữa những người bằng phiếu: \(votes)."))
        }
        blocks.append(.heading("III. KẾT QUẢ"))
        for outcome in meeting.decision.titles {
            let names = outcome.handedOn
            let title = source.definition.title(outcome.title)?.name ?? outcome.title
            blocks.append(.paragraph(names.isEmpty
                ? "Chức danh \(title): không có người đạt."
                : "Chức danh \(title): \(names.count) đồng chí đạt, theo thứ tự: \(names.enumerated().map { "\($0.offset + 1). \(source.name(of: $0.element))" }.joined(separator: "; "))."))
        }
        let decided = meeting.decision.titles.flatMap(\.candidates).compactMap { candidate in
            candidate.tieBreak.flatMap { $0.method == .bodyDecision ? "\(source.name(of: candidate.name)): \($0.reason ?? "")" : nil }
        }
        if !decided.isEmpty {
            blocks.append(.paragraph("Những người bằng phiếu ở vị trí cuối cùng được xếp thứ tự theo quyết định của tập thể: "
                + decided.joined(separator: "; ") + "."))
        }
        let corrections = source.corrections(step: stepID)
        if !corrections.isEmpty {
            blocks.append(.heading("IV. ĐÍNH CHÍNH"))
            blocks.append(.bullets(corrections))
        }
        let sameUser = DoubleEntryAudit.sameUser(source.events).filter { $0.step == stepID && $0.attempt == meeting.decision.attempt }
        for finding in sameUser {
            blocks.append(.note("Lưu ý: hai lần nhập kết quả đều được thực hiện từ cùng một tài khoản máy (\(finding.systemUser)) dưới hai tên "
                + finding.actors.joined(separator: " và ") + "."))
        }
        blocks.append(.note("Biên bản được lập từ dữ liệu đã ghi nhận của \(source.instance), đã kiểm tra chuỗi băm; mã kiểm chứng (SHA-256) "
            + "của quyết định: \(meeting.hash). Người nhập liệu được ghi theo tên khai báo khi nhập, chưa được xác thực."))
        return OfficialDocument(parentOrganization: source.letterhead.parentOrganization?.uppercased(), organization: source.organization.uppercased(),
                                number: "Số: ……/BB-KP", dateline: source.dateline(meets?.date), title: "BIÊN BẢN KIỂM PHIẾU",
                                subtitle: step.name, blocks: blocks,
                                signatures: [.init(role: "TRƯỞNG BAN KIỂM PHIẾU", name: nil), .init(role: "THƯ KÝ", name: nil)], recipients: [])
    }

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
        case .agreed: "Thống nhất giới thiệu"
        case .ineligible: "Không đủ tiêu chuẩn, điều kiện"
        case .notChosen: "Không được tập thể thống nhất giới thiệu"
        }
    }
}
