import ArgumentParser
import QuorumCore

struct OverrideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "override",
        abstract: Messages.text(.helpOverride),
        discussion: """
            --rule names an eligibility rule, 'roster' for a candidate missing from the roster, or a structure rule \
            (then --person is the title id). The override is kept in the history with its actor.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Option(help: "The person, by id or full name (or a title id, for a structure rule).")
    var person: String

    @Option(help: "The rule id.")
    var rule: String

    @Option(help: "Why, as the body decided it.")
    var reason: String

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandFailure(Messages.text(.overrideNeedsReason), .badInput) }
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let stored = try project.service().recordOverride(Override(person: person, rule: rule, reason: reason), in: instance, current: definition)
            let label = try project.service().load(instance).directory.label(stored.person)
            Output.line(Messages.text(.overrideRecorded, ["person": label, "rule": rule, "reason": reason]))
        }
    }
}

import Foundation
