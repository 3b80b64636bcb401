import ArgumentParser
import QuorumCore

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every event of an instance with its time and actor.")

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Flag(help: "Print the events as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting {
            let project = try Project(options)
            let loaded = try project.service().load(instance)
            if json { return try Output.json(loaded.events) }
            for event in loaded.events {
                Output.line("#\(event.sequence)  \(Output.timestamp(event.at))  \(event.actor)  \(Self.summary(event.payload))")
            }
        }
    }

    static func summary(_ payload: EventPayload) -> String {
        switch payload {
        case .started(let started):
            return "started \(started.workflow), pinned to definition \(started.definitionHash.prefix(12))"
        case .recorded(let record):
            var parts = record.present.map { ["\($0) present"] } ?? []
            if let ballots = record.ballots { parts.append("ballots \(ballots.issued) issued, \(ballots.returned) returned, \(ballots.valid) valid, \(ballots.invalid) invalid") }
            if record.runOff { parts.append("run-off") }
            if let entry = record.entry { parts.append("entry \(entry)") }
            parts += record.votes.flatMap { $0.candidates.map { "\($0.name) \($0.votes)" } }
            parts += record.agreed.map { "agreed for \($0.title): \($0.names.isEmpty ? "nobody" : $0.names.joined(separator: ", "))" }
            if let note = record.note { parts.append("note: \(note)") }
            return "recorded \(record.step) (attempt \(record.attempt)): " + parts.joined(separator: "; ")
        case .advanced(let decision):
            let handed = decision.titles.map { "\($0.title): \($0.handedOn.isEmpty ? "nobody" : $0.handedOn.joined(separator: ", "))" }
            return "advanced \(decision.step) → \(decision.next) [\(decision.guardTaken?.rawValue ?? decision.outcome.rawValue)]"
                + (handed.isEmpty ? "" : " " + handed.joined(separator: "; "))
        case .migrated(let migration):
            return "migrated to definition \(migration.toHash.prefix(12)): \(migration.reason) (\(migration.changes.count) changes)"
        case .rosterImported(let roster):
            return "imported a roster of \(roster.people.count) people\(roster.source.map { " from \($0)" } ?? "")"
        case .overridden(let override):
            return "override for \(override.person), rule \(override.rule): \(override.reason)"
        case .opened(let opening):
            return "opened \(opening.step) (attempt \(opening.attempt)): \(opening.body), \(opening.members.count + opening.unnamedCount) members"
        case .rescheduled(let change):
            return "moved \(change.step) to \(change.meets.display)\(change.place.map { " at \($0)" } ?? ""): \(change.reason)"
        case .tieDecided(let decision):
            return "the body decided the tie for \(decision.title): \(decision.chosen.joined(separator: ", ")) (\(decision.reason))"
        }
    }
}
