import ArgumentParser
import QuorumCore
import QuorumFiles

/// A meeting's results as `record` and `correct` take them: a results file, with counts given on the command line
/// taking precedence. Counts are parsed within bounds, so an absurd number is an error, never an overflow.
struct ResultInput: ParsableArguments {
    @Option(help: "Results file (.yaml, .yml, .csv or .xlsx).")
    var file: String?

    @Option(help: "Members present (overrides the file).")
    var present: Int?

    @Option(help: "Ballot counts ISSUED,RETURNED,VALID,INVALID, as in the minutes (overrides the file).")
    var ballots: String?

    @Option(help: "Ballots issued, for papers entered one by one.")
    var issued: Int?

    @Option(help: "1 or 2, for steps whose results are entered twice by different people.")
    var entry: Int?

    @Flag(help: "These are the results of a run-off among the candidates tied for the last place.")
    var runOff = false

    /// What the results are, for the messages.
    var what: String { Self.what(entry: entry, runOff: runOff) }

    /// "results", "entry 2 of the results", "the results of a run-off", for the messages.
    static func what(entry: Int?, runOff: Bool) -> String {
        runOff ? Messages.text(.resultsRunOff) : entry.map { Messages.text(.resultsEntry, ["entry": $0]) } ?? Messages.text(.results)
    }

    /// The most a count may be: far beyond any body, far below any overflow.
    static let maximumCount = 1_000_000

    func read(step: String, note: String? = nil) throws -> (StepRecord, ResultSheet?) {
        guard file != nil || present != nil else {
            throw CommandFailure(Messages.text(.nothingToRecord), .badInput)
        }
        let sheet = try file.map { path throws(InputError) in try ResultSheetReader.read(path, step: step) }
        var record = sheet?.record ?? StepRecord(step: step)
        record.present = try present.map { try Self.bounded($0, "--present") } ?? record.present
        if let ballots {
            let parts = ballots.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let counts = parts.compactMap { Int($0) }.filter { (0...Self.maximumCount).contains($0) }
            guard parts.count == 4, counts.count == 4 else {
                throw CommandFailure(Messages.text(.badBallots, ["maximum": Self.maximumCount, "ballots": ballots]), .badInput)
            }
            record.ballots = BallotCount(issued: counts[0], returned: counts[1], valid: counts[2], invalid: counts[3])
        }
        if let issued {
            guard !record.papers.isEmpty else { throw CommandFailure(Messages.text(.issuedNeedsPapers), .badInput) }
            record.ballots = BallotCount(issued: try Self.bounded(issued, "--issued"), returned: 0, valid: 0, invalid: 0)
        }
        record.entry = entry
        record.runOff = runOff
        record.note = note ?? record.note
        return (record, sheet)
    }

    static func bounded(_ value: Int, _ option: String) throws -> Int {
        guard (0...maximumCount).contains(value) else {
            throw CommandFailure(Messages.text(.badCount, ["option": option, "maximum": maximumCount, "value": value]), .badInput)
        }
        return value
    }

    /// Runs the engine on the results and, when it refuses them, points each problem at the line of the file.
    static func located<T>(_ sheet: ResultSheet?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch EngineError.invalidRecord(let step, let problems) where sheet != nil {
            var renderer = DiagnosticRenderer()
            throw CommandFailure(Messages.text(.refusalInvalidRecord, ["step": step, "problems": renderer.render(problems.map { sheet!.locate($0, saying: Messages.verbatim(RefusalText.problem($0))) })]),
                                 .badInput)
        }
    }

    static func show(_ warnings: [RecordProblem], from sheet: ResultSheet?) {
        var renderer = DiagnosticRenderer()
        for warning in warnings {
            Output.error(sheet.map { renderer.render($0.locate(warning, saying: Messages.verbatim(RefusalText.problem(warning)), severity: .warning)) }
                ?? "warning: " + RefusalText.problem(warning))
        }
    }
}
