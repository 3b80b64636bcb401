import ArgumentParser

@main
struct Quorum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum",
        abstract: Messages.text(.helpQuorum),
        discussion: "Definitions live in workflows/ and rules/ of the project folder. See docs/cli.md.",
        version: "\(version) (commit \(BuildInfo.commit))",
        subcommands: [Init.self, Validate.self, Schema.self, Eval.self, Start.self, Status.self, Record.self, Correct.self, Advance.self, Reopen.self, History.self,
                      Migrate.self, RosterCommand.self, OverrideCommand.self, Screen.self, Decide.self, Reschedule.self, Verify.self, Report.self, Show.self, Schedule.self, Simulate.self, NewCycle.self, Demo.self, StoreCommand.self, KeyCommand.self, UserCommand.self, Serve.self]
    )

    static let version = "0.1.0"
}
