import Foundation
import QuorumRules

/// A title's outcome in either form: every candidate with its whole check, or, as events store it, the rule and the
/// base once with each candidate's verdict on it (`passes`), not once per candidate (a province's decision was four
/// fifths rules repeated); the arithmetic is worked again from the votes on reading. When no candidate has findings
/// or a tie settled, events store each candidate as a row, `[name, votes, verdict, rank, passes]` (`null` where there
/// is none) under `rows`, which encodes and decodes several times faster than an object per candidate; decisions
/// stored before keep an object per candidate under `candidates`, and read as they are.
extension TitleOutcome {
    enum CodingKeys: String, CodingKey { case title, cap, kept, candidates, rows, handedOn, structure, review, overLimit, threshold }

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
        let stored = container.contains(.rows) ? try Self.rows(from: container.nestedUnkeyedContainer(forKey: .rows))
            : try container.decode([StoredCandidate].self, forKey: .candidates)
        candidates = stored.map { stored in
            guard let threshold, let passes = stored.passes, let votes = stored.outcome.votes else { return stored.outcome }
            return stored.outcome.checked(threshold.rule.check(votes, of: threshold.baseCount, recordedAs: passes))
        }
    }

    private static func rows(from rows: UnkeyedDecodingContainer) throws -> [StoredCandidate] {
        var rows = rows, candidates: [StoredCandidate] = []
        candidates.reserveCapacity(rows.count ?? 0)
        while !rows.isAtEnd {
            var row = try rows.nestedUnkeyedContainer()
            guard row.count == 5 else {
                throw DecodingError.dataCorrupted(.init(codingPath: row.codingPath, debugDescription: "a candidate's row holds name, votes, verdict, rank and passes"))
            }
            let name = try row.decode(String.self), votes = try row.decodeIfPresent(Int.self)
            let verdict = try row.decode(CandidateOutcome.Verdict.self), rank = try row.decodeIfPresent(Int.self)
            candidates.append(StoredCandidate(outcome: CandidateOutcome(name: name, votes: votes, check: nil, rank: rank, verdict: verdict),
                                              passes: try row.decodeIfPresent(Bool.self)))
        }
        return candidates
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
        let threshold = encoder.writesEvent ? sharedThreshold : nil
        try container.encodeIfPresent(threshold, forKey: .threshold)
        if threshold == nil, !encoder.writesEvent || candidates.contains(where: { $0.check != nil }) {
            try container.encode(candidates, forKey: .candidates)
        } else if candidates.allSatisfy({ $0.screening.isEmpty && $0.tieBreak == nil }) {
            var rows = container.nestedUnkeyedContainer(forKey: .rows)
            for candidate in candidates { try rows.encode(StoredCandidate.Row(candidate: candidate)) }
        } else {
            try container.encode(candidates.map { StoredCandidate(outcome: $0, passes: $0.check?.passes) }, forKey: .candidates)
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

    /// A candidate without findings or a settled tie, as a row: `[name, votes, verdict, rank, passes]`.
    struct Row: Encodable {
        let candidate: CandidateOutcome

        func encode(to encoder: any Encoder) throws {
            var row = encoder.unkeyedContainer()
            try row.encode(candidate.name)
            try candidate.votes.map { try row.encode($0) } ?? row.encodeNil()
            try row.encode(candidate.verdict)
            try candidate.rank.map { try row.encode($0) } ?? row.encodeNil()
            try candidate.check.map { try row.encode($0.passes) } ?? row.encodeNil()
        }
    }
}
