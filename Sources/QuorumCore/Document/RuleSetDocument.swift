/// A rule-set file from `rules/`, as written.
public struct RuleSetDocument: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var basis: String?
    public var effective: EffectivePeriodDocument?
    public var note: String?
    public var rules: [RuleDocument]?
    public var limits: LimitsDocument?
    public var retirementAge: RetirementAgeDocument?

    enum CodingKeys: String, CodingKey {
        case id, name, basis, effective, note, rules, limits
        case retirementAge = "retirement-age"
    }
}

public struct LimitsDocument: Codable, Sendable, Equatable {
    public var titlesPerPerson: Int?
    public var basis: String?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case basis, note
        case titlesPerPerson = "titles-per-person"
    }
}

public struct RetirementAgeDocument: Codable, Sendable, Equatable {
    public var basis: String?
    public var note: String?
    public var schedules: [RetirementScheduleDocument]?
}

public struct RetirementScheduleDocument: Codable, Sendable, Equatable {
    public var gender: String?
    public var before: String?
    public var fromYear: Int?
    public var start: String?
    public var step: String?
    public var until: String?

    enum CodingKeys: String, CodingKey {
        case gender, before, start, step, until
        case fromYear = "from-year"
    }
}

public struct EffectivePeriodDocument: Codable, Sendable, Equatable {
    public var from: String?
    public var until: String?
}

public struct RuleDocument: Codable, Sendable, Equatable {
    public var id: String?
    public var kind: String?
    public var name: String?
    public var basis: String?
    public var note: String?
    public var base: String?
    public var comparison: String?
    public var fraction: String?
    public var cap: Int?
    public var ties: String?
    public var expression: String?
    public var parameters: [String: RuleParameter]?
    public var binding: Bool?
    public var effective: EffectivePeriodDocument?
    public var examples: [RuleExampleDocument]?
}

/// An example a rule must satisfy, run by the validator and by the test suite: `count` of `of` for thresholds;
/// a `person` (eligibility) or `people` (structure) with the `cycle` and `title` for CEL rules.
public struct RuleExampleDocument: Codable, Sendable, Equatable {
    public var name: String?
    public var count: Int?
    public var of: Int?
    public var person: RuleParameter?
    public var people: RuleParameter?
    public var ballot: RuleParameter?
    public var candidates: RuleParameter?
    public var cycle: RuleParameter?
    public var title: RuleParameter?
    public var passes: Bool?
}
