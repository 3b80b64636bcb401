import Foundation
import QuorumFiles
import Testing

/// The complete workflow example in docs/workflow-format.md must validate and run as written.
struct DocumentationExampleTests {
    @Test func theFullExampleValidates() throws {
        let document = try String(contentsOfFile: ProjectFolder.path("docs/workflow-format.md"), encoding: .utf8)
        let marker = "```yaml\n# yaml-language-server: $schema=../schema/workflow.schema.json\nid: vi-du-day-du\n"
        let start = try #require(document.range(of: marker))
        let body = document[document.index(start.lowerBound, offsetBy: "```yaml\n".count)...]
        let example = String(body[..<(try #require(body.range(of: "```"))).lowerBound])

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-doc-\(UUID().uuidString).yaml").path
        try example.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let catalog = DefinitionCatalog(files: [file], library: DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("rules")]))
        var renderer = DiagnosticRenderer()
        #expect(catalog.diagnostics.isEmpty, "\(renderer.render(catalog.diagnostics))")
        let definition = try #require(catalog.definitions["vi-du-day-du"])
        #expect(definition.body("mo-rong")?.totalMembers == 11)
        #expect(definition.titles.first?.removed.first?.reason == "Đã được bổ nhiệm")
    }
}
