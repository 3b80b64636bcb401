import ArgumentParser
import Foundation
import QuorumCore
import QuorumFiles

struct NewCycle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-cycle",
        abstract: Messages.text(.helpNewCycle),
        discussion: """
            The year and cycle move on; dates move to the same weekday of the new year; a step that follows another \
            track's step follows that track's new cycle; the people added by the workflow's last finished run in the \
            store are carried into 'kept'. Prints what changed and validates the new file.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Workflow id (or its file).")
    var workflow: String

    @Option(help: "The year of the new review cycle.")
    var year: Int

    @Option(help: "Where to write it (default: workflows/NEW-ID.yaml).")
    var output: String?

    @Flag(help: "Print what was written, the changes, the diff and the validation as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting {
            let project = try Project(options)
            let definition = try project.definition(workflow)
            guard let file = project.catalog.workflowFiles[definition.id] else { throw CommandFailure("no file for \(definition.id)", .internalError) }
            // Only an existing store is read: drafting a new cycle creates no store.
            var finished: InstanceService.Loaded?
            if FileManager.default.fileExists(atPath: options.storePath) {
                let service = try project.service()
                finished = try service.store.instances().filter { $0.workflow == definition.id }.reversed()
                    .lazy.compactMap { try? service.load($0.id) }.first { $0.state.isFinished }
            }
            if finished == nil, !json { Output.line(Messages.text(.noFinishedRun, ["workflow": definition.id])) }
            let directory = finished?.directory
            let approved = (finished?.state.added ?? [:]).mapValues { keys in
                keys.map { (key: $0, name: directory?.entry($0)?.name ?? $0) }
            }
            let removed = Dictionary(uniqueKeysWithValues: definition.titles.map { title in
                (title.id, finished?.state.reviews(title.id).filter { $0.decision == .remove }.map(\.person) ?? [])
            })
            let draft = try CycleRollover.draft(from: file, year: year, approved: approved, removed: removed, current: definition,
                                                ruleSets: project.catalog.ruleSets)
            let path = output ?? options.folder("workflows/\(draft.id).yaml")
            guard !FileManager.default.fileExists(atPath: path) else { throw CommandFailure(Messages.text(.outputExists, ["path": path])) }
            try draft.text.write(toFile: path, atomically: true, encoding: .utf8)
            let old = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            let checked = DefinitionCatalog(files: [file, path], library: Project.library(options)).diagnostics
            if json {
                let changes = draft.text.components(separatedBy: "\n").difference(from: old.components(separatedBy: "\n"))
                return try Output.json(NewCycleReport(id: draft.id, written: path, from: file, carriedFrom: finished?.state.id, changes: draft.changes.map(Messages.words),
                                                      removedLines: Self.lines(changes.removals), addedLines: Self.lines(changes.insertions),
                                                      diagnostics: checked.map(WordedDiagnostic.init)))
            }
            Output.line(Messages.text(.wroteFrom, ["path": path, "file": file]))
            draft.changes.forEach { Output.line("  " + Messages.words($0)) }
            Output.line("\ndiff \(file) \(path)")
            Self.diff(old, draft.text).forEach { Output.line($0) }
            var renderer = DiagnosticRenderer()
            checked.forEach { Output.error(renderer.render($0)) }
            Output.line("\n" + Messages.text(.newCycleValidation, ["errors": checked.filter { $0.severity == .error }.count,
                                                               "warnings": checked.filter { $0.severity == .warning }.count]))
        }
    }

    /// Lines removed (`-`) and added (`+`), in file order.
    static func diff(_ old: String, _ new: String) -> [String] {
        let changes = new.components(separatedBy: "\n").difference(from: old.components(separatedBy: "\n"))
        return lines(changes.removals).map { "- " + $0 } + lines(changes.insertions).map { "+ " + $0 }
    }

    /// The lines of one side of a difference, in file order.
    static func lines(_ changes: [CollectionDifference<String>.Change]) -> [String] {
        changes.map { change -> (Int, String) in
            switch change {
            case .insert(let offset, let line, _), .remove(let offset, let line, _): (offset, line)
            }
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// What `new-cycle --json` prints: the draft written, what changed and why, the diff, and its validation.
struct NewCycleReport: Encodable {
    let id: String
    let written: String
    let from: String
    /// The finished instance whose approved people were carried into `kept`, if any.
    let carriedFrom: String?
    let changes: [String]
    let removedLines: [String]
    let addedLines: [String]
    let diagnostics: [WordedDiagnostic]
}
