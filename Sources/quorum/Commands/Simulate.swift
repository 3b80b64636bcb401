import ArgumentParser
import QuorumCore
import QuorumFiles

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a whole cycle on hypothetical results, without touching the store, and check what comes of it.",
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

    func run() throws {
        try CommandFailure.reporting {
            let project = try Project(options)
            let definition = try project.definition(workflow)
            let files = results.map { [$0] } ?? DefinitionCatalog.yamlFiles(in: [options.folder("scenarios/\(definition.id)")])
            guard !files.isEmpty else { throw CommandFailure("no scenarios for \(definition.id); write one under scenarios/\(definition.id)/", .badInput) }
            var failed = 0
            for file in files {
                let scenario = try ScenarioReader.read(file)
                guard scenario.workflow == definition.id else {
                    throw CommandFailure("\(file) is a scenario for '\(scenario.workflow)', not '\(definition.id)'", .badInput)
                }
                let outcome = ScenarioRunner.run(scenario, on: definition)
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
                    failed += 1
                    outcome.failures.forEach { Output.line("   ✗ \($0)") }
                }
                Output.line()
            }
            Output.line("\(files.count - failed) of \(files.count) scenario\(files.count == 1 ? "" : "s") as expected")
            if failed > 0 { throw ExitCode.failure }
        }
    }
}
