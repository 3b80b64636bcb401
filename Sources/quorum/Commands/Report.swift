import ArgumentParser
import Foundation
import QuorumCore
import QuorumReports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Messages.text(.helpReport),
        discussion: """
            With --step, the minutes of that meeting: a vote-count record for a ballot, the meeting's minutes for a \
            discussion. With --ballot-paper or --tally-sheet and --step, the paper a ballot step votes on, or the \
            counting committee's tally sheet. Without them, once the procedure has ended, the submission to each \
            approving authority (or the unit's own decision draft) with the lists kept, added and removed as appendices. \
            --plan writes the plan document from the definitions instead (no instance). Formats: md, html (print-ready, \
            A4), pdf (the HTML printed by headless Chromium) and docx (Word); pdf and docx need --output.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, pdf, docx }

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id (or, with --plan, a workflow id of the unit).")
    var instance: String

    @Option(help: "A step: its minutes, or, with --ballot-paper or --tally-sheet, its papers.")
    var step: String?

    @Flag(help: "The ballot paper of --step.")
    var ballotPaper = false

    @Flag(help: "The counting committee's tally sheet of --step.")
    var tallySheet = false

    @Flag(help: "The plan document of the unit INSTANCE's workflow belongs to, from the definitions.")
    var plan = false

    @Option(help: "md, html, pdf or docx.")
    var format: Format = .md

    @Option(help: "state or party: the layout, when not the definition's.")
    var style: RecordFormat?

    @Option(help: "Write to this file instead of printing.")
    var output: String?

    @Flag(help: "Print what was produced as JSON: each document's title and number, the format, and the file written (or the text, without --output).")
    var json = false

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let documents: [OfficialDocument]
            if plan {
                documents = [try PlanDocument.make(project.unit(of: instance), format: style)]
            } else {
                let loaded = try project.service().load(instance)
                let source = ReportSource(instance: instance, definition: loaded.definition, events: loaded.events, state: loaded.state, format: style)
                documents = try Self.documents(source, step: step, ballotPaper: ballotPaper, tallySheet: tallySheet)
            }
            let listed = documents.map { ReportOutput.Document(title: $0.title, subtitle: $0.subtitle, number: $0.number, style: $0.format.rawValue) }
            guard let output else {
                guard format == .md || format == .html else { throw CommandFailure(Messages.text(.reportNeedsOutput, ["format": format.rawValue]), .badInput) }
                let text = format == .html ? HTMLWriter.write(documents) : documents.map(MarkdownWriter.write).joined(separator: "\n---\n\n")
                if json { return try Output.json(ReportOutput(instance: instance, format: format.rawValue, documents: listed, written: nil, text: text)) }
                return print(text, terminator: "")
            }
            try Self.write(documents, as: format, to: output)
            if json { return try Output.json(ReportOutput(instance: instance, format: format.rawValue, documents: listed, written: output, text: nil)) }
            Output.line(Messages.text(.wrote, ["path": output]))
        }
    }

    static func documents(_ source: ReportSource, step: String?, ballotPaper: Bool, tallySheet: Bool) throws -> [OfficialDocument] {
        do {
            if let step {
                if ballotPaper { return [try BallotPaperDocument.paper(source, step: step)] }
                if tallySheet { return [try BallotPaperDocument.tallySheet(source, step: step)] }
                return [try MeetingMinutes.make(source, step: step)]
            }
            if ballotPaper || tallySheet { throw CommandFailure(Messages.text(.reportNeedsStep), .badInput) }
            return try Submission.make(source)
        } catch let error as VoteCountMinutes.Problem {
            throw CommandFailure(error.description)
        } catch let error as BallotPaperDocument.Problem {
            throw CommandFailure(error.description)
        } catch let error as Submission.Problem {
            throw CommandFailure(error.description)
        }
    }

    /// Writes documents in a format, owner-only.
    static func write(_ documents: [OfficialDocument], as format: Format, to path: String) throws {
        switch format {
        case .md: try PrivateFile.write(documents.map(MarkdownWriter.write).joined(separator: "\n---\n\n"), to: path)
        case .html: try PrivateFile.write(HTMLWriter.write(documents), to: path)
        case .pdf: try PDFPrinter.print(HTMLWriter.write(documents), to: path)
        case .docx:
            try DOCXWriter.write(documents, to: path)
            try PrivateFile.restrict(path)
        }
    }
}

extension RecordFormat: ExpressibleByArgument {}

/// What `report --json` prints: which documents were produced, in which format, and where they were written (or
/// their text, when no file was asked for).
struct ReportOutput: Encodable {
    struct Document: Encodable {
        let title: String
        let subtitle: String?
        let number: String
        let style: String
    }

    let instance: String
    let format: String
    let documents: [Document]
    let written: String?
    let text: String?
}
