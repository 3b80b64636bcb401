import ArgumentParser
import QuorumFiles

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: Messages.text(.helpValidate),
        discussion: "With no paths, checks the project's workflows/ and rules/. Exit 0 when there are no errors, 2 otherwise."
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Files or folders to check.")
    var paths: [String] = []

    @Flag(help: "Print every diagnostic as JSON: file, line, column, severity, code, message, notes.")
    var json = false

    func run() throws {
        // The whole project checked: what it found is kept for the next commands, as any validation keeps it.
        let files = paths.isEmpty ? Project.library(options) : DefinitionCatalog.yamlFiles(in: paths)
        let diagnostics = (paths.isEmpty ? Project.validated(options, reporting: files)
            : DefinitionCatalog(files: files, library: Project.library(options))).diagnostics
        let errors = diagnostics.filter { $0.severity == .error }.count
        if json {
            try Output.json(ValidationReport(files: files.count, errors: errors, warnings: diagnostics.count - errors, diagnostics: diagnostics.map(WordedDiagnostic.init)))
        } else {
            var renderer = DiagnosticRenderer()
            for diagnostic in diagnostics { Output.error(renderer.render(diagnostic)) }
            let summary = Messages.text(.validateSummary, ["files": files.count, "errors": errors, "warnings": diagnostics.count - errors])
            if errors > 0 { Output.error(summary) } else { Output.line(summary) }
        }
        if errors > 0 { throw ExitStatus.badInput.exitCode }
    }
}

/// What `validate --json` prints.
struct ValidationReport: Encodable {
    let files: Int
    let errors: Int
    let warnings: Int
    let diagnostics: [WordedDiagnostic]
}
