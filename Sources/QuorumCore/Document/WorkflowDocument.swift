/// A workflow file as written, after `extends:` has been merged and before validation. Every field is optional here;
/// the validator decides what is missing.
public struct WorkflowDocument: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var version: Int?
    public var abstract: Bool?
    public var extends: String?
    public var basis: String?
    public var rules: String?
    public var term: String?
    public var termStart: String?
    public var termEnd: String?
    public var deadline: String?
    public var cycle: String?
    public var year: Int?
    public var eligibility: [String]?
    public var structure: [String]?
    public var authority: String?
    public var timezone: String?
    public var note: String?
    public var organization: String?
    public var parentOrganization: String?
    public var location: String?
    public var signer: SignerDocument?
    public var records: RecordsDocument?
    public var people: [PersonDocument]?
    public var bodies: [BodyDocument]?
    public var titles: [TitleDocument]?
    public var steps: [StepDocument]?

    public init(id: String? = nil) { self.id = id }

    enum CodingKeys: String, CodingKey {
        case id, name, version, abstract, extends, basis, rules, term, deadline, cycle, year, eligibility, structure, authority, timezone, note
        case organization, location, signer, people, bodies, titles, steps, records
        case parentOrganization = "parent-organization"
        case termStart = "term-start"
        case termEnd = "term-end"
    }
}

/// How the official records are laid out and addressed.
public struct RecordsDocument: Codable, Sendable, Equatable {
    public var format: String?
    public var abbreviation: String?
    public var partyCommittee: String?
    public var partyOrganization: String?
    public var partyAbbreviation: String?
    public var recipients: [String]?
    public var archive: [String]?
    public var confidential: Bool?
    public var chair: String?
    public var partySigner: SignerDocument?
    public var plan: PlanText?

    enum CodingKeys: String, CodingKey {
        case format, abbreviation, recipients, archive, confidential, chair, plan
        case partySigner = "party-signer"
        case partyCommittee = "party-committee"
        case partyOrganization = "party-organization"
        case partyAbbreviation = "party-abbreviation"
    }
}

/// Who signs the official documents: the title line and the name.
public struct SignerDocument: Codable, Sendable, Equatable {
    public var title: String?
    public var name: String?
}

public struct PersonDocument: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var note: String?
    public var code: String?
}

public struct BodyDocument: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var members: [MemberDocument]?
    public var count: Int?
    public var includes: [String]?
}

public struct MemberDocument: Codable, Sendable, Equatable {
    public var person: String?
    public var role: String?
}

public struct TitleDocument: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var cap: Int?
    public var authority: String?
    public var kept: [String]?
    public var removed: [RemovalDocument]?
    public var eligibility: [String]?
}

public struct RemovalDocument: Codable, Sendable, Equatable {
    public var person: String?
    public var reason: String?
}

public struct StepDocument: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id, name, body, form, purpose, date, time, timezone, quorum, threshold, selection, secrecy, place, after, weekday,
             duration, skip, transitions, review
        case ballotValidity = "ballot-validity"
        case doubleEntry = "double-entry"
        case listDecidedBy = "list-decided-by"
    }

    public var id: String?
    public var name: String?
    public var body: String?
    public var form: String?
    public var purpose: String?
    public var date: String?
    public var time: String?
    public var timezone: String?
    public var quorum: String?
    public var threshold: String?
    public var selection: String?
    public var ballotValidity: [String]?
    public var secrecy: String?
    public var doubleEntry: Bool?
    public var place: String?
    public var after: RelativeTimeDocument?
    public var weekday: String?
    public var duration: String?
    public var skip: Bool?
    public var transitions: [TransitionDocument]?
    public var review: Bool?
    public var listDecidedBy: String?
}

/// "After step 4 of another track", "+1 day at 08:00": a meeting time that follows another step's.
public struct RelativeTimeDocument: Codable, Sendable, Equatable {
    public var step: String?
    public var workflow: String?
    public var days: Int?
    public var time: String?
    public var by: String?
}

public struct TransitionDocument: Codable, Sendable, Equatable {
    public var when: String?
    public var to: String?
}
