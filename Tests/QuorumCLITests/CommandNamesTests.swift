import ArgumentParser
import Testing
@testable import quorum

/// Every subcommand names itself: without a name, swift-argument-parser derives one from the type's name at every
/// start, and printing a type's name looks it up among every conformance of the program (a tenth of a command's
/// start). The names are the ones users type.
struct CommandNamesTests {
    @Test func everySubcommandNamesItselfAsUsersTypeIt() {
        let subcommands = Quorum.configuration.subcommands
        #expect(subcommands.count >= 20)
        for command in subcommands {
            let name = command.configuration.commandName
            #expect(name != nil, "\(command) has no commandName")
            #expect(name == name?.lowercased() && !(name ?? "").contains(" "), "\(name ?? "")")
        }
        #expect(subcommands.compactMap { $0.configuration.commandName }.contains("new-cycle"))
        #expect(Set(subcommands.compactMap { $0.configuration.commandName }).count == subcommands.count, "no two share a name")
    }
}
