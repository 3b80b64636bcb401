import ArgumentParser
import QuorumCore

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "key", abstract: Messages.text(.helpKey), subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Messages.text(.helpKeyShow),
            discussion: "Makes the key on first use, as the first command that writes would."
        )

        @OptionGroup var language: LanguageOption

        func run() throws {
            try CommandFailure.reporting {
                let key = try LocalKey.loadOrCreate()
                Output.line(Messages.text(.keyShown, ["path": LocalKey.path, "fingerprint": EventSignature.fingerprint(of: key.publicKey)]))
                Output.line("  - key: \(key.publicKey)")
                Output.line("    name: \(ProjectOptions.systemUser ?? "…")")
            }
        }
    }
}
