import ArgumentParser
import QuorumCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a workflow's state machine as Mermaid or Graphviz DOT: steps, forms, thresholds and guarded paths.",
        discussion: "Render DOT with 'dot -Tsvg'; Mermaid renders in Markdown viewers that support it (GitHub, GitLab, many editors)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case mermaid, dot }

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Workflow id (or its file).")
    var workflow: String

    @Option(help: "mermaid or dot.")
    var format: Format = .mermaid

    func run() throws {
        try CommandFailure.reporting {
            let diagram = StateDiagram(definition: try Project(options).definition(workflow))
            print(format == .dot ? diagram.dot : diagram.mermaid, terminator: "")
        }
    }
}
