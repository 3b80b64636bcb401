import ArgumentParser
import QuorumFiles

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import the candidates' roster (CSV or YAML) into an instance, for screening.",
        discussion: """
            CSV columns: id, full_name, birth_date, gender, ethnicity, unit, current_title, degree, political_theory, \
            ratings (2018:HTTNV; 2019:HTXSNV), discipline (2019:Khiển trách), planned_titles (a; b). Nothing is \
            imported from a file with errors. Importing again replaces the roster; both stay in the history.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Option(help: "Roster file (.csv, .yaml or .yml).")
    var file: String

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let definition = try project.currentDefinition(of: instance)
            let roster = try RosterReader.read(file)
            try project.service().importRoster(roster, into: instance, current: definition)
            Output.line("imported \(roster.people.count) people from \(file) into \(instance)")
            Output.line("check them with: quorum screen \(instance)")
        }
    }
}
