import ArgumentParser
import QuorumCore

struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: Messages.text(.helpCorrect),
        discussion: """
            The corrected results are checked like new ones. A step already decided is reopened: it and every later \
            step are decided again from the corrected results when you advance. The earlier results stay in the \
            history, and the minutes and the submission name the correction: what changed, when, by whom and why.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Argument(help: "Step id: the current step, or one already decided.")
    var step: String

    @OptionGroup var results: ResultInput

    @Option(help: "Why the results are corrected, for the record.")
    var reason: String

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let (record, sheet) = try results.read(step: step)
            let service = try project.service()
            let before = try service.load(instance).state.currentStep
            let (previous, warnings) = try ResultInput.located(sheet) { try service.correct(record, in: instance, reason: reason, current: definition) }
            ResultInput.show(warnings, from: sheet)
            let loaded = try service.load(instance)
            let changes = previous.differences(from: loaded.state.results[step]?.record ?? record)
            Output.line(Messages.text(.corrected, ["what": results.what, "step": step, "instance": instance, "reason": reason]))
            let directory = loaded.directory
            changes.forEach { Output.line("  " + RefusalText.change($0, label: directory.label, correction: true)) }
            if before != step { Output.line(Messages.text(.correctedBack, ["step": step])) }
            Output.line(Messages.text(.nextAdvance, ["instance": instance]))
        }
    }
}
