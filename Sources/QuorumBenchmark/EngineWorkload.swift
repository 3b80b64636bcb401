import QuorumCore
import QuorumFiles

/// Whole cycles in process on the in-memory store: a bundled scenario (start, record, advance through every step),
/// run again and again.
struct EngineWorkload {
    let scenario: Scenario
    let definition: WorkflowDefinition
    let cycles: Int

    /// The figures, and whole cycles a second.
    func run() throws -> (rows: [Row], rate: Double) {
        let first = ScenarioRunner.run(scenario, on: definition) { _ in [] }
        guard first.passed, first.refusal == nil else { throw BenchmarkFailure("the scenario \(scenario.name) does not run through") }
        let seconds = Measure.time {
            for _ in 0..<cycles { _ = ScenarioRunner.run(scenario, on: definition) { _ in [] } }
        }.seconds
        let steps = first.decisions.count, rate = Double(cycles) / seconds
        return ([Row("engine: full cycles in process (\(steps) steps, memory store)", String(format: "%.0f cycles/s", rate),
                     against: "goal 40,000 cycles/s", ratio: rate / 40_000)], rate)
    }
}
