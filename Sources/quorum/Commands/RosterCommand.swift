import ArgumentParser
import QuorumFiles

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: Messages.text(.helpRoster),
        discussion: """
            CSV columns: id, full_name, birth_date, gender, ethnicity, unit, current_title, degree, political_theory, \
            ratings (2018:HTTNV; 2019:HTXSNV), discipline (2019:Khiển trách), planned_titles (a; b); or the headers \
            the roster format in rules/ declares (Họ và tên, Ngày sinh, …), whose values it also reads (Thạc sỹ as \
            Thạc sĩ). Says which headers and values were read otherwise, and warns of a value it does not know. \
            Nothing is imported from a file with errors. Importing again replaces the roster; both stay in the history.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Option(help: "Roster file (.xlsx, .csv, .yaml or .yml).")
    var file: String

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let read = try RosterReader.read(file, format: project.catalog.rosterFormat)
            try project.service().importRoster(read.roster, into: instance, current: definition)
            var renderer = DiagnosticRenderer()
            read.warnings.forEach { Output.error(renderer.render($0)) }
            if !read.renamedColumns.isEmpty {
                Output.line(Messages.text(.rosterColumns, ["columns": read.renamedColumns.map { "\($0.header) → \($0.field)" }.joined(separator: ", ")]))
            }
            for item in read.normalized {
                Output.line(Messages.text(.rosterValueRead, ["field": item.field, "written": item.written, "value": item.value, "count": item.count]))
            }
            Output.line(Messages.text(.rosterImported, ["count": read.roster.people.count, "file": file, "instance": instance]))
            Output.line(Messages.text(.rosterNext, ["instance": instance]))
        }
    }
}
