import ArgumentParser
import Foundation
import QuorumReports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Produce the official records from the stored history, in Vietnamese: vote-count minutes, or the submission.",
        discussion: """
            With --step, the vote-count minutes (biên bản kiểm phiếu) of that ballot step. Without it, once the \\
            procedure has ended, the submission to the authority (tờ trình) with the lists kept, added and removed as \\
            appendices. Formats: md (Markdown), html (print-ready, A4) and pdf (the HTML printed by headless Chromium, \
            which must be installed; needs --output).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, pdf }

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Option(help: "A ballot step, for its vote-count minutes.")
    var step: String?

    @Option(help: "md or html.")
    var format: Format = .md

    @Option(help: "Write to this file instead of printing.")
    var output: String?

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let loaded = try project.service().load(instance)
            let source = ReportSource(instance: instance, definition: loaded.definition, events: loaded.events, state: loaded.state)
            let documents: [OfficialDocument]
            if let step {
                do { documents = [try VoteCountMinutes.make(source, step: step)] } catch let error as VoteCountMinutes.Problem {
                    throw CommandFailure(error.description)
                }
            } else {
                do { documents = try Submission.make(source, roster: loaded.state.roster) } catch let error as Submission.Problem {
                    throw CommandFailure(error.description)
                }
            }
            if format == .pdf {
                guard let output else { throw CommandFailure("a PDF needs --output FILE.pdf") }
                try PDFPrinter.print(HTMLWriter.write(documents), to: output)
                return Output.line("wrote \(output)")
            }
            let text = format == .html ? HTMLWriter.write(documents) : documents.map(MarkdownWriter.write).joined(separator: "\n---\n\n")
            guard let output else { return print(text, terminator: "") }
            try PrivateFile.write(text, to: output)
            Output.line("wrote \(output)")
        }
    }
}
