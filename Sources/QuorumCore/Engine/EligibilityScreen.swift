import QuorumCEL

/// Screens candidates against the eligibility rules. Each rule is compiled once, with its variables resolved to
/// positions, and evaluated per person. A failure is explained with the rule and the roster fields it read; an
/// override recorded for that person and rule lets them through.
public struct EligibilityScreen: Sendable {
    /// One rule applied to one person (or one final list), as data the command line words.
    public struct Finding: Codable, Sendable, Equatable {
        public enum Outcome: String, Codable, Sendable {
            case meets, doesNotMeet, cannotCheck, notBoolean, doesNotCompile, notInRoster, noRoster
        }

        public let rule: String
        public let name: String
        public let passed: Bool
        /// What the rule gave; nil only in events recorded by 0.1, which carry an English `explanation` instead.
        public let outcome: Outcome?
        /// The data behind the verdict (`field = value, …`), or the person a roster lacks.
        public let detail: String?
        /// For a rule over a range (`range.all(y, …)`), the elements it fails for: `y = 2020, 2021`.
        public let failing: String?
        /// The evaluation error, or the value that was not true or false.
        public let error: String?
        /// The finding in English, as events recorded by 0.1 carry it.
        public let explanation: String?
        /// The reason of the override that lets a failing person through, if any.
        public let overriddenBecause: String?

        public init(rule: String, name: String, passed: Bool, outcome: Outcome, detail: String? = nil, failing: String? = nil,
                    error: String? = nil, overriddenBecause: String? = nil) {
            self.rule = rule
            self.name = name
            self.passed = passed
            self.outcome = outcome
            self.detail = detail
            self.failing = failing
            self.error = error
            explanation = nil
            self.overriddenBecause = overriddenBecause
        }

        public var blocks: Bool { !passed && overriddenBecause == nil }

        /// The same finding, let through by an override.
        func overridden(_ reason: String?) -> Finding {
            Finding(rule: rule, name: name, passed: passed, outcome: outcome ?? .doesNotMeet, detail: detail, failing: failing, error: error,
                    overriddenBecause: reason)
        }
    }

    /// A rule ready to run: its program, its parameters as a value, and the fields of people it reads.
    struct Prepared: Sendable {
        let rule: ExpressionRule
        let program: Program?
        let parameters: Value
        let fields: [String]
        /// Fields of `cycle` the rule reads, shown with a failure (e.g. the term's last day).
        let cycleFields: [String]
        /// For a rule of the form `range.all(x, condition)`: its range and condition, compiled once, to name the
        /// elements a failing person fails for.
        let failing: Elements?
    }

    struct Elements: Sendable {
        let variable: String
        let range: Program
        let condition: Program

        init?(_ expression: Expr) {
            guard case .comprehension(let comprehension) = expression, comprehension.kind == .all, comprehension.variables.count == 1 else { return nil }
            variable = comprehension.variables[0]
            range = Program(comprehension.range, declaring: EligibilityScreen.variables)
            condition = Program(comprehension.body, declaring: EligibilityScreen.variables + comprehension.variables)
        }

        /// `y = 2020, 2021`: the elements of the range the condition is not true for; nil when there are none.
        func failed(_ values: [Value]) -> String? {
            guard case .list(let elements) = range.evaluate(declared: values) else { return nil }
            let failed = elements.filter { condition.evaluate(declared: values + [$0]) != .bool(true) }
            guard !failed.isEmpty else { return nil }
            return "\(variable) = " + failed.map(\.literal).joined(separator: ", ")
        }
    }

    static let variables = ["person", "people", "cycle", "title", "params"]

    private let definition: WorkflowDefinition
    private let prepared: [String: Prepared]
    private let cycle: Value

    public init(definition: WorkflowDefinition) {
        self.definition = definition
        let cycle = definition.cycleParameter.datedValue
        var prepared: [String: Prepared] = [:]
        for rule in definition.eligibility + definition.titles.flatMap(\.eligibility) + definition.structure where prepared[rule.id] == nil {
            let program = try? Program(parsing: rule.expression, declaring: Self.variables,
                                       constants: ["cycle": cycle, "params": rule.parameterValue])
            prepared[rule.id] = Prepared(rule: rule, program: program, parameters: rule.parameterValue,
                                         fields: program.map { Self.fieldsRead(by: $0.expression).sorted() } ?? [],
                                         cycleFields: program.map { Self.fieldsRead(by: $0.expression, of: "cycle").sorted() } ?? [],
                                         failing: program.flatMap { Elements($0.expression) })
        }
        self.prepared = prepared
        self.cycle = cycle
    }

