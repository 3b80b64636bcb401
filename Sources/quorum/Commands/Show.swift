import ArgumentParser
import QuorumCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: Messages.text(.helpShow),
        discussion: "Render DOT with 'dot -Tsvg'; Mermaid renders in Markdown viewers that support it (GitHub, GitLab, many editors)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case mermaid, dot }

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Workflow id (or its file).")
    var workflow: String

    @Option(help: "mermaid or dot.")
    var format: Format = .mermaid

    @Flag(help: "Print the steps and the edges between them as JSON instead of a drawing.")
    var json = false

    func run() throws {
        try CommandFailure.reporting {
            let definition = try Project(options).definition(workflow)
            let diagram = StateDiagram(definition: definition)
            if json {
                let steps = definition.steps.map { StepNode(id: $0.id, node: StateDiagram.identifier($0.id), name: $0.name, body: $0.body, form: $0.form.rawValue) }
                return try Output.json(DiagramReport(workflow: definition.id, steps: steps, edges: diagram.edges))
            }
            print(format == .dot ? diagram.dot : diagram.mermaid, terminator: "")
        }
    }
}

/// What `show --json` prints: the steps (with their node names) and every edge, guarded or not.
struct DiagramReport: Encodable {
    let workflow: String
    let steps: [StepNode]
    let edges: [StateDiagram.Edge]
}

struct StepNode: Encodable {
    let id: String
    let node: String
    let name: String
    let body: String
    let form: String
}
