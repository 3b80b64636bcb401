import ArgumentParser
import Foundation
import QuorumCore
import QuorumFiles

struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: Messages.text(.helpSchedule),
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

    @Flag(help: "Print the meetings, the warnings and the deadlines as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting {
            let project = try Project(options)
            let definitions = try workflows.isEmpty ? project.catalog.definitions.values.sorted { $0.id < $1.id } : workflows.map(project.definition)
            let (timetable, warnings, deadlines) = Self.plan(definitions, project: project)
            if json { return try Output.json(ScheduleReport(timetable, project: project, warnings: warnings, deadlines: deadlines)) }
            for meeting in timetable.meetings {
                Output.line("\(meeting.start.weekday) \(meeting.start.display)  \(meeting.step.minutes) min  \(meeting.workflow.id) / \(meeting.step.name)"
                    + "  — \(meeting.body.name) (\(meeting.body.totalMembers))" + (meeting.step.place.map { ", \($0)" } ?? ""))
            }
            if project.catalog.calendar == nil { Output.line(Messages.text(.scheduleNoCalendar)) }
            var renderer = DiagnosticRenderer()
            warnings.forEach { Output.error(renderer.render($0)) }
            let near = deadlines.compactMap { deadline in deadline.warning.map { "\(deadline.workflow): \($0)" } }
            near.forEach { Output.error(Messages.text(.warning, ["message": $0])) }
            let count = warnings.count + near.count
            Output.line(Messages.text(.scheduleSummary, ["meetings": timetable.meetings.count, "warnings": count]))
            if ics {
                let path = output ?? "lich-hop.ics"
                try PrivateFile.write(ICalendarWriter.write(timetable.meetings), to: path)
                Output.line(Messages.text(.wrote, ["path": path]))
            }
        }
    }
}

extension Schedule {
    /// The meetings of `definitions` in time order, the warnings about them located where each time is set, and each
    /// workflow's deadline.
    static func plan(_ definitions: [WorkflowDefinition], project: Project)
        -> (timetable: Timetable, warnings: [LocatedDiagnostic], deadlines: [ScheduleReport.Deadline]) {
        let timetable = Timetable(definitions, calendar: project.catalog.calendar)
        let warnings = timetable.findings.map { finding in
            LocatedDiagnostic(.warning, at: project.catalog.stepLocations[finding.workflow]?[finding.step], code: "schedule", saying: finding.message)
        }
        let deadlines = definitions.compactMap { definition -> ScheduleReport.Deadline? in
            let today = Deadline.today(in: definition)
            guard let deadline = Deadline(definition), let days = deadline.daysLeft(from: today) else { return nil }
            return .init(workflow: definition.id, date: deadline.date, daysLeft: days, warning: days >= 0 ? Messages.deadlineWarning(deadline, today: today) : nil)
        }
        return (timetable, warnings, deadlines)
    }
}

/// What `schedule --json` prints: every meeting in time order, the warnings located in their files, and each
/// workflow's deadline with the days left (negative once passed).
struct ScheduleReport: Encodable {
    struct Meeting: Encodable {
        let workflow: String
        let step: String
        let name: String
        let date: String
        let time: String
        let timezone: String
        let weekday: String
        let minutes: Int
        let body: String
        let members: Int
        let place: String?

        init(_ meeting: Timetable.Meeting) {
            workflow = meeting.workflow.id
            step = meeting.step.id
            name = meeting.step.name
            date = meeting.start.date
            time = meeting.start.time
            timezone = meeting.start.timezone
            weekday = meeting.start.weekday
            minutes = meeting.step.minutes
            body = meeting.body.id
            members = meeting.body.totalMembers
            place = meeting.step.place
        }
    }

    struct Deadline: Encodable {
        let workflow: String
        let date: String
        let daysLeft: Int
        let warning: String?
    }

    let meetings: [Meeting]
    let calendarChecked: Bool
    let warnings: [WordedDiagnostic]
    let deadlines: [Deadline]

    init(_ timetable: Timetable, project: Project, warnings: [LocatedDiagnostic], deadlines: [Deadline]) {
        meetings = timetable.meetings.map(Meeting.init)
        calendarChecked = project.catalog.calendar != nil
        self.warnings = warnings.map(WordedDiagnostic.init)
        self.deadlines = deadlines
    }
}
