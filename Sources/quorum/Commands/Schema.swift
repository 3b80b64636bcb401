import ArgumentParser
import Foundation
import QuorumFiles

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: Messages.text(.helpSchema),
        discussion: "The bundled files point at schema/*.schema.json with a '# yaml-language-server: $schema=…' comment."
    )

    @OptionGroup var language: LanguageOption

    @Option(help: "Which format: workflow, rules, results, roster, scenario, calendar or decision.")
    var format: JSONSchemaWriter.Format = .workflow

    @Option(help: "Write every format's schema into this folder instead of printing one.")
    var write: String?

    func run() throws {
        guard let folder = write else {
            print(JSONSchemaWriter.schema(for: format), terminator: "")
            return
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for format in JSONSchemaWriter.Format.allCases {
            let path = (folder as NSString).appendingPathComponent(format.fileName)
            try JSONSchemaWriter.schema(for: format).write(toFile: path, atomically: true, encoding: .utf8)
            print("wrote \(path)")
        }
    }
}

extension JSONSchemaWriter.Format: ExpressibleByArgument {}
