import Foundation
import QuorumCEL
import QuorumCore
import QuorumFiles

/// Eligibility rules over a generated roster: each rule of hd-06-2017 compiled once and evaluated for every person,
/// against the same predicates written directly in Swift over the same data, and the whole screening as `advance`
/// runs it. Both ways must let the same people through each rule, or the figures compare different work.
struct RuleWorkload {
    let ruleSet: RuleSet
    let people: Int

    /// The figures, Quorum's rate (evaluations a second) and what the Python peers need to run the same rules.
    func run() throws -> (rows: [Row], rate: Double, peers: PeerRules) {
        let rules = ruleSet.rules.compactMap { rule -> ExpressionRule? in
            if case .expression(let expression) = rule.content, expression.kind == .eligibility { expression } else { nil }
        }
        let definition = try screeningDefinition(rules)
        let screen = EligibilityScreen(definition: definition)
        let roster = Self.roster(people)
        let values = roster.map(screen.record)
        let cycle = definition.cycleParameter.datedValue
        let title = definition.titles[0].parameter.value
        var total = 0.0, passes: [String: Int] = [:]
        for rule in rules {
            // Compiled as the screening compiles it: the cycle and the rule's parameters are constants.
            let params = rule.parameterValue
            let program = try Program(parsing: rule.expression, declaring: ["person", "cycle", "params", "title"],
                                      constants: ["cycle": cycle, "params": params])
            // One argument array, its first element replaced for each person: no allocation per evaluation.
            var arguments = [Value.null, cycle, params, title]
            let (seconds, passed) = Measure.best(of: 3) {
                values.reduce(0) { count, person in
                    arguments[0] = person
                    guard case .bool(true) = program.evaluate(declared: arguments) else { return count }
                    return count + 1
                }
            }
            total += seconds
            passes[rule.id] = passed
        }
        let flat = roster.map { FlatPerson($0, retirement: definition.retirementSchedule(for: $0.gender)?.retirementDate(born: $0.birthDate ?? "")?.date) }
        let (native, handPasses) = Measure.best(of: 3) { Self.handWritten(flat, rules: rules, year: definition.year ?? 0, termEnd: definition.termDates?.end ?? "") }
        guard handPasses == passes else {
            throw BenchmarkFailure("the rules and their hand-written twins let different people through: \(passes) against \(handPasses)")
        }
        let evaluations = people * rules.count
        var rows = [Row("rules: \(rules.count) eligibility rules × \(people) people", Measure.rate(evaluations, total),
                        against: "hand-written Swift " + Measure.rate(evaluations, native), ratio: total / native)]
        let directory = PersonDirectory(definition: definition, roster: Roster(people: roster, source: nil))
        let screening = Measure.time {
            roster.filter { person in
                !screen.screen(person.id, for: definition.titles[0], directory: directory, rosterImported: true, overrides: [])
                    .contains(where: \EligibilityScreen.Finding.blocks)
            }.count
        }.seconds
        rows.append(Row("screening as advance does it, \(people) people", Measure.rate(people, screening) + " people",
                        against: "hand-written Swift " + Measure.rate(people, native) + " people", ratio: screening / native))
        let peers = PeerRules(rules: rules.map { .init(id: $0.id, expression: $0.expression, params: $0.parameters) },
                              cycle: definition.cycleParameter,
                              people: roster.map { screen.personParameter($0) }, passes: passes)
        return (rows, Double(evaluations) / total, peers)
    }

    /// A person as the hand-written predicates read them: plain fields, ratings by year.
    struct FlatPerson {
        let birthDate: String?, retirement: String?, degree: String?, theory: String?
        let ratings: [Int: String], disciplineYears: [Int]

        init(_ person: RosterPerson, retirement: String?) {
            birthDate = person.birthDate
            self.retirement = retirement
            degree = person.degree
            theory = person.politicalTheory
            ratings = Dictionary(person.ratings.map { ($0.year, $0.text) }, uniquingKeysWith: { $1 })
            disciplineYears = person.discipline.map(\.year)
        }
    }

