import Foundation
import QuorumCEL
import QuorumCore
import QuorumFiles

/// Eligibility rules over a generated roster: each rule compiled once and evaluated per person, against the same six
/// predicates written directly in Swift, and the whole screening as `advance` runs it.
struct RuleWorkload {
    let ruleSet: RuleSet
    let people: Int

    func run() throws -> [Row] {
        let rules = ruleSet.rules.compactMap { rule -> ExpressionRule? in
            if case .expression(let expression) = rule.content, expression.kind == .eligibility { expression } else { nil }
        }
        let roster = Self.roster(people)
        let values = roster.map { RuleContext.withDates($0.parameter.value) }
        let cycle = RuleContext.withDates(RuleParameter.map(["year": .int(2021), "term_start": .string("2021-01-01"), "term_years": .int(5)]).value)
        let title = RuleParameter.map(["id": .string("t"), "name": .string("Chức danh")]).value
        var total = 0.0
        for rule in rules {
            let program = try Program(parsing: rule.expression, declaring: ["person", "cycle", "params", "title"])
            let params = rule.parameterValue
            total += Measure.time {
                values.reduce(0) { $0 + (program.evaluate(declared: [$1, cycle, params, title]) == .bool(true) ? 1 : 0) }
            }.seconds
        }
        let native = Measure.time { Self.handWritten(roster) }.seconds
        let evaluations = people * rules.count
        var rows = [Row("rules: \(rules.count) eligibility rules × \(people) people", Measure.rate(evaluations, total),
                        against: "hand-written Swift " + Measure.rate(evaluations, native), ratio: total / native)]
        let definition = try screeningDefinition(rules)
        let screen = EligibilityScreen(definition: definition)
        let directory = PersonDirectory(definition: definition, roster: Roster(people: roster, source: nil))
        let screening = Measure.time {
            roster.filter { person in
                !screen.screen(person.id, for: definition.titles[0], directory: directory, rosterImported: true, overrides: [])
                    .contains(where: \EligibilityScreen.Finding.blocks)
            }.count
        }.seconds
        rows.append(Row("screening as advance does it, \(people) people", Measure.rate(people, screening) + " people",
                        against: "hand-written Swift " + Measure.rate(people, native) + " people", ratio: screening / native))
        return rows
    }

    /// The six predicates of hd-06-2017 written directly in Swift: the ceiling.
    static func handWritten(_ roster: [RosterPerson]) -> Int {
        let accepted: Set = ["HTTNV", "HTXSNV"], degreesOK: Set = ["Đại học", "Thạc sĩ", "Tiến sĩ"], theoryOK: Set = ["Trung cấp", "Cao cấp", "Cử nhân"]
        var eligible = 0
        for person in roster {
            let parts = person.birthDate!.split(separator: "-").compactMap { Int($0) }
            let retirement = parts[0] * 12 + parts[1] - 1 + (person.gender == "nam" ? 723 : 664)
            let good = person.ratings.filter { (2018...2020).contains($0.year) && accepted.contains($0.text) }.count == 3
            if good, retirement - 2021 * 12 >= 60, degreesOK.contains(person.degree!), theoryOK.contains(person.politicalTheory!),
               !person.discipline.contains(where: { $0.year >= 2020 }), person.plannedTitles.count < 3 {
                eligible += 1
            }
        }
        return eligible
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
