import ArgumentParser
import Foundation
import QuorumAccess
import QuorumCore
import QuorumFiles

/// The users of a shared Quorum (`quorum serve`, issue 13): added with a password and a signing key sealed by it,
/// disabled when they leave, never removed.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: Messages.text(.helpUser), subcommands: [Add.self, Disable.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Messages.text(.helpUserAdd),
            discussion: """
                The password is asked twice at a terminal, without echo, or read from the first line of standard input \
                (at least \(UserDirectory.minimumPassword) characters). A unit is a workflow id, a unit's abstract workflow \
                for every track that extends it, or * for all.
                """
        )

        @OptionGroup var options: UsersOptions

        @Argument(help: "The id the user signs in with: lowercase letters, digits, '.', '-' and '_'.")
        var id: String

        @Option(help: "The user's full name, as records show it.")
        var name: String

        @Option(name: .customLong("role"), help: "viewer, clerk, second-clerk, chair or administrator (repeat for several).")
        var roles: [Role]

        @Option(name: .customLong("unit"), help: "A unit the user acts in (repeat for several).")
        var units: [String]

        func run() throws {
            try CommandFailure.reporting {
                var directory = try UserDirectory.load(options.usersPath)
                let known = options.knownUnits()
                try directory.check(id: id, roles: roles, units: units, knownUnits: known)
                let password = try PasswordInput.read()
                let user = try directory.add(id: id, name: name, roles: roles, units: units, password: password, knownUnits: known)
                try directory.save(to: options.usersPath)
                Output.line(Messages.text(.userAdded, ["id": user.id, "name": user.name, "roles": user.roles.map(\.rawValue).joined(separator: ", "),
                                                       "units": user.units.joined(separator: ", "), "path": options.usersPath,
                                                       "fingerprint": EventSignature.fingerprint(of: user.publicKey)]))
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: Messages.text(.helpUserDisable))

        @OptionGroup var options: UsersOptions

        @Argument(help: "The user's id.")
        var id: String

        func run() throws {
            try CommandFailure.reporting {
                var directory = try UserDirectory.load(options.usersPath)
                try directory.disable(id)
                try directory.save(to: options.usersPath)
                Output.line(Messages.text(.userDisabled, ["id": id]))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: Messages.text(.helpUserList))

        @OptionGroup var options: UsersOptions

        func run() throws {
            try CommandFailure.reporting {
                let users = try UserDirectory.load(options.usersPath).users
                if users.isEmpty { return Output.line(Messages.text(.userNone, ["path": options.usersPath])) }
                for user in users {
                    Output.line(Messages.text(user.disabled ? .userLineDisabled : .userLine, [
                        "id": user.id, "name": user.name, "roles": user.roles.map(\.rawValue).joined(separator: ", "),
                        "units": user.units.joined(separator: ", "), "fingerprint": EventSignature.fingerprint(of: user.publicKey),
                    ]))
                }
            }
        }
    }
}

extension Role: ExpressibleByArgument {}

/// Where the users are kept, and the project whose units they act in.
struct UsersOptions: ParsableArguments {
    @Option(help: "Project folder holding workflows/ and rules/.")
    var project: String = "."

    @Option(help: "The users file (default: $QUORUM_USERS, else .quorum/users.json in the project folder).")
    var users: String?

    @OptionGroup var language: LanguageOption

    var usersPath: String { Self.path(users, project: project) }

    /// The users file named, else `$QUORUM_USERS`, else the project's.
    static func path(_ named: String?, project: String) -> String {
        named ?? ProcessInfo.processInfo.environment["QUORUM_USERS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (project as NSString).appendingPathComponent(".quorum/users.json")
    }

    /// The workflows of the project, runnable or abstract (a unit's own workflow stands for its tracks).
    func knownUnits() -> Set<String> {
        let catalog = DefinitionCatalog(files: [], library: DefinitionCatalog.yamlFiles(in: [(project as NSString).appendingPathComponent("workflows"),
                                                                                            (project as NSString).appendingPathComponent("rules")]))
        return Set(catalog.definitions.keys).union(catalog.abstractWorkflows)
    }
}

/// A new password: asked twice without echo at a terminal, else the first line of standard input.
enum PasswordInput {
    static func read() throws -> String {
        guard isatty(STDIN_FILENO) != 0 else {
            guard let line = readLine(strippingNewline: true) else { throw CommandFailure(Messages.text(.noPassword), .badInput) }
            return line
        }
        let first = String(cString: getpass(Messages.text(.passwordPrompt) + " "))
        let again = String(cString: getpass(Messages.text(.passwordAgain) + " "))
        guard first == again else { throw CommandFailure(Messages.text(.passwordMismatch), .badInput) }
        return first
    }
}
