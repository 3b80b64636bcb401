import ArgumentParser
import Foundation
import QuorumCore

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record the body's decision on candidates tied for the last place, when the selection rule asks for one."
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Option(help: "The title id.")
    var title: String

    @Option(help: "The tied candidates the body chose, in order, separated by ';'.")
    var choose: String

    @Option(help: "The body's reasons, for the record.")
    var reason: String

    func run() throws {
        try CommandFailure.reporting {
            let chosen = choose.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !chosen.isEmpty else { throw CommandFailure("--choose names at least one of the tied candidates") }
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            try project.service().decideTie(TieDecision(title: title, chosen: chosen, reason: reason), in: instance, current: definition)
            Output.line("recorded the body's decision for \(title): \(chosen.joined(separator: ", ")); run 'quorum advance \(instance)'")
        }
    }
}
