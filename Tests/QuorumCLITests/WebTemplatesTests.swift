import Foundation
import Testing
@testable import quorum

/// Every template of the web view is built into the binary, parses, and escapes what it is given.
struct WebTemplatesTests {
    @Test func everyTemplateRendersAPageThatEscapesWhatItShows() throws {
        let folder = QuorumProcess.repository.appendingPathComponent("templates/web")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(9)) }
        #expect(Set(names) == ["layout", "login", "error", "instances", "timetable", "instance", "history"])
        let hostile = "<script>alert(1)</script>"
        for name in names where name != "layout" {
            let page = WebTemplates.render(name, ["id": hostile, "problem": hostile, "user": ["id": "hanh", "name": hostile, "roles": "clerk"],
                                                  "instances": [["id": hostile, "workflow": "w", "step": "buoc-1"]], "anyInstances": true,
                                                  "status": [hostile], "events": [["sequence": 1, "at": "t", "actor": hostile, "summary": "s"]]])
            #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("</html>"), "\(name)")
            #expect(!page.contains(hostile) && page.contains("&lt;script&gt;"), "\(name)")
        }
        #expect(WebTemplates.file("quorum.css").contains("font-family"))
    }
}
