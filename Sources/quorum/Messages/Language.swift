import ArgumentParser
import Foundation

/// The language of the messages a user reads. Official records are always Vietnamese.
enum Language: String, CaseIterable, Sendable, ExpressibleByArgument {
    case vi, en

    /// The value of `--lang vi` or `--lang=vi` among the arguments, before they are parsed.
    static func written(in arguments: [String]) -> Language? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) }
            if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst("--lang=".count))) }
        }
        return nil
    }

    /// `--lang`, else `$QUORUM_LANG`, else Vietnamese when `$LANG` starts with `vi`, else English.
    static func resolve(_ option: Language?, environment: [String: String]) -> Language {
        if let option { return option }
        if let chosen = environment["QUORUM_LANG"].flatMap({ Language(rawValue: $0.lowercased()) }) { return chosen }
        return (environment["LANG"] ?? "").lowercased().hasPrefix("vi") ? .vi : .en
    }
}

/// `--lang vi|en`, for every command.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language of the messages: vi or en (default: $QUORUM_LANG, else vi when $LANG starts with vi, else en).")
    var lang: Language?

    func validate() throws {
        Messages.chosen = Language.resolve(lang, environment: ProcessInfo.processInfo.environment)
    }
}
