import QuorumCore

/// The plan document ("Kế hoạch rà soát, bổ sung quy hoạch cán bộ năm …") of a unit, written from its definitions: what
/// it carries out, its purpose and requirements, for each group of titles the people kept and the work to do, the
/// steps with their participants, form, threshold and time, the rule on caps, who carries it out, recipients and
/// signer. Next year's plan is `new-cycle` followed by this.
public enum PlanDocument {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case noTracks

        public var description: String { "the unit has no runnable workflow to plan" }
    }

    /// - Parameter tracks: the unit's runnable workflows of one cycle, in the order their meetings begin.
    public static func make(_ tracks: [WorkflowDefinition], format: RecordFormat? = nil) throws(Problem) -> OfficialDocument {
        guard let first = tracks.first else { throw .noTracks }
        let source = ReportSource(instance: first.id, definition: first, events: [], state: InstanceState(id: first.id, workflow: first.id, events: [], firstStep: nil),
                                  format: format)
        let text = first.letterhead.plan ?? PlanText()
        let organization = source.organization
        var blocks: [OfficialDocument.Block] = []
        let titles = tracks.flatMap(\.titles).map(\.name).joined(separator: "; ")
        blocks.append(.paragraph((text.basis.map { "Thực hiện \($0.trimmingCharacters(in: .whitespacesAndNewlines)); " } ?? "") + "\(organization) ban hành kế hoạch rà soát, bổ sung quy hoạch "
            + "các chức danh \(titles) năm \(first.year.map(String.init) ?? "…"), như sau:"))
        blocks.append(.heading("I. MỤC ĐÍCH, YÊU CẦU"))
        if let purpose = text.purpose { blocks += [.heading("1. Mục đích"), .paragraph(purpose.trimmingCharacters(in: .whitespacesAndNewlines))] }
        if let requirements = text.requirements { blocks += [.heading("2. Yêu cầu"), .bullets(requirements)] }
        blocks.append(.heading("II. NỘI DUNG THỰC HIỆN"))
        let groups = Dictionary(grouping: tracks) { $0.titles.first?.authority ?? "cấp có thẩm quyền" }
        let ordered = tracks.compactMap { $0.titles.first?.authority }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for (number, authority) in ordered.enumerated() {
            blocks.append(.heading("\(number + 1). Đối với các chức danh thuộc diện \(authority) quản lý\(first.term.map { ", nhiệm kỳ \($0)" } ?? "")"))
            var letter = 0
            for track in groups[authority] ?? [] {
                blocks += trackBlocks(track, firstLetter: letter, executor: text.executor)
                letter += track.titles.count
            }
        }
        if let closing = text.closing {
            blocks.append(.heading("III. TỔ CHỨC THỰC HIỆN"))
            blocks.append(.bullets(closing))
        }
        var recipients = text.recipients ?? []
        recipients.append("Lưu: \(text.archive ?? (first.letterhead.archive ?? ["VT"]).joined(separator: ", ")).")
        // The plan is issued before its first meeting, on a date the definitions do not give: it is left to be written in.
        return source.document(kind: "KH", title: "KẾ HOẠCH", subtitle: text.title ?? first.cycle, date: nil,
                               blocks: blocks, signatures: [source.signer], recipients: recipients)
    }

    /// One track: its titles with the people kept, what the meetings do, and each step with its participants, form,
    /// threshold, cap and time.
    static func trackBlocks(_ track: WorkflowDefinition, firstLetter: Int, executor: String?) -> [OfficialDocument.Block] {
        var blocks: [OfficialDocument.Block] = []
        for (index, title) in track.titles.enumerated() {
            let letter = Character(UnicodeScalar(97 + firstLetter + index)!)
            let kept = title.kept.map(track.personName)
            blocks.append(.paragraph("\(letter)) Chức danh \(title.name): "
                + (kept.isEmpty ? "chưa có người trong quy hoạch. " : "rà soát, đề nghị cấp thẩm quyền giữ quy hoạch đối với \(kept.count) đồng chí "
                    + "đã được phê duyệt, gồm: \(kept.joined(separator: "; ")). ")
                + "Tối đa \(title.cap) người trong quy hoạch, kể cả người giữ quy hoạch."))
        }
        let procedure = track.basis.map { "Thực hiện theo \($0), quy trình \(track.steps.count) bước:" }
        if let procedure, track.steps.count > 1 { blocks.append(.paragraph(procedure)) }
        for step in track.steps {
            var lines: [String] = []
            if let purpose = step.purpose { lines.append(purpose.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if let body = track.body(step.body) {
                let parts = body.includes.compactMap { track.body($0)?.name }
                lines.append("Thành phần: \(body.name)" + (parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))") + "; \(body.totalMembers) thành viên.")
            }
            lines.append("Hình thức: \(formSentence(step.form)).")
            if let threshold = step.threshold {
                lines.append((step.listDecidedBy == nil ? "Nguyên tắc: " : "Tỷ lệ tham khảo: ") + "được \(VoteCountMinutes.threshold(threshold)) đồng ý giới thiệu.")
            }
            if let decider = step.listDecidedBy {
                lines.append("Trên cơ sở kết quả, tập thể \(track.body(decider)?.name ?? decider) thảo luận, thống nhất danh sách để đưa ra hội nghị tiếp theo.")
            }
            if let selection = step.selection {
                lines.append("Lấy từ cao xuống theo nguyên tắc: 01 chức danh không quy hoạch quá \(selection.cap) người (\(selection.id)).")
            }
            if let meets = step.meets {
                lines.append("Thời gian: \(VietnameseFormat.meeting(meets).replacingOccurrences(of: "Vào lúc ", with: "vào lúc ")).")
            }
            if let place = step.place { lines.append("Địa điểm: \(place).") }
            blocks.append(.heading(step.name))
            blocks.append(.bullets(lines))
        }
        if let executor { blocks.append(.paragraph("Đơn vị thực hiện: \(executor).")) }
        return blocks
    }

    static func formSentence(_ form: StepForm) -> String {
        switch form {
        case .discussion: "thảo luận, thống nhất"
        case .nominationBallot: "ghi và bỏ phiếu giới thiệu"
        case .secretBallot: "ghi và bỏ phiếu kín"
        }
    }
}
