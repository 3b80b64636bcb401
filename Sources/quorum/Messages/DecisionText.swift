import QuorumCore
import QuorumRules

/// The worked explanation of a decision, candidate by candidate, and the final list, in the language of the messages.
enum DecisionText {
    static func lines(_ decision: StepDecision, in definition: WorkflowDefinition, directory: PersonDirectory) -> [String] {
        var lines = [Messages.text(.decisionHeading, ["step": definition.step(decision.step)?.name ?? decision.step, "attempt": decision.attempt])]
        if let quorum = decision.quorum {
            lines.append(Messages.text(.decisionQuorum, ["check": threshold(quorum), "result": Messages.text(quorum.passes ? .met : .notMet)]))
        }
        if let ballots = decision.ballots {
            lines.append(Messages.text(.decisionBallots, ["issued": ballots.issued, "returned": ballots.returned, "valid": ballots.valid,
                                                          "invalid": ballots.invalid]))
        }
        let titles = Dictionary(definition.titles.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for outcome in decision.titles {
            lines.append(Messages.text(.decisionTitle, ["title": titles[outcome.title] ?? outcome.title, "cap": outcome.cap,
                                                        "kept": outcome.kept, "free": max(0, outcome.cap - outcome.kept)]))
            for review in outcome.review ?? [] {
                let why = (review.appointed ? [Messages.text(.reviewAlreadyHolds)] : []) + review.screening.filter { !$0.passed }.map(Messages.finding)
                lines.append(Messages.text(review.decision == .keep ? .reviewKept : .reviewRemoved, ["person": directory.label(review.person)])
                    + (review.reason.map { " (\($0))" } ?? "") + "; " + (why.isEmpty ? Messages.text(.reviewMeetsStandards) : why.joined(separator: "; ")))
            }
            if outcome.candidates.isEmpty { lines.append(Messages.text(.nobodyProposed)) }
            for candidate in outcome.candidates {
                lines.append("    " + self.candidate(candidate, cap: outcome.cap, kept: outcome.kept, label: directory.label(candidate.name)))
            }
            for load in outcome.overLimit ?? [] {
                lines.append(Messages.text(.overLimit, ["person": directory.label(load.person), "count": load.titles.count, "limit": load.limit,
                                                        "titles": load.titles.joined(separator: ", ")])
                    + (load.overriddenBecause.map { Messages.text(.overLimitAllowed, ["reason": $0]) } ?? ""))
            }
            if !outcome.structure.isEmpty { lines.append(Messages.text(.structureHeading)) }
            for finding in outcome.structure {
                let binding = definition.structure.first { $0.id == finding.rule }?.binding ?? false
                let mark = finding.passed ? "✓" : Messages.text(binding ? .structureOverridden : .structureWarning)
                lines.append("      \(mark) \(Messages.finding(finding))")
            }
        }
        let path = decision.guardTaken.map { " (\($0.rawValue))" } ?? ""
        switch decision.next {
        case .step(let id) where id == decision.step: lines.append(Messages.text(.nextHeldAgain, ["path": path]))
        case .step(let id): lines.append(Messages.text(.nextStep, ["step": definition.step(id)?.name ?? id, "path": path]))
        case .end: lines.append(Messages.text(.nextEnd, ["path": path]))
        }
        return lines
    }

    /// `Nguyễn Văn A: 4 of 5 members = 80%, is more than 50% of all members (4 × 2 = 8 > 5): passes, rank 1`.
    static func candidate(_ candidate: CandidateOutcome, cap: Int, kept: Int, label: String) -> String {
        let rank = candidate.rank.map { rank in rankWords(rank) { Messages.text(.rank, ["rank": rank]) } } ?? ""
        let settled = candidate.tieBreak.map { tie in
            switch tie.method {
            case .runOff: Messages.text(.tieRunOff, ["votes": tie.votes ?? 0])
            case .bodyDecision: Messages.text(.tieBodyDecision, ["reason": tie.reason.map { ": \($0)" } ?? ""])
            }
        } ?? ""
        let verdict = switch candidate.verdict {
        case .selected: Messages.text(.passes) + rank + settled
        case .passedNotSelected: Messages.text(.passes) + rank + settled + Messages.text(.capFull, ["cap": cap, "kept": kept, "added": cap - kept])
        case .failed: Messages.text(.fails)
        case .agreed: Messages.text(.agreedByBody)
        case .notChosen: Messages.text(.notChosenByBody)
        case .ineligible: Messages.text(.ineligible, ["reasons": candidate.screening.filter(\.blocks).map(Messages.finding).joined(separator: "; ")])
        }
        let overrides = candidate.screening.compactMap { finding in
            finding.overriddenBecause.map { Messages.text(.overrideOf, ["rule": finding.name, "reason": $0]) }
        }
        let suffix = overrides.isEmpty ? "" : " [" + overrides.joined(separator: "; ") + "]"
        guard let check = candidate.check else { return "\(label): \(verdict)\(suffix)" }
        return "\(label): \(threshold(check)): \(verdict)\(suffix)"
    }

    /// `7/13 thành viên = 53,8%, trên 50% tổng số thành viên (7 × 2 = 14 > 13)`: the share, the rule and the exact
    /// integer comparison that decided it.
    static func threshold(_ check: ThresholdCheck) -> String {
        checkWords(check) {
            Messages.text(.threshold, ["count": check.count, "of": check.baseCount, "unit": Messages.text(unit(check.rule.base)),
                                       "share": Messages.number(Percentage.of(check.count, check.baseCount)),
                                       "rule": rule(check.rule, passes: check.passes), "arithmetic": check.arithmetic])
        }
    }

    /// `trên 50% tổng số thành viên`, `is at least 2/3 of all members`: the rule, or (passes: false) its negation.
    static func rule(_ rule: ThresholdRule, passes: Bool) -> String {
        ruleWords(RuleWords(rule: rule, passes: passes)) { worded(rule, passes: passes) }
    }

    /// Every candidate of a title is checked against the same rule and base, and a body of 60 gives 61 counts: a
    /// province's 110,000 verdicts are worded with a few hundred checks and ranks.
    private static let checkWords = RenderedWords<ThresholdCheck>()
    private static let ruleWords = RenderedWords<RuleWords>()
    private static let rankWords = RenderedWords<Int>()

    private struct RuleWords: Hashable {
        let rule: ThresholdRule
        let passes: Bool
    }

    private static func worded(_ rule: ThresholdRule, passes: Bool) -> String {
        let comparison: MessageKey = switch (rule.comparison, passes) {
        case (.moreThan, true): .moreThan
        case (.moreThan, false): .notMoreThan
        case (.atLeast, true): .atLeast
        case (.atLeast, false): .lessThan
        }
        let base: MessageKey = switch rule.base {
        case .totalMembers: .baseTotalMembers
        case .membersPresent: .baseMembersPresent
        case .validBallots: .baseValidBallots
        }
        return Messages.text(comparison, ["fraction": Messages.number(rule.fraction.description), "base": Messages.text(base)])
    }

    private static func unit(_ base: ThresholdBase) -> MessageKey {
        switch base {
        case .totalMembers: .unitMembers
        case .membersPresent: .unitPresent
        case .validBallots: .unitValidBallots
        }
    }

    /// Kept, added and removed people per title, once the procedure has ended.
    static func finalList(_ state: InstanceState, in definition: WorkflowDefinition, directory: PersonDirectory) -> [String] {
        guard let added = state.added else { return [] }
        let nobody = Messages.text(.nobody)
        var lines = [Messages.text(.finalListHeading, ["term": definition.term.map { Messages.text(.finalListTerm, ["term": $0]) } ?? ""])]
        for title in definition.titles {
            lines.append(Messages.text(.finalListTitle, ["title": title.name, "authority": title.authority ?? Messages.text(.competentAuthority)]))
            let kept = state.kept(title).map(directory.label)
            lines.append(Messages.text(.finalListKept, ["people": kept.isEmpty ? nobody : kept.joined(separator: ", ")]))
            let new = added[title.id] ?? []
            let numbered = new.enumerated().map { "\($0.offset + 1). \(directory.label($0.element))" }
            lines.append(Messages.text(.finalListAdded, ["people": new.isEmpty ? nobody : numbered.joined(separator: ", ")]))
            let removals = title.removed.map { ($0.person, $0.reason) }
                + state.reviews(title.id).filter { $0.decision == .remove }.map { ($0.person, $0.reason ?? "") }
            for (person, reason) in removals {
                lines.append(Messages.text(.finalListRemoved, ["person": directory.label(person), "reason": reason]))
            }
            lines.append(Messages.text(.finalListTotal, ["total": kept.count + new.count, "cap": title.cap]))
        }
        return lines
    }
}
