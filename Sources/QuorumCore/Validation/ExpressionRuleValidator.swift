import QuorumCEL

/// Checks CEL rules: the expression compiles (a syntax error points inside it), and every example gives the
/// result it promises.
enum ExpressionRuleValidator {
    static func validate(_ rule: RuleDocument, id: String, kind: ExpressionRule.Kind, at path: DocumentPath,
                         _ problems: inout DiagnosticCollector) -> ExpressionRule? {
        guard let source = problems.require(rule.expression, at: path.key("expression"),
                                            code: "rule-needs-cel", ["kind": kind.rawValue, "id": id]) else { return nil }
        do {
            _ = try Program(parsing: source)
        } catch {
            problems.error(at: path.key("expression"), code: "syntax-error-expression", ["error": error.message],
                           inner: Diagnostic.InnerPosition(line: error.line, column: error.column))
            return nil
        }
        if rule.binding != nil, kind == .eligibility {
            problems.warning(at: path.key("binding"), code: "applies-structure-rules")
        }
        return ExpressionRule(id: id, kind: kind, name: rule.name ?? id, basis: rule.basis, expression: source,
                              parameters: rule.parameters ?? [:], binding: rule.binding ?? false)
    }

    static func checkExamples(_ examples: [RuleExampleDocument], of rule: ExpressionRule, at path: DocumentPath,
                              _ problems: inout DiagnosticCollector) {
        guard let program = try? Program(parsing: rule.expression) else { return }
        for (index, example) in examples.enumerated() {
            let examplePath = path.key("examples").index(index)
            let subjectName = RuleContext.subjectName(of: rule.kind)
            let subject = switch rule.kind {
            case .eligibility: example.person
            case .structure: example.people
            case .ballotValidity: example.ballot
            }
            guard let subject else {
                problems.error(at: examplePath, code: "example-rule-needs", ["kind": rule.kind.rawValue, "subjectName": subjectName])
                continue
            }
            guard let expected = problems.require(example.passes, at: examplePath.key("passes"),
                                                  code: "missing-passes") else { continue }
            var variables = RuleContext.variables(rule: rule, subject: subject, cycle: example.cycle, title: example.title)
            if let candidates = example.candidates { variables["candidates"] = candidates.value }
            switch program.evaluate(variables) {
            case .bool(expected): continue
            case .bool(let actual):
                problems.error(at: examplePath, code: "example-does-not-hold", key: actual ? "example-should-fail" : "example-should-pass",
                               ["name": example.name.map { " '\($0)'" } ?? ""])
            case .error(let error):
                problems.error(at: examplePath, code: "example-gives-error", ["name": example.name.map { " '\($0)'" } ?? "", "error": error.message])
            case let other:
                problems.error(at: examplePath, code: "expression-give-true-false", ["literal": other.literal])
            }
        }
    }
}
