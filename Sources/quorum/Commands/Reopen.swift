import ArgumentParser
import QuorumCore

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: Messages.text(.helpReopen),
        discussion: """
            The step and every later one are decided again when you advance; their recorded results are kept and can \
            be corrected with 'quorum correct'. The decisions set aside stay in the history.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Argument(help: "The step to go back to.")
    var step: String

    @Option(help: "Why, for the record.")
    var reason: String

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let reopening = try project.service().reopen(instance, step: step, reason: reason, current: definition)
            Output.line(Messages.text(.reopened, ["instance": instance, "step": step, "steps": reopening.superseded.joined(separator: ", ")]))
            Output.line(Messages.text(.reopenNext, ["instance": instance, "step": step]))
        }
    }
}
