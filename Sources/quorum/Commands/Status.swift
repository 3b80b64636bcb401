import ArgumentParser
import QuorumCore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        let headers = try project.service().store.instances()
        let summaries = try headers.map { header in
            let state = try project.service().load(header.id).state
            return InstanceSummary(instance: header.id, workflow: header.workflow, createdAt: header.createdAt,
                                   currentStep: state.currentStep, finished: state.isFinished)
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
