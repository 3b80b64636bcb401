import Foundation
import QuorumCore
import QuorumFiles
import QuorumReports
import Synchronization

/// The words of the command line, from the catalogs in `messages/` (built into the binary), in the language chosen.
enum Messages {
    /// Chosen before the command line is parsed, from `--lang` as written, so that `--help` is in that language too.
    nonisolated(unsafe) static var chosen = Language.resolve(Language.written(in: CommandLine.arguments), environment: ProcessInfo.processInfo.environment)

    /// The language `speaking` gives the work it runs, on its own task or thread only: two pieces of work in two
    /// languages at once (a served request's wording on a second core, tests run side by side) each keep theirs.
    @TaskLocal private static var spoken: Language?

    /// The language messages are rendered in.
    static var language: Language { spoken ?? chosen }

    /// The catalogs read so far, and the messages without placeholders as first rendered, by language: a decision of
    /// 110,000 candidates words each verdict with the same few. Shared by every thread that renders words.
    private struct Kept {
        var catalogs: [Language: MessageCatalog] = [:]
        var constants: [Language: [MessageKey: String]] = [:]
    }
    private static let kept = Mutex(Kept())

    /// A language's catalog, read when first needed (a command reads only its own language's); a damaged catalog is
    /// a defect of the build, which the test suite catches.
    static func catalog(_ language: Language) -> MessageCatalog? {
        if let catalog = kept.withLock({ $0.catalogs[language] }) { return catalog }
        guard let base64 = BuildInfo.catalogs.first(where: { $0.path == language.rawValue })?.base64, let data = Data(base64Encoded: base64),
              let catalog = try? MessageCatalog(yaml: String(decoding: data, as: UTF8.self), file: "messages/\(language.rawValue).yaml") else {
            return nil
        }
        kept.withLock { $0.catalogs[language] = catalog }
        return catalog
    }

    /// The message in the current language, its placeholders filled in by name.
    static func text(_ key: MessageKey, _ values: [String: any CustomStringConvertible] = [:]) -> String {
        guard values.isEmpty else {
            // `description` directly: `String(describing:)` looks each value's type up at run time for other ways to
            // print it, and the first look-up of a type scans every conformance of the program (a tenth of a start).
            return text(raw: key.rawValue, values.mapValues { $0.description })
        }
        let language = language
        if let known = kept.withLock({ $0.constants[language]?[key] }) { return known }
        let rendered = text(raw: key.rawValue, [:])
        kept.withLock { $0.constants[language, default: [:]][key] = rendered }
        return rendered
    }

    /// The message of a key the engine names (`problem.negativeVotes`), which `MessageKey` does not list.
    static func text(raw key: String, _ values: [String: String]) -> String {
        catalog(language)?.text(key, values) ?? catalog(.en)?.text(key, values) ?? key
    }

    /// A phrase of the core in words: its parts first, then its message with every value filled in.
    static func words(_ phrase: Phrase) -> String {
        catalog(language)?.words(phrase) ?? catalog(.en)?.words(phrase) ?? phrase.description
    }

    /// A text already in words, where a phrase is expected (a refusal's problem, located in its file).
    static func verbatim(_ text: String) -> Phrase { Phrase("verbatim", ["text": text]) }

    /// `body` with the messages in `language` for its duration.
    static func speaking<T>(_ language: Language, _ body: () -> T) -> T {
        $spoken.withValue(language, operation: body)
    }

    /// One rule applied to one person or list: `does not meet 'Đánh giá 3 năm' — fails for y = 2020 (ratings = …)`.
    static func finding(_ finding: EligibilityScreen.Finding) -> String {
        let detail = finding.detail.map { text(.findingDetail, ["detail": $0]) } ?? ""
        let values: [String: any CustomStringConvertible] = ["name": finding.name, "detail": detail, "error": finding.error ?? "",
                                                             "failing": finding.failing.map { text(.findingFailing, ["elements": $0]) } ?? ""]
        switch finding.outcome {
        case nil: return finding.explanation ?? ""
        case .meets: return text(.findingMeets, values)
        case .doesNotMeet: return text(.findingDoesNotMeet, values)
        case .cannotCheck: return text(.findingCannotCheck, values)
        case .notBoolean: return text(.findingNotBoolean, values)
        case .doesNotCompile: return text(.findingDoesNotCompile)
        case .notInRoster: return text(.findingNotInRoster, ["person": finding.detail ?? ""])
        case .noRoster: return text(.findingNoRoster)
        }
    }

    /// How a step's body decides: discussion, nomination ballot or secret ballot.
    static func form(_ form: StepForm) -> String {
        switch form {
        case .discussion: text(.formDiscussion)
        case .nominationBallot: text(.formNominationBallot)
        case .secretBallot: text(.formSecretBallot)
        }
    }

    /// A warning when a deadline has passed or is near (14 days or fewer), nil otherwise.
    static func deadlineWarning(_ deadline: Deadline, today: String) -> String? {
        guard let days = deadline.daysLeft(from: today) else { return nil }
        switch days {
        case ..<0: return text(.deadlinePassed, ["date": deadline.display, "days": -days])
        case 0: return text(.deadlineToday, ["date": deadline.display])
        case 1...Deadline.nearDays: return text(.deadlineNear, ["date": deadline.display, "days": days])
        default: return nil
        }
    }

    /// A decimal written with a point (`53.8%`, `33.33%`) in the current language's convention: `53,8%` in Vietnamese.
    static func number(_ text: String) -> String {
        language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// `yyyy-MM-dd` as the current language writes a date: `18/03/2021` in Vietnamese, unchanged in English.
    static func date(_ iso: String) -> String {
        language == .vi ? iso.split(separator: "-").reversed().joined(separator: "/") : iso
    }

    /// A moment of the history: `2021-03-18 14:05:00 +07:00` in English, `18/03/2021 14:05` (Vietnam's time) in Vietnamese.
    static func timestamp(_ moment: Date) -> String {
        language == .vi ? VietnameseFormat.timestamp(moment) : Output.timestamp(moment)
    }
}
