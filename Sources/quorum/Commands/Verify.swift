import ArgumentParser

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute an instance's hash chain and report the first event altered since it was recorded.",
        discussion: "Exit 0 when the history is intact, 1 when it is not."
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            if let problem = try project.service().verify(instance) {
                throw CommandFailure("the history of \(instance) has been tampered with: \(problem)")
            }
            let events = try project.service().load(instance).events
            Output.line("\(instance): all \(events.count) events verified; the chain ends at \(events.last?.hash.prefix(16) ?? "—")")
        }
    }
}
