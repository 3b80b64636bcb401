import ArgumentParser
import QuorumCore
import QuorumFiles

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: Messages.text(.helpSimulate),
        discussion: """
            A scenario file gives each step's results (in the results format, inline), an optional roster, and what \
            must come of the run (the people added per title, or the step that must refuse). With no --results, every \
            scenario under scenarios/WORKFLOW/ runs. Exit 1 when a scenario's expectations do not hold.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Workflow id (or its file).")
    var workflow: String

    @Option(help: "A scenario file.")
    var results: String?

    @Flag(help: "Print each scenario's decisions, refusal and failed expectations as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting {
            let project = try Project(options)
            let definition = try project.definition(workflow)
            let files = results.map { [$0] } ?? DefinitionCatalog.yamlFiles(in: [options.folder("scenarios/\(definition.id)")])
            guard !files.isEmpty else { throw CommandFailure(Messages.text(.scenarioNone, ["workflow": definition.id]), .badInput) }
            var failed = 0
            var reports: [SimulationReport.Scenario] = []
            for file in files {
                let scenario = try ScenarioReader.read(file)
                guard scenario.workflow == definition.id else {
                    throw CommandFailure(Messages.text(.scenarioOtherWorkflow, ["file": file, "other": scenario.workflow, "workflow": definition.id]), .badInput)
                }
                let outcome = ScenarioRunner.run(scenario, on: definition, explain: Self.explanations)
                if !outcome.passed { failed += 1 }
                let reason = outcome.refusal.map { Self.reason($0.error) } ?? ""
                let notes = outcome.notes.map(Self.note), failures = outcome.failures.map { Self.failure($0, reason: reason) }
                if json {
                    reports.append(.init(name: scenario.name, file: file, passed: outcome.passed, notes: notes, decisions: outcome.decisions,
                                         refusal: outcome.refusal.map { .init(step: $0.step, reason: reason) }, added: outcome.added,
                                         failures: failures))
                    continue
                }
                Output.line(Messages.text(.scenarioHeading, ["name": scenario.name, "file": file]))
                notes.forEach { Output.line(Messages.text(.scenarioNote, ["note": $0])) }
                let directory = PersonDirectory(definition: definition, roster: scenario.roster)
                for decision in outcome.decisions {
                    DecisionText.lines(decision, in: definition, directory: directory).forEach { Output.line("   " + $0) }
                }
                if let refusal = outcome.refusal { Output.line("   ✗ " + Messages.text(.scenarioRefused, ["step": refusal.step, "reason": reason])) }
                if outcome.passed {
                    Output.line(Messages.text(.scenarioAsExpected))
                } else {
                    failures.forEach { Output.line("   ✗ \($0)") }
                }
                Output.line()
            }
            if json {
                try Output.json(SimulationReport(workflow: definition.id, scenarios: reports, passed: files.count - failed, failed: failed))
            } else {
                Output.line(Messages.text(.scenarioSummary, ["passed": files.count - failed, "count": files.count]))
            }
            if failed > 0 { throw ExitStatus.refused.exitCode }
        }
    }

    /// A refusal in words: the engine's refusals from the catalogs, anything else as it describes itself.
    static func reason(_ error: any Error) -> String {
        (error as? EngineError).map(RefusalText.text) ?? "\(error)"
    }

    /// A refusal in both languages, so a scenario's `because` may quote either.
    static func explanations(_ error: any Error) -> [String] {
        Language.allCases.map { language in Messages.speaking(language) { reason(error) } }
    }

    static func note(_ note: ScenarioOutcome.Note) -> String {
        switch note {
        case .warning(let problem): RefusalText.problem(problem)
        case .settledByRunOff(let error): RefusalText.text(error)
        }
    }

    static func failure(_ failure: ScenarioOutcome.Failure, reason: String) -> String {
        func people(_ names: [String]) -> String { names.isEmpty ? Messages.text(.nobody) : names.joined(separator: ", ") }
        return switch failure {
        case let .resultsForClosedStep(given, open):
            Messages.text(.scenarioClosedStep, ["given": given, "open": open ?? Messages.text(.scenarioCycleEnded)])
        case let .stoppedElsewhere(expected, step): Messages.text(.scenarioStoppedElsewhere, ["expected": expected, "step": step, "reason": reason])
        case let .stoppedForAnotherReason(step, because): Messages.text(.scenarioNotBecause, ["step": step, "because": because, "reason": reason])
        case let .wentOn(expected): Messages.text(.scenarioWentOn, ["expected": expected])
        case let .refused(step): Messages.text(.scenarioRefused, ["step": step, "reason": reason])
        case .notEnded: Messages.text(.scenarioNotEnded)
        case let .addedOtherwise(title, expected, added):
            Messages.text(.scenarioAddedOtherwise, ["title": title, "expected": people(expected), "added": people(added)])
        }
    }
}

/// What `simulate --json` prints: every scenario's decisions and what came of it against its expectations.
struct SimulationReport: Encodable {
    struct Scenario: Encodable {
        struct Refusal: Encodable {
            let step: String
            let reason: String
        }

        let name: String
        let file: String
        let passed: Bool
        let notes: [String]
        let decisions: [StepDecision]
        let refusal: Refusal?
        let added: [String: [String]]?
        let failures: [String]
    }

    let workflow: String
    let scenarios: [Scenario]
    let passed: Int
    let failed: Int
}
