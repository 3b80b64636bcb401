import Foundation

extension WorkflowValidation {
    /// Resolves a list of CEL rule ids of one kind from the workflow's rule set.
    mutating func expressionRules(_ ids: [String]?, kind: ExpressionRule.Kind, at path: DocumentPath) -> [ExpressionRule] {
        guard let ids, !ids.isEmpty else { return [] }
        guard let ruleSet else {
            if document.rules == nil {
                problems.error(at: path, code: "rules-named-here-but", "rules are named here, but the workflow names no rule set; add 'rules: <rule set id>'")
            }
            return []
        }
        var rules: [ExpressionRule] = []
        for (index, id) in ids.enumerated() {
            guard let rule = ruleSet.rule(id) else {
                problems.error(at: path.index(index), code: "unknown-rule-rule-set", "unknown rule '\(id)' in rule set '\(ruleSet.id)'",
                               notes: Suggestion.note(for: id, in: ruleSet.rules.map(\.id)))
                continue
            }
            guard case .expression(let expression) = rule.content, expression.kind == kind else {
                problems.error(at: path.index(index), code: "wrong-rule-kind", "rule '\(id)' is a \(rule.kind.rawValue) rule; '\(path.components.last.map { "\($0)" } ?? "")' takes \(kind.rawValue) rules")
                continue
            }
            rules.append(expression)
        }
        return rules
    }

    /// CEL rules see the cycle's year and term; both must be readable when rules use them.
    mutating func checkCycleFields() {
        if document.year == nil, !isAbstract {
            problems.error(at: .root, code: "workflow-uses-eligibility-structure", "the workflow uses eligibility or structure rules, so it needs 'year': the year of the review cycle")
        }
        if let term = document.term, term.split(separator: "-").compactMap({ Int($0) }).count != 2 {
            problems.error(at: .root.key("term"), code: "not-term-like", "'\(term)' is not a term like 2021-2026; rules compute ages from the term's first year")
        }
    }

    /// Warns when the meetings fall outside the period the rule set, or a rule the workflow uses, is in force.
    mutating func checkEffectivePeriod(_ steps: [Step]) {
        guard let ruleSet, let first = steps.compactMap(\.meets).first?.date else { return }
        let used = Set(steps.flatMap { [$0.quorum?.id, $0.threshold?.id, $0.selection?.id].compactMap { $0 } }
            + (document.eligibility ?? []) + (document.structure ?? []) + (document.titles ?? []).flatMap { $0.eligibility ?? [] })
        let periods = [(what: "rule set '\(ruleSet.id)'", from: ruleSet.effectiveFrom, until: ruleSet.effectiveUntil)]
            + ruleSet.rules.filter { used.contains($0.id) }.map { (what: "rule '\($0.id)'", from: $0.effectiveFrom, until: $0.effectiveUntil) }
        for period in periods {
            if let from = period.from, first < from {
                problems.warning(at: .root.key("rules"), code: "force-after-first-meeting", "\(period.what) is in force from \(from), after the first meeting (\(first))")
            }
            if let until = period.until, first > until {
                problems.warning(at: .root.key("rules"), code: "was-force-until-before", "\(period.what) was in force until \(until), before the first meeting (\(first))",
                                 notes: ["a workflow for a later cycle should name the rule set in force then"])
            }
        }
    }
}
