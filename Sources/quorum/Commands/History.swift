import ArgumentParser
import QuorumCore

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Messages.text(.helpHistory))

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Flag(help: "Print the events as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let loaded = try project.service().load(instance)
            if json { return try Output.json(loaded.events) }
            for event in loaded.events {
                Output.line("#\(event.sequence)  \(Output.timestamp(event.at))  \(Output.inline(event.actor))  "
                    + Output.inline(Self.summary(event.payload, label: loaded.directory.label)))
            }
        }
    }

    /// One line per event, naming people as `label` shows them.
    static func summary(_ payload: EventPayload, label: (String) -> String) -> String {
        func names(_ keys: [String]) -> String { keys.isEmpty ? "nobody" : keys.map(label).joined(separator: ", ") }
        switch payload {
        case .started(let started):
            return "started \(started.workflow), pinned to definition \(started.definitionHash.prefix(12))"
        case .recorded(let record):
            var parts = record.present.map { ["\($0) present"] } ?? []
            if let ballots = record.ballots { parts.append("ballots \(ballots.issued) issued, \(ballots.returned) returned, \(ballots.valid) valid, \(ballots.invalid) invalid") }
            if record.runOff { parts.append("run-off") }
            if let entry = record.entry { parts.append("entry \(entry)") }
            if !record.attendees.isEmpty { parts.append("attendees: \(names(record.attendees))") }
            parts += record.votes.flatMap { $0.candidates.map { "\(label($0.name)) \($0.votes)" } }
            parts += record.agreed.map { "agreed for \($0.title): \(names($0.names))" }
            parts += (record.writeIns ?? []).map { "written in for \($0.title): \(names($0.names))" }
            parts += (record.review ?? []).map { "review \(label($0.person)): \($0.decision.rawValue)\($0.reason.map { " (\($0))" } ?? "")" }
            if let reason = record.outOfOrder { parts.append("recorded out of order: \(reason)") }
            if let note = record.note { parts.append("note: \(note)") }
            return "recorded \(record.step) (attempt \(record.attempt)): " + parts.joined(separator: "; ")
        case .advanced(let decision):
            let handed = decision.titles.map { "\($0.title): \(names($0.handedOn))" }
            return "advanced \(decision.step) → \(decision.next) [\(decision.guardTaken?.rawValue ?? decision.outcome.rawValue)]"
                + (handed.isEmpty ? "" : " " + handed.joined(separator: "; "))
        case .migrated(let migration):
            return "migrated to definition \(migration.toHash.prefix(12)): \(migration.reason) (\(migration.changes.count) changes)"
        case .rosterImported(let roster):
            return "imported a roster of \(roster.people.count) people\(roster.source.map { " from \($0)" } ?? "")"
        case .overridden(let override):
            return "override for \(label(override.person)), rule \(override.rule): \(override.reason)"
        case .opened(let opening):
            return "opened \(opening.step) (attempt \(opening.attempt)): \(opening.body), \(opening.members.count + opening.unnamedCount) members"
        case .rescheduled(let change):
            return "moved \(change.step) to \(change.meets.display)\(change.place.map { " at \($0)" } ?? ""): \(change.reason)"
        case .tieDecided(let decision):
            return "the body decided the tie for \(decision.title): \(names(decision.chosen)) (\(decision.reason))"
        case .listDecided(let decision):
            return "the body decided who goes on from \(decision.step) for \(decision.title): "
                + names(decision.chosen) + (decision.reason.map { " (\($0))" } ?? "")
        case .corrected(let correction):
            return "corrected " + summary(.recorded(correction.record), label: label).dropFirst("recorded ".count) + " — reason: \(correction.reason)"
        case .reopened(let reopening):
            return "reopened \(reopening.step), setting aside the decisions of \(reopening.superseded.joined(separator: ", ")): \(reopening.reason)"
        }
    }
}
