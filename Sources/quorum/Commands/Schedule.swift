import ArgumentParser
import Foundation
import QuorumCore
import QuorumFiles

struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put every meeting of the given workflows (default: all) on one timetable and check it.",
        discussion: """
            Warns, at the line that sets each time, about the same body or person in two meetings at once, meetings on \
            days off or public holidays, meetings outside working hours (from the calendar in rules/), and meetings \
            after the workflow's deadline, and says when a deadline is near (14 days or fewer). With --ics, \
            writes an iCalendar file (RFC 5545) that calendar programs import.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Workflow ids (or files); default: every runnable workflow.")
    var workflows: [String] = []

    @Flag(help: "Write the timetable as an iCalendar (.ics) file.")
    var ics = false

    @Option(help: "Where to write the .ics file (default: lich-hop.ics).")
    var output: String?

    func run() throws {
        try CommandFailure.reporting {
            let project = try Project(options)
            let definitions = try workflows.isEmpty ? project.catalog.definitions.values.sorted { $0.id < $1.id } : workflows.map(project.definition)
            let timetable = Timetable(definitions, calendar: project.catalog.calendar)
            for meeting in timetable.meetings {
                Output.line("\(meeting.start.weekday) \(meeting.start.display)  \(meeting.step.minutes) min  \(meeting.workflow.id) / \(meeting.step.name)"
                    + "  — \(meeting.body.name) (\(meeting.body.totalMembers))" + (meeting.step.place.map { ", \($0)" } ?? ""))
            }
            if project.catalog.calendar == nil { Output.line("(no calendar in rules/: days off, holidays and working hours are not checked)") }
            var renderer = DiagnosticRenderer()
            for finding in timetable.findings {
                let location = project.catalog.stepLocations[finding.workflow]?[finding.step]
                Output.error(renderer.render(LocatedDiagnostic(.warning, at: location, finding.message)))
            }
            let near = definitions.compactMap { definition -> String? in
                let today = Deadline.today(in: definition)
                guard let deadline = Deadline(definition), let days = deadline.daysLeft(from: today), days >= 0 else { return nil }
                return deadline.warning(today: today).map { "\(definition.id): \($0)" }
            }
            near.forEach { Output.error("warning: \($0)") }
            let warnings = timetable.findings.count + near.count
            Output.line("\(timetable.meetings.count) meetings, \(warnings) warning\(warnings == 1 ? "" : "s")")
            if ics {
                let path = output ?? "lich-hop.ics"
                try PrivateFile.write(ICalendarWriter.write(timetable.meetings), to: path)
                Output.line("wrote \(path)")
            }
        }
    }
}
