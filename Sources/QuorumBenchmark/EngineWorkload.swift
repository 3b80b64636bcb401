import QuorumCore
import QuorumFiles

/// Whole cycles in process on the in-memory store: a bundled scenario (start, record, advance through every step),
/// run again and again; and the floor Foundation's JSON encoder alone sets under that figure.
struct EngineWorkload {
    let scenario: Scenario
    let definition: WorkflowDefinition
    let cycles: Int

    /// The figures, and whole cycles a second.
    func run() throws -> (rows: [Row], rate: Double) {
        let store = MemoryInstanceStore()
        let first = ScenarioRunner.run(scenario, on: definition, store: store) { _ in [] }
        guard first.passed, first.refusal == nil, let instance = try store.instances().first,
              let events = try store.load(instance.id)?.events else {
            throw BenchmarkFailure("the scenario \(scenario.name) does not run through")
        }
        let seconds = Measure.time {
            for _ in 0..<cycles { _ = ScenarioRunner.run(scenario, on: definition) { _ in [] } }
        }.seconds
        let steps = first.decisions.count, rate = Double(cycles) / seconds
        // Every event of a cycle is encoded to JSON to be sealed into the chain, once at least: that alone bounds the
        // cycles a second, whatever the engine around it does.
        let payloads = events.map(\.payload), sealed = max(cycles, 1_000)
        let (sealing, bytes) = Measure.best(of: 3) {
            (0..<sealed).reduce(0) { total, _ in payloads.reduce(total) { $0 + EventChain.encode($1).count } }
        }
        guard bytes > 0 else { throw BenchmarkFailure("the cycle's events encoded to nothing") }
        let ceiling = Double(sealed) / sealing
        return ([Row("engine: full cycles in process (\(steps) steps, memory store)", String(format: "%.0f cycles/s", rate),
                     against: "goal 40,000 cycles/s", ratio: rate / 40_000),
                 Row("engine floor: Foundation's JSON encoder alone, the cycle's \(events.count) events",
                     String(format: "%.0f cycles/s", ceiling), against: "goal 40,000 cycles/s", ratio: ceiling / 40_000)], rate)
    }
}
