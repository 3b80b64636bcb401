import Foundation
import QuorumFiles
import Testing

/// Which files a project's `workflows/` and `rules/` folders hold: every YAML file at any depth, in a stable order.
struct DefinitionFolderTests {
    @Test func everyYAMLFileAtAnyDepthIsFoundInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["b.yaml", "a.yml", "notes.txt", "don-vi/c.yaml", "don-vi/sau/d.yaml", "don-vi/README.md", "trong/.keep"] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("id: x\n".utf8).write(to: url)
        }
        let root = folder.path
        #expect(DefinitionCatalog.yamlFiles(in: [root]) == ["a.yml", "b.yaml", "don-vi/c.yaml", "don-vi/sau/d.yaml"].map { root + "/" + $0 })
        #expect(DefinitionCatalog.yamlFiles(in: [root + "/"]) == DefinitionCatalog.yamlFiles(in: [root]))
        #expect(DefinitionCatalog.yamlFiles(in: [root + "/b.yaml", root + "/khong-co.yaml"]) == [root + "/b.yaml", root + "/khong-co.yaml"],
                "a file, or a path that is not a folder, is taken as given, to be reported if it cannot be read")
    }
}
