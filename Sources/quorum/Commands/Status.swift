import ArgumentParser
import QuorumCore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: Messages.text(.helpStatus),
        discussion: "Without an instance, lists every instance in the store."
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String?

    @Flag(help: "Print the status as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting {
            let project = try Project(options)
            guard let instance else { return try list(project) }
            let report = try StatusReport(instance, project: project)
            if json { return try Output.json(report) }
            report.lines.forEach { Output.line($0) }
        }
    }

    private func list(_ project: Project) throws {
        let summaries = try project.service().standings().map { standing in
            InstanceSummary(instance: standing.header.id, workflow: standing.header.workflow, createdAt: standing.header.createdAt,
                            currentStep: standing.currentStep, finished: standing.finished)
        }
        if json { return try Output.json(summaries) }
        if summaries.isEmpty { return Output.line(Messages.text(.noInstances)) }
        for summary in summaries {
            let place = summary.finished ? Messages.text(.instanceEnded) : Messages.text(.instanceAt, ["step": summary.currentStep ?? "?"])
            Output.line(Messages.text(.instanceListed, ["instance": summary.instance, "where": place, "started": Messages.timestamp(summary.createdAt)]))
        }
    }
}

struct InstanceSummary: Encodable {
    let instance: String
    let workflow: String
    let createdAt: Date
    let currentStep: String?
    let finished: Bool
}

import Foundation
