import ArgumentParser
import QuorumCore
import QuorumFiles

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
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
            guard !files.isEmpty else { throw CommandFailure("no scenarios for \(definition.id); write one under scenarios/\(definition.id)/", .badInput) }
            var failed = 0
            var reports: [SimulationReport.Scenario] = []
            for file in files {
                let scenario = try ScenarioReader.read(file)
                guard scenario.workflow == definition.id else {
                    throw CommandFailure("\(file) is a scenario for '\(scenario.workflow)', not '\(definition.id)'", .badInput)
                }
                let outcome = ScenarioRunner.run(scenario, on: definition)
                if !outcome.passed { failed += 1 }
                if json {
                    reports.append(.init(name: scenario.name, file: file, passed: outcome.passed, notes: outcome.notes, decisions: outcome.decisions,
                                         refusal: outcome.refusal.map { .init(step: $0.step, reason: $0.reason) }, added: outcome.added,
                                         failures: outcome.failures))
                    continue
                }
                Output.line("══ \(scenario.name) (\(file))")
                outcome.notes.forEach { Output.line("   note: \($0)") }
                let directory = PersonDirectory(definition: definition, roster: scenario.roster)
                for decision in outcome.decisions {
                    DecisionText.lines(decision, in: definition, directory: directory).forEach { Output.line("   " + $0) }
                }
                if let refusal = outcome.refusal { Output.line("   ✗ step '\(refusal.step)' refused: \(refusal.reason)") }
                if outcome.passed {
                    Output.line("   ✓ as expected")
                } else {
                    outcome.failures.forEach { Output.line("   ✗ \($0)") }
                }
                Output.line()
            }
            if json {
                try Output.json(SimulationReport(workflow: definition.id, scenarios: reports, passed: files.count - failed, failed: failed))
            } else {
                Output.line("\(files.count - failed) of \(files.count) scenario\(files.count == 1 ? "" : "s") as expected")
            }
            if failed > 0 { throw ExitStatus.refused.exitCode }
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
