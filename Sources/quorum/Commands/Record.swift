import ArgumentParser
import QuorumCore
import QuorumFiles

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record what a meeting produced: attendance, and vote totals or the agreed list.",
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

    @Option(help: "Results file (.yaml, .yml or .csv).")
    var file: String?

    @Option(help: "Members present (overrides the file).")
    var present: Int?

    @Option(help: "Ballot counts ISSUED,RETURNED,VALID,INVALID, as in the minutes (overrides the file).")
    var ballots: String?

    @Option(help: "Ballots issued, for papers entered one by one.")
    var issued: Int?

    @Option(help: "1 or 2, for steps whose results are entered twice by different people.")
    var entry: Int?

    @Flag(help: "These are the results of a run-off among candidates tied for the last place.")
    var runOff = false

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
            if let ballots {
                let counts = ballots.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard counts.count == 4 else { throw CommandFailure("--ballots takes four numbers ISSUED,RETURNED,VALID,INVALID, e.g. 27,27,26,1") }
                record.ballots = BallotCount(issued: counts[0], returned: counts[1], valid: counts[2], invalid: counts[3])
            }
            if let issued {
                guard !record.papers.isEmpty else { throw CommandFailure("--issued goes with papers entered one by one; give totals with --ballots") }
                record.ballots = BallotCount(issued: issued, returned: 0, valid: 0, invalid: 0)
            }
            record.entry = entry
            record.runOff = runOff
            record.note = note ?? record.note
            let warnings: [RecordProblem]
            do {
                warnings = try project.service().record(record, in: instance, current: definition)
            } catch EngineError.invalidRecord(let step, let problems) where sheet != nil {
                var renderer = DiagnosticRenderer()
                throw CommandFailure("the results for step '\(step)' were not recorded:\n"
                    + renderer.render(problems.map { sheet!.locate($0) }))
            }
            var renderer = DiagnosticRenderer()
            for warning in warnings {
                Output.error(sheet.map { renderer.render($0.locate(warning, severity: .warning)) } ?? "warning: \(warning.message)")
            }
            let what = runOff ? "run-off results" : entry.map { "entry \($0) of the results" } ?? "results"
            Output.line("recorded \(what) for step '\(step)' of \(instance)\(sheet.map { " from \($0.file)" } ?? "")")
            Output.line("next: quorum advance \(instance)")
        }
    }
}
