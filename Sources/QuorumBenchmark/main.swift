import Foundation
import QuorumCEL
import QuorumCore
import QuorumFiles

// Measures rule evaluation on a generated roster and prints figures; it asserts nothing. Run it optimised:
//   swift run -c release quorum-benchmark [PEOPLE] [--rules rules/]

let arguments = CommandLine.arguments.dropFirst()
let count = arguments.first.flatMap { Int($0) } ?? 100_000
let rulesFolder = arguments.firstIndex(of: "--rules").map { arguments[arguments.index(after: $0)] } ?? "rules"

let catalog = DefinitionCatalog(files: [], library: DefinitionCatalog.yamlFiles(in: [rulesFolder]))
guard let ruleSet = catalog.ruleSets.first(where: { $0.id == "hd-06-2017" }) ?? catalog.ruleSets.first else {
    FileHandle.standardError.write(Data("no rule set found in \(rulesFolder)\n".utf8))
    exit(1)
}
let rules = ruleSet.rules.compactMap { rule -> ExpressionRule? in
    if case .expression(let expression) = rule.content, expression.kind == .eligibility { expression } else { nil }
}

/// A deterministic generator, so every run screens the same roster.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

var random = SplitMix(state: 2021)
let codes = ["HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTNV", "KHTNV"]
let degrees = ["Cao đẳng", "Đại học", "Đại học", "Thạc sĩ", "Tiến sĩ"]
let theory = ["Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"]
let roster = (0..<count).map { index in
    RosterPerson(id: "cb-\(index)", name: "Người \(index)",
                 birthDate: String(format: "%04d-%02d-%02d", Int.random(in: 1960...1995, using: &random), Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random)),
                 gender: Bool.random(using: &random) ? "nam" : "nữ", ethnicity: "Kinh", degree: degrees.randomElement(using: &random),
                 politicalTheory: theory.randomElement(using: &random),
                 ratings: (2018...2020).map { .init(year: $0, text: codes.randomElement(using: &random)!) },
                 discipline: Int.random(in: 0..<20, using: &random) == 0 ? [.init(year: 2020, text: "Khiển trách")] : [],
                 plannedTitles: Int.random(in: 0..<10, using: &random) == 0 ? ["A", "B", "C"] : [])
}
let cycle = RuleParameter.map(["year": .int(2021), "term_start": .string("2021-01-01"), "term_years": .int(5)])
let title = RuleParameter.map(["id": .string("t"), "name": .string("Chức danh")])

func measure(_ body: () -> Int) -> (seconds: Double, result: Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, result)
}

func rate(_ evaluations: Int, _ seconds: Double) -> String {
    let perSecond = Double(evaluations) / seconds
    return perSecond >= 1e6 ? String(format: "%7.2f M/s", perSecond / 1e6) : String(format: "%7.0f k/s", perSecond / 1e3)
}

print("Quorum rule benchmark: \(count) generated people, \(rules.count) eligibility rules from \(ruleSet.id)")
print("")

// 1. Each rule compiled once, evaluated for every person (variables prepared beforehand, as the engine does per person).
let people = roster.map { RuleContext.withDates($0.parameter.value) }
let cycleValue = RuleContext.withDates(cycle.value)
print("rule                                   eligible   time (s)   evaluations")
var total = 0.0
for rule in rules {
    let program = try Program(parsing: rule.expression, declaring: ["person", "cycle", "params", "title"])
    let params = rule.parameterValue, titleValue = title.value
    let (seconds, eligible) = measure {
        var eligible = 0
        for person in people where program.evaluate(declared: [person, cycleValue, params, titleValue]) == .bool(true) {
            eligible += 1
        }
        return eligible
    }
    total += seconds
    print(rule.id.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%11d %10.3f   ", eligible, seconds) + rate(count, seconds))
}
print(String(format: "all rules, CEL                                  %10.3f   ", total) + rate(count * rules.count, total))

// 2. The same predicates written directly in Swift: the ceiling.
let accepted: Set = ["HTTNV", "HTXSNV"], degreesOK: Set = ["Đại học", "Thạc sĩ", "Tiến sĩ"], theoryOK: Set = ["Trung cấp", "Cao cấp", "Cử nhân"]
let native = measure {
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
print(String(format: "all rules, hand-written Swift     %11d %10.3f   ", native.result, native.seconds) + rate(count * rules.count, native.seconds))

// 3. Whole screening as `advance` does it, explanations included.
let document = try JSONDecoder().decode(WorkflowDocument.self, from: Data("""
    {"id": "benchmark", "name": "Benchmark", "rules": "\(ruleSet.id)", "year": 2021, "term": "2021-2026", "authority": "-",
     "eligibility": [\(rules.map { "\"\($0.id)\"" }.joined(separator: ", "))],
     "people": [{"id": "a", "name": "A"}], "bodies": [{"id": "b", "name": "B", "members": [{"person": "a"}]}],
     "titles": [{"id": "t", "name": "Chức danh", "cap": 4}],
     "steps": [{"id": "s", "name": "S", "body": "b", "form": "discussion"}]}
    """.utf8))
guard let definition = WorkflowValidator(ruleSets: [ruleSet]).validate(document, name: "benchmark").0 else {
    FileHandle.standardError.write(Data("the benchmark workflow does not validate\n".utf8))
    exit(1)
}
let screen = EligibilityScreen(definition: definition)
let directory = PersonDirectory(definition: definition, roster: Roster(people: roster, source: nil))
let screening = measure {
    roster.filter { person in
        !screen.screen(person.id, for: definition.titles[0], directory: directory, rosterImported: true, overrides: [])
            .contains(where: \EligibilityScreen.Finding.blocks)
    }.count
}
print(String(format: "screening with explanations       %11d %10.3f   ", screening.result, screening.seconds) + rate(count, screening.seconds) + " people")

// 4. A simple comparison, the floor of per-evaluation cost.
let simple = try Program(parsing: "person.degree in params.accepted", declaring: ["person", "params"])
let simpleParams = Value.map(CELMap([("accepted", .list(["Đại học", "Thạc sĩ", "Tiến sĩ"].map(Value.string)))]))
let simpleRun = measure {
    var hits = 0
    for _ in 0..<5 { for person in people where simple.evaluate(declared: [person, simpleParams]) == .bool(true) { hits += 1 } }
    return hits
}
print(String(format: "simple: person.degree in list       %9d %10.3f   ", simpleRun.result, simpleRun.seconds) + rate(count * 5, simpleRun.seconds))

var usage = rusage()
#if os(Linux)
getrusage(RUSAGE_SELF.rawValue, &usage)
#else
getrusage(RUSAGE_SELF, &usage)
#endif
print("")
print("peak memory (max RSS): \(usage.ru_maxrss / 1024) MiB")
