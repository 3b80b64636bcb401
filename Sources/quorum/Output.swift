import Foundation
import QuorumCore

/// Writing to the terminal and formatting what the engine decided.
enum Output {
    static func line(_ text: String = "") { print(text) }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        return formatter.string(from: date)
    }

    /// The worked explanation of a decision, candidate by candidate.
    static func decision(_ decision: StepDecision, in definition: WorkflowDefinition) -> [String] {
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
            if outcome.candidates.isEmpty { lines.append("    nobody was proposed") }
            for candidate in outcome.candidates {
                lines.append("    \(candidate.explanation(cap: outcome.cap, kept: outcome.kept))")
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
        var lines = ["Final planning list (\(definition.term.map { "term \($0)" } ?? "")):"]
        for title in definition.titles {
            lines.append("  \(title.name) — to \(title.authority ?? "the competent authority"):")
            let kept = title.kept.map(definition.personName)
            lines.append("    kept (giữ quy hoạch): \(kept.isEmpty ? "nobody" : kept.joined(separator: ", "))")
            let new = added[title.id] ?? []
            lines.append("    added (bổ sung): \(new.isEmpty ? "nobody" : new.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: ", "))")
            for removal in title.removed {
                lines.append("    removed (đưa ra khỏi quy hoạch): \(definition.personName(removal.person)): \(removal.reason)")
            }
            lines.append("    total \(kept.count + new.count) of at most \(title.cap)")
        }
        return lines
    }
}
