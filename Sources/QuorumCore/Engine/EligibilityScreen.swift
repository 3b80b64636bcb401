import QuorumCEL

/// Screens candidates against the eligibility rules. Each rule is compiled once, with its variables resolved to
/// positions, and evaluated per person. A failure is explained with the rule and the roster fields it read; an
/// override recorded for that person and rule lets them through.
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

    /// A rule ready to run: its program, its parameters as a value, and the fields of people it reads.
    struct Prepared: Sendable {
        let rule: ExpressionRule
        let program: Program?
        let parameters: Value
        let fields: [String]
    }

    static let variables = ["person", "people", "cycle", "title", "params"]

    private let definition: WorkflowDefinition
    private let prepared: [String: Prepared]
    private let cycle: Value

    public init(definition: WorkflowDefinition) {
        self.definition = definition
        var prepared: [String: Prepared] = [:]
        for rule in definition.eligibility + definition.titles.flatMap(\.eligibility) + definition.structure where prepared[rule.id] == nil {
            let program = try? Program(parsing: rule.expression, declaring: Self.variables)
            prepared[rule.id] = Prepared(rule: rule, program: program, parameters: rule.parameterValue,
                                         fields: program.map { Self.fieldsRead(by: $0.expression).sorted() } ?? [])
        }
        self.prepared = prepared
        cycle = RuleContext.withDates(definition.cycleParameter.value)
    }

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
        let record = RuleContext.withDates(person.parameter.value)
        let titleValue = title.parameter.value
        return rules.compactMap { prepared[$0.id] }.map { rule in
            let (passed, explanation) = outcome(rule, [record, .null, cycle, titleValue, rule.parameters],
                                                detail: Self.describe(rule.fields, of: record))
            return Finding(rule: rule.rule.id, name: rule.rule.name, passed: passed, explanation: explanation,
                           overriddenBecause: passed ? nil : override(rule.rule.id))
        }
    }

    /// The structure targets for one title's final list.
    public func structure(of people: [RosterPerson], for title: Title) -> [Finding] {
        let records = people.map { RuleContext.withDates($0.parameter.value) }
        let titleValue = title.parameter.value
        return definition.structure.compactMap { prepared[$0.id] }.map { rule in
            let detail = zip(people, records).map { person, record in
                let read = Self.describe(rule.fields, of: record)
                return read.isEmpty ? person.name : "\(person.name): \(read)"
            }.joined(separator: "; ")
            let (passed, explanation) = outcome(rule, [.null, .list(records), cycle, titleValue, rule.parameters], detail: detail)
            return Finding(rule: rule.rule.id, name: rule.rule.name, passed: passed, explanation: explanation, overriddenBecause: nil)
        }
    }

    /// `field = value` for the fields a rule read, from one person's record.
    static func describe(_ fields: [String], of record: Value) -> String {
        guard case .map(let map) = record else { return "" }
        return fields.compactMap { field in map[field].map { "\(field) = \($0.literal)" } }.joined(separator: ", ")
    }

    private func outcome(_ rule: Prepared, _ values: [Value], detail read: String) -> (Bool, String) {
        guard let program = rule.program else { return (false, "the rule's expression does not compile") }
        let name = rule.rule.name
        let detail = read.isEmpty ? "" : " (" + read + ")"
        switch program.evaluate(declared: values) {
        case .bool(true): return (true, "meets '\(name)'\(detail)")
        case .bool(false): return (false, "does not meet '\(name)'\(detail)")
        case .error(let error): return (false, "cannot be checked against '\(name)': \(error.message)\(detail)")
        case let other: return (false, "'\(name)' gives \(other.literal), not true or false")
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
