import Foundation

/// Every meeting of one or more workflows on one timeline, with the checks a timetable needs: the same body or
/// person in two meetings at once, days off and holidays, meetings outside working hours, and meetings after the
/// workflow's deadline.
public struct Timetable: Sendable {
    public struct Meeting: Sendable {
        public let workflow: WorkflowDefinition
        public let step: Step
        public let body: Body
        public let start: MeetingTime
        public var end: Date { start.instant.addingTimeInterval(TimeInterval(step.minutes * 60)) }
    }

    /// A warning about one meeting, which the caller locates in its file.
    public struct Finding: Sendable {
        public let workflow: String
        public let step: String
        public let message: Phrase
    }

    public let meetings: [Meeting]
    public let findings: [Finding]

    public init(_ definitions: [WorkflowDefinition], calendar: WorkCalendar?) {
        meetings = definitions.flatMap { definition in
            definition.steps.compactMap { step in
                guard let start = step.meets, let body = definition.body(step.body) else { return nil }
                return Meeting(workflow: definition, step: step, body: body, start: start)
            }
        }.sorted { ($0.start.instant, $0.workflow.id) < ($1.start.instant, $1.workflow.id) }
        var findings: [Finding] = []
        for (index, meeting) in meetings.enumerated() {
            for other in meetings[(index + 1)...] where other.start.instant < meeting.end && meeting.start.instant < other.end {
                if other.body.id == meeting.body.id, other.start == meeting.start { continue } // one joint meeting of both tracks
                let shared = Set(meeting.body.members.map(\.person)).intersection(other.body.members.map(\.person))
                guard other.body.id == meeting.body.id || !shared.isEmpty else { continue }
                let who = other.body.id == meeting.body.id ? "'\(meeting.body.name)'"
                    : shared.sorted().map { meeting.workflow.personName($0) }.joined(separator: ", ")
                findings.append(Finding(workflow: other.workflow.id, step: other.step.id, message: .diagnostic("meetings-overlap", [
                    "step": other.step.name, "workflow": other.workflow.id, "when": other.start.display, "other": meeting.step.name,
                    "otherWorkflow": meeting.workflow.id, "otherWhen": meeting.start.display, "who": who])))
            }
            guard let calendar else { continue }
            let here = { (message: Phrase) in Finding(workflow: meeting.workflow.id, step: meeting.step.id, message: message) }
            if !calendar.workingDays.contains(meeting.start.weekday) {
                findings.append(here(.diagnostic("meets-day-off", ["step": meeting.step.name, "weekday": meeting.start.weekday, "when": meeting.start.display])))
            }
            if let holiday = calendar.holiday(on: meeting.start.date) {
                findings.append(here(.diagnostic("meets-holiday", ["step": meeting.step.name, "when": meeting.start.display, "holiday": holiday.name])))
            }
            let parts = meeting.start.time.split(separator: ":").compactMap { Int($0) }
            let startMinute = parts[0] * 60 + parts[1]
            if !calendar.isWorkingTime(from: startMinute, to: startMinute + meeting.step.minutes) {
                findings.append(here(.diagnostic("outside-working-hours", ["step": meeting.step.name, "time": meeting.start.time, "minutes": meeting.step.minutes,
                                                                          "hours": calendar.hoursText])))
            }
        }
        for definition in definitions {
            guard let deadline = Deadline(definition) else { continue }
            for step in deadline.stepsPlannedAfter(in: definition) {
                findings.append(Finding(workflow: definition.id, step: step.id, message: .diagnostic("meets-after-deadline", [
                    "step": step.name, "when": step.meets!.display, "deadline": deadline.display])))
            }
        }
        self.findings = findings
    }
}
