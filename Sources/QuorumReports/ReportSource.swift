import QuorumCore

/// What the official records are made from: the pinned definition and the stored history, never anything typed
/// into the document by hand.
public struct ReportSource: Sendable {
    public let instance: String
    public let definition: WorkflowDefinition
    public let events: [Event]
    public let state: InstanceState
    let directory: PersonDirectory
    /// The layout of the records: the definition's, unless the command asks for the other.
    public let format: RecordFormat

    public init(instance: String, definition: WorkflowDefinition, events: [Event], state: InstanceState, format: RecordFormat? = nil) {
        self.instance = instance
        self.definition = definition
        self.events = events
        self.state = state
        self.format = format ?? definition.letterhead.format ?? .state
        directory = PersonDirectory(definition: definition, roster: state.roster)
    }

    /// A step's last decision, the results it was made on, any run-off, and the decision event's hash.
    struct Meeting {
        let step: Step
        let decision: StepDecision
        let record: StepRecord?
        let runOff: StepRecord?
        let hash: String
        /// The membership snapshot taken when the attempt opened, and the time it was moved to, if it was.
        let opening: StepOpening?
        let rescheduled: Rescheduling?
    }

    func meeting(_ stepID: String) -> Meeting? {
        guard let step = definition.step(stepID), state.decisions.contains(where: { $0.step == stepID && $0.outcome == .decided }),
              let index = events.lastIndex(where: { if case .advanced(let decision) = $0.payload { decision.step == stepID } else { false } }),
              case .advanced(let decision) = events[index].payload else { return nil }
        let records = events[..<index].compactMap { event -> StepRecord? in
            switch event.payload {
            case .recorded(let record) where record.step == stepID && record.attempt == decision.attempt: record
            case .corrected(let correction) where correction.record.step == stepID && correction.record.attempt == decision.attempt: correction.record
            default: nil
            }
        }
        let openings = events[..<index].compactMap { event -> StepOpening? in
            if case .opened(let opening) = event.payload, opening.step == stepID, opening.attempt == decision.attempt { opening } else { nil }
        }
        let moves = events[..<index].compactMap { event -> Rescheduling? in
            if case .rescheduled(let move) = event.payload, move.step == stepID, move.attempt == decision.attempt { move } else { nil }
        }
        return Meeting(step: step, decision: decision, record: records.last { !$0.runOff && ($0.entry ?? 1) == 1 },
                       runOff: records.last(where: \.runOff), hash: events[index].hash, opening: openings.last, rescheduled: moves.last)
    }

    var letterhead: Letterhead { definition.letterhead }
    /// The issuing body as sentences name it ("Văn phòng UBND tỉnh"); headers print it in capitals.
    var organization: String { letterhead.organization ?? "Cơ quan" }

    func dateline(_ date: String?) -> String {
        "\(letterhead.location ?? "……"), \(date.map(VietnameseFormat.longDate) ?? "ngày … tháng … năm …")"
    }

    /// A record of this unit in the source's format: header, number with the document kind (`TTr`, `BB`, `QĐ`, `KH`),
    /// place and date.
    func document(kind: String, title: String, subtitle: String?, date: String?, blocks: [OfficialDocument.Block],
                  signatures: [OfficialDocument.Signature], recipients: [String] = []) -> OfficialDocument {
        let issuer: [String]
        let number: String
        switch format {
        case .state:
            issuer = [letterhead.parentOrganization?.uppercased(), organization.uppercased()].compactMap { $0 }
            number = "Số: ……/\(kind)" + (letterhead.abbreviation.map { "-\($0)" } ?? "")
        case .party:
            issuer = [letterhead.partyCommittee, letterhead.partyOrganization ?? organization.uppercased()].compactMap { $0 }
            number = "Số …-\(kind)" + (letterhead.partyAbbreviation.map { "/\($0)" } ?? "")
        }
        return OfficialDocument(format: format, issuer: issuer, number: number, dateline: dateline(date),
                                confidential: letterhead.confidential ?? false, title: title, subtitle: subtitle, blocks: blocks,
                                signatures: signatures, recipients: recipients)
    }

    /// "Nơi nhận": the addressee, the definition's recipients, and the archive line.
    func recipients(addressed: Bool) -> [String] {
        (addressed ? ["Như trên;"] : []) + (letterhead.recipients ?? []).map { $0.hasSuffix(";") ? $0 : $0 + ";" }
            + ["Lưu: \((letterhead.archive ?? ["VT"]).joined(separator: ", "))."]
    }

    /// The signer of the unit's documents: the capacity line in the Party format ("T/M ĐẢNG ỦY").
    var signer: OfficialDocument.Signature {
        guard format == .party else {
            return OfficialDocument.Signature(role: letterhead.signerTitle ?? "THỦ TRƯỞNG CƠ QUAN", name: letterhead.signerName)
        }
        let body = (letterhead.partyOrganization ?? "").split(separator: " ").prefix(2).joined(separator: " ")
        return OfficialDocument.Signature(capacity: "T/M \(body)", role: letterhead.partySignerTitle ?? "BÍ THƯ",
                                          name: letterhead.partySignerName ?? letterhead.signerName)
    }

