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
            if json { return try Output.json(try project.service().advanced(instance, current: definition).decision) }
            // Worded on another core, in the language of the request or command.
            let language = Messages.language
            let (advanced, lines) = try project.service().advanced(instance, current: definition) { decision, directory in
                Messages.speaking(language) { DecisionText.lines(decision, in: definition, directory: directory) }
            }
            lines.forEach { Output.line($0) }
            DecisionText.finalList(advanced.state, in: definition, directory: advanced.directory).forEach { Output.line($0) }
        }
    }
}
