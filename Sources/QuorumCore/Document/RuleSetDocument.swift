/// A rule-set file from `rules/`, as written.
public struct RuleSetDocument: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var basis: String?
    public var effective: EffectivePeriodDocument?
    public var note: String?
    public var rules: [RuleDocument]?
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
    public var examples: [RuleExampleDocument]?
}

/// "With `count` of `of`, the rule passes (or not)": run by the validator and by the test suite.
public struct RuleExampleDocument: Codable, Sendable, Equatable {
    public var count: Int?
    public var of: Int?
    public var passes: Bool?
}
