import ArgumentParser
import QuorumCore

struct Reschedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule",
        abstract: Messages.text(.helpReschedule)
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Option(help: "New date, YYYY-MM-DD.")
    var date: String

    @Option(help: "New time, HH:MM.")
    var time: String

    @Option(help: "Where the meeting will be held, if it moves.")
    var place: String?

    @Option(help: "Why the meeting moved, for the record.")
    var reason: String

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let state = try project.service().load(instance).state
            let zone = state.currentStep.flatMap(definition.step)?.meets?.timezone ?? MeetingTime.defaultTimeZone
            let meets: MeetingTime
            do { meets = try MeetingTime(date: date, time: time, timezone: zone) } catch {
                throw CommandFailure(Messages.text(.notADateTime, ["date": date, "time": time]), .badInput)
            }
            let overtaken = try project.service().reschedule(instance, to: meets, place: place, reason: reason, current: definition)
            Output.line(Messages.text(.rescheduled, ["step": state.currentStep ?? Messages.text(.theStep), "instance": instance, "when": meets.display]))
            for step in overtaken {
                Output.error(Messages.text(.warning, ["message": Messages.text(.rescheduleOvertaken, ["step": step.id, "when": step.meets?.display ?? "?",
                                                                                                    "instance": instance])]))
            }
        }
    }
}
