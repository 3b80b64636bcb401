import ArgumentParser
import QuorumCore
import QuorumFiles

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record what a meeting produced: attendance, and vote totals or the agreed list.",
        discussion: """
            Results come from a YAML file (present, valid-ballots, votes or agreed, note) or a CSV file with columns \
            title,name,votes (or title,name for an agreed list). Recording again replaces the earlier results of the \
            step; both stay in the history.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Argument(help: "Step id; must be the current step.")
    var step: String

    @Option(help: "Results file (.yaml, .yml or .csv).")
    var file: String?

    @Option(help: "Members present (overrides the file).")
    var present: Int?

    @Option(help: "Valid ballots counted (overrides the file).")
    var validBallots: Int?

    @Option(help: "A note for the record (overrides the file).")
    var note: String?

    func run() throws {
        try CommandFailure.reporting {
            guard file != nil || present != nil else {
                throw CommandFailure("nothing to record; give --file RESULTS and/or --present N")
            }
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let sheet = try file.map { path throws(InputError) in try ResultSheetReader.read(path, step: step) }
            var record = sheet?.record ?? StepRecord(step: step)
            record.present = present ?? record.present
            record.validBallots = validBallots ?? record.validBallots
            record.note = note ?? record.note
            let warnings: [RecordProblem]
            do {
                warnings = try project.service.record(record, in: instance, current: definition)
            } catch EngineError.invalidRecord(let step, let problems) where sheet != nil {
                var renderer = DiagnosticRenderer()
                throw CommandFailure("the results for step '\(step)' were not recorded:\n"
                    + renderer.render(problems.map { sheet!.locate($0) }))
            }
            var renderer = DiagnosticRenderer()
            for warning in warnings {
                Output.error(sheet.map { renderer.render($0.locate(warning, severity: .warning)) } ?? "warning: \(warning.message)")
            }
            Output.line("recorded results for step '\(step)' of \(instance)\(sheet.map { " from \($0.file)" } ?? "")")
            Output.line("next: quorum advance \(instance)")
        }
    }
}
