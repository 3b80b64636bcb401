import ArgumentParser

struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: Messages.text(.helpStart)
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Workflow id (or its file).")
    var workflow: String

    @Flag(help: "Start another instance although one of this workflow is still running.")
    var another = false

    func run() throws {
        try CommandFailure.reporting {
            let project = try Project(options)
            let definition = try project.definition(workflow)
            let state = try project.service(creating: true).start(definition, another: another)
            let pinned = try project.service().load(state.id).pinned
            Output.line(Messages.text(.started, ["instance": state.id, "workflow": definition.name]))
            Output.line(Messages.text(.startedPinned, ["hash": pinned.hash.prefix(12), "version": definition.version]))
            if let step = state.currentStep.flatMap(definition.step) {
                Output.line(Messages.text(.startedFirstStep, ["step": step.name, "when": step.meets.map { ", \($0.display)" } ?? ""]))
            }
        }
    }
}
