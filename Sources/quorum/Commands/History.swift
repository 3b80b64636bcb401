import ArgumentParser
import QuorumCore

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: Messages.text(.helpHistory))

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
            // Worded on every core for a long history (each line alone), in the command's language, then printed in order.
            let directory = loaded.directory, language = Messages.language
            Output.lines(loaded.events.concurrentMap(minimum: 1_000) { event in
                Messages.speaking(language) {
                    "#\(event.sequence)  \(Messages.timestamp(event.at))  \(Output.inline(event.actor))  "
                        + Output.inline(Self.summary(event.payload, label: directory.label))
                }
            })
        }
    }

    /// One line per event, naming people as `label` shows them.
    static func summary(_ payload: EventPayload, label: (String) -> String) -> String {
        func names(_ keys: [String]) -> String { keys.isEmpty ? Messages.text(.nobody) : keys.map(label).joined(separator: ", ") }
        switch payload {
        case .started(let started):
            return Messages.text(.historyStarted, ["workflow": started.workflow, "hash": started.definitionHash.prefix(12)])
        case .recorded(let record):
            return Messages.text(.historyRecorded, ["record": results(record, label: label, names: names)])
        case .advanced(let decision):
            let handed = decision.titles.map { "\($0.title): \(names($0.handedOn))" }
            return Messages.text(.historyAdvanced, ["step": decision.step, "next": "\(decision.next)",
                                                    "how": decision.guardTaken?.rawValue ?? decision.outcome.rawValue])
                + (handed.isEmpty ? "" : " " + handed.joined(separator: "; "))
        case .migrated(let migration):
            return Messages.text(.historyMigrated, ["hash": migration.toHash.prefix(12), "reason": migration.reason, "count": migration.changes.count])
        case .rosterImported(let roster):
            return Messages.text(.historyRoster, ["count": roster.people.count,
                                                 "source": roster.source.map { Messages.text(.statusRecordedFrom, ["file": $0]) } ?? ""])
        case .overridden(let override):
            return Messages.text(.historyOverride, ["person": label(override.person), "rule": override.rule, "reason": override.reason])
        case .opened(let opening):
            return Messages.text(.historyOpened, ["step": opening.step, "attempt": opening.attempt, "body": opening.body,
                                                  "members": opening.members.count + opening.unnamedCount])
        case .rescheduled(let change):
            return Messages.text(.historyRescheduled, ["step": change.step, "when": change.meets.display, "reason": change.reason,
                                                       "place": change.place.map { Messages.text(.historyAtPlace, ["place": $0]) } ?? ""])
        case .tieDecided(let decision):
            return Messages.text(.historyTieDecided, ["title": decision.title, "people": names(decision.chosen), "reason": decision.reason])
        case .listDecided(let decision):
            return Messages.text(.historyListDecided, ["step": decision.step, "title": decision.title, "people": names(decision.chosen)])
                + (decision.reason.map { " (\($0))" } ?? "")
        case .corrected(let correction):
            return Messages.text(.historyCorrected, ["record": results(correction.record, label: label, names: names), "reason": correction.reason])
        case .reopened(let reopening):
            return Messages.text(.historyReopened, ["step": reopening.step, "steps": reopening.superseded.joined(separator: ", "), "reason": reopening.reason])
        }
    }

    /// `buoc-2 (attempt 1): 27 present; ballots …; Nguyễn Hữu Phước 20; …`: what a record or correction holds.
    private static func results(_ record: StepRecord, label: (String) -> String, names: ([String]) -> String) -> String {
        var parts = record.present.map { [Messages.text(.statusPresent, ["count": $0])] } ?? []
        if let ballots = record.ballots {
            parts.append(Messages.text(.historyBallots, ["issued": ballots.issued, "returned": ballots.returned, "valid": ballots.valid, "invalid": ballots.invalid]))
        }
        if record.runOff { parts.append(Messages.text(.historyRunOff)) }
        if let entry = record.entry { parts.append(Messages.text(.historyEntry, ["entry": entry])) }
        if !record.attendees.isEmpty { parts.append(Messages.text(.historyAttendees, ["people": names(record.attendees)])) }
        parts += record.votes.flatMap { $0.candidates.map { "\(label($0.name)) \($0.votes)" } }
        parts += record.agreed.map { Messages.text(.historyAgreed, ["title": $0.title, "people": names($0.names)]) }
        parts += (record.writeIns ?? []).map { Messages.text(.historyWrittenIn, ["title": $0.title, "people": names($0.names)]) }
        parts += (record.review ?? []).map { review in
            Messages.text(review.decision == .keep ? .reviewKept : .reviewRemoved, ["person": label(review.person)])
                .trimmingCharacters(in: .whitespaces) + (review.reason.map { " (\($0))" } ?? "")
        }
        if let reason = record.outOfOrder { parts.append(Messages.text(.historyOutOfOrder, ["reason": reason])) }
        if let note = record.note { parts.append(Messages.text(.historyNote, ["note": note])) }
        return Messages.text(.historyResults, ["step": record.step, "attempt": record.attempt, "parts": parts.joined(separator: "; ")])
    }
}
