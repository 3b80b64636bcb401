import QuorumRules

/// Turns a rule-set document into a `RuleSet`, collecting every problem, and runs each rule's examples.
public struct RuleSetValidator {
    public init() {}

    public func validate(_ document: RuleSetDocument, file: String) -> (RuleSet?, [Diagnostic]) {
        let name = document.id ?? file
        var problems = DiagnosticCollector(document: name)
        let id = problems.require(document.id, at: .root.key("id"), code: "rule-set-needs")
        var rules: [Rule] = []
        var seen = Set<String>()
        for (index, rule) in (document.rules ?? []).enumerated() {
            let path = DocumentPath.root.key("rules").index(index)
            guard let ruleID = problems.require(rule.id, at: path.key("id"), code: "missing-id", key: "missing-id-2") else { continue }
            if !seen.insert(ruleID).inserted {
                problems.error(at: path.key("id"), code: "duplicate-rule-id", ["ruleID": ruleID])
            }
            if let validated = validate(rule, id: ruleID, at: path, &problems) { rules.append(validated) }
        }
        if document.rules?.isEmpty ?? true {
            problems.error(at: .root.key("rules"), code: "rule-set-needs-least")
        }
        if let limit = document.limits?.titlesPerPerson, limit < 1 {
            problems.error(at: .root.key("limits").key("titles-per-person"), code: "limit-below-one", ["limit": limit])
        }
        let retirement = retirementSchedules(document.retirementAge, &problems)
        guard let id, !problems.hasErrors else { return (nil, problems.diagnostics) }
        var set = RuleSet(id: id, name: document.name ?? id, basis: document.basis, effectiveFrom: document.effective?.from,
                          effectiveUntil: document.effective?.until, rules: rules)
        set.titlesPerPerson = document.limits?.titlesPerPerson
        set.retirement = retirement
        return (set, problems.diagnostics)
    }

    private func retirementSchedules(_ document: RetirementAgeDocument?, _ problems: inout DiagnosticCollector) -> [RetirementSchedule] {
        var schedules: [RetirementSchedule] = []
        for (index, entry) in (document?.schedules ?? []).enumerated() {
            let path = DocumentPath.root.key("retirement-age").key("schedules").index(index)
            func age(_ key: String, _ text: String?) -> Int? {
                guard let text = problems.require(text, at: path.key(key), code: "retirement-schedule-needs", ["key": key]) else { return nil }
                guard let months = RetirementSchedule.months(text) else {
                    problems.error(at: path.key(key), code: "not-age", ["text": text])
                    return nil
                }
                return months
            }
            let gender = problems.require(entry.gender, at: path.key("gender"), code: "retirement-schedule-needs-nam")
            let year = problems.require(entry.fromYear, at: path.key("from-year"), code: "retirement-schedule-needs", key: "retirement-schedule-needs-2")
            let values = (age("before", entry.before), age("start", entry.start), age("step", entry.step), age("until", entry.until))
            if let gender, let year, let before = values.0, let start = values.1, let step = values.2, let until = values.3 {
                schedules.append(RetirementSchedule(gender: gender, before: before, fromYear: year, start: start, step: step, until: until))
            }
        }
        return schedules
    }

