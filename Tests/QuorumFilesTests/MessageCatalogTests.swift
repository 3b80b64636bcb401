import QuorumFiles
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
}
