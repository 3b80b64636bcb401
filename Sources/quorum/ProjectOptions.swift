import ArgumentParser
import Foundation
import Logging

/// Options every command that reads definitions or the store shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "Project folder holding workflows/ and rules/.")
    var project: String = "."

    @Option(name: .long, help: "The store: a SQLite file, or a shared PostgreSQL store as postgres://USER@HOST/DATABASE (default: $QUORUM_STORE, else .quorum/quorum.sqlite in the project folder).")
    var store: String?

    @Option(name: .long, help: "Who is running the command, for the history (default: the system user).")
    var actor: String?

    @Option(name: .long, help: "After each change, append the instance's new head hash to this file, kept apart from the store (default: $QUORUM_ANCHOR).")
    var anchor: String?

    @Option(name: .long, help: "The public keys whose signatures are trusted (default: $QUORUM_KEYRING, else .quorum/keyring.yaml in the project folder when it exists).")
    var keyring: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    @OptionGroup var language: LanguageOption

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["QUORUM_STORE"] ?? folder(".quorum/quorum.sqlite")
    }

    var actorName: String { actor ?? Self.systemUser ?? "unknown" }

    /// The account of the machine the command runs under.
    static var systemUser: String? { ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] }

    var anchorPath: String? { anchor ?? ProcessInfo.processInfo.environment["QUORUM_ANCHOR"] }

    /// The keyring named, or the project's when it has one; nil when there is none.
    var keyringPath: String? {
        if let named = keyring ?? ProcessInfo.processInfo.environment["QUORUM_KEYRING"].flatMap({ $0.isEmpty ? nil : $0 }) { return named }
        let kept = folder(".quorum/keyring.yaml")
        return FileManager.default.fileExists(atPath: kept) ? kept : nil
    }

    func folder(_ name: String) -> String { (project as NSString).appendingPathComponent(name) }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
