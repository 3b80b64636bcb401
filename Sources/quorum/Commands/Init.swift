import ArgumentParser
import Foundation
import QuorumCore
import QuorumFiles

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: Messages.text(.helpInit),
        discussion: """
            Writes workflows/quy-trinh-4-buoc.yaml (Guidance 06-HD/BTCTW), the rule sets and the working calendar in \
            rules/, a commented example track in workflows/ using the rule set in force at its first meeting, the JSON \
            Schemas in schema/ and a .gitignore for the store in .quorum/. Refuses to overwrite any file. The example's \
            meetings are in March of --year (default: this year until February, else next year).
            """
    )

    @OptionGroup var language: LanguageOption

    @Argument(help: "The folder of the new project; created when missing.")
    var folder: String

    @Option(help: "The year of the example track's cycle.")
    var year: Int?

    func run() throws {
        try CommandFailure.reporting {
            let year = year ?? Self.defaultYear()
            guard (1900...2100).contains(year) else { throw CommandFailure(Messages.text(.initYearRange), .badInput) }
            var files = try Self.templateFiles()
            let taken = files.keys.filter { FileManager.default.fileExists(atPath: path($0)) }.sorted()
            guard taken.isEmpty else {
                throw CommandFailure(Messages.text(.initTaken, ["folder": folder, "files": taken.joined(separator: ", ")]))
            }
            let example = files.removeValue(forKey: Self.exampleFile) ?? ""
            try write(files)
            let rules = DefinitionCatalog(files: DefinitionCatalog.yamlFiles(in: [path("rules")])).ruleSets
            files[Self.exampleFile] = try Self.example(example, year: year, ruleSets: rules)
            try write([Self.exampleFile: files[Self.exampleFile]!])
            let catalog = DefinitionCatalog(files: DefinitionCatalog.yamlFiles(in: [path("workflows"), path("rules")]))
            let errors = catalog.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                var renderer = DiagnosticRenderer()
                throw CommandFailure(Messages.text(.initInvalid, ["problems": renderer.render(errors)]), .internalError)
            }
            Output.line(Messages.text(.initCreated, ["count": files.count, "folder": folder]))
            for name in files.keys.sorted() { Output.line("  \(name)") }
            Output.line(Messages.text(.initNext, ["file": Self.exampleFile, "folder": folder]))
        }
    }

    static let exampleFile = "workflows/vi-du-don-vi.yaml"

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    private func write(_ files: [String: String]) throws {
        for (name, text) in files {
            try FileManager.default.createDirectory(atPath: (path(name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        }
    }

    /// Every file of a new project by its path inside it: the template built into the binary and the schemas.
    static func templateFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        for (path, base64) in BuildInfo.templateFiles {
            guard let data = Data(base64Encoded: base64) else { throw CommandFailure(Messages.text(.initDamaged, ["path": path]), .internalError) }
            files[path] = String(decoding: data, as: UTF8.self)
        }
        for format in JSONSchemaWriter.Format.allCases { files["schema/" + format.fileName] = JSONSchemaWriter.schema(for: format) }
        return files
    }

    /// The example track with its year, term, meeting days and the rule set in force at its first meeting (else the
    /// one that came into force last) filled in.
    static func example(_ template: String, year: Int, ruleSets: [RuleSet]) throws -> String {
        let (first, second) = meetingDays(year: year)
        guard let rules = ruleSets.first(where: { CycleRollover.inForce($0, on: first) })
            ?? ruleSets.max(by: { ($0.effectiveFrom ?? "") < ($1.effectiveFrom ?? "") }) else {
            throw CommandFailure(Messages.text(.initNoRules), .internalError)
        }
        let termStart = 2021 + 5 * Int((Double(year - 2021) / 5).rounded(.down))
        let values = ["YEAR": String(year), "TERM": "\(termStart)-\(termStart + 5)", "STEP1": first, "STEP2": second, "RULES": rules.id]
        return values.reduce(template) { $0.replacingOccurrences(of: "${\($1.key)}", with: $1.value) }
    }

    /// Step 1 on the second Tuesday of March, steps 2 to 4 on the Thursday of the week after: working days in any year.
    static func meetingDays(year: Int) -> (String, String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let firstOfMarch = calendar.date(from: DateComponents(year: year, month: 3, day: 1))!
        let weekday = calendar.component(.weekday, from: firstOfMarch) // 1 = Sunday, 3 = Tuesday
        let tuesday = 1 + (3 - weekday + 7) % 7 + 7
        return (String(format: "%04d-03-%02d", year, tuesday), String(format: "%04d-03-%02d", year, tuesday + 9))
    }

    /// This year until the end of February, when March's meetings are still ahead; next year after.
    static func defaultYear() -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: MeetingTime.defaultTimeZone) ?? .current
        let today = calendar.dateComponents([.year, .month], from: Date())
        return today.month! < 3 ? today.year! : today.year! + 1
    }
}
