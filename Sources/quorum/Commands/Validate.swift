import ArgumentParser
import QuorumFiles

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check workflow and rule files; report every problem at file:line:column.",
        discussion: "With no paths, checks the project's workflows/ and rules/. Exit 0 when there are no errors, 2 otherwise."
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Files or folders to check.")
    var paths: [String] = []

    func run() throws {
        let files = DefinitionCatalog.yamlFiles(in: paths.isEmpty ? [options.folder("workflows"), options.folder("rules")] : paths)
        let catalog = DefinitionCatalog(files: files, library: Project.library(options))
        var renderer = DiagnosticRenderer()
        for diagnostic in catalog.diagnostics { Output.error(renderer.render(diagnostic)) }
        let errors = catalog.diagnostics.filter { $0.severity == .error }.count
        let warnings = catalog.diagnostics.count - errors
        let summary = Messages.text(.validateSummary, ["files": files.count, "errors": errors, "warnings": warnings])
        if errors > 0 {
            Output.error(summary)
            throw ExitStatus.badInput.exitCode
        }
        Output.line(summary)
    }
}
