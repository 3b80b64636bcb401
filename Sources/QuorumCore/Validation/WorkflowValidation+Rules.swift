import Foundation

extension WorkflowValidation {
    /// Resolves a list of CEL rule ids of one kind from the workflow's rule set.
    mutating func expressionRules(_ ids: [String]?, kind: ExpressionRule.Kind, at path: DocumentPath) -> [ExpressionRule] {
        guard let ids, !ids.isEmpty else { return [] }
        guard let ruleSet else {
            if document.rules == nil {
                problems.error(at: path, code: "rules-named-here-but")
            }
            return []
        }
        var rules: [ExpressionRule] = []
        for (index, id) in ids.enumerated() {
            guard let rule = ruleSet.rule(id) else {
                problems.error(at: path.index(index), code: "unknown-rule-rule-set", ["id": id, "ruleSet": ruleSet.id],
                               notes: Suggestion.note(for: id, in: ruleSet.rules.map(\.id)))
                continue
            }
            guard case .expression(let expression) = rule.content, expression.kind == kind else {
                problems.error(at: path.index(index), code: "wrong-rule-kind", key: "rule-list-of-other-kind",
                               ["id": id, "kind": rule.kind.rawValue, "place": path.components.last.map { "\($0)" } ?? "", "wanted": kind.rawValue])
                continue
            }
            rules.append(expression)
        }
        return rules
    }

    /// CEL rules see the cycle's year and term; both must be readable when rules use them.
    mutating func checkCycleFields() {
        if document.year == nil, !isAbstract {
            problems.error(at: .root, code: "workflow-uses-eligibility-structure")
        }
        if let term = document.term, term.split(separator: "-").compactMap({ Int($0) }).count != 2 {
            problems.error(at: .root.key("term"), code: "not-term-like", ["term": term])
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
                problems.warning(at: .root.key("rules"), code: "force-after-first-meeting", ["what": period.what, "from": from, "first": first])
            }
            if let until = period.until, first > until {
                problems.warning(at: .root.key("rules"), code: "was-force-until-before", ["what": period.what, "until": until, "first": first],
                                 notes: [Phrase("note.laterRuleSet")])
            }
        }
    }
}
