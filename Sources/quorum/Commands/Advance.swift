import QuorumCore
import ArgumentParser

struct Advance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: Messages.text(.helpAdvance)
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Flag(help: "Print the decision as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let (decision, state) = try project.service().advance(instance, current: definition)
            if json { return try Output.json(decision) }
            let directory = PersonDirectory(definition: definition, roster: state.roster)
            DecisionText.lines(decision, in: definition, directory: directory).forEach { Output.line($0) }
            DecisionText.finalList(state, in: definition, directory: directory).forEach { Output.line($0) }
        }
    }
}
