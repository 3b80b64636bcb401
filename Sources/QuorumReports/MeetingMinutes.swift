import QuorumCore

/// The minutes of a discussion meeting ("biên bản hội nghị"), such as step 1: when and where, who attended and who did
/// not, the review of the people kept (keep or remove, with reasons), the list agreed for each title and taken
/// forward, what the meeting noted, corrections, and the signatures of the chair and the secretary.
public enum MeetingMinutes {
    public static func make(_ source: ReportSource, step stepID: String) throws(VoteCountMinutes.Problem) -> OfficialDocument {
        guard let meeting = source.meeting(stepID) else { throw .notDecided(stepID) }
        let step = meeting.step
        guard !step.form.isBallot else { return try VoteCountMinutes.make(source, step: stepID) }
        let body = source.definition.body(step.body)
        var blocks: [OfficialDocument.Block] = [
            .paragraph("\(source.when(meeting)), tại \(meeting.rescheduled?.place ?? step.place ?? "……"), \(body?.name ?? step.body) họp "
                + "\(VoteCountMinutes.form(step.form)) (\(source.definition.name))."),
        ]
        blocks += source.attendance(meeting)
        if let purpose = step.purpose { blocks.append(.paragraph("Nội dung: \(purpose.trimmingCharacters(in: .whitespacesAndNewlines))")) }
        var section = 1
        func heading(_ text: String) {
            blocks.append(.heading("\(["I", "II", "III", "IV", "V"][min(section - 1, 4)]). \(text)"))
            section += 1
        }
        let reviews = meeting.decision.titles.filter { !($0.review ?? []).isEmpty }
        if !reviews.isEmpty {
            heading("RÀ SOÁT NHỮNG NGƯỜI ĐANG TRONG QUY HOẠCH")
            for outcome in reviews {
                blocks.append(.paragraph("Chức danh \(VoteCountMinutes.titleName(outcome.title, source)):"))
                blocks.append(.table(headers: ["TT", "Họ và tên", "Kết quả rà soát", "Lý do, căn cứ"], rows: (outcome.review ?? []).enumerated().map { index, review in
                    let failing = review.screening.filter { !$0.passed }.map(\.name)
                    let why = [review.appointed ? "Đã thực hiện quy hoạch" : nil, failing.isEmpty ? nil : "Không đạt: " + failing.joined(separator: "; "),
                               review.reason].compactMap { $0 }
                    return [String(index + 1), source.name(of: review.person), review.decision == .keep ? "Giữ quy hoạch" : "Đưa ra khỏi quy hoạch",
                            why.isEmpty ? "Đủ tiêu chuẩn, điều kiện" : why.joined(separator: ". ")]
                }))
            }
        }
        heading("DANH SÁCH THỐNG NHẤT GIỚI THIỆU")
        for outcome in meeting.decision.titles {
            let title = VoteCountMinutes.titleName(outcome.title, source)
            if outcome.candidates.isEmpty {
                blocks.append(.paragraph("Chức danh \(title): không giới thiệu bổ sung."))
                continue
            }
            blocks.append(.paragraph("Chức danh \(title) (tối đa \(outcome.cap) người, giữ quy hoạch \(outcome.kept)):"))
            blocks.append(.table(headers: ["TT", "Họ và tên", "Kết quả"], rows: outcome.candidates.enumerated().map { index, candidate in
                [String(index + 1), source.name(of: candidate.name), VoteCountMinutes.verdict(candidate)
                    + (candidate.verdict == .ineligible ? ": " + candidate.screening.filter(\.blocks).map(\.name).joined(separator: "; ") : "")]
            }))
        }
        heading("KẾT LUẬN")
        blocks.append(.paragraph(handedOnSentence(meeting, source)))
        if let note = meeting.record?.note { blocks.append(.paragraph(note)) }
        let corrections = source.corrections(step: stepID)
        if !corrections.isEmpty {
            heading("ĐÍNH CHÍNH")
            blocks.append(.bullets(corrections))
        }
        blocks.append(.note("Biên bản được lập từ dữ liệu đã ghi nhận của \(source.instance), đã kiểm tra chuỗi băm; mã kiểm chứng (SHA-256) "
            + "của quyết định: \(meeting.hash)."))
        blocks += source.closing(meeting)
        return source.document(kind: "BB", title: "BIÊN BẢN HỘI NGHỊ", subtitle: step.name, date: (meeting.rescheduled?.meets ?? step.meets)?.date,
                               blocks: blocks, signatures: source.minuteSignatures(meeting.record, counting: false))
    }

    /// What the meeting hands on: the list for the next step, or the end of the procedure.
    static func handedOnSentence(_ meeting: ReportSource.Meeting, _ source: ReportSource) -> String {
        let lists = meeting.decision.titles.map { outcome in
            "chức danh \(VoteCountMinutes.titleName(outcome.title, source)): "
                + (outcome.handedOn.isEmpty ? "không có người" : outcome.handedOn.map(source.name).joined(separator: ", "))
        }.joined(separator: "; ")
        switch meeting.decision.next {
        case .step(let next):
            return "Danh sách đưa ra \(source.definition.step(next)?.name ?? next): \(lists)."
        case .end:
            return "Quy trình kết thúc tại hội nghị này; danh sách trình cấp có thẩm quyền: \(lists)."
        }
    }
}