    /// The people who sign a meeting's minutes: the chair, then the secretary; for a vote count, the committee's head.
    func minuteSignatures(_ record: StepRecord?, counting: Bool) -> [OfficialDocument.Signature] {
        let chair = record?.chair ?? letterhead.chair
        var signatures = [OfficialDocument.Signature(role: "CHỦ TRÌ HỘI NGHỊ", name: chair.map(name))]
        if counting {
            let head = record?.committee?.first { ($0.role ?? "").lowercased().contains("trưởng") } ?? record?.committee?.first
            signatures.append(.init(role: "TRƯỞNG BAN KIỂM PHIẾU", name: head.map { name(of: $0.person) }))
        }
        signatures.append(.init(role: "THƯ KÝ", name: record?.secretary.map(name)))
        return signatures
    }

    /// When the meeting was planned (or moved to), and when it opened and closed, as the minutes write it.
    func when(_ meeting: Meeting) -> String {
        let meets = meeting.rescheduled?.meets ?? meeting.step.meets
        var text = meets.map { VietnameseFormat.meeting($0) } ?? "Vào lúc …"
        if let start = meeting.record?.startedAt, let meets {
            text = "Vào lúc \(VietnameseFormat.time(start)), \(VietnameseFormat.weekday(meets.date)), ngày \(VietnameseFormat.shortDate(meets.date))"
        }
        return text
    }

    /// Who attended and who did not, with reasons.
    func attendance(_ meeting: Meeting) -> [OfficialDocument.Block] {
        let body = definition.body(meeting.step.body)
        let record = meeting.record
        var attendance = "Thành phần: \(body?.name ?? meeting.step.body); tổng số thành viên: \(body?.totalMembers ?? 0)"
        if let summoned = record?.summoned { attendance += "; triệu tập: \(summoned)" }
        if let present = record?.present { attendance += "; có mặt: \(present)" }
        if let present = record?.present, let total = body?.totalMembers { attendance += "; vắng mặt: \(max(0, total - present))" }
        var blocks: [OfficialDocument.Block] = [.paragraph(attendance + ".")]
        if let names = record?.attendees, !names.isEmpty { blocks.append(.paragraph("Có mặt: " + names.map(name).joined(separator: ", ") + ".")) }
        if let absent = record?.absent, !absent.isEmpty {
            blocks.append(.paragraph("Vắng mặt: " + absent.map { "\(name(of: $0.person))" + ($0.reason.map { " (\($0))" } ?? " (không rõ lý do)") }
                .joined(separator: "; ") + "."))
        }
        if let chair = record?.chair ?? letterhead.chair { blocks.append(.paragraph("Chủ trì: \(name(of: chair)).")) }
        if let secretary = record?.secretary { blocks.append(.paragraph("Thư ký: \(name(of: secretary)).")) }
        return blocks
    }

    /// `Hội nghị kết thúc lúc 15 giờ 10 phút.`, when the minutes record it.
    func closing(_ meeting: Meeting) -> [OfficialDocument.Block] {
        meeting.record?.endedAt.map { [.paragraph("Hội nghị kết thúc lúc \(VietnameseFormat.time($0)) cùng ngày.")] } ?? []
    }

    /// A person's name as the records print it: with the birth year when someone else has the same name.
    func name(of person: String) -> String { directory.label(person) }

    /// Corrections and reopenings of the instance, oldest first, as the records must name them: when, by whom, what
    /// changed and why.
    func corrections(step: String? = nil) -> [String] {
        var lines: [String] = []
        var latest: [String: StepRecord] = [:]
        for event in events {
            switch event.payload {
            case .recorded(let record):
                latest[record.step + "#\(record.entry ?? 1)\(record.runOff)"] = record
            case .corrected(let correction) where step == nil || correction.record.step == step:
                let key = correction.record.step + "#\(correction.record.entry ?? 1)\(correction.record.runOff)"
                let changes = latest[key].map { $0.differences(from: correction.record).map { VietnameseFormat.difference($0, label: name) } } ?? []
                latest[key] = correction.record
                let stepName = definition.step(correction.record.step)?.name ?? correction.record.step
                lines.append("Ngày \(VietnameseFormat.timestamp(event.at)), \(event.actor) đính chính kết quả \(stepName). Lý do: \(VietnameseFormat.sentence(correction.reason))"
                    + (changes.isEmpty ? "" : " Nội dung thay đổi: " + changes.joined(separator: "; ") + "."))
            case .corrected(let correction):
                latest[correction.record.step + "#\(correction.record.entry ?? 1)\(correction.record.runOff)"] = correction.record
            case .reopened(let reopening) where step == nil || reopening.superseded.contains(step!):
                let stepName = definition.step(reopening.step)?.name ?? reopening.step
                lines.append("Ngày \(VietnameseFormat.timestamp(event.at)), \(event.actor) mở lại \(stepName) để xem xét lại. Lý do: \(VietnameseFormat.sentence(reopening.reason))")
            default:
                break
            }
        }
        return lines
    }
}
