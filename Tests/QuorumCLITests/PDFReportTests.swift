import Foundation
import Testing

/// The records printed to PDF by headless Chromium, when it is installed (.ci/run tries to install it).
struct PDFReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: chromium != nil || QuorumProcess.requireTools, "headless Chromium is not installed; PDF output is not checked"))
    func theSubmissionPrintsToPDF() throws {
        guard Self.chromium != nil else { Issue.record("headless Chromium is required here (QUORUM_REQUIRE_TOOLS=1) but not installed"); return }
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        #expect(try quorum.run("demo", "--store", quorum.store).status == 0)
        let result = try quorum.run("report", "pho-chanh-van-phong-2021-1", "--format", "pdf", "--output", "to-trinh.pdf")
        #expect(result.status == 0, "\(result.errors)")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: quorum.path("to-trinh.pdf")))
        #expect(pdf.prefix(5) == Data("%PDF-".utf8))
        #expect(pdf.count > 10_000)
        #expect(try quorum.run("report", "pho-chanh-van-phong-2021-1", "--format", "pdf").errors.contains("pdf needs --output FILE.pdf"))
    }
}
