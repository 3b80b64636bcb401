import Foundation
import QuorumRules

/// A title's outcome in either form: every candidate with its whole check, or, as events store it, the rule and the
/// base once with each candidate's verdict on it (`passes`), not once per candidate (a province's decision was four
/// fifths rules repeated); the arithmetic is worked again from the votes on reading.
extension TitleOutcome {
    enum CodingKeys: String, CodingKey { case title, cap, kept, candidates, handedOn, structure, review, overLimit, threshold }

    /// What every candidate of a title was checked against.
    struct Threshold: Codable, Equatable {
        let rule: ThresholdRule
        let baseCount: Int
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        cap = try container.decode(Int.self, forKey: .cap)
        kept = try container.decode(Int.self, forKey: .kept)
        handedOn = try container.decode([String].self, forKey: .handedOn)
        structure = try container.decodeIfPresent([EligibilityScreen.Finding].self, forKey: .structure) ?? []
        review = try container.decodeIfPresent([ReviewOutcome].self, forKey: .review)
        overLimit = try container.decodeIfPresent([PlanLoad].self, forKey: .overLimit)
        let threshold = try container.decodeIfPresent(Threshold.self, forKey: .threshold)
        candidates = try container.decode([StoredCandidate].self, forKey: .candidates).map { stored in
            guard let threshold, let passes = stored.passes, let votes = stored.outcome.votes else { return stored.outcome }
            return stored.outcome.checked(threshold.rule.check(votes, of: threshold.baseCount, recordedAs: passes))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(cap, forKey: .cap)
        try container.encode(kept, forKey: .kept)
        try container.encode(handedOn, forKey: .handedOn)
        try container.encode(structure, forKey: .structure)
        try container.encodeIfPresent(review, forKey: .review)
        try container.encodeIfPresent(overLimit, forKey: .overLimit)
        if encoder.writesEvent, let threshold = sharedThreshold {
            try container.encode(threshold, forKey: .threshold)
            try container.encode(candidates.map { StoredCandidate(outcome: $0, passes: $0.check?.passes) }, forKey: .candidates)
        } else {
            try container.encode(candidates, forKey: .candidates)
        }
    }

    /// The rule and base every checked candidate shares, with each check's count its votes; nil when they differ, or
    /// nobody was checked, and each candidate then keeps its own check.
    private var sharedThreshold: Threshold? {
        let checked = candidates.filter { $0.check != nil }
        guard let first = checked.first?.check,
              checked.allSatisfy({ $0.check?.rule == first.rule && $0.check?.baseCount == first.baseCount && $0.check?.count == $0.votes })
        else { return nil }
        return Threshold(rule: first.rule, baseCount: first.baseCount)
    }
}

/// A candidate as stored under a title's threshold: the outcome without its check, and the verdict on the threshold.
private struct StoredCandidate: Codable {
    let outcome: CandidateOutcome
    let passes: Bool?

    init(outcome: CandidateOutcome, passes: Bool?) {
        self.outcome = outcome
        self.passes = passes
    }

    /// One object read once: the outcome and its verdict come from the same keys.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CandidateOutcome.CodingKeys.self)
        outcome = try CandidateOutcome(container)
        passes = try container.decodeIfPresent(Bool.self, forKey: .passes)
    }

    func encode(to encoder: any Encoder) throws {
        try outcome.checked(nil).encode(to: encoder)
        var container = encoder.container(keyedBy: CandidateOutcome.CodingKeys.self)
        try container.encodeIfPresent(passes, forKey: .passes)
    }
}
