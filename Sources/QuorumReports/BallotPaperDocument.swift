import QuorumCore

/// The papers a ballot step votes on and counts with, made from the same definition and candidate list as its
/// minutes, so that what was voted on and what was counted cannot differ: the ballot paper ("phiếu giới thiệu" or
/// "phiếu bầu kín") and the counting committee's tally sheet.
public enum BallotPaperDocument {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notABallot(String)
        case notReached(String)

        public var description: String {
            switch self {
            case .notABallot(let step): "step '\(step)' is a discussion; it has no ballot paper"
            case .notReached(let step): "step '\(step)' has not been reached, so its candidates are not known yet"
            }
        }
    }

    /// The candidates handed to a step, per title, in the order the paper lists them.
    static func candidates(_ source: ReportSource, step: Step) throws(Problem) -> [(title: Title, free: Int, names: [String])] {
        let held = source.state.decisions.firstIndex { $0.step == step.id }
        let handed: [String: [String]]?
        if let held {
            let before = source.state.decisions[..<held].last { $0.outcome == .decided }
            handed = before.map { Dictionary($0.titles.map { ($0.title, $0.handedOn) }, uniquingKeysWith: { $1 }) }
        } else if source.state.currentStep == step.id {
            handed = source.state.candidates
        } else {
            throw .notReached(step.id)
        }
        return source.definition.titles.map { title in
            let kept = source.state.kept(title)
            let names = VietnameseCollation.sorted((handed?[title.id] ?? []).map { source.directory.key($0) }, by: source.name)
            return (title, max(0, title.cap - kept.count), names)
        }
    }

    public static func paper(_ source: ReportSource, step stepID: String) throws(Problem) -> OfficialDocument {
        guard let step = source.definition.step(stepID), step.form.isBallot else { throw .notABallot(stepID) }
        let lists = try candidates(source, step: step)
        var blocks: [OfficialDocument.Block] = []
        for list in lists {
            blocks.append(.heading("Chức danh: \(list.title.name)"))
            blocks.append(.paragraph("Số lượng cần giới thiệu: tối đa \(list.free) người (tối đa \(list.title.cap) người, kể cả những người đang giữ quy hoạch)."))
            let rows = list.names.enumerated().map { index, key in
                [String(index + 1), source.name(of: key), source.directory.entry(key)?.birthYear ?? "",
                 [source.directory.entry(key)?.record?.currentTitle, source.directory.entry(key)?.record?.unit].compactMap { $0 }.joined(separator: ", ")]
            }
            if step.form == .secretBallot {
                blocks.append(.table(headers: ["TT", "Họ và tên", "Năm sinh", "Chức vụ, đơn vị"], rows: rows))
            } else {
                let blanks = (0..<max(1, list.free)).map { ["\(rows.count + $0 + 1)", "……………………………", "", ""] }
                blocks.append(.table(headers: ["TT", "Họ và tên", "Năm sinh", "Chức vụ, đơn vị"], rows: rows + blanks))
            }
        }
        blocks.append(.heading("Cách ghi phiếu"))
        var howTo = step.form == .secretBallot
            ? ["Đồng ý giới thiệu người nào thì giữ nguyên họ tên người đó; không đồng ý thì gạch ngang họ tên.",
               "Không ghi thêm tên người ngoài danh sách."]
            : ["Giới thiệu người có tên trong danh sách thì giữ nguyên họ tên; không giới thiệu thì gạch ngang họ tên.",
               "Giới thiệu người ngoài danh sách thì ghi họ tên vào dòng để trống."]
        howTo += step.ballotValidity.map { "\($0.name)." }
        blocks.append(.bullets(howTo))
        blocks.append(.note("Danh sách theo vần A, B, C của tên; lập từ dữ liệu của \(source.instance)."))
        let title = step.form == .secretBallot ? "PHIẾU BẦU KÍN" : "PHIẾU GIỚI THIỆU"
        return source.document(kind: "PB", title: title, subtitle: "Giới thiệu nhân sự quy hoạch — \(step.name)", date: step.meets?.date,
                               blocks: blocks, signatures: [])
    }

    public static func tallySheet(_ source: ReportSource, step stepID: String) throws(Problem) -> OfficialDocument {
        guard let step = source.definition.step(stepID), step.form.isBallot else { throw .notABallot(stepID) }
        let lists = try candidates(source, step: step)
        var blocks: [OfficialDocument.Block] = [
            .paragraph("Tổ kiểm phiếu ghi một vạch cho mỗi phiếu hợp lệ đồng ý giới thiệu, theo nhóm năm vạch, rồi cộng tổng."),
        ]
        for list in lists {
            blocks.append(.heading("Chức danh: \(list.title.name) (tối đa \(list.free) người)"))
            var rows = list.names.enumerated().map { [String($0.offset + 1), source.name(of: $0.element), "", ""] }
            if step.form == .nominationBallot {
                rows += (0..<3).map { ["\(rows.count + $0 + 1)", "(ghi thêm) ……………………", "", ""] }
            }
            blocks.append(.table(headers: ["TT", "Họ và tên", "Ghi vạch", "Tổng số phiếu"], rows: rows))
        }
        blocks.append(.heading("Đối chiếu"))
        blocks.append(.bullets([
            "Số phiếu phát ra: ……; số phiếu thu vào: …… (không lớn hơn số phát ra).",
            "Số phiếu hợp lệ: ……; số phiếu không hợp lệ: …… (cộng lại bằng số phiếu thu vào).",
            "Số phiếu của mỗi người không lớn hơn số phiếu hợp lệ.",
        ]))
        let body = source.definition.body(step.body)
        return source.document(kind: "KP", title: "BẢNG KIỂM PHIẾU", subtitle: "\(step.name) — \(body?.name ?? step.body)",
                               date: step.meets?.date, blocks: blocks,
                               signatures: [.init(role: "TRƯỞNG BAN KIỂM PHIẾU", name: nil), .init(role: "THÀNH VIÊN", name: nil)])
    }
}
