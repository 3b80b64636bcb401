import Foundation
import QuorumCore
import QuorumFiles
import Testing

/// The state-machine diagrams of the bundled workflows.
struct DiagramTests {
    static let catalog = DefinitionCatalog(files: [], library: DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("workflows"), ProjectFolder.path("rules")]))
    static let workflows = catalog.definitions.keys.sorted()
    static let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func theDiagramsShowEveryStepThresholdAndGuardedPath() throws {
        let diagram = StateDiagram(definition: try #require(Self.catalog.definitions["pho-chanh-van-phong-2021"]))
        let mermaid = diagram.mermaid
        #expect(mermaid.hasPrefix("flowchart TD\n"))
        for step in ["step_buoc_1", "step_buoc_2", "step_buoc_3", "step_buoc_4"] { #expect(mermaid.contains("    \(step)[\"")) }
        #expect(mermaid.contains("step_buoc_4 -->|\"> 50% tổng số thành viên, tối đa 4 người mỗi chức danh\"| ket_thuc"))
        #expect(mermaid.contains("step_buoc_2 -.->|\"quorum-not-met\"| step_buoc_2"))
        #expect(diagram.dot.contains("step_buoc_3 -> ket_thuc [label=\"nobody-passes\", style=dashed];"))
    }

    /// Set by .ci/run: a missing tool fails its test instead of skipping it.
    static let requireTools = ProcessInfo.processInfo.environment["QUORUM_REQUIRE_TOOLS"] == "1"

    @Test(.enabled(if: dot != nil || requireTools, "Graphviz is not installed; .ci/run installs it to render the diagrams"), arguments: workflows)
    func graphvizRendersTheDiagram(workflow: String) throws {
        guard let dot = Self.dot else { Issue.record("Graphviz (dot) is required here (QUORUM_REQUIRE_TOOLS=1) but not installed"); return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(StateDiagram(definition: Self.catalog.definitions[workflow]!).dot.utf8))
        try input.fileHandleForWriting.close()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(problems)")
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Kết thúc"))
    }
}
