import Foundation

/// Runs the built `quorum` binary in a scratch project holding copies of the bundled workflows, rules and samples.
struct QuorumProcess {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Set by .ci/run: a missing tool fails its test instead of skipping it.
    static let requireTools = ProcessInfo.processInfo.environment["QUORUM_REQUIRE_TOOLS"] == "1"

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `swift build` puts the executable beside the test bundle.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("quorum").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("quorum")
    }()

    let project: URL
    var store: String { project.appendingPathComponent(".quorum/test.sqlite").path }

    init() throws {
        project = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        for folder in ["workflows", "rules", "samples", "scenarios"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: project.appendingPathComponent(folder))
        }
    }

    func path(_ relative: String) -> String { project.appendingPathComponent(relative).path }

    /// Edits a project file as a user would in an editor: replaces `old` with `new`.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let file = path(relative)
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    /// Runs in `directory` (default: the project) with the environment changed as given (nil removes a variable).
    @discardableResult
    func run(_ arguments: [String], in directory: URL? = nil, environment changes: [String: String?] = [:]) throws -> Result {
        try start(arguments, in: directory, environment: changes).finish()
    }

    func start(_ arguments: [String], in directory: URL? = nil, environment changes: [String: String?] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? project
        var environment = ProcessInfo.processInfo.environment
        environment["QUORUM_STORE"] = store
        environment["USER"] = "hanh.hctc"
        // The clerk's signing key lives with the scratch project, never in the home of whoever runs the tests.
        environment["QUORUM_SIGNING_KEY"] = project.appendingPathComponent(".keys/signing.key").path
        environment["QUORUM_KEYRING"] = nil
        // Messages in English unless a test asks for Vietnamese, whatever the machine's locale.
        environment["LANG"] = "C.UTF-8"
        environment["QUORUM_LANG"] = nil
        for (name, value) in changes { environment[name] = value }
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = input
        try process.run()
        return Running(process: process, output: output, errors: errors, input: input)
    }

    struct Running {
        let process: Process
        let output: Pipe
        let errors: Pipe
        /// The command's standard input, when the test holds it.
        var input: Pipe? = nil

        /// Writes `text` to the command's standard input and closes it.
        func input(_ text: String) {
            input?.fileHandleForWriting.write(Data(text.utf8))
            try? input?.fileHandleForWriting.close()
        }

        func finish() -> Result {
            try? input?.fileHandleForWriting.close()
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                          errors: String(decoding: err, as: UTF8.self))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: project) }

    /// Runs `python3` with `arguments`, the environment changed as given, and waits for it.
    static func python(_ arguments: [String], environment changes: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        // UTF-8 whatever the locale, so that Vietnamese in arguments and the environment reaches the script intact.
        process.environment = ProcessInfo.processInfo.environment.merging(changes.merging(["PYTHONUTF8": "1"]) { mine, _ in mine }) { _, new in new }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return Running(process: process, output: output, errors: errors).finish()
    }
}
