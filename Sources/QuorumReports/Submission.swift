import QuorumCore

/// The submission to the approving authority ("tờ trình"), with the final planning lists as appendices: people
/// kept, added and removed, with reasons. One document per authority.
public enum Submission {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notFinished(String)

        public var description: String {
            switch self {
            case .notFinished(let instance):
                "instance '\(instance)' has not ended, so there is no final list to submit yet; report a step's minutes with --step"
            }
        }
    }

    public static func make(_ source: ReportSource, roster: Roster?) throws(Problem) -> [OfficialDocument] {
        guard let added = source.state.added else { throw .notFinished(source.instance) }
        let definition = source.definition
        let lastDate = source.state.decisions.compactMap { definition.step($0.step)?.meets?.date }.last
        let byAuthority = Dictionary(grouping: definition.titles) { $0.authority ?? "cấp có thẩm quyền" }
        return byAuthority.keys.sorted().map { authority in
            let titles = byAuthority[authority]!
            let titleNames = titles.map(\.name).joined(separator: ", ")
            var blocks: [OfficialDocument.Block] = [.paragraph("Kính gửi: \(authority).")]
            if let basis = definition.basis { blocks.append(.paragraph("Căn cứ \(basis);")) }
            let cycle = definition.cycle.map { $0.prefix(1).lowercased() + $0.dropFirst() } ?? "kế hoạch rà soát, bổ sung quy hoạch"
            blocks.append(.paragraph("Thực hiện \(cycle), \(source.organization) "
                + "đã tổ chức thực hiện quy trình giới thiệu nhân sự quy hoạch chức danh \(titleNames)\(definition.term.map { ", nhiệm kỳ \($0)" } ?? ""), kết quả như sau:"))
            blocks.append(.bullets(source.state.decisions.map { decision in
                let step = definition.step(decision.step)
                let when = step?.meets.map { "\(VietnameseFormat.time($0.time)), \(VietnameseFormat.weekday($0.date)) ngày \(VietnameseFormat.shortDate($0.date))" } ?? ""
                let outcome = decision.outcome == .quorumNotMet ? "không đủ số thành viên tham dự, tổ chức lại"
                    : decision.titles.filter { titles.map(\.id).contains($0.title) }.map { "\($0.handedOn.count) người đạt" }.joined(separator: ", ")
                return "\(step?.name ?? decision.step) (\(when)): \(outcome)."
            }))
            let kept = titles.reduce(0) { $0 + keptPeople($1, source).count }, new = titles.reduce(0) { $0 + (added[$1.id]?.count ?? 0) }
            let removed = titles.reduce(0) { $0 + removals($1, source).count }
            blocks.append(.paragraph("\(source.organization) kính trình \(authority) xem xét, phê duyệt:"))
            blocks.append(.bullets(["Giữ quy hoạch: \(kept) đồng chí (Phụ lục I);", "Bổ sung quy hoạch: \(new) đồng chí (Phụ lục II);",
                                    "Đưa ra khỏi quy hoạch: \(removed) đồng chí (Phụ lục III)."]))
            let corrections = source.corrections()
            if !corrections.isEmpty {
                blocks.append(.paragraph("Trong quá trình thực hiện, kết quả đã được đính chính công khai như sau:"))
                blocks.append(.bullets(corrections))
            }
            blocks.append(.paragraph("Kính trình \(authority) xem xét, quyết định./."))
            var document = OfficialDocument(parentOrganization: source.letterhead.parentOrganization?.uppercased(), organization: source.organization.uppercased(),
                                    number: "Số: ……/TTr", dateline: source.dateline(lastDate), title: "TỜ TRÌNH",
                                    subtitle: "Về việc đề nghị phê duyệt bổ sung quy hoạch chức danh \(titleNames)\(definition.term.map { ", nhiệm kỳ \($0)" } ?? "")",
                                    blocks: blocks,
                                    signatures: [.init(role: source.letterhead.signerTitle ?? "THỦ TRƯỞNG CƠ QUAN", name: source.letterhead.signerName)],
                                    recipients: ["Như trên;", "Lưu: VT, HCTC."])
            document.appendices = appendices(titles, added: added, source: source, roster: roster)
            return document
        }
    }

    /// The people kept after the review (or as the definition keeps them when no review was held).
    static func keptPeople(_ title: Title, _ source: ReportSource) -> [String] {
        source.state.kept(title.id) ?? title.kept
    }

    /// Removals: the definition's, then the review's, each with its reason.
    static func removals(_ title: Title, _ source: ReportSource) -> [(person: String, reason: String)] {
        title.removed.map { ($0.person, $0.reason) }
            + source.state.reviews(title.id).filter { $0.decision == .remove }.map { review in
                (review.person, (review.appointed ? "Đã thực hiện quy hoạch. " : "") + (review.reason ?? ""))
            }
    }

    private static func appendices(_ titles: [Title], added: [String: [String]], source: ReportSource, roster: Roster?) -> [OfficialDocument.Block] {
        func details(_ key: String) -> [String] {
            let person = source.directory.entry(key)?.record
            return [person?.birthDate.map { String($0.prefix(4)) } ?? "", [person?.currentTitle, person?.unit].compactMap { $0 }.joined(separator: ", ")]
        }
        func orNobody(_ rows: [[String]], width: Int) -> [[String]] {
            rows.isEmpty ? [["", "Không có"] + Array(repeating: "", count: width - 2)] : rows
        }
        let finalVotes = source.state.decisions.last?.titles.flatMap(\.candidates) ?? []
        let kept = rows(titles.flatMap { title in keptPeople(title, source).map { ($0, title.name) } }, source: source) { details($0) }
        let new = rows(titles.flatMap { title in (added[title.id] ?? []).map { ($0, title.name) } }, source: source) { key in
            let check = finalVotes.first { $0.name == key }?.check
            return details(key) + [check.map { "\($0.count)/\($0.baseCount) (\(VietnameseFormat.percent($0.count, of: $0.baseCount)))" } ?? ""]
        }
        let removed = titles.flatMap { title in removals(title, source).map { [source.name(of: $0.person), title.name, $0.reason] } }
            .enumerated().map { [String($0.offset + 1)] + $0.element }
        return [
            .pageBreak, .heading("PHỤ LỤC I. DANH SÁCH GIỮ QUY HOẠCH"),
            .table(headers: ["TT", "Họ và tên", "Năm sinh", "Chức vụ, đơn vị hiện nay", "Chức danh quy hoạch"], rows: orNobody(kept, width: 5)),
            .heading("PHỤ LỤC II. DANH SÁCH ĐỀ NGHỊ BỔ SUNG QUY HOẠCH"),
            .table(headers: ["TT", "Họ và tên", "Năm sinh", "Chức vụ, đơn vị hiện nay", "Chức danh quy hoạch", "Số phiếu (bước cuối)"],
                   rows: orNobody(new, width: 6)),
            .heading("PHỤ LỤC III. DANH SÁCH ĐỀ NGHỊ ĐƯA RA KHỎI QUY HOẠCH"),
            .table(headers: ["TT", "Họ và tên", "Chức danh quy hoạch", "Lý do"], rows: orNobody(removed, width: 4)),
            .heading("SƠ ĐỒ QUY TRÌNH ĐÃ THỰC HIỆN"),
            .diagram(StateDiagram(definition: source.definition).mermaid),
        ]
    }

    /// Numbered rows: TT, name, then the columns `more` gives, then the title.
    private static func rows(_ people: [(key: String, title: String)], source: ReportSource, more: (String) -> [String]) -> [[String]] {
        people.enumerated().map { index, person in
            let extra = more(person.key)
            return [String(index + 1), source.name(of: person.key)] + extra.prefix(2) + [person.title] + extra.dropFirst(2)
        }
    }
}
