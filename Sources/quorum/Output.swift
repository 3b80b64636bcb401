import Foundation
import QuorumCore

/// Writing to the terminal and formatting what the engine decided.
enum Output {
    static func line(_ text: String = "") { print(safe(text)) }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((safe(text) + "\n").utf8))
    }

    /// Text for a terminal: control characters (escape sequences, carriage returns, bells) taken from names, actors or
    /// files are shown as `\u{1B}`, never obeyed. Line breaks and tabs of the output itself stay.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// A value inside one line (an actor, a name, a reason): its line breaks are shown too.
    static func inline(_ text: String) -> String {
        safe(text).replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && (scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029)
    }

    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func timestamp(_ date: Date) -> String { timestampFormatter.string(from: date) }

    nonisolated(unsafe) private static let timestampFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        return formatter
    }()

    /// The worked explanation of a decision, candidate by candidate.
    static func decision(_ decision: StepDecision, in definition: WorkflowDefinition, directory: PersonDirectory) -> [String] {
        var lines: [String] = []
        let step = definition.step(decision.step)
        lines.append("\(step?.name ?? decision.step) — attempt \(decision.attempt)")
        if let quorum = decision.quorum {
            lines.append("  Quorum: \(quorum.explanation): \(quorum.passes ? "met" : "not met")")
        }
        if let ballots = decision.ballots {
            lines.append("  Ballots: \(ballots.issued) issued, \(ballots.returned) returned, \(ballots.valid) valid, \(ballots.invalid) invalid")
        }
        for outcome in decision.titles {
            let title = definition.title(outcome.title)
            lines.append("  \(title?.name ?? outcome.title) (cap \(outcome.cap), \(outcome.kept) kept, \(max(0, outcome.cap - outcome.kept)) free):")
            for review in outcome.review ?? [] {
                let failing = review.screening.filter { !$0.passed }.map(\.explanation)
                let why = (review.appointed ? ["already holds the title"] : []) + failing
                lines.append("    review: \(directory.label(review.person)): \(review.decision == .keep ? "kept" : "removed")"
                    + (review.reason.map { " (\($0))" } ?? "") + (why.isEmpty ? "; meets the standards" : "; " + why.joined(separator: "; ")))
            }
            if outcome.candidates.isEmpty { lines.append("    nobody was proposed") }
            for candidate in outcome.candidates {
                lines.append("    \(candidate.explanation(cap: outcome.cap, kept: outcome.kept, label: directory.label(candidate.name)))")
            }
            for load in outcome.overLimit ?? [] {
                lines.append("    ⚠ \(directory.label(load.person)) is planned for \(load.titles.count) titles (at most \(load.limit)): "
                    + load.titles.joined(separator: ", ") + (load.overriddenBecause.map { "; allowed by override: \($0)" } ?? ""))
            }
            if !outcome.structure.isEmpty { lines.append("    structure of the final list (kept and added):") }
            for finding in outcome.structure {
                let binding = definition.structure.first { $0.id == finding.rule }?.binding ?? false
                lines.append("      \(finding.passed ? "✓" : binding ? "✗ overridden:" : "⚠ warning:") \(finding.explanation)")
            }
        }
        let path = decision.guardTaken.map { " (\($0.rawValue))" } ?? ""
        switch decision.next {
        case .step(let id) where id == decision.step: lines.append("  → the step is held again\(path)")
        case .step(let id): lines.append("  → next: \(definition.step(id)?.name ?? id)\(path)")
        case .end: lines.append("  → the procedure ends\(path); the final list goes to the authority")
        }
        return lines
    }

    /// Kept, added and removed people per title, once the procedure has ended.
    static func finalList(_ state: InstanceState, in definition: WorkflowDefinition) -> [String] {
        guard let added = state.added else { return [] }
        let directory = PersonDirectory(definition: definition, roster: state.roster)
        var lines = ["Final planning list (\(definition.term.map { "term \($0)" } ?? "")):"]
        for title in definition.titles {
            lines.append("  \(title.name) — to \(title.authority ?? "the competent authority"):")
            let kept = (state.kept(title.id) ?? title.kept).map(directory.label)
            lines.append("    kept (giữ quy hoạch): \(kept.isEmpty ? "nobody" : kept.joined(separator: ", "))")
            let new = added[title.id] ?? []
            lines.append("    added (bổ sung): \(new.isEmpty ? "nobody" : new.enumerated().map { "\($0.offset + 1). \(directory.label($0.element))" }.joined(separator: ", "))")
            let removals = title.removed.map { ($0.person, $0.reason) }
                + state.reviews(title.id).filter { $0.decision == .remove }.map { ($0.person, $0.reason ?? "") }
            for (person, reason) in removals {
                lines.append("    removed (đưa ra khỏi quy hoạch): \(directory.label(person)): \(reason)")
            }
            lines.append("    total \(kept.count + new.count) of at most \(title.cap)")
        }
        return lines
    }
}
