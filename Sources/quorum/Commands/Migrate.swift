import ArgumentParser

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: Messages.text(.helpMigrate)
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Option(help: "Why the definition changed mid-cycle; kept in the history.")
    var reason: String

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let changes = try project.service().migrate(instance, to: definition, reason: reason)
            Output.line(Messages.text(.migrated, ["instance": instance]))
            changes.forEach { Output.line($0) }
        }
    }
}
