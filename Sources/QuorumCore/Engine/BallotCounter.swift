import QuorumCEL

/// Counts ballot papers entered one by one: each paper is checked against the step's validity rules, valid papers
/// are tallied per candidate, and the papers are kept only as the step's secrecy allows.
struct BallotCounter {
    let definition: WorkflowDefinition
    let step: Step
    let state: InstanceState

    static let variables = ["ballot", "title", "candidates", "cycle", "params"]

    /// Fills in the record's votes and counts from its papers; problems name the paper.
    func count(_ record: StepRecord, problems: inout [RecordProblem]) -> StepRecord {
        var record = record
        let cycle = definition.cycleParameter.datedValue
        let rules = step.ballotValidity.compactMap { rule in
            (try? Program(parsing: rule.expression, declaring: Self.variables, constants: ["cycle": cycle, "params": rule.parameterValue])).map { (rule, $0) }
        }
        var papers: [BallotPaper] = []
        var tallies: [String: [String: Int]] = [:]
        for var paper in record.papers {
            for index in paper.marks.indices where paper.marks[index].title.isEmpty {
                guard definition.titles.count == 1 else {
                    problems.append(.init(.paper(paper.number ?? 0), .paperNeedsTitle))
                    continue
                }
                paper.marks[index].title = definition.titles[0].id
            }
            var reasons: [String] = []
            for title in definition.titles {
                let marked = paper.marks.filter { $0.title == title.id }.flatMap(\.names)
                let ballot = Value.map(CELMap([("marked", .list(marked.map(Value.string))), ("title", .string(title.id))]))
                let titleValue = Value.map(CELMap([("id", .string(title.id)), ("name", .string(title.name)), ("cap", .int(Int64(title.cap))),
                                                   ("free_places", .int(Int64(title.freePlaces)))]))
                let candidates = Value.list((state.candidates?[title.id] ?? []).map(Value.string))
                for (rule, program) in rules {
                    switch program.evaluate(declared: [ballot, titleValue, candidates, cycle, rule.parameterValue]) {
                    case .bool(true): continue
                    case .error(let error): reasons.append("\(rule.name): \(error.message)")
                    default: reasons.append(definition.titles.count == 1 ? rule.name : "\(rule.name) (\(title.name))")
                    }
                }
            }
            paper.valid = reasons.isEmpty
            paper.invalidBecause = reasons.isEmpty ? nil : reasons.joined(separator: "; ")
            if reasons.isEmpty {
                for section in paper.marks { for name in section.names { tallies[section.title, default: [:]][name, default: 0] += 1 } }
            }
            papers.append(paper)
        }
        let valid = papers.filter { $0.valid == true }.count
        guard let issued = record.ballots?.issued else {
            problems.append(.init(.ballots, .papersNeedIssued))
            return record
        }
        record.ballots = BallotCount(issued: issued, returned: papers.count, valid: valid, invalid: papers.count - valid)
        record.votes = definition.titles.compactMap { title in
            tallies[title.id].map { counts in
                TitleVotes(title: title.id, candidates: counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map { CandidateVotes(name: $0.key, votes: $0.value) })
            }
        }
        record.papers = switch step.secrecy {
        case .totals: []
        case .unordered: papers.map { BallotPaper(number: nil, marks: $0.marks, valid: $0.valid, invalidBecause: $0.invalidBecause) }.sorted()
        case .numbered: papers
        }
        return record
    }
}