    /// The eligibility rules of hd-06-2017 written directly in Swift, with the rule set's parameters: the ceiling.
    /// Returns how many people pass each rule.
    static func handWritten(_ people: [FlatPerson], rules: [ExpressionRule], year: Int, termEnd: String) -> [String: Int] {
        func strings(_ rule: String, _ key: String) -> Set<String> {
            guard case .list(let items)? = rules.first(where: { $0.id == rule })?.parameters[key] else { return [] }
            return Set(items.compactMap { if case .string(let text) = $0 { text } else { nil } })
        }
        func number(_ rule: String, _ key: String) -> Int {
            if case .int(let value)? = rules.first(where: { $0.id == rule })?.parameters[key] { Int(value) } else { 0 }
        }
        let ratingsOK = strings("hoan-thanh-tot-nhiem-vu-3-nam", "accepted"), ratingYears = number("hoan-thanh-tot-nhiem-vu-3-nam", "years")
        let degreesOK = strings("trinh-do-dai-hoc", "accepted"), theoryOK = strings("ly-luan-chinh-tri-trung-cap", "accepted")
        let disciplineYears = number("khong-bi-ky-luat-gan-day", "years")
        var rated = 0, young = 0, degree = 0, theory = 0, clean = 0
        for person in people {
            if ((year - ratingYears)..<year).allSatisfy({ person.ratings[$0].map(ratingsOK.contains) ?? false }) { rated += 1 }
            if person.birthDate != nil, let retirement = person.retirement, retirement > termEnd { young += 1 }
            if let value = person.degree, degreesOK.contains(value) { degree += 1 }
            if let value = person.theory, theoryOK.contains(value) { theory += 1 }
            if !person.disciplineYears.contains(where: { $0 >= year - disciplineYears }) { clean += 1 }
        }
        return ["hoan-thanh-tot-nhiem-vu-3-nam": rated, "du-tuoi-cong-tac-mot-nhiem-ky": young, "trinh-do-dai-hoc": degree,
                "ly-luan-chinh-tri-trung-cap": theory, "khong-bi-ky-luat-gan-day": clean]
    }

    /// A generated roster, the same every run.
    static func roster(_ count: Int) -> [RosterPerson] {
        var random = SplitMix(state: 2021)
        let codes = ["HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTNV", "KHTNV"]
        let degrees = ["Cao đẳng", "Đại học", "Đại học", "Thạc sĩ", "Tiến sĩ"]
        let theory = ["Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"]
        return (0..<count).map { index in
            RosterPerson(id: "cb-\(index)", name: "Người \(index)",
                         birthDate: String(format: "%04d-%02d-%02d", Int.random(in: 1960...1995, using: &random), Int.random(in: 1...12, using: &random),
                                           Int.random(in: 1...28, using: &random)),
                         gender: Bool.random(using: &random) ? "nam" : "nữ", ethnicity: "Kinh", degree: degrees.randomElement(using: &random),
                         politicalTheory: theory.randomElement(using: &random),
                         ratings: (2018...2020).map { .init(year: $0, text: codes.randomElement(using: &random)!) },
                         discipline: Int.random(in: 0..<20, using: &random) == 0 ? [.init(year: 2020, text: "Khiển trách")] : [],
                         plannedTitles: Int.random(in: 0..<10, using: &random) == 0 ? ["A", "B", "C"] : [])
        }
    }

    private func screeningDefinition(_ rules: [ExpressionRule]) throws -> WorkflowDefinition {
        let document = try JSONDecoder().decode(WorkflowDocument.self, from: Data("""
            {"id": "benchmark", "name": "Benchmark", "rules": "\(ruleSet.id)", "year": 2021, "term": "2021-2026", "authority": "-",
             "eligibility": [\(rules.map { "\"\($0.id)\"" }.joined(separator: ", "))],
             "people": [{"id": "a", "name": "A"}], "bodies": [{"id": "b", "name": "B", "members": [{"person": "a"}]}],
             "titles": [{"id": "t", "name": "Chức danh", "cap": 4}],
             "steps": [{"id": "s", "name": "S", "body": "b", "form": "discussion"}]}
            """.utf8))
        guard let definition = WorkflowValidator(ruleSets: [ruleSet]).validate(document, name: "benchmark").0 else {
            throw BenchmarkFailure("the benchmark workflow does not validate")
        }
        return definition
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
