import Foundation
import QuorumFiles
import Testing

struct InvalidFixtureTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/invalid")
    static let fixtures = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    static let library = DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("workflows"), ProjectFolder.path("rules")])

    @Test func thereAreFixtures() {
        #expect(Self.fixtures.count >= 10)
    }

    @Test(arguments: fixtures)
    func diagnosticsLandOnTheirMarkers(name: String) throws {
        let fixture = try MarkedFixture(contentsOf: Self.folder.appendingPathComponent(name))
        #expect(!fixture.expectations.isEmpty, "a fixture must mark at least one expected diagnostic")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent(name).path
        try fixture.text.write(toFile: file, atomically: true, encoding: .utf8)

        let diagnostics = DefinitionCatalog(files: [file], library: Self.library).diagnostics
        let found = diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.severity.rawValue): \($0.message.english)" }
        for expected in fixture.expectations {
            #expect(diagnostics.contains {
                $0.location?.file == file && $0.location?.line == expected.line && $0.location?.column == expected.column
                    && $0.severity.rawValue == expected.severity && $0.message.english.contains(expected.text)
            }, "expected \(expected.line):\(expected.column) \(expected.severity): …\(expected.text)…; found \(found)")
        }
        #expect(diagnostics.count == fixture.expectations.count, "unexpected diagnostics: \(found)")
    }
}
