import Foundation
import Testing

/// Checks what `scripts/install.sh` (or `make install`) put under the PREFIX that `$QUORUM_INSTALLED` names. `.ci/run`
/// installs there before running the tests; building a release binary inside `swift test` would wait for the
/// build folder this very run holds.
@Suite("the installed quorum")
struct InstallTests {
    static let prefix = ProcessInfo.processInfo.environment["QUORUM_INSTALLED"].map { URL(fileURLWithPath: $0) }

    @Test(.enabled(if: prefix != nil || QuorumProcess.requireTools, "QUORUM_INSTALLED names no installation; run scripts/install.sh first"))
    func runsWithoutSwiftAndFindsItsProject() throws {
        guard let prefix = Self.prefix else {
            Issue.record("QUORUM_INSTALLED must name the PREFIX scripts/install.sh installed into (QUORUM_REQUIRE_TOOLS=1)")
            return
        }
        let binary = prefix.appendingPathComponent("bin/quorum")
        for file in ["share/man/man1/quorum.1", "share/bash-completion/completions/quorum", "share/zsh/site-functions/_quorum",
                     "share/fish/vendor_completions.d/quorum.fish"] {
            let text = (try? String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8)) ?? ""
            #expect(text.contains("quorum") && text.contains("validate"), "\(file) is missing or names no command")
        }

        // Linked statically against the Swift runtime: the binary needs no Swift library.
        let libraries = try run(URL(fileURLWithPath: "/usr/bin/ldd"), [binary.path], environment: [:])
        #expect(!libraries.output.contains("libswift") && !libraries.output.contains("libFoundation"), "\(libraries.output)")

        // A clean environment: no Swift on PATH, no HOME or store variables; the project found with --project. (The
        // signing key is kept in the scratch project, not in the home of whoever runs the tests.)
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let clean = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QUORUM_SIGNING_KEY": quorum.path(".keys/signing.key")]
        #expect(try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "command -v swift"], environment: clean).status != 0, "swift is on the clean PATH")
        let version = try run(binary, ["--version"], environment: clean)
        #expect(version.status == 0 && version.output.hasPrefix("0.1.0 (commit "), "\(version.output)\(version.errors)")
        let validation = try run(binary, ["validate", "--project", quorum.project.path], environment: clean)
        #expect(validation.status == 0 && validation.output.contains(" 0 errors"), "\(validation.output)\(validation.errors)")
        let store = quorum.project.appendingPathComponent("installed.sqlite").path
        let started = try run(binary, ["start", "pho-chanh-van-phong-2021", "--project", quorum.project.path, "--store", store, "--actor", "hanh"],
                              environment: clean)
        #expect(started.status == 0, "\(started.errors)")
        let status = try run(binary, ["status", "pho-chanh-van-phong-2021-1", "--project", quorum.project.path, "--store", store], environment: clean)
        #expect(status.status == 0 && status.output.contains("buoc-1"), "\(status.output)\(status.errors)")

        // A new office's project comes from the binary alone.
        let fresh = quorum.project.appendingPathComponent("van-phong-moi").path
        #expect(try run(binary, ["init", fresh, "--year", "2027"], environment: clean).status == 0)
        let checked = try run(binary, ["validate", "--project", fresh, "--lang", "vi"], environment: clean)
        #expect(checked.status == 0 && checked.output.contains("0 lỗi, 0 cảnh báo"), "\(checked.output)\(checked.errors)")
    }

    /// Runs a program from `/` with exactly the given environment.
    private func run(_ program: URL, _ arguments: [String], environment: [String: String]) throws -> QuorumProcess.Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return QuorumProcess.Running(process: process, output: output, errors: errors).finish()
    }
}
