import Foundation
import Testing

/// The web view in a real browser: headless Chromium driven through WebDriver by Python's selenium
/// (Tests/browser/web_view.py), against the built binary serving a scratch project.
@Suite(.serialized)
struct WebViewBrowserTests {
    static let tools = ["/usr/bin/chromium", "/usr/bin/chromedriver"]

    static var available: Bool {
        tools.allSatisfy(FileManager.default.isExecutableFile) && (try? QuorumProcess.python(["-c", "import selenium"]).status) == 0
    }

    /// Skipped, saying why, where the browser is missing; in CI (`QUORUM_REQUIRE_TOOLS=1`) it fails instead.
    @Test(.enabled(if: available || QuorumProcess.requireTools, "needs chromium, chromedriver and Python's selenium (.ci/run installs them)"))
    func twoClerksEnterAStepTwiceTheChairAdvancesAndAViewerCannotRecord() async throws {
        try #require(Self.available, "Chromium, chromedriver or Python's selenium is missing (.ci/run installs them)")
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let server = try ServedQuorum(quorum, users: ServeEndToEndTests.users)
        let chair = try await server.signIn("chu.toa"), clerk = try await server.signIn("thu.ky")
        #expect(try await server.send("POST", "instances", token: chair, json: ["workflow": "lanh-dao-so-tnmt-2021"]).status == 200)
        try await server.run(["buoc-1", "buoc-2"], of: ServeEndToEndTests.instance, samples: "lanh-dao-so-tnmt-2021", clerk: clerk, chair: chair)

        let downloads = quorum.project.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let site = server.base.deletingLastPathComponent().absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let passwords = ServeEndToEndTests.users.map { "\($0.id)=\(ServedQuorum.password($0.id))" }.joined(separator: ";")
        let browser = try QuorumProcess.python([QuorumProcess.repository.appendingPathComponent("Tests/browser/web_view.py").path, site,
                                                ServeEndToEndTests.instance, quorum.path("samples/lanh-dao-so-tnmt-2021"), downloads.path],
                                               environment: ["QUORUM_TEST_PASSWORDS": passwords])
        let log = server.stop().errors
        #expect(browser.status == 0, "\(browser.output)\n\(browser.errors)")
        #expect(browser.output.contains("every check passed"))
        #expect(log.contains("POST /instances/\(ServeEndToEndTests.instance)/results 403"), "\(log)")
    }
}
