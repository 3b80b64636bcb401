import ArgumentParser
import Foundation
import QuorumCore
import QuorumFiles
import QuorumReports

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: Messages.text(.helpDemo),
        discussion: """
            Each folder samples/WORKFLOW/ holds one results file per step, named STEP.yaml or STEP.csv, and may hold \
            STEP.entry-2.yaml (the second entry), STEP.correction.yaml (corrected results; its note is the reason), \
            STEP.decision.yaml (the body's decision) and STEP.run-off.yaml. The demo uses a throw-away store unless \
            --store names one to keep; it never writes into the store QUORUM_STORE names, since its people are invented.
            """
    )

    @OptionGroup var options: ProjectOptions

    @Option(parsing: .upToNextOption, help: "Formats of the records to write: md, html, docx, pdf (default: all; pdf when Chromium is installed).")
    var formats: [Report.Format] = Report.Format.allCases

    func run() throws {
        try CommandFailure.reporting {
            var options = options
            let keep = options.store != nil
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-demo-\(UUID().uuidString)")
            if !keep { options.store = scratch.appendingPathComponent("demo.sqlite").path }
            defer { if !keep { try? FileManager.default.removeItem(at: scratch) } }
            let project = try Project(options)
            let samples = options.folder("samples")
            let workflows = ((try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? []).sorted().filter { name in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: (samples as NSString).appendingPathComponent(name), isDirectory: &isFolder)
                    && isFolder.boolValue
            }
            guard !workflows.isEmpty else { throw CommandFailure(Messages.text(.noSamples, ["folder": samples]), .badInput) }
            for workflow in workflows {
                try run(workflow, results: (samples as NSString).appendingPathComponent(workflow), project: project)
            }
            if keep { Output.line(Messages.text(.demoKept, ["store": options.storePath])) }
        }
    }

    private func run(_ workflow: String, results folder: String, project: Project) throws {
        let definition = try project.definition(workflow)
        var state = try project.service(creating: true).start(definition, another: true)
        Output.line("══ \(definition.name)")
        Output.line(Messages.text(.demoInstance, ["instance": state.id, "cycle": definition.cycle ?? "", "term": definition.term ?? "–"]))
        if let roster = ["csv", "yaml", "yml"].map({ (folder as NSString).appendingPathComponent("roster.\($0)") })
            .first(where: FileManager.default.fileExists) {
            let people = try RosterReader.read(roster, format: project.catalog.rosterFormat).roster
            try project.service().importRoster(people, into: state.id, current: definition)
            state = try project.service().load(state.id).state
            Output.line()
            Output.line(Messages.text(.demoScreening, ["roster": roster, "people": people.people.count]))
            ScreeningReport(state, definition: definition, everyone: true).lines.forEach { Output.line("   " + $0) }
        }
        while let id = state.currentStep, let step = definition.step(id) {
            let body = definition.body(step.body)
            Output.line()
            Output.line("── \(step.name), \(step.meets?.display ?? Messages.text(.noDateSet))")
            Output.line(Messages.text(.demoBody, ["body": body?.name ?? step.body, "members": body?.totalMembers ?? 0, "form": Messages.form(step.form)]))
            guard let file = sample(id, in: folder) else { throw CommandFailure(Messages.text(.noSampleForStep, ["step": id, "folder": folder]), .badInput) }
            let second = sample("\(id).entry-2", in: folder)
            try record(file, step: id, entry: second == nil ? nil : 1, service: try project.service(), state: state, definition: definition)
            if let second {
                // The counting committee's second clerk enters the same minutes again.
                let main = try project.service()
                let clerk = main.acting(as: main.actor + " (nhập lần 2)")
                try record(second, step: id, entry: 2, service: clerk, state: state, definition: definition)
            }
            if let correction = sample("\(id).correction", in: folder) {
                let sheet = try ResultSheetReader.read(correction, step: id)
                let reason = sheet.record.note ?? correction
                let (previous, _) = try project.service().correct(sheet.record, in: state.id, reason: reason, current: definition)
                let loaded = try project.service().load(state.id)
                Output.line(Messages.text(.demoCorrected, ["file": correction, "reason": reason]))
                previous.differences(from: loaded.state.results[id]?.record ?? sheet.record).forEach {
                    Output.line("     " + RefusalText.change($0, label: loaded.directory.label, correction: true))
                }
            }
            if let decisionFile = sample("\(id).decision", in: folder) {
                let entries = try DecisionSheet.read(decisionFile).entries
                _ = try project.service().decide(entries, in: state.id, current: definition)
                Output.line(Messages.text(.demoDecisionRecorded, ["file": decisionFile]))
            }
            let decision: StepDecision, next: InstanceState
            do {
                (decision, next) = try project.service().advance(state.id, current: definition)
            } catch let tie as EngineError {
                guard case .ties = tie, let runOff = sample("\(id).run-off", in: folder) else { throw tie }
                Output.line("   ⚖ " + RefusalText.text(tie))
                var sheet = try ResultSheetReader.read(runOff, step: id)
                sheet.record.runOff = true
                _ = try project.service().record(sheet.record, in: state.id, current: definition)
                Output.line(Messages.text(.demoRunOffRecorded, ["file": runOff]))
                (decision, next) = try project.service().advance(state.id, current: definition)
            }
            let directory = PersonDirectory(definition: definition, roster: next.roster)
            DecisionText.lines(decision, in: definition, directory: directory).dropFirst().forEach { Output.line(" " + $0) }
            state = next
        }
        Output.line()
        DecisionText.finalList(state, in: definition, directory: PersonDirectory(definition: definition, roster: state.roster)).forEach { Output.line($0) }
        try writeRecords(state.id, project: project)
        Output.line()
    }

    /// Every official record of a finished instance, in both layouts (state and party) and in every format: Markdown,
    /// HTML, Word, and PDF when headless Chromium is installed, under .quorum/reports/INSTANCE/STYLE/.
    private func writeRecords(_ instance: String, project: Project) throws {
        let loaded = try project.service().load(instance)
        let formats = self.formats.filter { $0 != .pdf || PDFPrinter.isAvailable }
        var names: [String] = []
        for style in RecordFormat.allCases {
            let source = ReportSource(instance: instance, definition: loaded.definition, events: loaded.events, state: loaded.state, format: style)
            let folder = project.options.folder(".quorum/reports/\(instance)/\(style.rawValue)")
            try PrivateFile.folder(folder)
            let records = RecordSet.make(source)
            for record in records {
                for format in formats { try Report.write(record.documents, as: format, to: "\(folder)/\(record.name).\(format.rawValue)") }
            }
            names = records.map(\.name)
        }
        Output.line(Messages.text(.demoRecords, ["formats": formats.map(\.rawValue).joined(separator: ", "),
                                                 "folder": project.options.folder(".quorum/reports/\(instance)"), "records": names.joined(separator: ", ")]))
        if self.formats.contains(.pdf), !PDFPrinter.isAvailable { Output.line(Messages.text(.demoNoPDF)) }
    }

    /// `STEP.yaml`, `STEP.yml` or `STEP.csv` in the folder, if any.
    private func sample(_ name: String, in folder: String) -> String? {
        ["yaml", "yml", "csv"].map { (folder as NSString).appendingPathComponent("\(name).\($0)") }.first(where: FileManager.default.fileExists)
    }

    private func record(_ file: String, step: String, entry: Int?, service: InstanceService, state: InstanceState,
                        definition: WorkflowDefinition) throws {
        var sheet = try ResultSheetReader.read(file, step: step)
        sheet.record.entry = entry
        let warnings = try service.record(sheet.record, in: state.id, current: definition)
        Output.line(Messages.text(.demoRecorded, ["file": file]) + (entry.map { Messages.text(.demoEntry, ["entry": $0, "actor": service.actor]) } ?? ""))
        var renderer = DiagnosticRenderer()
        for warning in warnings {
            renderer.render(sheet.locate(warning, saying: Messages.verbatim(RefusalText.problem(warning)), severity: .warning)).split(separator: "\n").forEach { Output.line("   \($0)") }
        }
    }
}
