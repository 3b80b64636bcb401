import QuorumCEL

/// Screens candidates against the eligibility rules: each rule is compiled once and evaluated per person. A failure
/// is explained with the rule and the roster fields it read; an override recorded for that person and rule lets
/// them through.
public struct EligibilityScreen: Sendable {
    public struct Finding: Codable, Sendable, Equatable {
        public let rule: String
        public let name: String
        public let passed: Bool
        public let explanation: String
        /// The reason of the override that lets a failing person through, if any.
        public let overriddenBecause: String?

        public var blocks: Bool { !passed && overriddenBecause == nil }
    }

    private let definition: WorkflowDefinition
    private let programs: [String: (rule: ExpressionRule, program: Program)]

    public init(definition: WorkflowDefinition) {
        self.definition = definition
        var programs: [String: (ExpressionRule, Program)] = [:]
        for rule in definition.eligibility + definition.titles.flatMap(\.eligibility) + definition.structure {
            if let program = try? Program(parsing: rule.expression) { programs[rule.id] = (rule, program) }
        }
        self.programs = programs
    }

    public var isEmpty: Bool { !definition.titles.contains { !definition.eligibility(for: $0).isEmpty } }

    /// Every standard for the title, applied to one candidate.
    public func screen(_ name: String, for title: Title, roster: Roster?, overrides: [Override]) -> [Finding] {
        let rules = definition.eligibility(for: title)
        guard !rules.isEmpty else { return [] }
        func override(_ rule: String) -> String? { overrides.last { $0.person == name && $0.rule == rule }?.reason }
        guard let person = roster?.person(name) else {
            let why = roster == nil ? "no roster has been imported" : "'\(name)' is not in the roster"
            return [Finding(rule: Override.notInRoster, name: "Có hồ sơ trong danh sách cán bộ", passed: false,
                            explanation: why, overriddenBecause: override(Override.notInRoster))]
        }
        return rules.map { rule in
            let variables = RuleContext.variables(rule: rule, person: person.parameter, cycle: definition.cycleParameter,
                                                  title: title.parameter)
            let fields = programs[rule.id].map { Self.fieldsRead(by: $0.program.expression) } ?? []
            let (passed, explanation) = outcome(rule, variables, detail: Self.describe(fields, of: person.parameter.value))
            return Finding(rule: rule.id, name: rule.name, passed: passed, explanation: explanation,
                           overriddenBecause: passed ? nil : override(rule.id))
        }
    }

    /// The structure targets for one title's final list.
    public func structure(of people: [RosterPerson], for title: Title) -> [Finding] {
        let list = RuleParameter.list(people.map(\.parameter))
        return definition.structure.map { rule in
            let variables = RuleContext.variables(rule: rule, people: list, cycle: definition.cycleParameter, title: title.parameter)
            let fields = programs[rule.id].map { Self.fieldsRead(by: $0.program.expression) } ?? []
            let detail = people.map { person in
                let read = Self.describe(fields, of: person.parameter.value)
                return read.isEmpty ? person.name : "\(person.name): \(read)"
            }.joined(separator: "; ")
            let (passed, explanation) = outcome(rule, variables, detail: detail)
            return Finding(rule: rule.id, name: rule.name, passed: passed, explanation: explanation, overriddenBecause: nil)
        }
    }

    /// `field = value` for the fields a rule read, from one person's record.
    static func describe(_ fields: Set<String>, of person: Value) -> String {
        guard case .map(let record) = RuleContext.withDates(person) else { return "" }
        return fields.sorted().compactMap { field in record[field].map { "\(field) = \($0.literal)" } }.joined(separator: ", ")
    }

    private func outcome(_ rule: ExpressionRule, _ variables: [String: Value], detail read: String) -> (Bool, String) {
        guard let program = programs[rule.id]?.program else { return (false, "the rule's expression does not compile") }
        let detail = read.isEmpty ? "" : " (" + read + ")"
        switch program.evaluate(variables) {
        case .bool(true): return (true, "meets '\(rule.name)'\(detail)")
        case .bool(false): return (false, "does not meet '\(rule.name)'\(detail)")
        case .error(let error): return (false, "cannot be checked against '\(rule.name)': \(error.message)\(detail)")
        case let other: return (false, "'\(rule.name)' gives \(other.literal), not true or false")
        }
    }

    /// The fields an expression reads from people (`person.X`, or `p.X` for `p` ranging over `people`), to show the
    /// data behind a verdict.
    static func fieldsRead(by expression: Expr) -> Set<String> {
        var fields = Set<String>()
        let context: Set<String> = ["params", "cycle", "title"]
        func walk(_ expression: Expr) {
            switch expression {
            case .select(.identifier(let root), let field, _) where !context.contains(root): fields.insert(field)
            case .presence(.identifier(let root), let field) where !context.contains(root): fields.insert(field)
            case .select(let operand, _, _), .presence(let operand, _): walk(operand)
            case .index(let a, let b, _): walk(a); walk(b)
            case .call(_, let target, let arguments): target.map(walk); arguments.forEach(walk)
            case .list(let elements, _): elements.forEach(walk)
            case .map(let entries): entries.forEach { walk($0.key); walk($0.value) }
            case .comprehension(let comprehension):
                walk(comprehension.range); comprehension.filter.map(walk); walk(comprehension.body)
            case .literal, .identifier: break
            }
        }
        walk(expression)
        return fields
    }
}
