import Foundation
@testable import QuorumFiles
import Testing

@Suite("MessageCatalog")
struct MessageCatalogParsingTests {
    @Test("placeholders are filled by name; {n|one|other} picks the word for the count")
    func fillsPlaceholders() throws {
        let catalog = try MessageCatalog(yaml: "summary: \"{files} {files|file|files}, {errors} {errors|error|errors} in {where}\"\n", file: "en.yaml")
        #expect(catalog.text("summary", ["files": "1", "errors": "2", "where": "rules/"]) == "1 file, 2 errors in rules/")
        #expect(catalog.text("summary", ["files": "0", "errors": "1"]) == "0 files, 1 error in {where}")
        #expect(catalog.text("missing", [:]) == nil)
        #expect(MessageCatalog.placeholders(in: "{a} and {b|x|y}, {a}") == ["a", "b"])
    }

    @Test("a key given twice is refused, located in its file")
    func duplicateKeysAreLocated() {
        do {
            _ = try MessageCatalog(yaml: "a: one\nb: two\n  \na: three\n", file: "vi.yaml")
            Issue.record("a duplicate key was accepted")
        } catch let problem as MessageCatalog.Problem {
            #expect(problem.description.hasPrefix("vi.yaml:1:1: error: diagnostic.duplicate-key-same-mapping (keys: 'a')"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("the quick line reader gives exactly what YAML gives for the catalogs as they are, and steps aside otherwise",
          arguments: ["en", "vi"])
    func theQuickReaderAgreesWithYAML(language: String) throws {
        let file = ProjectFolder.path("messages/\(language).yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let quick = try #require(MessageCatalog.flat(text), "the catalog keeps the flat form")
        #expect(quick == (try MessageCatalog.read(text, file: file)))
        #expect(MessageCatalog.flat("a: \"x\" # note\n") == nil, "a trailing comment is YAML's to read")
        #expect(MessageCatalog.flat("a: \"tab\\there\"\n") == nil, "an escape it does not know is YAML's to read")
        #expect(MessageCatalog.flat("a: \"x\"\na: \"y\"\n") == nil, "a repeated key is YAML's to report")
        #expect(MessageCatalog.flat("a: plain\n") == nil)
    }
}