    /// Every standard for the title, applied to one person (by key). A person with no roster record fails the
    /// pseudo-rule `roster` unless it is overridden: screening never passes someone it could not check.
    public func screen(_ key: String, for title: Title, directory: PersonDirectory, rosterImported: Bool,
                       overrides: [Override]) -> [Finding] {
        let rules = definition.eligibility(for: title)
        guard !rules.isEmpty else { return [] }
        func override(_ rule: String) -> String? { overrides.last { $0.person == key && $0.rule == rule }?.reason }
        guard let person = directory.entry(key)?.record else {
            return [Finding(rule: Override.notInRoster, name: "Có hồ sơ trong danh sách cán bộ", passed: false,
                            outcome: rosterImported ? .notInRoster : .noRoster, detail: directory.label(key),
                            overriddenBecause: override(Override.notInRoster))]
        }
        let record = self.record(person)
        let titleValue = title.parameter.value
        return rules.compactMap { prepared[$0.id] }.map { rule in
            let finding = outcome(rule, [record, .null, cycle, titleValue, rule.parameters],
                                  detail: Self.describe(rule.fields, of: record, cycleFields: rule.cycleFields, cycle: cycle))
            return finding.passed ? finding : finding.overridden(override(rule.rule.id))
        }
    }

    /// The structure targets for one title's final list.
    public func structure(of people: [RosterPerson], for title: Title) -> [Finding] {
        let records = people.map(record)
        let titleValue = title.parameter.value
        return definition.structure.compactMap { prepared[$0.id] }.map { rule in
            let detail = zip(people, records).map { person, record in
                let read = Self.describe(rule.fields, of: record)
                return read.isEmpty ? person.name : "\(person.name): \(read)"
            }.joined(separator: "; ")
            return outcome(rule, [.null, .list(records), cycle, titleValue, rule.parameters], detail: detail)
        }
    }

    /// What rules see as `person`: the roster fields, and the day the person reaches the retirement age when the rule
    /// set gives a schedule for their sex; dates as timestamps.
    public func record(_ person: RosterPerson) -> Value { personParameter(person).datedValue }

    /// `record` as a rule parameter (plain data, as it would be written in YAML or JSON).
    public func personParameter(_ person: RosterPerson) -> RuleParameter {
        var parameter = person.parameter
        if case .map(var fields) = parameter, let birth = person.birthDate,
           let retirement = definition.retirementSchedule(for: person.gender)?.retirementDate(born: birth) {
            fields["retirement_date"] = .string(retirement.date)
            fields["retirement_age_months"] = .int(Int64(retirement.months))
            parameter = .map(fields)
        }
        return parameter
    }

    /// `field = value` for the fields a rule read, from one person's record.
    static func describe(_ fields: [String], of record: Value, cycleFields: [String] = [], cycle: Value = .null) -> String {
        func shown(_ fields: [String], of value: Value, prefix: String) -> [String] {
            guard case .map(let map) = value else { return [] }
            return fields.compactMap { field in
                guard let value = map[field] else { return nil }
                // The cycle's helper lists (recent_years) say nothing about the person; leave them out.
                if case .list = value, !prefix.isEmpty { return nil }
                return "\(prefix)\(field) = \(display(value))"
            }
        }
        return (shown(fields, of: record, prefix: "") + shown(cycleFields, of: cycle, prefix: "cycle.")).joined(separator: ", ")
    }

    /// Dates as the day they are (2025-03-31), not as a timestamp literal.
    static func display(_ value: Value) -> String {
        if case .timestamp(let time) = value { return time.date }
        return value.literal
    }

    private func outcome(_ rule: Prepared, _ values: [Value], detail read: String) -> Finding {
        let detail = read.isEmpty ? nil : read
        func finding(_ outcome: Finding.Outcome, failing: String? = nil, error: String? = nil) -> Finding {
            Finding(rule: rule.rule.id, name: rule.rule.name, passed: outcome == .meets, outcome: outcome, detail: detail, failing: failing, error: error)
        }
        guard let program = rule.program else { return finding(.doesNotCompile) }
        switch program.evaluate(declared: values) {
        case .bool(true): return finding(.meets)
        case .bool(false): return finding(.doesNotMeet, failing: rule.failing?.failed(values))
        case .error(let error): return finding(.cannotCheck, error: error.message)
        case let other: return finding(.notBoolean, error: other.literal)
        }
    }

    /// The fields an expression reads from people (`person.X`, or `p.X` for `p` ranging over `people`), to show the
    /// data behind a verdict.
    static func fieldsRead(by expression: Expr, of only: String? = nil) -> Set<String> {
        var fields = Set<String>()
        let context: Set<String> = ["params", "cycle", "title"]
        func reads(_ root: String) -> Bool { only.map { $0 == root } ?? !context.contains(root) }
        func walk(_ expression: Expr) {
            switch expression {
            case .select(.identifier(let root), let field, _) where reads(root): fields.insert(field)
            case .presence(.identifier(let root), let field) where reads(root): fields.insert(field)
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
