import Foundation
import Testing

/// The records printed to PDF by headless Chromium, and checked as printed pages: one face with full Vietnamese
/// coverage, the national name on one line, and no page holding only a signature.
@Suite(.serialized)
struct PDFReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let poppler = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdffonts")

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: (chromium != nil && poppler) || QuorumProcess.requireTools, "headless Chromium and poppler-utils are not installed; PDF output is not checked"))
    func theRecordsPrintAsPagesAnOfficeCanSign() throws {
        guard let chromium = Self.chromium, Self.poppler else {
            Issue.record("headless Chromium and poppler-utils are required here (QUORUM_REQUIRE_TOOLS=1) but not installed")
            return
        }
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        #expect(try quorum.run("demo", "--store", quorum.store, "--formats", "md").status == 0)
        let records = [("pho-chanh-van-phong-2021-1", []), ("pho-chanh-van-phong-2021-1", ["--step", "buoc-2"]),
                       ("lanh-dao-so-tnmt-2021-1", ["--style", "state"]), ("lanh-dao-so-tnmt-2021-1", ["--step", "buoc-4"])]
        for (index, (instance, options)) in records.enumerated() {
            let pdf = quorum.path("record-\(index).pdf")
            let result = try quorum.run(["report", instance, "--format", "pdf", "--output", pdf] + options)
            #expect(result.status == 0, "\(result.errors)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).prefix(5) == Data("%PDF-".utf8))
            // One face: no Vietnamese letter fell back to another font.
            let fonts = try run("/usr/bin/pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
                .compactMap { $0.split(separator: " ").first.map { String($0.split(separator: "+").last ?? "") } }
            let families = Set(fonts.map { $0.split(separator: "-").first.map(String.init) ?? $0 })
            #expect(families.count == 1, "\(instance) \(options): fonts \(fonts)")
            // No page holds only the signature block.
            let pages = try run("/usr/bin/pdftotext", ["-layout", pdf, "-"]).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            let signature = ["Ký, ghi rõ", "Nơi nhận", "Như trên", "Lưu:", "CHÁNH VĂN PHÒNG", "GIÁM ĐỐC", "BÍ THƯ", "T/M", "THƯ KÝ",
                             "CHỦ TRÌ", "TRƯỞNG BAN", "Phạm Xuân Duệ", "Hoàng Văn Bình", "Ban Tổ chức", "Trần Thị Thu Hà", "Lê Quốc Đạt",
                             "Trịnh Thị Mai", "Vương Thị Thảo"]
            for page in pages where page.contains("(Ký, ghi rõ họ tên)") {
                let body = page.split(separator: "\n").filter { line in
                    !line.trimmingCharacters(in: .whitespaces).isEmpty && !signature.contains { line.contains($0) }
                }
                #expect(!body.isEmpty, "\(instance) \(options): a page holds only the signature block")
            }
        }
        #expect(try quorum.run("report", "pho-chanh-van-phong-2021-1", "--format", "pdf").errors.contains("pdf needs --output FILE.pdf"))
        // The national name stays on one line, whatever the unit's name: measured in the browser that prints it.
        for instance in ["pho-chanh-van-phong-2021-1", "lanh-dao-so-tnmt-2021-1"] {
            let html = quorum.path("\(instance).html")
            #expect(try quorum.run("report", instance, "--style", "state", "--format", "html", "--output", html).status == 0)
            let probe = quorum.path("\(instance)-probe.html")
            let measured = try String(contentsOfFile: html, encoding: .utf8).replacingOccurrences(of: "</body>", with: """
                <script>document.title = Array.from(document.querySelectorAll('.national')).map(e => e.getClientRects().length).join(',')</script></body>
                """)
            try measured.write(toFile: probe, atomically: true, encoding: .utf8)
            let dom = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", URL(fileURLWithPath: probe).absoluteString])
            let title = dom.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first ?? ""
            #expect(title.split(separator: ",").allSatisfy { $0 == "1" } && !title.isEmpty, "\(instance): line boxes per national line: \(title)")
        }
    }
}
