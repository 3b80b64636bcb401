import ArgumentParser
import QuorumCore
import QuorumFiles

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: Messages.text(.helpRecord),
        discussion: """
            Results come from a YAML file (present, ballots, votes or agreed, note) or a CSV file: title,name,votes for \
            totals, title,name for an agreed list, or ballot,title,marked for papers entered one by one (then give \
            --issued). Recording again replaces the earlier results of the step; both stay in the history.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Argument(help: "Step id; must be the current step.")
    var step: String

    @OptionGroup var results: ResultInput

    @Option(help: "A note for the record (overrides the file).")
    var note: String?

    @Option(help: "Why this meeting is recorded before the step of another track it follows has ended.")
    var outOfOrder: String?

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let (record, sheet) = try results.read(step: step, note: note)
            var input = record
            input.outOfOrder = outOfOrder ?? input.outOfOrder
            let warnings = try ResultInput.located(sheet) { try project.service().record(input, in: instance, current: definition) }
            ResultInput.show(warnings, from: sheet)
            Output.line(Messages.text(.recorded, ["what": results.what, "step": step, "instance": instance,
                                                  "source": sheet.map { Messages.text(.fromFile, ["file": $0.file]) } ?? ""]))
            Output.line(Messages.text(.nextAdvance, ["instance": instance]))
        }
    }
}
