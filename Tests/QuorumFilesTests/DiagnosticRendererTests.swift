import QuorumCore
import QuorumFiles
import Testing

struct DiagnosticRendererTests {
    @Test func printsLikeACompilerWithACaretUnderTheColumn() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-render-\(UUID().uuidString).yaml").path
        try "name: Bước 1\n  body: lãnh-đạo\n".write(toFile: path, atomically: true, encoding: .utf8)
        var renderer = DiagnosticRenderer()
        let text = renderer.render(.error(at: SourceLocation(file: path, line: 2, column: 9), code: "unknown-body", key: "unknown-body-2",
                                          ["body": "lãnh-đạo"], notes: Suggestion.note(for: "lanh-dao", in: ["lanh-dao-vp"])))
        #expect(text == """
            \(path):2:9: error: unknown body 'lãnh-đạo'
              body: lãnh-đạo
                    ^
            note: did you mean 'lanh-dao-vp'?
            """)
    }
}

import Foundation
