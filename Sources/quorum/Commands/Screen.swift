import ArgumentParser
import QuorumCore

struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Screen candidates against the eligibility rules and show who is eligible and why.",
        discussion: "Screens the current step's candidates, or everyone in the roster with --all (or before any list exists)."
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Flag(help: "Screen everyone in the roster, not only the current candidates.")
    var all = false

    func run() throws {
        try CommandFailure.reporting {
            let project = try Project(options)
            let loaded = try project.service().load(instance)
            Screen.report(loaded.state, definition: loaded.definition, everyone: all).forEach { Output.line($0) }
        }
    }

    static func report(_ state: InstanceState, definition: WorkflowDefinition, everyone: Bool) -> [String] {
        let screen = EligibilityScreen(definition: definition)
        var lines: [String] = []
        for title in definition.titles {
            let rules = definition.eligibility(for: title)
            guard !rules.isEmpty else {
                lines.append("\(title.name): no eligibility rules apply")
                continue
            }
            let names = everyone ? nil : state.candidates?[title.id]
            let candidates = names ?? state.roster?.people.map(\.name) ?? []
            lines.append("\(title.name): \(rules.count) standard\(rules.count == 1 ? "" : "s"), \(candidates.count) \(names == nil ? "people in the roster" : "candidates")")
            for name in candidates {
                let findings = screen.screen(name, for: title, roster: state.roster, overrides: state.overrides)
                let blocking = findings.filter(\.blocks)
                let overridden = findings.filter { $0.overriddenBecause != nil }
                if blocking.isEmpty {
                    lines.append("  ✓ \(name): eligible" + (overridden.isEmpty ? "" : " by override (\(overridden.map { "\($0.rule): \($0.overriddenBecause!)" }.joined(separator: "; ")))"))
                } else {
                    lines.append("  ✗ \(name): not eligible")
                    blocking.forEach { lines.append("      \($0.rule): \($0.explanation)") }
                }
            }
        }
        return lines
    }
}
