import Foundation
import QuorumRules

/// A validated, self-contained workflow: `extends:` merged, rules and body membership resolved.
/// An instance is pinned to one of these; its canonical JSON is what the content hash covers.
public struct WorkflowDefinition: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let version: Int
    public let basis: String?
    public let ruleSet: String?
    public let term: String?
    public let cycle: String?
    /// The year of the review cycle, e.g. 2021.
    public let year: Int?
    public let note: String?
    /// The issuing body and signer of the official documents.
    public var letterhead: Letterhead
    /// Standards every candidate must meet, for every title.
    public let eligibility: [ExpressionRule]
    /// Targets for the make-up of each title's final list.
    public let structure: [ExpressionRule]
    public let people: [Person]
    public let bodies: [Body]
    public let titles: [Title]
    public let steps: [Step]
    /// The term's first and last days (yyyy-MM-dd), given or derived from `term` (see `termDates`).
    public var termStart: String?
    public var termEnd: String?
    /// The day (yyyy-MM-dd) by which the result must reach the approving authority.
    public var deadline: String?
    /// From the rule set: the most titles per person, and retirement ages by sex.
    public var titlesPerPerson: Int?
    public var retirement: [RetirementSchedule]?

    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }
    public func body(_ id: String) -> Body? { bodies.first { $0.id == id } }
    public func title(_ id: String) -> Title? { titles.first { $0.id == id } }
    public func person(_ id: String) -> Person? { people.first { $0.id == id } }
    public func personName(_ id: String) -> String { person(id)?.name ?? id }

    /// The standards a candidate for a title must meet: the workflow's, then the title's own.
    public func eligibility(for title: Title) -> [ExpressionRule] { eligibility + title.eligibility }

    /// The term's first and last days. Given as `term-start` and `term-end`, or by default from a term written
    /// `2021-2026`: 1 January of the first year to 31 December of the year before the last (five whole years).
    public var termDates: (start: String, end: String)? {
        if let termStart, let termEnd { return (termStart, termEnd) }
        let years = (term ?? "").split(separator: "-").compactMap { Int($0) }
        guard years.count == 2, years[1] > years[0] else { return nil }
        return (termStart ?? String(format: "%04d-01-01", years[0]), termEnd ?? String(format: "%04d-12-31", years[1] - 1))
    }

    /// What rules see as `cycle`: the year, and the term's first and last days and length.
    public var cycleParameter: RuleParameter {
        var fields: [String: RuleParameter] = [:]
        if let year {
            fields["year"] = .int(Int64(year))
            fields["recent_years"] = .list((1...10).map { .int(Int64(year - $0)) })
        }
        if let dates = termDates {
            fields["term_start"] = .string(dates.start)
            fields["term_end"] = .string(dates.end)
            let first = Int(dates.start.prefix(4)) ?? 0, last = Int(dates.end.prefix(4)) ?? 0
            fields["term_years"] = .int(Int64(last - first + 1))
        }
        return .map(fields)
    }

    /// The retirement schedule for a person's sex, if the rule set gives one.
    public func retirementSchedule(for gender: String?) -> RetirementSchedule? {
        retirement?.first { $0.gender == gender }
    }
}

/// What the official documents print in their header and signature block.
public struct Letterhead: Codable, Sendable, Equatable {
    /// e.g. VĂN PHÒNG UBND TỈNH.
    public let organization: String?
    /// e.g. UBND TỈNH.
    public let parentOrganization: String?
    /// The place written before the date: "<location>, ngày … tháng … năm …".
    public let location: String?
    public let signerTitle: String?
    public let signerName: String?
    /// How the records are laid out: the State format (Decree 30/2020/NĐ-CP) or the Party format (Guidance 36-HD/VPTW).
    public var format: RecordFormat?
    /// The issuing body's abbreviation in document symbols: `Số: …/TTr-VP`.
    public var abbreviation: String?
    /// Party format: the superior Party body and the issuing one, and its abbreviation (`Số …-TTr/ĐU`).
    public var partyCommittee: String?
    public var partyOrganization: String?
    public var partyAbbreviation: String?
    /// "Nơi nhận" lines beyond the addressee, and who keeps the archive copies ("Lưu: VT, HCTC.").
    public var recipients: [String]?
    public var archive: [String]?
    /// Print "MẬT" on every record.
    public var confidential: Bool?
    /// Who chairs the meetings and signs their minutes (a person id), when the results do not say.
    public var chair: String?
    /// The Party format's signer: their title (BÍ THƯ) and name.
    public var partySignerTitle: String?
    public var partySignerName: String?
    /// The prose of the plan document, which the definitions cannot derive: its basis, purpose, requirements, who
    /// carries it out, and its closing and recipients.
    public var plan: PlanText?

    public init(organization: String?, parentOrganization: String?, location: String?, signerTitle: String?, signerName: String?) {
        self.organization = organization
        self.parentOrganization = parentOrganization
        self.location = location
        self.signerTitle = signerTitle
        self.signerName = signerName
    }
}

/// The words of a unit's plan document that are not facts of its procedure.
public struct PlanText: Codable, Sendable, Equatable {
    public var title: String?
    /// "Thực hiện Kế hoạch số 167-KH/TU …": what the plan carries out.
    public var basis: String?
    public var purpose: String?
    public var requirements: [String]?
    /// Who prepares the work ("Phòng Hành chính - Tổ chức tham mưu").
    public var executor: String?
    public var closing: [String]?
    public var recipients: [String]?
    public var archive: String?

    public init() {}
}

/// The two layouts of official records.
public enum RecordFormat: String, Codable, Sendable, CaseIterable {
    /// Decree 30/2020/NĐ-CP on administrative documents.
    case state
    /// Guidance 36-HD/VPTW on Party documents.
    case party
}

public struct Person: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let note: String?
    /// The person's id in the roster (a personnel number, "mã cán bộ") when it differs from `id`.
    public var code: String?

    public init(id: String, name: String, note: String?, code: String? = nil) {
        self.id = id
        self.name = name
        self.note = note
        self.code = code
    }
}

public struct Member: Codable, Sendable, Equatable {
    public let person: String
    public let role: String?
}

/// A body that meets. Its membership is flattened at validation: named members of included bodies once each,
/// plus head counts of bodies whose members are not named.
public struct Body: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let members: [Member]
    public let unnamedCount: Int
    public let includes: [String]

    public var totalMembers: Int { members.count + unnamedCount }
}

public struct Title: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let cap: Int
    public let authority: String?
    /// Person ids already in the plan who stay in it ("giữ quy hoạch"); they count toward the cap.
    public let kept: [String]
    public let removed: [Removal]
    public let eligibility: [ExpressionRule]

    /// What rules see as `title`.
    public var parameter: RuleParameter { .map(["id": .string(id), "name": .string(name)]) }

    /// Places left for people added in this cycle.
    public var freePlaces: Int { max(0, cap - kept.count) }
}

public struct Removal: Codable, Sendable, Equatable {
    public let person: String
    public let reason: String
}
