import QuorumCore

/// What a finished procedure sends on, one document per approving authority: a submission ("tờ trình") to an authority
/// above the unit, or, for titles the unit approves itself, the unit's own decision draft ("quyết định"). The lists kept,
/// added and removed follow as appendices, each naming the document it is attached to.
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

    /// The people of one title, as the appendices list them.
    struct Lists {
        let title: Title
        let kept: [String]
        let added: [String]
        let removed: [(person: String, reason: String)]
    }

    public static func make(_ source: ReportSource) throws(Problem) -> [OfficialDocument] {
        guard let added = source.state.added else { throw .notFinished(source.instance) }
        let definition = source.definition
        let lastDate = source.state.decisions.compactMap { definition.step($0.step)?.meets?.date }.last
        let byAuthority = Dictionary(grouping: definition.titles) { $0.authority ?? "cấp có thẩm quyền" }
        return byAuthority.keys.sorted().map { authority in
            let lists = byAuthority[authority]!.map { title in
                Lists(title: title, kept: source.state.kept(title), added: added[title.id] ?? [], removed: removals(title, source))
            }
            let approvesItself = authority.hasPrefix(source.organization)
            var document = approvesItself ? decision(lists, source: source, date: lastDate) : submission(lists, to: authority, source: source, date: lastDate)
            let attachedTo = approvesItself ? "Quyết định số ……/QĐ-\(source.letterhead.abbreviation ?? "")" : "Tờ trình số ……/TTr-\(source.letterhead.abbreviation ?? "")"
            document.appendices = appendices(lists, attachedTo: "\(attachedTo) ngày … tháng … năm … của \(source.organization)", source: source)
            return document
        }
    }

    /// The subject: what is asked for, as it is; no "additions" when nobody is added.
    static func subject(_ lists: [Lists], source: ReportSource) -> String {
        let titles = lists.map(\.title.name).joined(separator: ", ")
        let term = source.definition.term.map { ", nhiệm kỳ \($0)" } ?? ""
        let adds = lists.contains { !$0.added.isEmpty }, removes = lists.contains { !$0.removed.isEmpty }
        let what = adds ? "bổ sung quy hoạch" : removes ? "rà soát, điều chỉnh quy hoạch" : "giữ quy hoạch"
        return "\(what) chức danh \(titles)\(term)"
    }

    /// The request per title, each count naming its title.
    static func requests(_ lists: [Lists]) -> [String] {
        lists.flatMap { list in
            ["Chức danh \(list.title.name): giữ quy hoạch \(list.kept.count) đồng chí (Phụ lục I); bổ sung quy hoạch \(list.added.count) đồng chí "
                + "(Phụ lục II); đưa ra khỏi quy hoạch \(list.removed.count) đồng chí (Phụ lục III)."]
        }
    }

    /// The steps held, each with its outcome for these titles.
    static func steps(_ lists: [Lists], source: ReportSource) -> [String] {
        let ids = lists.map(\.title.id)
        return source.state.decisions.map { decision in
            let step = source.definition.step(decision.step)
            let when = step?.meets.map { "\(VietnameseFormat.time($0.time)), \(VietnameseFormat.weekday($0.date)) ngày \(VietnameseFormat.shortDate($0.date))" } ?? ""
            let outcome = decision.outcome == .quorumNotMet ? "không đủ số thành viên tham dự, tổ chức lại"
                : decision.titles.filter { ids.contains($0.title) }.map { "\(source.definition.title($0.title)?.name ?? $0.title): \($0.handedOn.count) người" }
                    .joined(separator: "; ")
            return "\(step?.name ?? decision.step) (\(when)): \(outcome)."
        }
    }

    private static func submission(_ lists: [Lists], to authority: String, source: ReportSource, date: String?) -> OfficialDocument {
        let definition = source.definition
        var blocks: [OfficialDocument.Block] = [.paragraph("Kính gửi: \(authority).")]
        if let basis = definition.basis { blocks.append(.paragraph("Căn cứ \(basis);")) }
        let cycle = definition.cycle.map { $0.prefix(1).lowercased() + $0.dropFirst() } ?? "kế hoạch rà soát, bổ sung quy hoạch"
        blocks.append(.paragraph("Thực hiện \(cycle), \(source.organization) đã tổ chức rà soát, giới thiệu nhân sự quy hoạch chức danh "
            + "\(lists.map(\.title.name).joined(separator: ", "))\(definition.term.map { ", nhiệm kỳ \($0)" } ?? ""), kết quả như sau:"))
        blocks.append(.bullets(steps(lists, source: source)))
        let keepsOnly = lists.allSatisfy { $0.added.isEmpty } && !source.state.decisions.contains { definition.step($0.step)?.form.isBallot ?? false }
        if keepsOnly {
            blocks.append(.paragraph("Chức danh \(lists.map(\.title.name).joined(separator: ", ")) chỉ rà soát những đồng chí đang trong quy hoạch; "
                + "không tổ chức giới thiệu bổ sung tại \(source.organization)."))
            for purpose in source.state.decisions.compactMap({ definition.step($0.step)?.purpose }) {
                blocks.append(.paragraph(purpose.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        blocks.append(.paragraph("\(source.organization) kính trình \(authority) xem xét, phê duyệt:"))
        blocks.append(.bullets(requests(lists)))
        let corrections = source.corrections()
        if !corrections.isEmpty {
            blocks.append(.paragraph("Trong quá trình thực hiện, kết quả đã được đính chính công khai như sau:"))
            blocks.append(.bullets(corrections))
        }
        blocks.append(.paragraph("Kính trình \(authority) xem xét, quyết định./."))
        return source.document(kind: "TTr", title: "TỜ TRÌNH", subtitle: "Về việc đề nghị phê duyệt \(subject(lists, source: source))",
                               date: date, blocks: blocks, signatures: [source.signer], recipients: source.recipients(addressed: true))
    }

    /// A decision draft, for titles the unit approves itself: it does not submit to itself.
    private static func decision(_ lists: [Lists], source: ReportSource, date: String?) -> OfficialDocument {
        let definition = source.definition
        let issuer = (source.format == .party ? source.letterhead.partyOrganization : source.letterhead.signerTitle)?.uppercased()
            ?? source.organization.uppercased()
        var blocks: [OfficialDocument.Block] = [.heading(issuer)]
        if let basis = definition.basis { blocks.append(.paragraph("Căn cứ \(basis);")) }
        blocks.append(.paragraph("Căn cứ kết quả quy trình rà soát, giới thiệu nhân sự quy hoạch tại \(source.organization):"))
        blocks.append(.bullets(steps(lists, source: source)))
        blocks.append(.heading("QUYẾT ĐỊNH:"))
        blocks.append(.paragraph("Điều 1. Phê duyệt \(subject(lists, source: source)), cụ thể:"))
        blocks.append(.bullets(requests(lists)))
        blocks.append(.paragraph("Điều 2. Những đồng chí được phê duyệt quy hoạch có trách nhiệm thường xuyên nâng cao kiến thức, năng lực "
            + "thực hiện nhiệm vụ, hoàn thành chức trách và hiệu quả công việc cao hơn."))
        let corrections = source.corrections()
        if !corrections.isEmpty {
            blocks.append(.paragraph("Kết quả đã được đính chính công khai trong quá trình thực hiện:"))
            blocks.append(.bullets(corrections))
        }
        blocks.append(.paragraph("Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
            + "Quyết định này./."))
        return source.document(kind: "QĐ", title: "QUYẾT ĐỊNH (DỰ THẢO)", subtitle: "Về việc phê duyệt \(subject(lists, source: source))",
                               date: date, blocks: blocks, signatures: [source.signer], recipients: source.recipients(addressed: false))
    }

    /// Removals: the definition's, then the review's, each with its reason.
    static func removals(_ title: Title, _ source: ReportSource) -> [(person: String, reason: String)] {
        title.removed.map { ($0.person, $0.reason) }
            + source.state.reviews(title.id).filter { $0.decision == .remove }.map { review in
                (review.person, (review.appointed ? "Đã thực hiện quy hoạch. " : "") + (review.reason ?? ""))
            }
    }

    /// Kept, added and removed people, each with birth year, current post, the votes at every ballot step, and the
    /// reason for a removal; each appendix names the document it is attached to.
    private static func appendices(_ lists: [Lists], attachedTo: String, source: ReportSource) -> [OfficialDocument.Block] {
        let ballots = source.state.decisions.filter { $0.outcome == .decided && (source.definition.step($0.step)?.form.isBallot ?? false) }
        let stepColumns = ballots.map { "Phiếu \(source.definition.step($0.step)?.name.split(separator: ":").first.map(String.init) ?? $0.step)" }
        func details(_ key: String) -> [String] {
            let person = source.directory.entry(key)?.record
            return [person?.birthDate.map { String($0.prefix(4)) } ?? "", [person?.currentTitle, person?.unit].compactMap { $0 }.joined(separator: ", ")]
        }
        func votes(_ key: String, _ title: String) -> [String] {
            ballots.map { decision in
                guard let candidate = decision.titles.first(where: { $0.title == title })?.candidates.first(where: { $0.name == key }),
                      let count = candidate.votes else { return "–" }
                return candidate.check.map { "\(count)/\($0.baseCount) (\(VietnameseFormat.percent(count, of: $0.baseCount)))" } ?? "\(count)"
            }
        }
        func table(_ people: [(key: String, title: Title, extra: [String])], headers: [String]) -> OfficialDocument.Block {
            let rows = people.enumerated().map { index, person in
                [String(index + 1), source.name(of: person.key)] + details(person.key) + [person.title.name] + person.extra
            }
            return .table(headers: ["TT", "Họ và tên", "Năm sinh", "Chức vụ, đơn vị hiện nay", "Chức danh quy hoạch"] + headers,
                          rows: rows.isEmpty ? [["", "Không có"] + Array(repeating: "", count: 3 + headers.count)] : rows)
        }
        let attached = OfficialDocument.Block.paragraph("(Kèm theo \(attachedTo))")
        return [
            .pageBreak, .heading("PHỤ LỤC I. DANH SÁCH GIỮ QUY HOẠCH"), attached,
            table(lists.flatMap { list in list.kept.map { ($0, list.title, [String]()) } }, headers: []),
            .pageBreak, .heading("PHỤ LỤC II. DANH SÁCH ĐỀ NGHỊ BỔ SUNG QUY HOẠCH"), attached,
            table(lists.flatMap { list in list.added.map { ($0, list.title, votes($0, list.title.id)) } }, headers: stepColumns),
            .pageBreak, .heading("PHỤ LỤC III. DANH SÁCH ĐỀ NGHỊ ĐƯA RA KHỎI QUY HOẠCH"), attached,
            table(lists.flatMap { list in list.removed.map { ($0.person, list.title, [$0.reason]) } }, headers: ["Lý do"]),
        ]
    }
}