    private func validate(_ rule: RuleDocument, id: String, at path: DocumentPath, _ problems: inout DiagnosticCollector) -> Rule? {
        guard let kindText = problems.require(rule.kind, at: path.key("kind"), code: "missing-kind", ["id": id]) else { return nil }
        guard let kind = Rule.Kind(rawValue: kindText) else {
            problems.error(at: path.key("kind"), code: "unknown-rule-kind", ["kind": kindText, "accepted": Rule.Kind.allCases.map(\.rawValue).joined(separator: ", ")])
            return nil
        }
        let content: Rule.Content?
        switch kind {
        case .threshold, .quorum:
            content = threshold(rule, id: id, kind: kind, at: path, &problems).map { kind == .quorum ? .quorum($0) : .threshold($0) }
        case .selection:
            content = selection(rule, id: id, at: path, &problems).map { .selection($0) }
        case .eligibility, .structure, .ballotValidity:
            content = ExpressionRuleValidator.validate(rule, id: id, kind: ExpressionRule.Kind(rawValue: kind.rawValue)!,
                                                      at: path, &problems).map { .expression($0) }
        }
        guard let content else { return nil }
        if case .expression(let expressionRule) = content {
            ExpressionRuleValidator.checkExamples(rule.examples ?? [], of: expressionRule, at: path, &problems)
        } else {
            checkExamples(rule, content: content, at: path, &problems)
        }
        return Rule(id: id, name: rule.name ?? id, basis: rule.basis, content: content,
                    effectiveFrom: rule.effective?.from, effectiveUntil: rule.effective?.until)
    }

    private func threshold(_ rule: RuleDocument, id: String, kind: Rule.Kind, at path: DocumentPath,
                           _ problems: inout DiagnosticCollector) -> ThresholdRule? {
        let base = problems.enumValue(ThresholdBase.self, rule.base, at: path.key("base"), what: "base")
        let comparison = problems.enumValue(Comparison.self, rule.comparison, at: path.key("comparison"), what: "comparison")
        var fraction: Fraction?
        if let text = problems.require(rule.fraction, at: path.key("fraction"), code: "rule-needs-such", ["id": id]) {
            if let parsed = Fraction(parsing: text), parsed.isValidThreshold {
                fraction = parsed
            } else {
                problems.error(at: path.key("fraction"), code: "fraction-above-most-written", ["text": text, "maximumTerm": Fraction.maximumTerm])
            }
        }
        if kind == .quorum, let base, base != .totalMembers {
            problems.error(at: path.key("base"), code: "quorum-counted-against-body")
        }
        guard let base, let comparison, let fraction else { return nil }
        return ThresholdRule(id: id, base: base, comparison: comparison, fraction: fraction)
    }

    private func selection(_ rule: RuleDocument, id: String, at path: DocumentPath, _ problems: inout DiagnosticCollector) -> SelectionRule? {
        let cap = problems.require(rule.cap, at: path.key("cap"), code: "selection-rule-needs-most", ["id": id])
        if let cap, cap < 1 {
            problems.error(at: path.key("cap"), code: "cap-below-one", ["cap": cap])
        }
        let ties = rule.ties == nil ? .runOff : problems.enumValue(TieRule.self, rule.ties, at: path.key("ties"), what: "tie rule")
        guard let cap, cap >= 1, let ties else { return nil }
        return SelectionRule(id: id, cap: cap, ties: ties)
    }

    private func checkExamples(_ rule: RuleDocument, content: Rule.Content, at path: DocumentPath, _ problems: inout DiagnosticCollector) {
        for (index, example) in (rule.examples ?? []).enumerated() {
            let examplePath = path.key("examples").index(index)
            switch content {
            case .threshold(let threshold), .quorum(let threshold):
                run(example, threshold, at: examplePath, &problems)
            case .selection, .expression:
                problems.error(at: examplePath, code: "selection-rules-take-no")
            }
        }
    }

    private func run(_ example: RuleExampleDocument, _ rule: ThresholdRule, at path: DocumentPath, _ problems: inout DiagnosticCollector) {
        guard let count = problems.require(example.count, at: path.key("count"), code: "missing-count"),
              let base = problems.require(example.of, at: path.key("of"), code: "example-needs-base-counted"),
              let expected = problems.require(example.passes, at: path.key("passes"), code: "missing-passes")
        else { return }
        let check = rule.check(count, of: base)
        if check.passes != expected {
            problems.error(at: path, code: "example-does-not-hold", key: expected ? "threshold-example-should-pass" : "threshold-example-should-fail",
                           ["count": count, "of": base])
        }
    }
}
