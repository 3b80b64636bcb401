import ArgumentParser
import Foundation
import QuorumCore
import QuorumFiles

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: Messages.text(.helpDecide),
        discussion: """
            At a step whose list a body decides (list-decided-by), --choose gives the people taken on, in order; a \
            reason is needed for anyone below the step's reference threshold. Otherwise --choose orders candidates tied \
            for the last place, when the selection rule allows the body to decide; the reason is required.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Option(help: "The title id.")
    var title: String?

    @Option(help: "The people chosen, in order, by name or id, separated by ';'.")
    var choose: String?

    @Option(help: "The body's reasons, for the record.")
    var reason: String?

    @Option(help: "A decision file instead: TITLE: { choose: [names], reason: … } for each title.")
    var file: String?

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            var entries: [BodyDecision] = []
            if let file {
                entries = try DecisionSheet.read(file).entries
            } else if let title, let choose {
                let chosen = choose.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                entries = [BodyDecision(title: title, chosen: chosen, reason: reason)]
            } else {
                throw CommandFailure(Messages.text(.decideNeeds), .badInput)
            }
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let payloads = try project.service().decide(entries, in: instance, current: definition)
            Self.lines(payloads, directory: try project.service().load(instance).directory).forEach { Output.line($0) }
            Output.line(Messages.text(.nextAdvance, ["instance": instance]))
        }
    }

    /// What the body decided, a line for each title: `Phó Chánh Văn phòng: Lê Thị Mỹ Dung, …`.
    static func lines(_ payloads: [EventPayload], directory: PersonDirectory) -> [String] {
        payloads.compactMap { payload in
            let (title, names): (String, [String])
            switch payload {
            case .listDecided(let decision): (title, names) = (decision.title, decision.chosen)
            case .tieDecided(let decision): (title, names) = (decision.title, decision.chosen)
            default: return nil
            }
            return Messages.text(.decisionRecorded, ["title": title, "people": names.isEmpty ? Messages.text(.nobody) : names.map(directory.label).joined(separator: ", ")])
        }
    }
}
