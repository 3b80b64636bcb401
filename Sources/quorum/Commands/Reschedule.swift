import ArgumentParser
import QuorumCore

struct Reschedule: ParsableCommand {
    static let configuration = CommandConfiguration(
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
                throw CommandFailure("'\(date) \(time)' is not a date and time; write --date 2021-03-25 --time 14:00", .badInput)
            }
            let overtaken = try project.service().reschedule(instance, to: meets, place: place, reason: reason, current: definition)
            Output.line("\(state.currentStep ?? "the step") of \(instance) now meets at \(meets.display)")
            for step in overtaken {
                Output.error("warning: '\(step.id)' is planned for \(step.meets?.display ?? "?"), before this meeting; move it with "
                    + "'quorum reschedule \(instance) …' when it opens, or it cannot be held after the meeting it follows")
            }
        }
    }
}
