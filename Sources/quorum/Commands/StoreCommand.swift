import ArgumentParser
import QuorumCore
import QuorumStore

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: Messages.text(.helpStore), subcommands: [Copy.self])

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: Messages.text(.helpStoreCopy),
            discussion: """
                Copies every instance the target does not hold, in one transaction: all of them or none. Each history is \
                verified before it is copied and again in the target. Instances the target already holds with the same \
                history are left as they are, so a copy can be run again; one held with another history refuses the copy.
                """
        )

        @OptionGroup var language: LanguageOption

        @Argument(help: "The store to copy from: a SQLite file, or postgres://USER@HOST/DATABASE.")
        var source: String

        @Argument(help: "The store to copy into, created on first use.")
        var target: String

        func run() throws {
            LoggingBootstrap.once(.warning)
            try CommandFailure.reporting {
                guard StoreAddress.exists(source) else { throw CommandFailure(Messages.text(.noStore, ["path": source]), .badInput) }
                let report = try StoreCopy.run(from: try StoreAddress.open(source), to: try StoreAddress.open(target))
                let names = ["source": StoreAddress.shown(source), "target": StoreAddress.shown(target)]
                if report.copied.isEmpty, report.alreadyThere.isEmpty { return Output.line(Messages.text(.storeCopyNothing, names)) }
                if !report.copied.isEmpty {
                    Output.line(Messages.text(.storeCopied, names.merging(["count": "\(report.copied.count)",
                                                                            "events": "\(report.copied.map(\.events).reduce(0, +))"]) { $1 }))
                    for copied in report.copied {
                        Output.line(Messages.text(.storeCopiedInstance, ["instance": copied.instance, "events": copied.events]))
                    }
                }
                if !report.alreadyThere.isEmpty {
                    Output.line(Messages.text(.storeCopyAlreadyThere, ["instances": report.alreadyThere.joined(separator: ", ")]))
                }
            }
        }
    }
}
