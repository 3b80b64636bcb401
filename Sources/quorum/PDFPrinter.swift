import Foundation
import QuorumReports

/// Prints the records' HTML to PDF with headless Chromium, which lays out A4 pages from the same print stylesheet.
enum PDFPrinter {
    static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    static var isAvailable: Bool { browsers.lazy.compactMap(locate).first != nil }

    static func print(_ html: String, to output: String) throws {
        guard let browser = browsers.lazy.compactMap(locate).first else {
            throw CommandFailure(Messages.text(.pdfNoChromium))
        }
        try checkFonts()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-\(UUID().uuidString).html")
        try PrivateFile.write(html, to: scratch.path)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(target)", scratch.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: target) else {
            throw CommandFailure(Messages.text(.pdfFailed, ["message": message.split(separator: "\n").last ?? ""]))
        }
        try PrivateFile.restrict(target)
    }

    /// The records name faces that cover Vietnamese; without one, Chromium would take letters from other faces.
    static func checkFonts() throws {
        guard let fcList = locate("fc-list") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fcList)
        process.arguments = [":lang=vi", "family"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let families = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard !HTMLWriter.fonts.contains(where: families.contains) else { return }
        throw CommandFailure(Messages.text(.pdfNoFont, ["fonts": HTMLWriter.fonts.joined(separator: ", ")]))
    }

    private static func locate(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
